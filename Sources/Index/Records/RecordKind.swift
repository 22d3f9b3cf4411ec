import Support

/// The five kinds of record a journal holds; the top-level folder a file lies in decides its kind.
public enum RecordKind: String, CaseIterable, Sendable, Codable, Comparable {
    case contact, encounter, publication, org, goal

    /// The folder under the journal's root that holds records of this kind.
    public var folder: String {
        switch self {
        case .contact: return "contacts"
        case .encounter: return "encounters"
        case .publication: return "publications"
        case .org: return "orgs"
        case .goal: return "goals"
        }
    }

    /// The type that holds records of this kind.
    ///
    /// Generic code called with it runs unspecialized and copies each record it reads whole, so
    /// a loop over every record names each kind's type instead (a third of a search, a tenth of
    /// showing a contact).
    public var recordType: any Record.Type {
        switch self {
        case .contact: return Contact.self
        case .encounter: return Encounter.self
        case .publication: return Publication.self
        case .org: return Org.self
        case .goal: return Goal.self
        }
    }

    /// What the parse cache's layout of records depends on: every kind's stored fields, in order.
    static let schemaSignature: UInt64 = {
        var hash = StableHash()
        for kind in allCases { hash.combine(kind.recordType.schemaSignature) }
        return hash.value
    }()

    public init?(folder: String) {
        guard let kind = RecordKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    /// Whether a record's slug keeps its sub-folders (`2024/03-05-coffee`) or is only the file name.
    ///
    /// Encounters and publications pile up by year, so their folders are part of their identity;
    /// people, orgs and goals are few enough that a file name names them.
    package var slugKeepsFolders: Bool { self == .encounter || self == .publication }

    /// In the order of `allCases`, without making that array for each comparison: records are
    /// compared by kind in every sort and table of them.
    public static func < (a: RecordKind, b: RecordKind) -> Bool { a.order < b.order }

    private var order: Int {
        switch self {
        case .contact: return 0
        case .encounter: return 1
        case .publication: return 2
        case .org: return 3
        case .goal: return 4
        }
    }
}

/// Names one record: its kind and its slug, unique within the kind.
public struct RecordID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: RecordKind
    public var slug: String

    public init(_ kind: RecordKind, _ slug: String) {
        self.kind = kind
        self.slug = slug
    }

    public var description: String { "\(kind.folder)/\(slug)" }

    public static func < (a: RecordID, b: RecordID) -> Bool { (a.kind, a.slug) < (b.kind, b.slug) }
}
