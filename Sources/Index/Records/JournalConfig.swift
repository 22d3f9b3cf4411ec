/// The settings in `ties.yaml`, the file that marks a journal's root.
public struct JournalConfig: Hashable, Sendable {
    public enum Language: String, Sendable, CaseIterable { case en, de }

    public var title: String = "My network"
    public var owner: String?
    public var language: Language = .en
    /// An IANA zone such as `Europe/Berlin`; used for "today" when no `--today` is given.
    public var timezone: String?
    /// The owner's current organisation, so contacts can be told internal or external.
    public var myOrg: Reference?
    /// The owner's own positions over time (`me.roles`), shaped like a contact's `roles`: whom
    /// they worked with, for the gateways of `ties insights`.
    public var myRoles: [Role] = []
    /// The owner's own addresses (`me.emails`), so a calendar import knows which attendee is the owner.
    public var myEmails: [String] = []
    /// Circle name → how often to be in touch with its members, in the order written.
    public var circles: [Circle] = []
    /// Yearly greetings, e.g. a season's greeting on 12-15 for the close circle.
    public var greetings: [Greeting] = []
    /// The cadence of contacts with neither their own nor a circle's; `none` unless set.
    public var defaultCadence: Cadence = .none
    /// When a follow-up written as plain text is due, after its encounter.
    public var followupAfter: Cadence = .every(7, .day)
    /// The address where the public build is published (`https://mara.example/talks/`), so feeds
    /// can give absolute links; relative links without it.
    public var url: String?
    /// The site's output folder, relative to the journal's root.
    public var output: String = "_site"
    /// Whether raw HTML in bodies reaches the site (off: cmark drops it).
    public var unsafeHTML: Bool = false
    /// The address book `ties sync` keeps in step with the journal's contacts.
    public var carddav: CardDAV?

    /// `carddav:` in ties.yaml. The password is never here: `TIES_CARDDAV_PASSWORD`, or the
    /// output of `passwordCommand`.
    public struct CardDAV: Hashable, Sendable {
        /// The address book's URL, or the server's (the address book is then discovered).
        public var url: String
        public var username: String?
        public var passwordCommand: String?
        /// Only contacts of these circles, or with these tags, go to the address book (all
        /// when both are empty).
        public var circles: [String] = []
        public var tags: [String] = []
        /// Whether the first paragraph of a contact's notes goes to the card's `NOTE`.
        public var notes = false
    }
    public var extraFields: [ExtraField] = []

    public init() {}

    /// When a follow-up of an encounter on `day` is due: its own date, else `followup_after`
    /// later (the encounter's day when that overflows).
    public func due(of followup: FollowUp, after day: Day) -> Day {
        followup.due ?? followupAfter.after(day) ?? day
    }

    public struct Circle: Hashable, Sendable {
        public var name: String
        public var cadence: Cadence
    }

    /// A greeting sent every year on one day to the contacts of some circles (all when none given).
    public struct Greeting: Hashable, Sendable {
        public var what: String
        public var month: Int
        public var day: Int
        /// Circle names as in `circles`; empty means every contact with a cadence other than `none`.
        public var circles: [String]
    }

    public func circle(named name: String) -> Circle? {
        circles.first { $0.name.lowercased() == name.lowercased() }
    }
}
