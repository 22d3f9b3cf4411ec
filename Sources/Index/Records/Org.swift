/// An organisation: a company, a university, a community.
///
/// Orgs need no file: one named anywhere (a contact's `org`, a role) exists implicitly, and is
/// merged with a file's org when the name matches its name or one of its aliases.
public struct Org: Record, Hashable {
    public static let kind = RecordKind.org

    public var slug: String
    /// Empty for an implicit org.
    public var path: String
    public var name: String
    public var aliases: [String] = []
    public var website: String?
    public var industry: String?
    public var tags: [String] = []
    public var body: String = ""
    public var bodyLine: Int = 1
    public var wikiLinks: [WikiLink] = []
    public var extraFields: [ExtraField] = []

    public init(slug: String, path: String, name: String) {
        self.slug = slug
        self.path = path
        self.name = name
    }

    /// True for an org that exists only because something names it.
    public var isImplicit: Bool { path.isEmpty }
    public var displayName: String { name }
}
