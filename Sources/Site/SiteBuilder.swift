import Foundation
import Index

/// Builds the private static site of a journal: `ties build`.
public enum SiteBuilder {
    public struct Options: Sendable {
        /// The output folder; nil for `output` of ties.yaml under the journal.
        public var output: URL?
        /// The day the dashboard is about; nil for today in the journal's time zone.
        public var today: Day?
        /// Only the publication log, for the owner's website: no contact, encounter or note.
        public var publicOnly: Bool

        public init(output: URL? = nil, today: Day? = nil, publicOnly: Bool = false) {
            self.output = output
            self.today = today
            self.publicOnly = publicOnly
        }

        /// Where a public build goes when no output is given: beside the private site.
        public static let publicOutput = "_public"
    }

    /// What a build did.
    public struct Result: Sendable {
        public var output: URL
        public var pages: Int
        public var written: Int
        public var unchanged: Int
        public var removed: Int
        /// Problems with the journal's own theme files.
        public var themeProblems: [String]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Renders every page in parallel and writes the site.
    ///
    /// Throws `Failure` for an output folder it must not write into (the journal, a folder
    /// holding the journal, or a non-empty folder ties did not make) and for write errors.
    public static func build(_ journal: Journal, options: Options = Options()) throws(Failure) -> Result {
        let output =
            (options.output ?? journal.root.appending(path: options.publicOnly ? Options.publicOutput : journal.config.output))
            .standardizedFileURL
        do {
            try SiteWriter.check(output: output, journal: journal.root)
        } catch {
            throw Failure(description: error.description)
        }
        let context = SiteContext(journal: journal, today: options.today ?? Day.today(in: journal.config.timezone))
        let theme = Theme(overrides: journal.root.appending(path: "theme"))
        do {
            var writer = try SiteWriter(output: output)
            let pages = try write(options.publicOnly ? publicPages(context) : pages(context), with: theme, into: &writer)
            var timer = PhaseTimer()
            try writer.write(options.publicOnly ? publicFiles(context, theme: theme) : files(context, theme: theme))
            timer.lap("search index, feeds and assets")
            let report = try writer.finish()
            timer.lap("manifest and stale files")
            return Result(
                output: output, pages: pages, written: report.written, unchanged: report.unchanged,
                removed: report.removed, themeProblems: theme.problems)
        } catch let refusal as SiteWriter.Refusal {
            throw Failure(description: refusal.description)
        } catch {
            throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
        }
    }

    /// One site context for every page maker to refer to.
    final class SharedContext: Sendable {
        let context: SiteContext
        init(_ context: SiteContext) { self.context = context }
    }

    /// Something that makes one page when asked: view models are built where the page is
    /// rendered, in parallel, and dropped once it is written.
    typealias PageMaker = @Sendable () -> PageJob?

    /// How many pages are made, rendered and written together: enough to keep every core busy,
    /// few enough that a site of 100,000 pages never sits in memory whole.
    static let batchSize = 2048

    /// Renders the pages in parallel batches and hands each batch to the writer; returns how many.
    ///
    /// Each page's view model is hashed first (with the theme and the version of ties): a page
    /// whose hash is the one the previous build recorded, and whose file is still there, is
    /// kept without rendering. That is what makes a rebuild after a small change quick.
    static func write(_ makers: [PageMaker], with theme: Theme, into writer: inout SiteWriter) throws -> Int {
        var timer = PhaseTimer()
        timer.lap("prepare the site")
        var count = 0
        var rendered = 0
        defer { timer.lap("make \(count) pages, render and write \(rendered)") }
        var start = 0
        while start < makers.count {
            let batch = Array(makers[start..<min(start + batchSize, makers.count)])
            let jobs = batch.parallelMap { make -> (job: PageJob, hash: String)? in
                guard let job = make() else { return nil }
                var hash = StableHash()
                hash.combine(theme.fingerprint)
                hash.combine(job.template)
                job.model.combine(into: &hash)
                return (job, hash.hex)
            }.compactMap { $0 }
            count += jobs.count
            let stale = jobs.filter { !writer.keep($0.job.path, hash: $0.hash) }
            rendered += stale.count
            let files = stale.parallelMap { item in (path: item.job.path, data: Data(theme.render(item.job).utf8)) }
            try writer.write(files, hashes: stale.map(\.hash))
            start += batchSize
        }
        return count
    }

    /// The pages of the private site. The makers share one context rather than each holding a
    /// copy of it: a site has a maker per record.
    static func pages(_ context: SiteContext) -> [PageMaker] {
        let shared = SharedContext(context)
        let journal = context.journal
        var makers: [PageMaker] = [
            { shared.context.dashboard() }, { shared.context.contactList() }, { shared.context.orgList() },
            { shared.context.publicationList() }, { shared.context.goalList() },
        ]
        makers += context.timelinePages()
        makers += journal.contacts.indices.map { index in { shared.context.contactPage(shared.context.journal.contacts[index]) } }
        makers += journal.encounters.indices.map { index in
            { shared.context.encounterPage(shared.context.journal.encounters[index]) }
        }
        makers += journal.orgs.indices.map { index in { shared.context.orgPage(shared.context.journal.orgs[index]) } }
        makers += journal.publications.indices.map { index in
            { shared.context.publicationPage(shared.context.journal.publications[index]) }
        }
        makers += journal.goals.indices.map { index in { shared.context.goalPage(shared.context.journal.goals[index]) } }
        makers += context.tagPages()
        return makers
    }

    /// The pages of the public build: the log and a page per published item.
    static func publicPages(_ context: SiteContext) -> [PageMaker] {
        context.publicPages().map { job in { job } }
    }

    /// The other files of the private site: the look, the search index, the feeds, robots.txt.
    static func files(_ context: SiteContext, theme: Theme) -> [(path: String, data: Data)] {
        let feeds = Feeds(journal: context.journal, paths: context.paths) { context.paths.page(of: $0.id) }
        return theme.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [
            ("search-index.js", Data(SearchIndex.script(for: context).utf8)),
            ("feed.xml", Data(feeds.atom(logPage: "publications.html").utf8)),
            ("feed.json", Data(feeds.json(logPage: "publications.html").utf8)),
            ("robots.txt", Data("# A private site: no robot may index any of it.\nUser-agent: *\nDisallow: /\n".utf8)),
        ]
    }

    /// The other files of the public build: the look and the feeds.
    static func publicFiles(_ context: SiteContext, theme: Theme) -> [(path: String, data: Data)] {
        let feeds = Feeds(journal: context.journal, paths: context.paths) { context.paths.page(of: $0.id) }
        return theme.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [
            ("feed.xml", Data(feeds.atom(logPage: "index.html").utf8)),
            ("feed.json", Data(feeds.json(logPage: "index.html").utf8)),
        ]
    }
}
