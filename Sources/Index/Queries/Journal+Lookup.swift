/// Finding records by slug, and by the names people write.
public extension Journal {
    func contact(_ slug: String) -> Contact? { tables.contactIndex[slug].map { contacts[$0] } }
    func encounter(_ slug: String) -> Encounter? { tables.encounterIndex[slug].map { encounters[$0] } }
    func publication(_ slug: String) -> Publication? { tables.publicationIndex[slug].map { publications[$0] } }
    func org(_ slug: String) -> Org? { tables.orgIndex[slug].map { orgs[$0] } }
    func goal(_ slug: String) -> Goal? { tables.goalIndex[slug].map { goals[$0] } }

    /// The display name of any record, e.g. for a backlink.
    func displayName(of id: RecordID) -> String? {
        switch id.kind {
        case .contact: return contact(id.slug)?.displayName
        case .encounter: return encounter(id.slug)?.displayName
        case .publication: return publication(id.slug)?.displayName
        case .org: return org(id.slug)?.displayName
        case .goal: return goal(id.slug)?.displayName
        }
    }

    /// Resolves what a person typed on the command line (slug, name or alias, any case) to a
    /// record of one of `kinds`.
    ///
    /// Throws `LookupError` with a "did you mean" when nothing matches, or the candidates when
    /// several do.
    func find(_ text: String, among kinds: [RecordKind] = RecordKind.allCases) throws(LookupError) -> RecordID {
        let tables: [(RecordKind, NameTable)] = kinds.map { kind in
            switch kind {
            case .contact: return (kind, NameTable(contacts))
            case .encounter: return (kind, NameTable(encounters))
            case .publication: return (kind, NameTable(publications))
            case .org: return (kind, NameTable(orgs))
            case .goal: return (kind, NameTable(goals))
            }
        }
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
