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
        func contains(_ value: String) -> Bool {
            // Most text is ASCII: lower-casing it is all folding does.
            NameResolver.letters(value).contains(wanted)
        }
        var hits: [SearchHit] = []
        func scan<R: Record>(_ type: R.Type, extra: (R) -> [(SearchHit.Place, String)]) {
            for record in self[R.self] {
                var candidates: [(SearchHit.Place, String)] = [(.name, record.displayName)]
                candidates += record.aliases.map { (.alias, $0) }
                candidates += record.tags.map { (.tag, "#" + $0) }
                candidates += extra(record)
                if let found = candidates.first(where: { contains($0.1) }) {
                    hits.append(SearchHit(record: record.recordID, name: record.displayName, place: found.0, excerpt: found.1))
                    continue
                }
                var line = record.bodyLine
                for text in record.body.split(separator: "\n", omittingEmptySubsequences: false) {
                    defer { line += 1 }
                    guard contains(String(text)) else { continue }
                    hits.append(
                        SearchHit(
                            record: record.recordID, name: record.displayName, place: .notes,
                            excerpt: Self.excerpt(String(text), around: wanted),
                            location: SourceLocation(path: record.path, line: line)))
                    break
                }
            }
        }
        scan(Contact.self) { contact in
            (contact.org.map { [(.org, $0.text)] } ?? []) + contact.roles.map { (.org, $0.org.text) }
        }
        scan(Org.self) { _ in [] }
        scan(Goal.self) { _ in [] }
        scan(Publication.self) { publication in publication.venue.map { [(.venue, $0)] } ?? [] }
        scan(Encounter.self) { encounter in [encounter.event, encounter.location].compactMap { $0 }.map { (.place, $0) } }
        let keys = Dictionary(hits.map { ($0.record, NameOrder.key($0.name)) }, uniquingKeysWith: { first, _ in first })
        let total = hits.count
        hits.sort {
            ($0.place, $0.record.kind, keys[$0.record]!, $0.record.slug) < (
                $1.place, $1.record.kind, keys[$1.record]!, $1.record.slug
            )
        }
        return (Array(hits.prefix(Self.mostSearchHits)), total)
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
