import Index
import Support

/// Where each page of the site lives: ASCII file names, unique, always inside the output folder.
///
/// Slugs come from file names and may hold any character; each path component is made into a
/// slug again (`[a-z0-9-]` only), so nothing from the journal can name `..`, a hidden file or a
/// path outside the site. Two records whose names fold to one file name get `-2`, `-3`, … in
/// the order of their slugs, so the mapping is the same on every build.
///
/// An encrypted build names every page but `index.html` opaquely (`Naming.sealed`): the names
/// are decided here, before any page is made, so every link is written with its final name and
/// all pages lie in one folder.
public struct SitePaths: Sendable {
    private var pages: [RecordID: String] = [:]
    private var tagPages: [String: String] = [:]
    /// The pages not of a record, and the timeline's years.
    private var fixedPages: [FixedPage: String] = [:]
    private var yearPages: [Int: String] = [:]
    private let naming: Naming

    /// How pages are named: by what they show, or opaquely in an encrypted build.
    public enum Naming: Sendable {
        case clear
        /// The opaque name of a page's clear path (without `.html`).
        case sealed(@Sendable (String) -> String)
    }

    /// Whether pages are sealed (an encrypted build).
    var isSealed: Bool {
        if case .sealed = naming { return true }
        return false
    }

    public init(journal: Journal, naming: Naming = .clear) {
        self.naming = naming
        var taken = Set<String>()
        func assign(_ id: RecordID) {
            // Most slugs are slugs in every part already, and are used as they are.
            let stem =
                Slug.isSlugInEveryPart(id.slug)
                ? id.kind.folder + "/" + id.slug
                : ([id.kind.folder]
                    + id.slug.split(separator: "/", omittingEmptySubsequences: false).map {
                        Slug.fitted(Slug.make(from: String($0)))
                    }).joined(separator: "/")
            var path = stem + ".html"
            var counter = 2
            while !taken.insert(path).inserted {
                path = "\(stem)-\(counter).html"
                counter += 1
            }
            pages[id] = path
        }
        pages.reserveCapacity(journal.counts.values.reduce(0, +))
        taken.reserveCapacity(journal.counts.values.reduce(0, +))
        // The slugs read in place: a copy of a record would retain every field of it.
        func slugs<R: Record>(_ records: RecordTable<R>) -> [String] {
            records.withUnsafeBufferPointer { records in records.indices.map { records[$0].slug } }
        }
        for slug in slugs(journal.contacts) { assign(RecordID(.contact, slug)) }
        // By slug, like the other kinds; the slugs alone are sorted, not the records.
        for slug in slugs(journal.encounters).sorted() { assign(RecordID(.encounter, slug)) }
        for slug in slugs(journal.publications).sorted() { assign(RecordID(.publication, slug)) }
        for slug in slugs(journal.orgs) { assign(RecordID(.org, slug)) }
        for slug in slugs(journal.goals) { assign(RecordID(.goal, slug)) }
        var tagsTaken = Set<String>()
        for tag in SitePaths.allTags(in: journal) {
            let stem = "tags/" + Slug.fitted(Slug.make(from: tag))
            var path = stem + ".html"
            var counter = 2
            while tagsTaken.contains(path) {
                path = "\(stem)-\(counter).html"
                counter += 1
            }
            tagsTaken.insert(path)
            tagPages[Journal.tagKey(tag)] = path
        }
        for page in FixedPage.allCases { fixedPages[page] = page.path }
        for year in JournalReader.timelineYears(of: journal) { yearPages[year] = SitePaths.timelinePath(year: year) }
        if case .sealed(let name) = naming {
            let records = Array(pages)
            let renamed = records.parallelMap { name($0.value) }
            for (record, opaque) in zip(records, renamed) { pages[record.key] = opaque }
            for (tag, path) in tagPages { tagPages[tag] = name(path) }
            for page in FixedPage.allCases where page != .dashboard { fixedPages[page] = name(page.path) }
            for (year, path) in yearPages { yearPages[year] = name(path) }
        }
    }

    /// The page of a record, relative to the site's root.
    public func page(of id: RecordID) -> String? { pages[id] }

    /// The page of a tag, relative to the site's root.
    public func page(ofTag tag: String) -> String? { tagPages[Journal.tagKey(tag)] }

    /// A page every private site has.
    public func page(_ page: FixedPage) -> String { fixedPages[page] ?? page.path }

    /// The page of one year of the timeline; nil for a year the journal has nothing in.
    public func timeline(year: Int) -> String? { yearPages[year] }

    private static func timelinePath(year: Int) -> String { "timeline/\(year).html" }

    /// `../` repeated once per folder of `path`: the way back to the site's root.
    public static func root(from path: String) -> String {
        let depth = path.utf8.count { $0 == UInt8(ascii: "/") }
        return depth < ups.count ? ups[depth] : String(repeating: "../", count: depth)
    }

    /// Made once: every link on every page starts with one of these.
    private static let ups = (0..<8).map { String(repeating: "../", count: $0) }

    /// Every tag used in the journal, sorted: one name for tags that differ only in case.
    public static func allTags(in journal: Journal) -> [String] {
        journal.recordsByTag().keys.sorted()
    }
}
