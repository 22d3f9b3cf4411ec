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
    /// Circle name → how often to be in touch with its members, in the order written.
    public var circles: [Circle] = []
    /// The cadence of contacts with neither their own nor a circle's; `none` unless set.
    public var defaultCadence: Cadence = .none
    /// When a follow-up written as plain text is due, after its encounter.
    public var followupAfter: Cadence = .every(7, .day)
    /// The site's output folder, relative to the journal's root.
    public var output: String = "_site"
    /// Whether raw HTML in bodies reaches the site (off: cmark drops it).
    public var unsafeHTML: Bool = false
    public var extraFields: [ExtraField] = []

    public init() {}

    public struct Circle: Hashable, Sendable {
        public var name: String
        public var cadence: Cadence
    }

    public func circle(named name: String) -> Circle? {
        circles.first { $0.name.lowercased() == name.lowercased() }
    }
}
