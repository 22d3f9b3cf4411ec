/// A meeting, call, coffee, lunch, event, email or message exchange: one entry in a timeline.
public struct Encounter: Record, Hashable {
    public static let kind = RecordKind.encounter
    public static var journalTable: KeyPath<Journal, RecordTable<Encounter>> { \.encounters }
    public typealias Profile = EncounterProfile

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
    /// The calendar event it was imported from (`ties import ics`), so a re-import finds it.
    public var uid: String?
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

    /// An encounter whose date is not known yet.
    public init(slug: String, path: String) {
        self.init(slug: slug, path: path, date: Moment(day: Day(dayNumber: 0)))
        hasDate = false
    }

    public var aliases: [String] { [] }

    /// The title, else e.g. "coffee on 2024-03-05".
    public var displayName: String {
        if let title { return title }
        return "\(kind ?? "encounter") on \(date.day)"
    }

    /// The date, when one could be read.
    package var knownDate: Moment? {
        get { hasDate ? date : nil }
        set {
            date = newValue ?? Moment(day: Day(dayNumber: 0))
            hasDate = newValue != nil
        }
    }

    public static let schema = Schema<Encounter>(
        anchor: { $0.knownDate?.day },
        [
            Field("date", \.knownDate, .moment, required: true, fallback: .dayOfFileName, ""),
            Field("title", \.title, .text, fallback: .heading, "else shown as \"coffee on 2025-03-05\""),
            Field("kind", \.kind, .word, "coffee, call, video, meeting, lunch, event, email, message, or any word"),
            Field("with", \.with, .references(to: .record(.contact)), "the people I met: only these count as being in touch"),
            Field(
                "introduced", \.introduced, .references(to: .record(.contact)),
                "people this encounter introduced me to; the others in `with` are the introducers"),
            Field("event", \.event, .text, ""),
            Field("location", \.location, .text, ""),
            Field("gave", \.gave, .texts, "what I gave: an introduction, a tip, a recommendation"),
            Field("received", \.received, .texts, "what I got: the give and take"),
            Field(
                "followups", \.followups, .items(FollowUp.self),
                "each a text (`- Send the slides`) or a map; `due` is a date or a duration after the encounter (`2w`)"),
            Field("goals", \.goals, .references(to: .record(.goal)), ""),
            Field("tags", \.tags, .tags, ""),
            Field(
                "uid", \.uid, .text,
                "the calendar event it was imported from (`ties import ics`; `UID/YYYY-MM-DD` for one occurrence of a repeating event), so a re-import finds it"
            ),
        ])
}

extension Fallback where V == Moment {
    /// The date a file name starts with: `2025-03-05-coffee-ada.md`.
    static var dayOfFileName: Fallback {
        Fallback(
            value: { context in Day(context.fileStem.prefix(10)).map { Moment(day: $0) } },
            description: "unless the file name starts with `YYYY-MM-DD`", countsAsWritten: true,
            alternative: "start the file name with the date")
    }
}

/// Something to do after an encounter: a thank-you, an introduction promised, the next meeting.
public struct FollowUp: Hashable, Sendable, ListItem {
    public var task: String
    /// When it is due, if the owner said; a plain-text follow-up gets a default later.
    public var due: Day?
    public var done: Bool
    public var location: SourceLocation

    public init(task: String, due: Day? = nil, done: Bool = false, location: SourceLocation) {
        self.task = task
        self.due = due
        self.done = done
        self.location = location
    }

    init(at location: SourceLocation) {
        self.init(task: "", location: location)
    }

    public static let schema = Schema<FollowUp>(
        item: "a follow-up", example: "{task: Send the slides, due: 2w}", plainText: \.task,
        [
            Field("task", \.task, .text, required: true, ""),
            Field("due", \.due, .dayOrDuration, ""),
            Field("done", \.done, .flag, ""),
        ])
}
