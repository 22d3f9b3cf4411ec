/// An organisation: a company, a university, a community.
///
/// Orgs need no file: one named anywhere (a contact's `org`, a role) exists implicitly, and is
/// merged with a file's org when the name matches its name or one of its aliases.
public struct Org: Record, Hashable {
    public static let kind = RecordKind.org
    public static func table(in journal: Journal) -> RecordTable<Org> { journal.orgs }
    public typealias Profile = OrgProfile

    public var slug: String
    /// Empty for an implicit org.
    public var path: String
    public var name = ""
    public var aliases: [String] = []
    public var website: String?
    public var industry: String?
    public var tags: [String] = []
    public var body: String = ""
    public var bodyLine: Int = 1
    public var wikiLinks: [WikiLink] = []
    public var extraFields: [ExtraField] = []

    public init(slug: String, path: String) {
        self.slug = slug
        self.path = path
    }

    public init(slug: String, path: String, name: String) {
        self.init(slug: slug, path: path)
        self.name = name
    }

    /// True for an org that exists only because something names it.
    public var isImplicit: Bool { path.isEmpty }
    public var displayName: String { name }

    public static let schema = Schema<Org>([
        Field("name", \.name, .text, fallback: .headingOrFileName, ""),
        Field("aliases", \.aliases, .texts, "other names, e.g. `[Acme, ACME Robotics GmbH]`"),
        Field("website", \.website, .text, ""),
        Field("industry", \.industry, .text, ""),
        Field("tags", \.tags, .tags, ""),
    ])
}
