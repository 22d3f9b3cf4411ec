import Support

/// A record that contains a searched text, and where: the best place it was found.
public struct SearchHit: Sendable, Equatable {
    /// Where in the record the text was found, best first.
    public enum Place: String, Sendable, Comparable, Codable, CaseIterable {
        case name, alias, tag, org, title, venue, place, notes

        /// In the order of `allCases`, without making that array for each comparison.
        public static func < (a: Place, b: Place) -> Bool { a.order < b.order }

        private var order: Int {
            switch self {
            case .name: return 0
            case .alias: return 1
            case .tag: return 2
            case .org: return 3
            case .title: return 4
            case .venue: return 5
            case .place: return 6
            case .notes: return 7
            }
        }
    }

    public var record: RecordID
    public var name: String
    public var place: Place
    /// The text it was found in: the name, the tag, the line of notes (shortened around it).
    public var excerpt: String
    /// For notes, the line in the file.
    public var location: SourceLocation?
}

/// What search looks through in a record besides its notes, best place first: the one
/// definition `ties search` and the site's search index share, so that both find the same
/// records for the same query.
public enum SearchFields {
    /// Calls `body` with each field in that order until it returns false; the record is read
    /// in place, with no array of its fields made.
    public static func visit<R: Record>(_ record: R, _ body: (SearchHit.Place, String) -> Bool) {
        _ =
            body(.name, record.displayName) && record.aliases.allSatisfy { body(.alias, $0) }
            && record.tags.allSatisfy { body(.tag, "#" + $0) } && record.searchPlaces.allSatisfy { body($0.place, $0.text) }
    }

    /// Every field's text, in that order.
    public static func texts<R: Record>(of record: R) -> [String] {
        var texts: [String] = []
        visit(record) { _, text in
            texts.append(text)
            return true
        }
        return texts
    }

    /// The words of a query as search compares them (`TextFolding.searchKey`): a record is
    /// found when each of them is in one of its fields or its notes.
    public static func words(of query: String) -> [[UInt8]] {
        query.split(whereSeparator: \.isWhitespace).map { TextFolding.searchKey($0) }.filter { !$0.isEmpty }
    }
}

public extension Journal {
    /// The most hits `search` returns; a text found everywhere is not a search.
    static let mostSearchHits = 500

    /// Every record that holds each word of `text` in its name or title, aliases, tags, org,
    /// job title, venue, place or notes, ignoring case and accents and reading umlauts either
    /// way (`schafer` and `schaefer` find `Schäfer`): one hit per record, at the best place a
    /// word was found, ordered by place, then kind, then name.
    func search(_ text: String) -> (hits: [SearchHit], total: Int) {
        let words = SearchFields.words(of: text).map(TextFolding.SearchWord.init(key:))
        guard !words.isEmpty else { return ([], 0) }
        /// A hit as found: for notes, the line and excerpt are worked out only for the hits
        /// listed, since a common word is in most bodies.
        struct Found: Sendable {
            var hit: SearchHit
            var body: String?
            var bodyLine = 1
            /// The word to show the line of notes for.
            var word: [UInt8] = []
        }
        /// The hits among one kind's records, on all cores, in the journal's order.
        func scan<R: Record>(_ type: R.Type) -> [Found] {
            // In place: a copy of each record would retain all it holds, for nothing.
            self[R.self].withUnsafeBufferPointer { records in
                nonisolated(unsafe) let records = records
                return parallelResults(count: records.count) { range, set in
                    var scratch: [UInt8] = []
                    for index in range { set(index, Self.find(words, in: records[index], scratch: &scratch)) }
                }
                .compactMap { $0.map { Found(hit: $0.hit, body: $0.body, bodyLine: $0.bodyLine, word: $0.word) } }
            }
        }
        // Each kind named, in `RecordKind` order, so that the scan is compiled for its type:
        // called through `kind.recordType` it copied every record it read (a third of a search).
        let found = [
            scan(Contact.self), scan(Encounter.self), scan(Publication.self), scan(Org.self), scan(Goal.self),
        ]
        .joined()
        // Ordered by place, then kind, then name: only the groups that reach the listed hits
        // are sorted by name (a common word is in most bodies, and folding every name to sort
        // them was a third of a search).
        struct Group: Hashable {
            var place: SearchHit.Place
            var kind: RecordKind
        }
        var groups: [Group: [Found]] = [:]
        var total = 0
        for item in found {
            groups[Group(place: item.hit.place, kind: item.hit.record.kind), default: []].append(item)
            total += 1
        }
        var listed: [Found] = []
        for key in groups.keys.sorted(by: { ($0.place, $0.kind) < ($1.place, $1.kind) })
        where listed.count < Self.mostSearchHits {
            let group = groups[key] ?? []
            let keys = group.map { NameOrder.key($0.hit.name) }
            let order = group.indices.sorted {
                (keys[$0], group[$0].hit.record.slug) < (keys[$1], group[$1].hit.record.slug)
            }
            listed += order.prefix(Self.mostSearchHits - listed.count).map { group[$0] }
        }
        let hits = listed.map { item -> SearchHit in
            guard let body = item.body, let path = item.hit.location?.path else { return item.hit }
            var hit = item.hit
            var line = item.bodyLine
            var scratch: [UInt8] = []
            for text in body.split(separator: "\n", omittingEmptySubsequences: false) {
                TextFolding.searchKey(text, into: &scratch)
                if TextFolding.contains(scratch, item.word) {
                    hit.excerpt = Self.excerpt(String(text), around: item.word)
                    hit.location = SourceLocation(path: path, line: line)
                    break
                }
                line += 1
            }
            return hit
        }
        return (hits, total)
    }

