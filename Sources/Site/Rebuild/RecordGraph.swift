import Index
import Support

/// The records of a build as the next build compares them: each record, year, tag by number,
/// with a key, a fingerprint and the numbers of what it links to.
///
/// Keys are stable hashes, not names: the state a build leaves in its output folder says
/// nothing about whom the journal knows.
struct RecordGraph: Sendable {
    var keys: [UInt64] = []
    /// For a record, everything a page may show of it: its parsed and linked form, where its
    /// page lives and where the pages of its tags live. Years and tags have no fields of their
    /// own (what they hold is what links to them); the list of years has the years.
    var fingerprints: [UInt64] = []
    /// The same without the record's body and the links in it: what a page that shows the
    /// record in a list, a row or a link depends on. Of the other nodes, their fingerprint.
    var fieldFingerprints: [UInt64] = []
    /// Node `i` links to `linkTargets[linkStarts[i]..<linkStarts[i + 1]]`.
    var linkStarts: [Int32] = [0]
    var linkTargets: [Int32] = []
    /// The journal, for the numbers of records (`Journal.recordNumber(of:)`); nil for a graph
    /// read from a file.
    private var journal: Journal?
    /// The numbers of years, tags and the list of years, which come after the records.
    private var groups: [GraphNode: Int32] = [:]

    var count: Int { keys.count }

    func links(of node: Int) -> ArraySlice<Int32> { linkTargets[Int(linkStarts[node])..<Int(linkStarts[node + 1])] }

    func number(of node: GraphNode) -> Int32? {
        if case let .record(id) = node { return journal?.recordNumber(of: id).map(Int32.init) }
        return groups[node]
    }

    init() {}

    init(journal: Journal, paths: SitePaths, timelineYears: [Int]) {
        self.journal = journal
        let summaries = journal.recordSummaries()
        let fingerprinted = summaries.parallelMap { summary -> (key: UInt64, fingerprint: UInt64, fields: UInt64) in
            var place = StableHash()
            place.combine(paths.page(of: summary.id) ?? "")
            for tag in summary.tags { place.combine(paths.page(ofTag: tag) ?? "") }
            var whole = place
            whole.combine(summary.fingerprint)
            var fields = place
            fields.combine(summary.fieldsFingerprint)
            return (RecordGraph.key(of: .record(summary.id)), whole.value, fields.value)
        }
        let tags = SitePaths.allTags(in: journal)
        let total = summaries.count + timelineYears.count + tags.count + 3
        keys = fingerprinted.map(\.key)
        fingerprints = fingerprinted.map(\.fingerprint)
        fieldFingerprints = fingerprinted.map(\.fields)
        keys.reserveCapacity(total)
        fingerprints.reserveCapacity(total)
        fieldFingerprints.reserveCapacity(total)
        func add(_ node: GraphNode, fingerprint: UInt64) {
            groups[node] = Int32(keys.count)
            keys.append(RecordGraph.key(of: node))
            fingerprints.append(fingerprint)
            fieldFingerprints.append(fingerprint)
        }
        var years = StableHash()
        for year in timelineYears {
            add(.year(year), fingerprint: 0)
            years.combine(year)
        }
        add(.timelineYears, fingerprint: years.value)
        // By the tag's key: a record's `ex-kollegen` is the page of `Ex-Kollegen`.
        for tag in tags { add(.tag(Journal.tagKey(tag)), fingerprint: 0) }
        var fields = StableHash()
        for (key, summary) in zip(keys, summaries) {
            fields.combine(key)
            fields.combine(summary.fieldsFingerprint)
        }
        add(.everyRecordsFields, fingerprint: fields.value)
        var orgFields = StableHash()
        for (key, summary) in zip(keys, summaries) where summary.id.kind == .org {
            orgFields.combine(key)
            orgFields.combine(summary.fieldsFingerprint)
        }
        add(.everyOrgsFields, fingerprint: orgFields.value)

        // In the order of the records' numbers: contacts, encounters, publications, orgs, goals.
        let datedYears: [Int?] =
            Array(repeating: nil, count: journal.contacts.count) + journal.encounters.map { $0.date.day.year }
            + journal.publications.map { $0.date?.year }
            + Array(repeating: nil, count: journal.orgs.count + journal.goals.count)
        linkStarts.reserveCapacity(total + 1)
        for (summary, year) in zip(summaries, datedYears) {
            linkTargets.append(contentsOf: summary.links)
            if let year, let number = groups[.year(year)] { linkTargets.append(number) }
            for tag in summary.tags { if let number = groups[.tag(Journal.tagKey(tag))] { linkTargets.append(number) } }
            linkStarts.append(Int32(linkTargets.count))
        }
        while linkStarts.count <= keys.count { linkStarts.append(Int32(linkTargets.count)) }
    }

    /// How a page read a node, the low two bits of a dependency (`dependencies(of:)`): its
    /// fields alone (0), the fields of what links to it too (`linkFields`), itself whole, its
    /// notes too (`whole`), or itself and what links to it whole (`links`, which says more than
    /// every other, so that or-ing two readings never says less than either).
    enum Reading {
        static let shift: Int32 = 2
        static let linkFields: Int32 = 1
        static let whole: Int32 = 2
        static let links: Int32 = 3
    }

    /// What a page read, sorted, each node once: its number shifted left by `Reading.shift`,
    /// with the bits of how it was read (`Reading`) or-ed together.
    func dependencies(of page: ReadLog) -> [Int32] {
        var entries = page.fields.compactMap { number(of: $0).map { $0 << Reading.shift } }
        entries += page.linkFields.compactMap { number(of: $0).map { $0 << Reading.shift | Reading.linkFields } }
        entries += page.wholes.compactMap { number(of: $0).map { $0 << Reading.shift | Reading.whole } }
        entries += page.links.compactMap { number(of: $0).map { $0 << Reading.shift | Reading.links } }
        entries.sort()
        var result: [Int32] = []
        result.reserveCapacity(entries.count)
        for entry in entries {
            if let last = result.last, last >> Reading.shift == entry >> Reading.shift {
                result[result.count - 1] = last | entry
            } else {
                result.append(entry)
            }
        }
        return result
    }

    static func key(of node: GraphNode) -> UInt64 {
        var hash = StableHash()
        switch node {
        case let .record(id):
            hash.combine(marker: 1)
            hash.combine(id.kind.rawValue)
            hash.combine(id.slug)
        case let .year(year):
            hash.combine(marker: 2)
            hash.combine(year)
        case let .tag(tag):
            hash.combine(marker: 3)
            hash.combine(tag)
        case .timelineYears:
            hash.combine(marker: 4)
        case .everyRecordsFields:
            hash.combine(marker: 5)
        case .everyOrgsFields:
            hash.combine(marker: 6)
        }
        return hash.value
    }
}

extension StableHash {
    mutating func combine(_ word: UInt64) { combine(Int(Int64(bitPattern: word))) }
}
