/// A person in the owner's network.
public struct Contact: Record, Hashable {
    public static let kind = RecordKind.contact
    public static func table(in journal: Journal) -> RecordTable<Contact> { journal.contacts }
    public typealias Profile = ContactProfile

    public var slug: String
    public var path: String
    /// From `name`, else the body's first `# heading`, else the file name.
    public var name = ""
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
    /// The card of the address book `ties sync` keeps in step: its UID, the UIDs of contacts
    /// merged into this one (their cards are removed, not brought back), and the day the card was
    /// found deleted in the address book (the contact is then not sent again).
    public var uid: String?
    public var formerUIDs: [String] = []
    public var cardDeleted: Day?
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

    public var displayName: String { name }

    public static let schema = Schema<Contact>([
        Field("name", \.name, .text, fallback: .headingOrFileName, ""),
        Field("aliases", \.aliases, .texts, "other names references may use"),
        Field("emails", \.emails, .texts, ""),
        Field("phones", \.phones, .texts, ""),
        Field("links", \.links, .links, "e.g. `{linkedin: https://…, xing: https://…, web: https://…}`"),
        Field("location", \.location, .text, ""),
        Field("birthday", \.birthday, .birthday, "`02-29` is allowed"),
        Field("org", \.org, .reference(to: .record(.org)), "the current organisation"),
        Field("title", \.title, .text, "the current title"),
        Field("roles", \.roles, .items(Role.self), "positions over time; `to` missing or `present` means current"),
        Field("met", \.met, .day, "when we first met"),
        Field("met_via", \.metVia, .reference(to: .record(.contact)), "who introduced us"),
        Field("how_met", \.howMet, .text, ""),
        Field("circle", \.circle, .reference(to: .circle), "sets the cadence unless `cadence` does"),
        Field("cadence", \.cadence, .cadence, "how often to be in touch; `none` never reminds"),
        Field("snooze_until", \.snoozeUntil, .day, "no reminder to get in touch before this day"),
        Field("tags", \.tags, .tags, "a leading `#` is dropped; a text `\"#a, #b\"` is two tags"),
        Field(
            "public", \.isPublic, .flag,
            "a public build may link their name to their `links.web` (else first link); default false: name only"),
        Field("goals", \.goals, .references(to: .record(.goal)), "goals this person matters for"),
        Field("uid", \.uid, .text, "the address book card's UID, written by `ties sync`; kept through rename and merge"),
        Field("former_uids", \.formerUIDs, .texts, "UIDs of contacts merged into this one (`ties merge`)"),
        Field("card_deleted", \.cardDeleted, .day, "when `ties sync` found the card deleted in the address book"),
    ])

    public struct Link: Hashable, Sendable {
        public var label: String
        public var url: String

        public init(label: String, url: String) {
            self.label = label
            self.url = url
        }
    }
}

/// A position someone held at an organisation, possibly still holding.
public struct Role: Hashable, Sendable, ListItem {
    public var org: Reference
    public var title: String?
    public var from: PartialDate?
    /// nil when the role is current (`to` missing or `present`).
    public var to: PartialDate?
    public var location: SourceLocation

    public init(org: Reference, title: String? = nil, from: PartialDate? = nil, to: PartialDate? = nil, location: SourceLocation)
    {
        self.org = org
        self.title = title
        self.from = from
        self.to = to
        self.location = location
    }

    init(at location: SourceLocation) {
        self.init(org: Reference("", at: location), location: location)
    }

    public var isCurrent: Bool { to == nil }

    public static let schema = Schema<Role>(
        item: "a role", example: "{org: Acme, title: CTO, from: 2020}",
        [
            Field("org", \.org, .reference(to: .record(.org)), required: true, ""),
            Field("title", \.title, .text, ""),
            Field("from", \.from, .partialDate, ""),
            Field("to", \.to, .endDate, ""),
        ])
}
