import Foundation

/// A contact whose cadence says it is time to be in touch.
public struct DueContact: Hashable, Sendable {
    public var slug: String
    public var name: String
    /// The last encounter, else when we met; nil when neither is known.
    public var last: Day?
    public var due: Day
    /// Days past `due` (0 on the day itself).
    public var daysOverdue: Int
    public var cadence: Cadence
}

/// A follow-up not yet done, with the day it is due.
public struct OpenFollowUp: Hashable, Sendable {
    public var encounter: String
    /// The encounter's title, else e.g. "coffee on 2024-03-05".
    public var encounterName: String
    public var task: String
    public var due: Day
    /// Negative while there is time left.
    public var daysOverdue: Int
    public var location: SourceLocation
}

/// A day worth a greeting: a birthday, or a yearly greeting of ties.yaml.
public struct Occasion: Hashable, Sendable {
    public enum What: Hashable, Sendable {
        /// The age reached, when the year of birth is known.
        case birthday(age: Int?)
        /// A greeting of `greetings` in ties.yaml, by its `what`.
        case greeting(String)
    }

    public var slug: String
    public var name: String
    public var what: What
    public var date: Day
    public var inDays: Int
}

/// What is due, for a loaded journal: its `agenda`, and the rules per contact its pages show.
public extension Journal {
    /// The agenda of this journal: `ties due`'s answers.
    var agenda: Agenda { agendaMade.get { Agenda(self) } }

    /// The cadence that applies: the contact's own, else their circle's, else the journal's default.
    func cadence(of contact: Contact) -> Cadence { Agenda.cadence(of: contact, config: config) }

    /// The last time we were in touch: the last encounter with them (`with`), else `met`.
    func lastContact(with contact: Contact) -> Day? {
        Agenda.lastContact(contact, lastEncounter: lastEncounter(with: contact.id)?.date.day)
    }

    /// When the next contact is due, or nil for `cadence: none` or a contact with no
    /// relationship to keep yet (`Agenda.isKept`); a kept contact never met is due `today`
    /// (nil without one).
    func nextDue(of contact: Contact, today: Day? = nil) -> Day? {
        Agenda.nextDue(contact, lastEncounter: lastEncounter(with: contact.id)?.date.day, config: config, today: today)
    }

    /// `agenda.overdueContacts(on:)`.
    func overdueContacts(on today: Day) -> [DueContact] { agenda.overdueContacts(on: today) }

    /// `agenda.openFollowUps(on:within:)`.
    func openFollowUps(on today: Day, within days: Int) -> [OpenFollowUp] { agenda.openFollowUps(on: today, within: days) }

    /// `agenda.occasions(on:within:)`.
    func occasions(on today: Day, within days: Int) -> [Occasion] { agenda.occasions(on: today, within: days) }
}

public extension Occasion.What {
    /// "birthday", "birthday (40)", or the greeting's own words.
    var text: String {
        switch self {
        case .birthday(nil): return "birthday"
        case let .birthday(age?): return "birthday (\(age))"
        case let .greeting(what): return what
        }
    }
}

public extension Day {
    /// Today in `timeZone` (an IANA name), else in the system's zone.
    static func today(in timeZone: String? = nil, now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(dayNumber: 0)
    }
}
