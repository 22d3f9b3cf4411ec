import Support

/// A meeting, call, coffee, lunch, event, email or message exchange: one entry in a timeline.
public struct Encounter: Record, Hashable {
    public static let kind = RecordKind.encounter
    public static func table(in journal: Journal) -> RecordTable<Encounter> { journal.encounters }
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
    /// Said in the file: one message to many people (see `isOneToMany`).
    public var oneToMany = false
    /// An introduction I am making between the first two people of `with` (`ties intro`): how far
    /// it has got, since when, and what came of it.
    public var introState: IntroductionState?
    public var introSince: Day?
    public var outcome: String?
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

    /// Kinds that are always one message to many people.
    public static let oneToManyKinds: Set<String> = [
        "greeting", "greetings", "card", "cards", "newsletter", "announcement", "mailing",
    ]
    /// Kinds of message that are one to many when sent to `oneToManyRecipients` or more.
    public static let messageKinds: Set<String> = ["message", "email", "mail", "letter", "sms", "text"]
    public static let oneToManyRecipients = 4

    /// One message to many people rather than a meeting: a season's greeting, a round of
    /// cards, a newsletter. It counts as being in touch with each recipient, but does not make
    /// recipients know one another (people graph, people in common, introducers), as being in
    /// one meeting does. `one_to_many: true` says so for any encounter; kinds `greeting` and
    /// `card` (and a few like them), and a message to four or more people that introduced
    /// nobody, are so without it.
    public var isOneToMany: Bool {
        Self.isOneToMany(marked: oneToMany, kind: kind, with: with, introduced: introduced)
    }

    /// `isOneToMany` from the fields it reads, for code that reads them in place.
    static func isOneToMany(marked: Bool, kind: String?, with: [Reference], introduced: [Reference]) -> Bool {
        if marked { return true }
        guard let kind = kind?.lowercasedIfNeeded else { return false }
        if oneToManyKinds.contains(kind) { return true }
        return messageKinds.contains(kind) && with.count >= oneToManyRecipients && introduced.isEmpty
    }

    /// Whether being at it connects the people met to one another: a meeting of two to
    /// `PeopleGraph.largestMeeting` people, not one message to many.
    public var connectsPeople: Bool {
        Self.connectsPeople(introState: introState, with: with, isOneToMany: isOneToMany)
    }

    /// `connectsPeople` from the fields it reads, for code that reads them in place.
    static func connectsPeople(introState: IntroductionState?, with: [Reference], isOneToMany: Bool) -> Bool {
        if let introState { return introState.connects }
        return with.count > 1 && with.count <= PeopleGraph.largestMeeting && !isOneToMany
    }

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
                "intro_state", \.introState, .choice,
                "an introduction I make between the first two of `with` (`ties intro`): proposed, asked-a, asked-b, introduced, declined or outcome"
            ),
            Field("intro_since", \.introSince, .day, "when the introduction reached its state"),
            Field("outcome", \.outcome, .text, "what came of the introduction"),
            Field(
                "one_to_many", \.oneToMany, .flag,
                "one message to many people (a newsletter, a round of cards): each recipient's last contact, but they do not know each other through it; kinds `greeting` and `card`, and messages to 4 or more people, are so without it"
            ),
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

/// How far an introduction I make has got: double opt-in, both asked before anyone is
/// introduced (`ties intro A --to B --state …`).
public enum IntroductionState: String, Sendable, CaseIterable, Codable {
    /// Planned, nobody asked yet.
    case proposed
    /// A was asked whether they would like to meet B.
    case askedA = "asked-a"
    /// B was asked whether they would like to meet A.
    case askedB = "asked-b"
    /// Both agreed and were introduced.
    case introduced
    /// One of them said no.
    case declined
    /// Something came of it (`outcome` says what).
    case outcome

    /// Still waiting on a step: listed in `ties week`.
    public var isOpen: Bool { self == .proposed || self == .askedA || self == .askedB }
    /// Whether A and B know each other through it.
    public var connects: Bool { self == .introduced || self == .outcome }

    /// Whom the next step waits on, with the other person: A is asked first, then B.
    public func waitingOn(_ a: Contact.ID, _ b: Contact.ID) -> [(person: Contact.ID, other: Contact.ID)] {
        switch self {
        case .proposed, .askedA: return [(a, b)]
        case .askedB: return [(b, a)]
        case .introduced, .declined, .outcome: return []
        }
    }
}

/// An introduction I make, read from its encounter.
public struct IntroductionMade: Sendable, Hashable {
    public var encounter: Encounter.ID
    public var a: Contact.ID
    public var b: Contact.ID
    public var state: IntroductionState
    /// When it reached its state: `intro_since`, else the encounter's day.
    public var date: Day
    public var outcome: String?

    public init?(_ encounter: Encounter) {
        guard let state = encounter.introState else { return nil }
        let people = encounter.with.compactMap { $0.id(Contact.self) }
        guard people.count >= 2, people[0] != people[1] else { return nil }
        self.encounter = encounter.id
        (a, b) = (people[0], people[1])
        self.state = state
        date = encounter.introSince ?? encounter.date.day
        outcome = encounter.outcome
    }

    /// The other person, seen from one of the two.
    public func other(than contact: Contact.ID) -> Contact.ID { contact == a ? b : a }
}
