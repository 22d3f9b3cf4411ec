import Foundation
import Index

/// The first stage of a build: which pages the site has and their final names, decided before
/// any page is made. In an encrypted build the names are already the opaque ones
/// (`SitePaths.Naming.sealed`), so every link is written right the first time.
struct SitePlan: Sendable {
    let context: SiteContext
    let pages: [PageMaker]
    /// Seals every page and file of an encrypted build; nil for a site in the clear.
    let sealer: SealedSite?
    /// Whether the build keeps the state a rebuild needs: every private build does (an
    /// encrypted one seals it); a public build is small and always made whole.
    let keepsState: Bool

    /// One page, before it is made: its final name, and how to make its view model from a
    /// context (which notes what the page read).
    struct PageMaker: Sendable {
        var path: String
        var make: @Sendable (SiteContext) -> PageJob?
    }

    init(journal: Journal, today: Day, publicOnly: Bool, sealer: SealedSite?) {
        let context = SiteContext(journal: journal, today: today, naming: sealer?.naming ?? .clear)
        self.context = context
        self.sealer = sealer
        self.keepsState = !publicOnly
        self.pages = publicOnly ? SitePlan.publicPages(context) : SitePlan.privatePages(context)
    }

    /// The same pages over another journal with the same shape: the paths and makers are kept
    /// (a maker holds a record's position, and finds the record in the context it is given),
    /// the context is the new journal's. `ties serve` plans a change this way when it added,
    /// removed or reordered no record, tag or year.
    init(reusing previous: SitePlan, journal: Journal, today: Day) {
        context = SiteContext(journal: journal, today: today, paths: previous.context.paths)
        pages = previous.pages
        sealer = nil
        keepsState = previous.keepsState
    }

    /// What the pages and their names follow from, besides the makers' code: the records of
    /// each kind in their order, which records carry each tag, the timeline's years, ties.yaml.
    struct Shape: Equatable, Sendable {
        var slugs: [[String]]
        var tags: [String: [RecordID]]
        var years: [Int]
        var config: JournalConfig

        init(_ journal: Journal) {
            slugs = [
                journal.contacts.map(\.slug), journal.encounters.map(\.slug), journal.publications.map(\.slug),
                journal.orgs.map(\.slug), journal.goals.map(\.slug),
            ]
            tags = journal.recordsByTag()
            years = JournalReader.timelineYears(of: journal)
            config = journal.config
        }
    }

    /// The pages of the private site: each maker holds only its record's number, and finds the
    /// record in the context it is given.
    static func privatePages(_ context: SiteContext) -> [PageMaker] {
        let journal = context.journal.whole
        let paths = context.paths
        func makers<R: Record>(_ kind: R.Type) -> [PageMaker] {
            let records = journal[R.self]
            return records.indices.compactMap { index in
                paths.page(of: records[index].recordID).map { path in
                    PageMaker(path: path) { context in
                        let record = context.journal.whole[R.self][index]
                        // The whole record, notes and all, and what links to it.
                        context.journal.read(record.recordID)
                        context.journal.readLinks(of: .record(record.recordID))
                        return context.recordPage(record)
                    }
                }
            }
        }
        var result: [PageMaker] = []
        for page in FixedPage.allCases {
            // The timeline is a page per year besides `timeline.html`.
            if page == .timeline {
                result += context.timelinePages()
            } else {
                result.append(PageMaker(path: paths.page(page)) { $0.make(page) })
            }
        }
        // Each kind named, in `RecordKind` order (see `RecordKind.recordType`).
        result += makers(Contact.self)
        result += makers(Encounter.self)
        result += makers(Publication.self)
        result += makers(Org.self)
        result += makers(Goal.self)
        result += context.tagPages()
        return result
    }

    /// The pages of the public build: the log and a page per published item.
    static func publicPages(_ context: SiteContext) -> [PageMaker] {
        context.publicPages().map { job in PageMaker(path: job.path) { _ in job } }
    }

    /// The files of a site besides its pages, and the search words to keep for the next build
    /// (none in a public build, which has no search).
    struct OtherFiles {
        var files: [(path: String, data: Data)]
        var searchWords: SearchWords?
    }

    /// The other files of the site: the look, the search index, the feeds, robots.txt (the
    /// public build: the look and the feeds); in an encrypted build the search index and the
    /// feeds sealed. `searchWords` are the last build's, reused for records whose texts are
    /// the same.
    func files(theme: Theme, publicOnly: Bool, searchWords: SearchWords) throws -> OtherFiles {
        let paths = context.paths
        let feeds = Feeds(journal: context.journal.whole, paths: paths) { paths.page(of: $0.recordID) }
        let assets = theme.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if publicOnly {
            return OtherFiles(
                files: assets + [
                    ("feed.xml", Data(feeds.atom(logPage: FixedPage.dashboard.path).utf8)),
                    ("feed.json", Data(feeds.json(logPage: FixedPage.dashboard.path).utf8)),
                ])
        }
        guard let sealer else { return clearFiles(theme: theme, searchWords: searchWords) }
        let log = paths.page(.publications)
        let search = SearchIndex.json(for: context, reusing: searchWords)
        // The feeds keep their names, which say nothing; what they hold is sealed.
        return OtherFiles(
            files: try assets + [
                ("robots.txt", Self.robots),
                ("search-index.js", sealer.searchIndex(json: search.json)),
                ("feed.xml", sealer.file(Data(feeds.atom(logPage: log).utf8), at: "feed.xml")),
                ("feed.json", sealer.file(Data(feeds.json(logPage: log).utf8), at: "feed.json")),
            ], searchWords: search.words)
    }

    /// The other files of the private site, not encrypted: what `ties serve` serves.
    func clearFiles(theme: Theme, searchWords: SearchWords = SearchWords()) -> OtherFiles {
        let paths = context.paths
        let feeds = Feeds(journal: context.journal.whole, paths: paths) { paths.page(of: $0.recordID) }
        let log = paths.page(.publications)
        let search = SearchIndex.script(for: context, reusing: searchWords)
        return OtherFiles(
            files: theme.assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [
                ("robots.txt", Self.robots), ("search-index.js", search.script),
                ("feed.xml", Data(feeds.atom(logPage: log).utf8)), ("feed.json", Data(feeds.json(logPage: log).utf8)),
            ], searchWords: search.words)
    }

    private static let robots = Data("# A private site: no robot may index any of it.\nUser-agent: *\nDisallow: /\n".utf8)
}
