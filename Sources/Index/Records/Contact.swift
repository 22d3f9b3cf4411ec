/// A person in the owner's network.
public struct Contact: Record, Hashable {
    public static let kind = RecordKind.contact

    public var slug: String
    public var path: String
    /// From `name`, else the body's first `# heading`, else the file name.
    public var name: String
    public var aliases: [String] = []
    public var emails: [String] = []
    public var phones: [String] = []
    /// `links:` in the order written, e.g. linkedin, xing, web.
    public var links: [Link] = []
    public var location: String?
    public var birthday: Birthday?
    /// The current organisation and title; `roles` holds the history.
    public var org: Reference?
    public var title: String?
    public var roles: [Role] = []
    public var met: Day?
    /// Who introduced us.
    public var metVia: Reference?
    public var howMet: String?
    /// The circle's name as written; linking sets `target` to the name in ties.yaml it matches.
    public var circle: Reference?
    /// The contact's own cadence; nil means "use the circle's, else the journal's default".
    public var cadence: Cadence?
    /// Kept out of the overdue list until this day: for someone on parental leave, say.
    public var snoozeUntil: Day?
    public var tags: [String] = []
    /// Whether a public build may link the person's name to their public link (`links.web`,
    /// else their first link). Without it, a public build shows their name only.
    public var isPublic = false
    public var goals: [Reference] = []
    public var body: String = ""
    public var bodyLine: Int = 1
    public var wikiLinks: [WikiLink] = []
    public var extraFields: [ExtraField] = []

    public init(slug: String, path: String, name: String) {
        self.slug = slug
        self.path = path
        self.name = name
    }

    public var displayName: String { name }

    public struct Link: Hashable, Sendable {
        public var label: String
        public var url: String
    }
}

/// A position someone held at an organisation, possibly still holding.
public struct Role: Hashable, Sendable {
    public var org: Reference
    public var title: String?
    public var from: PartialDate?
    /// nil when the role is current (`to` missing or `present`).
    public var to: PartialDate?
    public var location: SourceLocation

    public var isCurrent: Bool { to == nil }
}
