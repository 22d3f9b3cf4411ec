import Support

/// A record that contains a searched text, and where: the best place it was found.
public struct SearchHit: Sendable, Equatable {
    /// Where in the record the text was found, best first.
    public enum Place: String, Sendable, Comparable, Codable {
        case name, alias, tag, org, venue, place, notes

        public static func < (a: Place, b: Place) -> Bool { a.order < b.order }
        private var order: Int {
            switch self {
            case .name: return 0
            case .alias: return 1
            case .tag: return 2
            case .org: return 3
            case .venue: return 4
            case .place: return 5
            case .notes: return 6
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

public extension Journal {
    /// The most hits `search` returns; a text found everywhere is not a search.
    static let mostSearchHits = 500

    /// Every record whose name or title, aliases, tags, org, venue, place or notes contain
    /// `text`, ignoring case and accents (`schafer` finds `Schäfer`): one hit per record, at
    /// the best place, ordered by place, then kind, then name.
    func search(_ text: String) -> (hits: [SearchHit], total: Int) {
        let wanted = NameResolver.letters(text.trimmingCharacters(in: .whitespaces))
        guard !wanted.isEmpty else { return ([], 0) }
        /// A hit as found: for notes, the line and excerpt are worked out only for the hits
        /// listed, since a common word is in most bodies.
        struct Found: Sendable {
            var hit: SearchHit
            var body: String?
            var bodyLine = 1
        }
        /// The hits among one kind's records, on all cores, in the journal's order.
        func scan<R: Record>(_ type: R.Type, extra: @escaping @Sendable (R) -> [(SearchHit.Place, String)]) -> [Found] {
            // In place: a copy of each record would retain all it holds, for nothing.
            self[R.self].withUnsafeBufferPointer { records in
                nonisolated(unsafe) let records = records
                return parallelResults(count: records.count) { range, set in
                    for index in range { set(index, Self.find(wanted, in: records[index], extra: extra)) }
                }
                .compactMap { $0.map { Found(hit: $0.hit, body: $0.body, bodyLine: $0.bodyLine) } }
            }
        }
        let found = [
            scan(Contact.self) { contact in
                (contact.org.map { [(.org, $0.text)] } ?? []) + contact.roles.map { (.org, $0.org.text) }
            },
            scan(Org.self) { _ in [] },
            scan(Goal.self) { _ in [] },
            scan(Publication.self) { publication in publication.venue.map { [(.venue, $0)] } ?? [] },
            scan(Encounter.self) { encounter in [encounter.event, encounter.location].compactMap { $0 }.map { (.place, $0) } },
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
            for text in body.split(separator: "\n", omittingEmptySubsequences: false) {
                if TextFolding.matches(text, folded: wanted) {
                    hit.excerpt = Self.excerpt(String(text), around: wanted)
                    hit.location = SourceLocation(path: path, line: line)
                    break
                }
                line += 1
            }
            return hit
        }
        return (hits, total)
    }

    /// Where `record` holds `wanted` (folded), at the best place; for notes, the body to find
    /// the line in later.
    private static func find<R: Record>(
        _ wanted: String, in record: R, extra: (R) -> [(SearchHit.Place, String)]
    ) -> (hit: SearchHit, body: String?, bodyLine: Int)? {
        func contains(_ value: String) -> Bool { TextFolding.matches(value, folded: wanted) }
        let name = record.displayName
        let id = RecordID(R.kind, record.slug)
        if contains(name) { return (SearchHit(record: id, name: name, place: .name, excerpt: name), nil, 1) }
        var candidates: [(SearchHit.Place, String)] = record.aliases.map { (.alias, $0) }
        candidates += record.tags.map { (.tag, "#" + $0) }
        candidates += extra(record)
        if let place = candidates.first(where: { contains($0.1) }) {
            return (SearchHit(record: id, name: name, place: place.0, excerpt: place.1), nil, 1)
        }
        guard contains(record.body) else { return nil }
        return (
            SearchHit(record: id, name: name, place: .notes, excerpt: "", location: SourceLocation(path: record.path)),
            record.body, record.bodyLine
        )
    }

    /// A line of notes shortened to about 100 characters around the match.
    private static func excerpt(_ line: String, around wanted: String) -> String {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.count > 100 else { return text }
        let folded = NameResolver.letters(text)
        // Folding keeps most characters one for one; where it does not, start at the beginning.
        let offset =
            folded.count == text.count
            ? folded.range(of: wanted).map { folded.distance(from: folded.startIndex, to: $0.lowerBound) } ?? 0 : 0
        let start = max(0, min(offset - 30, text.count - 100))
        let from = text.index(text.startIndex, offsetBy: start)
        let to = text.index(from, offsetBy: 100)
        return (start > 0 ? "…" : "") + String(text[from..<to]) + (to < text.endIndex ? "…" : "")
    }
}
