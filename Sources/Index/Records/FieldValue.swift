/// A front-matter value that ties has no field for, kept as written so it can be shown.
public indirect enum FieldValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case list([FieldValue])
    case map([Entry])

    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: FieldValue
    }

    /// A compact one-line rendering: `a, b` for lists, `k: v; k2: v2` for maps.
    public var description: String {
        switch self {
        case let .text(text): return text
        case let .list(items): return items.map(\.description).joined(separator: ", ")
        case let .map(entries): return entries.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        }
    }
}

/// An unknown front-matter field: kept and shown, never an error.
public struct ExtraField: Hashable, Sendable {
    public var key: String
    public var value: FieldValue
    public var location: SourceLocation
}
