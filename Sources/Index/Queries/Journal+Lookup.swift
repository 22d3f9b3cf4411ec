/// Finding records by slug, and by the names people write.
public extension Journal {
    /// The display name of any record, e.g. for a backlink.
    func displayName(of id: RecordID) -> String? {
        func name<R: Record>(_ kind: R.Type) -> String? { self[R.self][R.ID(id.slug)]?.displayName }
        return name(id.kind.recordType)
    }

    /// The path of any record's file, relative to the journal; empty for an implicit org.
    func path(of id: RecordID) -> String? {
        func path<R: Record>(_ kind: R.Type) -> String? { self[R.self][R.ID(id.slug)]?.path }
        return path(id.kind.recordType)
    }

    /// Resolves what a person typed on the command line (slug, name or alias, any case) to a
    /// record of one of `kinds`.
    ///
    /// Throws `LookupError` with a "did you mean" when nothing matches, or the candidates when
    /// several do.
    func find(_ text: String, among kinds: [RecordKind] = RecordKind.allCases) throws(LookupError) -> RecordID {
        func table<R: Record>(_ kind: R.Type) -> NameTable { NameTable(self[R.self].array) }
        let tables: [(RecordKind, NameTable)] = kinds.map { ($0, table($0.recordType)) }
        var found: [RecordID] = []
        for (kind, table) in tables {
            switch table.match(text) {
            case let .one(slug): found.append(RecordID(kind, slug))
            case let .several(slugs): found += slugs.map { RecordID(kind, $0) }
            case .none: break
            }
        }
        if found.count == 1 { return found[0] }
        if found.count > 1 { throw .ambiguous(text, found.sorted()) }
        throw .notFound(text, suggestion: Suggestion.nearest(to: text, in: tables.flatMap(\.1.candidates)))
    }
}

/// Why a name typed by a person found no single record.
public enum LookupError: Error, Equatable, CustomStringConvertible {
    case notFound(String, suggestion: String?)
    case ambiguous(String, [RecordID])

    public var description: String {
        switch self {
        case let .notFound(text, suggestion):
            return "nothing in the journal is called '\(text)'\(Suggestion.clause(suggestion))"
        case let .ambiguous(text, ids):
            return "'\(text)' names \(ids.count) records: \(ids.map { "'\($0)'" }.joined(separator: ", ")); use one of these"
        }
    }
}
