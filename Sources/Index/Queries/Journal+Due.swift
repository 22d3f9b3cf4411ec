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

/// What is due: the questions "who is overdue?", "what did I promise?", "whose birthday is it?".
public extension Journal {
    /// The cadence that applies: the contact's own, else their circle's, else the journal's default.
    func cadence(of contact: Contact) -> Cadence {
        if let own = contact.cadence { return own }
        if let circle = contact.circle?.target, let cadence = config.circle(named: circle)?.cadence { return cadence }
        return config.defaultCadence
    }

    /// The last time we were in touch: the last encounter with them (`with`), else `met`.
    func lastContact(with contact: Contact) -> Day? {
        lastEncounter(with: contact.slug)?.date.day ?? contact.met
    }

    /// When the next contact is due, or nil for `cadence: none` or a contact never met.
    func nextDue(of contact: Contact) -> Day? {
        guard let last = lastContact(with: contact) else { return nil }
        return cadence(of: contact).after(last)
    }

    /// Contacts due on or before `today`, snoozed ones left out; most overdue first.
    func overdueContacts(on today: Day) -> [DueContact] {
        var due: [DueContact] = []
        for contact in contacts {
            if let snooze = contact.snoozeUntil, snooze > today { continue }
            guard let next = nextDue(of: contact), next <= today else { continue }
            due.append(
                DueContact(
                    slug: contact.slug, name: contact.name, last: lastContact(with: contact), due: next,
                    daysOverdue: next.days(until: today), cadence: cadence(of: contact)))
        }
        return due.sorted { ($1.daysOverdue, $0.name, $0.slug) < ($0.daysOverdue, $1.name, $1.slug) }
    }

    /// Follow-ups not done and due within `days` of `today` (overdue ones included), soonest first.
    ///
    /// One written as plain text is due `followup_after` (ties.yaml, 7 days unless set) after its encounter.
    func openFollowUps(on today: Day, within days: Int) -> [OpenFollowUp] {
        let horizon = today.adding(days: days)
        var open: [OpenFollowUp] = []
        for encounter in encounters {
            for followup in encounter.followups where !followup.done {
                let due = followup.due ?? config.followupAfter.after(encounter.date.day) ?? encounter.date.day
                guard due <= horizon else { continue }
                open.append(
                    OpenFollowUp(
                        encounter: encounter.slug, task: followup.task, due: due,
                        daysOverdue: due.days(until: today), location: followup.location))
            }
        }
        return open.sorted { ($0.due, $0.encounter, $0.task) < ($1.due, $1.encounter, $1.task) }
    }

    /// Birthdays and yearly greetings from `today` to `days` ahead, soonest first.
    ///
    /// A greeting goes to the contacts of its circles, or, with no circles, to every contact
    /// whose cadence is not `none`.
    func occasions(on today: Day, within days: Int) -> [Occasion] {
        var occasions: [Occasion] = []
        for contact in contacts {
            guard let birthday = contact.birthday else { continue }
            let next = birthday.next(onOrAfter: today)
            let inDays = today.days(until: next)
            guard inDays <= days else { continue }
            occasions.append(
                Occasion(
                    slug: contact.slug, name: contact.name,
                    what: .birthday(age: birthday.year.flatMap { next.year >= $0 ? next.year - $0 : nil }), date: next,
                    inDays: inDays))
        }
        for greeting in config.greetings {
            guard let yearly = Birthday("\(Day.pad(greeting.month, 2))-\(Day.pad(greeting.day, 2))") else { continue }
            let next = yearly.next(onOrAfter: today)
            let inDays = today.days(until: next)
            guard inDays <= days else { continue }
            let circles = Set(greeting.circles.map { $0.lowercased() })
            for contact in contacts {
                let included =
                    circles.isEmpty
                    ? cadence(of: contact) != .none
                    : contact.circle?.target.map { circles.contains($0.lowercased()) } ?? false
                guard included else { continue }
                occasions.append(
                    Occasion(slug: contact.slug, name: contact.name, what: .greeting(greeting.what), date: next, inDays: inDays))
            }
        }
        return occasions.sorted { ($0.date, $0.name, $0.slug, $0.what.text) < ($1.date, $1.name, $1.slug, $1.what.text) }
    }
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
