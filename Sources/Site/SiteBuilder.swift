import Foundation
import Index
import Support
import Template

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

    /// Builds the site in stages: plan (the pages and their final names), decide (what a
    /// rebuild must make, from the state the last build left), render, seal (an encrypted
    /// build) and write. Pages are made, rendered and written in parallel batches.
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
        if options.password != nil && options.publicOnly {
            throw Failure(description: "a public build is for publishing and is never encrypted; leave out --encrypt or --public")
        }
        let theme = Theme(overrides: journal.root.appending(path: "theme"))
        do {
            let folder = try OutputFolder(output.path)
            let sealer = try options.password.map { SealedSite(cipher: try SealedSite.cipher(password: $0, output: folder)) }
            let today = options.today ?? Day.today(in: journal.config.timezone)
            var timer = PhaseTimer()
            let plan = SitePlan(journal: journal, today: today, publicOnly: options.publicOnly, sealer: sealer)
            let context = plan.context
            timer.lap("plan the site")
            // Three things that need nothing of each other, at once: the files besides the pages
            // (the search index, the feeds), what this build's records are, and what the last
            // build left. The longest first: on two cores the third starts when one is done.
            let publicOnly = options.publicOnly
            let (otherFiles, graph, previous) = concurrently(
                {
                    Swift.Result {
                        let words = plan.keepsState ? SearchWords.read(from: folder, sealer: sealer) : SearchWords()
                        return try plan.files(theme: theme, publicOnly: publicOnly, searchWords: words)
                    }
                },
                {
                    plan.keepsState
                        ? RecordGraph(journal: journal, paths: context.paths, timelineYears: context.journal.timelineYears) : nil
                },
                {
                    (
                        state: plan.keepsState ? PageState.read(from: folder, sealer: sealer) : nil,
                        manifest: SiteWriter.manifest(in: folder)
                    )
                })
            var writer = try SiteWriter(output: folder, previous: previous.manifest)
            var state: PageState?
            var decision = RebuildPlan.none
            if let graph {
                let global = globalFingerprint(journal, theme: theme, today: today)
                decision = RebuildPlan(previous: previous.state, current: graph, global: global)
                state = PageState(global: global, records: graph)
            }
            timer.lap("compare with the last build; search index and feeds")
            PageState.remove(from: folder)
            let rendering = PageRendering(theme: theme, sealer: sealer, words: context.words, language: context.t.lang)
            let pages = try write(
                plan.pages, context: context, plan: decision, state: &state, rendering: rendering, into: &writer)
            timer = PhaseTimer()
            let other = try otherFiles.get()
            try writer.write(other.files)
            // The state is encoded while the manifest is written.
            nonisolated(unsafe) var stateData: Data?
            let encoding = DispatchGroup()
            if let state { DispatchQueue.global().async(group: encoding) { stateData = state.data() } }
            let report = try writer.finish()
            encoding.wait()
            if let stateData { try PageState.store(stateData, in: folder, sealer: sealer) }
            if let words = other.searchWords { try SearchWords.store(words, in: folder, sealer: sealer) }
            try SealedSite.store(sealer, in: folder)
            timer.lap("other files, manifest, page state and stale files")
            let tooDeep = pages.tooDeep.sorted { ($0.template, $0.path) < ($1.template, $1.path) }.map { page in
                Diagnostic.error(
                    .templateSyntax,
                    "while rendering \(page.path), templates included one another more than \(TemplateLimits.inclusionDepth) deep"
                        + " or more than \(TemplateLimits.inclusions) times; the deeper ones were left out",
                    at: SourceLocation(path: "theme/\(page.template).mustache"))
            }
            return Result(
                output: output, pages: pages.count, made: pages.made, written: report.written, unchanged: report.unchanged,
                removed: report.removed, themeDiagnostics: theme.diagnostics + tooDeep)
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
    public static func themeDiagnostics(forJournalAt root: URL) -> [Diagnostic] {
        Theme(overrides: root.appending(path: "theme")).diagnostics
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

    /// How many pages are made, rendered and written together: enough to keep every core busy,
    /// few enough that a site of 100,000 pages never sits in memory whole.
    static let batchSize = 1024

    /// Makes, renders and writes the pages in parallel batches; returns how many pages the site
    /// has and how many of them were made.
    ///
    /// A page that `plan` says cannot have changed since the last build is kept without being
    /// made. Every other page is made, and its view model hashed (with the theme and the
    /// version of ties): a page whose hash is the one the last build recorded, and whose file is
    /// still there, is kept without rendering. What each page read goes into `state`.
    static func write(
        _ makers: [SitePlan.PageMaker], context: SiteContext, plan: RebuildPlan, state: inout PageState?,
        rendering: PageRendering, into writer: inout SiteWriter
    ) throws -> (count: Int, made: Int, tooDeep: [(path: String, template: String)]) {
        var timer = PhaseTimer()
        timer.lap("prepare the site")
        var count = 0
        var made = 0
        var rendered = 0
        var tooDeep: [(path: String, template: String)] = []
        defer { timer.lap("keep \(count - made) pages, make \(made), render and write \(rendered)") }
        let records = state?.records
        var start = 0
        while start < makers.count {
            let batch = makers[start..<min(start + batchSize, makers.count)]
            start += batchSize
            let unchanged = unchangedPages(Array(batch), plan: plan, previous: writer.previousBuild)
            var toMake: [(index: Int, maker: SitePlan.PageMaker)] = []
            for (index, maker) in batch.enumerated() {
                if unchanged[index] != nil {
                    writer.keepAsBefore(maker.path)
                } else {
                    toMake.append((index, maker))
                }
            }
            let jobs = toMake.parallelMap { item -> (index: Int, job: PageJob, hash: String, reads: ReadLog)? in
                let reads = ReadLog()
                guard let job = item.maker.make(context.reading(into: reads)) else { return nil }
                precondition(job.path == item.maker.path, "a page made at \(job.path), expected at \(item.maker.path)")
                return (item.index, job, rendering.hash(of: job), reads)
            }.compactMap { $0 }
            count += batch.count - toMake.count + jobs.count
            made += jobs.count
            if state != nil, let records {
                let dependencies = jobs.parallelMap { records.dependencies(of: $0.reads) }
                var madeAt = [Int?](repeating: nil, count: batch.count)
                for (position, job) in jobs.enumerated() { madeAt[job.index] = position }
                for (index, maker) in batch.enumerated() {
                    if let unchanged = unchanged[index] {
                        state?.add(page: maker.path, dependencies: unchanged)
                    } else if let position = madeAt[index] {
                        state?.add(
                            page: maker.path, dependencies: dependencies[position])
                    }
                }
            }
            let stale = jobs.filter { !writer.keep($0.job.path, hash: $0.hash) }
            rendered += stale.count
            let files = stale.parallelMap { item in Swift.Result { try rendering.file(for: item.job) } }
            var written: [(path: String, data: Data)] = []
            for (item, file) in zip(stale, files) {
                let file = try file.get()
                if file.tooDeep { tooDeep.append((item.job.path, item.job.template.name)) }
                written.append((item.job.path, file.data))
            }
            try writer.write(written, hashes: stale.map(\.hash))
        }
        return (count, made, tooDeep)
    }

    /// What the pages of `batch` read in the last build, for those that cannot have changed
    /// and whose files are still there; nil for the others. Asked on all cores.
    static func unchangedPages(
        _ batch: [SitePlan.PageMaker], plan: RebuildPlan, previous: SiteWriter.PreviousBuild
    ) -> [[Int32]?] {
        var unchanged = batch.parallelMap { plan.unchanged($0.path) }
        let candidates = unchanged.indices.filter { unchanged[$0] != nil }
        let asBefore = previous.areAsBefore(candidates.map { batch[$0].path })
        for (candidate, isAsBefore) in zip(candidates, asBefore) where !isAsBefore { unchanged[candidate] = nil }
        return unchanged
    }
}
