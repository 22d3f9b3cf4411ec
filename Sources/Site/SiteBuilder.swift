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
        /// Encrypts every page, the search index and the feeds with a key from this password
        /// (docs/SECURITY.md); nil for a site in the clear.
        public var password: String?

        public init(output: URL? = nil, today: Day? = nil, publicOnly: Bool = false, password: String? = nil) {
            self.output = output
            self.today = today
            self.publicOnly = publicOnly
            self.password = password
        }

        /// Where a public build goes when no output is given: beside the private site.
        public static let publicOutput = "_public"
    }

    /// What a build did.
    public struct Result: Sendable {
        public var output: URL
        public var pages: Int
        /// Pages whose view model was made; the others a rebuild kept as the last build left them.
        public var made: Int
        public var written: Int
        public var unchanged: Int
        public var removed: Int
        /// Problems with the journal's own theme files (`SiteBuilder.themeDiagnostics`).
        public var themeDiagnostics: [Diagnostic]
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
        if options.password != nil && options.publicOnly {
            throw Failure(description: "a public build is for publishing and is never encrypted; leave out --encrypt or --public")
        }
        do {
            let folder = try OutputFolder(output.path)
            let makers = options.publicOnly ? publicPages(context) : pages(context)
            let sealer = try options.password.map { password in
                SealedSite(
                    cipher: try SealedSite.cipher(password: password, output: folder), language: context.t.lang,
                    labels: context.t, pages: makers.map(\.path))
            }
            var timer = PhaseTimer()
            // Three things that need nothing of each other, at once: what this build's records are,
            // what the last build left, and the files besides the pages (the search index, the feeds).
            // A public build keeps no state (it is small); an encrypted one neither, as the state
            // names every page.
            let keepsState = !options.publicOnly && sealer == nil
            let publicOnly = options.publicOnly
            let (graph, previous, otherFiles) = concurrently(
                {
                    keepsState
                        ? RecordGraph(journal: journal, paths: context.paths, timelineYears: context.journal.timelineYears) : nil
                },
                { (state: keepsState ? PageState.read(from: folder) : nil, manifest: SiteWriter.manifest(in: folder)) },
                {
                    publicOnly
                        ? Swift.Result { SiteBuilder.publicFiles(context, theme: theme) }
                        : Swift.Result { try SiteBuilder.files(context, theme: theme, sealer: sealer) }
                })
            var writer = try SiteWriter(output: folder, previous: previous.manifest)
            var state: PageState?
            var plan = RebuildPlan.none
            if let graph {
                let global = globalFingerprint(journal, theme: theme, today: context.today)
                plan = RebuildPlan(previous: previous.state, current: graph, global: global)
                state = PageState(global: global, records: graph)
            }
            timer.lap("compare with the last build; search index and feeds")
            PageState.remove(from: folder)
            let (pages, made) = try write(
                makers, context: context, plan: plan, state: &state,
                sealer: sealer, with: theme, into: &writer)
            timer = PhaseTimer()
            try writer.write(otherFiles.get())
            // The state is encoded while the manifest is written.
            nonisolated(unsafe) var stateData: Data?
            let encoding = DispatchGroup()
            if let state { DispatchQueue.global().async(group: encoding) { stateData = state.data() } }
            let report = try writer.finish()
            encoding.wait()
            if let stateData { try PageState.store(stateData, in: folder) }
            try SealedSite.store(sealer, in: folder)
            timer.lap("other files, manifest, page state and stale files")
            return Result(
                output: output, pages: pages, made: made, written: report.written, unchanged: report.unchanged,
                removed: report.removed, themeDiagnostics: theme.diagnostics)
        } catch let refusal as SiteWriter.Refusal {
            throw Failure(description: refusal.description)
        } catch let failure as OutputFolder.Failure {
            throw Failure(description: failure.description)
        } catch {
            throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
        }
    }

    /// Problems with the templates and files of the journal's `theme/`, for `ties check`: a
    /// build reports the same ones and uses the built-in file for each.
    public static func themeDiagnostics(for journal: Journal) -> [Diagnostic] {
        Theme(overrides: journal.root.appending(path: "theme")).diagnostics
    }

    /// What every page depends on besides records: the theme, ties.yaml and the day (the
    /// program is in the state's header). When it changes, every page is made again.
    static func globalFingerprint(_ journal: Journal, theme: Theme, today: Day) -> UInt64 {
        var hash = StableHash()
        hash.combine(theme.fingerprint)
        hash.combine(bytes: [UInt8]((try? Data(contentsOf: journal.root.appending(path: "ties.yaml"))) ?? Data()))
        hash.combine(today.description)
        return hash.value
    }

    /// One page, before it is made: where it goes, and how to make its view model from a
    /// context (which notes what the page read).
    struct PageMaker: Sendable {
        var path: String
        var make: @Sendable (SiteContext) -> PageJob?
    }

    /// How many pages are made, rendered and written together: enough to keep every core busy,
    /// few enough that a site of 100,000 pages never sits in memory whole.
    static let batchSize = 2048

    /// Makes, renders and writes the pages in parallel batches; returns how many pages the site
    /// has and how many of them were made.
    ///
    /// A page that `plan` says cannot have changed since the last build is kept without being
    /// made. Every other page is made, and its view model hashed (with the theme and the
    /// version of ties): a page whose hash is the one the last build recorded, and whose file is
    /// still there, is kept without rendering. What each page read goes into `state`.
    static func write(
        _ makers: [PageMaker], context: SiteContext, plan: RebuildPlan, state: inout PageState?, sealer: SealedSite? = nil,
        with theme: Theme, into writer: inout SiteWriter
    ) throws -> (pages: Int, made: Int) {
        var timer = PhaseTimer()
        timer.lap("prepare the site")
        var count = 0
        var made = 0
        var rendered = 0
        defer { timer.lap("keep \(count - made) pages, make \(made), render and write \(rendered)") }
        let records = state?.records
        var start = 0
        while start < makers.count {
            let batch = makers[start..<min(start + batchSize, makers.count)]
            start += batchSize
            let unchanged = unchangedPages(Array(batch), plan: plan, previous: writer.previousBuild)
            var toMake: [(index: Int, maker: PageMaker)] = []
            for (index, maker) in batch.enumerated() {
                if unchanged[index] != nil {
                    writer.keepAsBefore(maker.path)
                } else {
                    toMake.append((index, maker))
                }
            }
            let jobs = toMake.parallelMap { item -> (index: Int, job: PageJob, hash: String, reads: PageDependencies)? in
                let reads = PageDependencies()
                guard let job = item.maker.make(context.reading(into: reads)) else { return nil }
                precondition(job.path == item.maker.path, "a page made at \(job.path), expected at \(item.maker.path)")
                var hash = StableHash()
                hash.combine(sealer?.cipher.pageHashKey ?? "")
                hash.combine(theme.fingerprint)
                hash.combine(job.template)
                hash.combine(job.model)
                return (item.index, job, hash.hex, reads)
            }.compactMap { $0 }
            count += batch.count - toMake.count + jobs.count
            made += jobs.count
            if state != nil, let records {
                let dependencies = jobs.parallelMap { records.dependencies(of: $0.reads) }
                var madeAt = [Int?](repeating: nil, count: batch.count)
                for (position, job) in jobs.enumerated() { madeAt[job.index] = position }
                for (index, maker) in batch.enumerated() {
                    if let unchanged = unchanged[index] {
                        state?.add(page: maker.path, everything: unchanged.everything, dependencies: unchanged.dependencies)
                    } else if let position = madeAt[index] {
                        state?.add(
                            page: maker.path, everything: jobs[position].reads.everything, dependencies: dependencies[position])
                    }
                }
            }
            let stale = jobs.filter { !writer.keep(sealer?.name(of: $0.job.path) ?? $0.job.path, hash: $0.hash) }
            rendered += stale.count
            let files = stale.parallelMap { item -> Swift.Result<(path: String, data: Data), any Error> in
                let html = String(decoding: theme.render(item.job).html, as: UTF8.self)
                guard let sealer else { return .success((item.job.path, Data(html.utf8))) }
                return Swift.Result { (sealer.name(of: item.job.path), try sealer.page(html, at: item.job.path)) }
            }
            try writer.write(files.map { try $0.get() }, hashes: stale.map(\.hash))
        }
        return (count, made)
    }

    /// What the pages of `batch` read in the last build, for those that cannot have changed
    /// and whose files are still there; nil for the others. Asked on all cores.
    static func unchangedPages(
        _ batch: [PageMaker], plan: RebuildPlan, previous: SiteWriter.PreviousBuild
    ) -> [(everything: Bool, dependencies: [Int32])?] {
        var unchanged = batch.parallelMap { plan.unchanged($0.path) }
        let candidates = unchanged.indices.filter { unchanged[$0] != nil }
        let asBefore = previous.areAsBefore(candidates.map { batch[$0].path })
        for (candidate, isAsBefore) in zip(candidates, asBefore) where !isAsBefore { unchanged[candidate] = nil }
        return unchanged
    }

    /// The pages of the private site: each maker holds only its record's number, and finds the
    /// record in the context it is given.
    static func pages(_ context: SiteContext) -> [PageMaker] {
        let journal = context.journal.whole
        let paths = context.paths
        func makers<R: Record>(
            _ records: [R], _ all: KeyPath<Journal, [R]> & Sendable,
            _ page: @escaping @Sendable (SiteContext, R) -> PageJob?
        ) -> [PageMaker] {
            records.indices.compactMap { index in
                paths.page(of: records[index].id).map { path in
                    PageMaker(path: path) { context in
                        let record = context.journal.whole[keyPath: all][index]
                        context.journal.read(record.id)
                        return page(context, record)
                    }
                }
            }
        }
        var result: [PageMaker] = [
            PageMaker(path: "index.html") { $0.dashboard() }, PageMaker(path: "contacts.html") { $0.contactList() },
            PageMaker(path: "orgs.html") { $0.orgList() }, PageMaker(path: "publications.html") { $0.publicationList() },
            PageMaker(path: "goals.html") { $0.goalList() },
        ]
        result += context.timelinePages()
        result += makers(journal.contacts, \.contacts) { $0.contactPage($1) }
        result += makers(journal.encounters, \.encounters) { $0.encounterPage($1) }
        result += makers(journal.orgs, \.orgs) { $0.orgPage($1) }
        result += makers(journal.publications, \.publications) { $0.publicationPage($1) }
        result += makers(journal.goals, \.goals) { $0.goalPage($1) }
        result += context.tagPages()
        return result
    }

    /// The pages of the public build: the log and a page per published item.
    static func publicPages(_ context: SiteContext) -> [PageMaker] {
        context.publicPages().map { job in PageMaker(path: job.path) { _ in job } }
    }

    /// The other files of the private site: the look, the search index, the feeds, robots.txt;
    /// with a `sealer`, the search index and the feeds sealed.
    static func files(_ context: SiteContext, theme: Theme, sealer: SealedSite? = nil) throws -> [(path: String, data: Data)] {
        let feeds = Feeds(journal: context.journal.whole, paths: context.paths) { context.paths.page(of: $0.id) }
        var files = theme.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        files.append(("robots.txt", Data("# A private site: no robot may index any of it.\nUser-agent: *\nDisallow: /\n".utf8)))
        let atom = Data(feeds.atom(logPage: "publications.html").utf8)
        let json = Data(feeds.json(logPage: "publications.html").utf8)
        guard let sealer else {
            return files + [
                ("search-index.js", Data(SearchIndex.script(for: context).utf8)), ("feed.xml", atom), ("feed.json", json),
            ]
        }
        return try files + [
            ("search-index.js", sealer.searchIndex(json: SearchIndex.json(for: context, page: sealer.name(of:)))),
            (sealer.name(of: "feed.xml"), sealer.file(atom, at: "feed.xml")),
            (sealer.name(of: "feed.json"), sealer.file(json, at: "feed.json")),
        ]
    }

    /// The other files of the public build: the look and the feeds.
    static func publicFiles(_ context: SiteContext, theme: Theme) -> [(path: String, data: Data)] {
        let feeds = Feeds(journal: context.journal.whole, paths: context.paths) { context.paths.page(of: $0.id) }
        return theme.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [
            ("feed.xml", Data(feeds.atom(logPage: "index.html").utf8)),
            ("feed.json", Data(feeds.json(logPage: "index.html").utf8)),
        ]
    }
}
