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
        let files = options.publicOnly ? renderPublic(context, theme: theme) : render(context, theme: theme)
        do {
            let report = try SiteWriter(output: output).write(files)
            return Result(
                output: output, pages: files.keys.filter { $0.hasSuffix(".html") }.count,
                written: report.written, unchanged: report.unchanged, removed: report.removed,
                themeProblems: theme.problems)
        } catch let refusal as SiteWriter.Refusal {
            throw Failure(description: refusal.description)
        } catch {
            throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
        }
    }

    /// Every file of the public build: the log, a page per published item, the feeds, the look.
    static func renderPublic(_ context: SiteContext, theme: Theme) -> [String: Data] {
        var files = Dictionary(
            context.publicPages().parallelMap { job in (job.path, Data(theme.render(job).utf8)) },
            uniquingKeysWith: { first, _ in first })
        for (name, data) in theme.assets { files[name] = data }
        let feeds = Feeds(journal: context.journal, paths: context.paths) { context.paths.page(of: $0.id) }
        files["feed.xml"] = Data(feeds.atom(logPage: "index.html").utf8)
        files["feed.json"] = Data(feeds.json(logPage: "index.html").utf8)
        return files
    }

    /// Every file of the site: path → bytes.
    static func render(_ context: SiteContext, theme: Theme) -> [String: Data] {
        let journal = context.journal
        var jobs: [PageJob] = [
            context.dashboard(), context.contactList(), context.orgList(), context.publicationList(),
            context.goalList(),
        ]
        jobs += context.timelinePages()
        jobs += journal.contacts.compactMap(context.contactPage)
        jobs += journal.encounters.compactMap(context.encounterPage)
        jobs += journal.orgs.compactMap(context.orgPage)
        jobs += journal.publications.compactMap(context.publicationPage)
        jobs += journal.goals.compactMap(context.goalPage)
        jobs += context.tagPages()
        let pages = jobs.parallelMap { job in (job.path, Data(theme.render(job).utf8)) }
        var files = Dictionary(pages, uniquingKeysWith: { first, _ in first })
        for (name, data) in theme.assets { files[name] = data }
        files["search-index.js"] = Data(SearchIndex.script(for: context).utf8)
        let feeds = Feeds(journal: journal, paths: context.paths) { context.paths.page(of: $0.id) }
        files["feed.xml"] = Data(feeds.atom(logPage: "publications.html").utf8)
        files["feed.json"] = Data(feeds.json(logPage: "publications.html").utf8)
        files["robots.txt"] = Data("# A private site: no robot may index any of it.\nUser-agent: *\nDisallow: /\n".utf8)
        return files
    }
}
