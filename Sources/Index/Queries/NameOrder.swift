import Foundation

/// The order people expect a list of names in: `Ärger` with the A's, `Łukasz` with the L's,
/// `émile` before `Eva`, not after every unaccented name, as sorting by code point would.
///
/// Names are compared by a key folded once per name (case, accents, width and punctuation ignored, `ß`
/// as `ss`, `ł` as `l`: the primary strength of the English and German collations, ties' two languages), then
/// by the name as written, then by slug, so the order is total and the same on every machine.
/// Folding once keeps sorting cheap: a locale-aware comparison per pair costs twenty times as
/// much (docs/PERFORMANCE.md).
public enum NameOrder {
    public static func key(_ name: String) -> String { NameResolver.fold(name, spellUmlauts: false) }

    /// `records` sorted by display name, then slug.
    public static func sorted<R: Record>(_ records: some Sequence<R>) -> [R] {
        sorted(Array(records), name: \.displayName, tieBreak: \.slug)
    }

    /// Any values sorted by the name `name` gives each, then by `tieBreak`.
    /// Sorts positions, not the items: moving a record retains each of its fields.
    public static func sorted<T>(_ items: [T], name: (T) -> String, tieBreak: (T) -> String) -> [T] {
        items.indices.map { index in
            let written = name(items[index])
            return (key: key(written), name: written, tie: tieBreak(items[index]), index: index)
        }
        .sorted { ($0.key, $0.name, $0.tie) < ($1.key, $1.name, $1.tie) }
        .map { items[$0.index] }
    }
}
