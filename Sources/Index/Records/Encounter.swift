/// A meeting, call, coffee, lunch, event, email or message exchange: one entry in a timeline.
public struct Encounter: Record, Hashable {
    public static let kind = RecordKind.encounter

    /// The path under `encounters/` without `.md`, e.g. `2024/2024-03-05-coffee-ada`.
    public var slug: String
    public var path: String
    public var date: Moment
    public var title: String?
    /// coffee, call, video, meeting, lunch, event, email, message, or any word.
    public var kind: String?
    /// The people I met: only these count as having been in touch.
    public var with: [Reference] = []
    /// People this encounter introduced me to.
    public var introduced: [Reference] = []
    public var event: String?
    public var location: String?
    /// What I gave, and what I received: the give and take of a relationship.
    public var gave: [String] = []
    public var received: [String] = []
    public var followups: [FollowUp] = []
    public var goals: [Reference] = []
    public var tags: [String] = []
    public var body: String = ""
    public var bodyLine: Int = 1
    public var wikiLinks: [WikiLink] = []
    public var extraFields: [ExtraField] = []
    /// False when no valid date could be read: such an encounter is checked, but has no place
    /// in any timeline and is left out of the journal.
    var hasDate = true

    public init(slug: String, path: String, date: Moment) {
        self.slug = slug
        self.path = path
        self.date = date
    }

    public var aliases: [String] { [] }

    /// The title, else e.g. "coffee on 2024-03-05".
    public var displayName: String {
        if let title { return title }
        return "\(kind ?? "encounter") on \(date.day)"
    }
}

/// Something to do after an encounter: a thank-you, an introduction promised, the next meeting.
public struct FollowUp: Hashable, Sendable {
    public var task: String
    /// When it is due, if the owner said; a plain-text follow-up gets a default later.
    public var due: Day?
    public var done: Bool
    public var location: SourceLocation
}