    /// Where `record` holds every word (search keys), at the best place one was found; for a
    /// record found by its notes, the body to find the line in later, and the word to find.
    private static func find<R: Record>(
        _ words: [TextFolding.SearchWord], in record: R, scratch: inout [UInt8]
    ) -> (hit: SearchHit, body: String?, bodyLine: Int, word: [UInt8])? {
        var missing = Array(words.indices)
        var best: (place: SearchHit.Place, text: String)?
        /// Takes the words `text` holds off `missing`; false once none is missing.
        func check(_ place: SearchHit.Place, _ text: String) -> Bool {
            let before = missing.count
            missing.removeAll { words[$0].isIn(text, scratch: &scratch) }
            if best == nil, missing.count < before { best = (place, text) }
            return !missing.isEmpty
        }
        SearchFields.visit(record, check)
        let name = record.displayName
        let id = RecordID(R.kind, record.slug)
        if missing.isEmpty, let best {
            return (SearchHit(record: id, name: name, place: best.place, excerpt: best.text), nil, 1, [])
        }
        guard missing.allSatisfy({ words[$0].isIn(record.body, scratch: &scratch) }) else { return nil }
        if let best { return (SearchHit(record: id, name: name, place: best.place, excerpt: best.text), nil, 1, []) }
        return (
            SearchHit(record: id, name: name, place: .notes, excerpt: "", location: SourceLocation(path: record.path)),
            record.body, record.bodyLine, words[missing[0]].key
        )
    }

    /// A line of notes shortened to about 100 characters around the word.
    private static func excerpt(_ line: String, around word: [UInt8]) -> String {
        let text = line.trimmed
        guard text.count > 100 else { return text }
        // Where the word starts, counted in the line's characters: found in the line folded
        // (folding keeps most characters one for one; where it does not, or the word was found
        // only with umlauts read the other way, from the beginning).
        let folded = NameResolver.letters(text)
        let wanted = String(decoding: word, as: UTF8.self)
        let offset =
            folded.count == text.count
            ? folded.range(of: wanted).map { folded.distance(from: folded.startIndex, to: $0.lowerBound) } ?? 0 : 0
        let start = max(0, min(offset - 30, text.count - 100))
        let from = text.index(text.startIndex, offsetBy: start)
        let to = text.index(from, offsetBy: 100)
        return (start > 0 ? "…" : "") + String(text[from..<to]) + (to < text.endIndex ? "…" : "")
    }
}

extension Contact {
    public var searchPlaces: [(place: SearchHit.Place, text: String)] {
        (org.map { [(SearchHit.Place.org, $0.text)] } ?? []) + roles.map { (.org, $0.org.text) }
            + (title.map { [(SearchHit.Place.title, $0)] } ?? [])
    }
}

extension Org {
    public var searchPlaces: [(place: SearchHit.Place, text: String)] { industry.map { [(.title, $0)] } ?? [] }
}

extension Publication {
    public var searchPlaces: [(place: SearchHit.Place, text: String)] { venue.map { [(.venue, $0)] } ?? [] }
}

extension Encounter {
    public var searchPlaces: [(place: SearchHit.Place, text: String)] {
        [event, location].compactMap { $0 }.map { (.place, $0) }
    }
}

extension Goal {
    public var searchPlaces: [(place: SearchHit.Place, text: String)] { [] }
}
