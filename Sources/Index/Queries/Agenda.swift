import Foundation
import Support

/// What is due: the questions "who is overdue?", "what did I promise?", "whose birthday is it?".
///
/// Made from a loaded journal (`Journal.agenda`), or by `Agenda.load`, which reads it from the
/// agenda cache when no file changed since it was kept and loads the whole journal otherwise.
/// Either way it holds the same values (every contact with the day we were last in touch, every
/// encounter with a follow-up not done, every diagnostic), and its answers come from them
/// alone, so `ties due` answers the same warm and cold.
public struct Agenda: Sendable, Equatable {
    public let config: JournalConfig
    /// Every contact, in the journal's order, with only the fields the agenda reads.
    let people: [Person]
    /// Every follow-up not done, by due day, encounter and task (`openFollowUps(on:within:)`):
    /// the order does not depend on the day asked about, so it is sorted once, when the agenda
    /// is made, and kept sorted in the agenda cache.
    let openByDue: [OpenFollowUp]
    /// Every problem found in the journal.
    public let diagnostics: [Diagnostic]
    /// How many records of each kind the journal holds: `ties check` answers from the agenda.
    public let counts: [RecordKind: Int]
    /// Whether it was read from the agenda cache: for tests and `TIES_TIMINGS`.
    var fromCache = false
    /// A contact, the day of the last encounter with them, and the greetings sent to them.
    struct Person: Sendable, Hashable {
        var contact: Contact
        var lastEncounter: Day?
        var greeted: [GreetingRound] = []
    }

    /// An agenda of `encounters`' follow-ups not done.
    init(
        config: JournalConfig, people: [Person], followUps encounters: [Encounter], diagnostics: [Diagnostic],
        counts: [RecordKind: Int] = [:]
    ) {
        let open = encounters.withUnsafeBufferPointer { Self.sortedOpenFollowUps($0, config: config) }
        self.init(config: config, people: people, openByDue: open, diagnostics: diagnostics, counts: counts)
    }

    /// An agenda of follow-ups sorted as `openByDue` keeps them.
    init(
        config: JournalConfig, people: [Person], openByDue: [OpenFollowUp], diagnostics: [Diagnostic],
        counts: [RecordKind: Int] = [:]
    ) {
        self.config = config
        self.people = people
        self.openByDue = openByDue
        self.diagnostics = diagnostics
        self.counts = counts
    }

    /// The follow-ups of `encounters` not done, as `openByDue` keeps them; each encounter read
    /// in place, as a copy would retain every field of it.
    private static func sortedOpenFollowUps(
        _ encounters: UnsafeBufferPointer<Encounter>, config: JournalConfig
    ) -> [OpenFollowUp] {
        var open: [OpenFollowUp] = []
        for index in encounters.indices {
            for followup in encounters[index].followups where !followup.done {
                open.append(
                    OpenFollowUp(
                        encounter: encounters[index].slug, encounterName: encounters[index].displayName,
                        task: followup.task, due: config.due(of: followup, after: encounters[index].date.day),
                        daysOverdue: 0, location: followup.location))
            }
        }
        return open.sorted { ($0.due, $0.encounter, $0.task) < ($1.due, $1.encounter, $1.task) }
    }

    /// The agenda of a loaded journal.
    public init(_ journal: Journal) {
        let greeted = journal.greetingsSent()
        self.init(
            config: journal.config,
            people: journal.contacts.map {
                Person(
                    contact: Agenda.agendaFields($0), lastEncounter: journal.lastEncounter(with: $0.id)?.date.day,
                    greeted: greeted[$0.id].map { $0.sorted() } ?? [])
            },
            openByDue: journal.encounters.withUnsafeBufferPointer { Self.sortedOpenFollowUps($0, config: journal.config) },
            diagnostics: journal.diagnostics, counts: journal.counts)
    }

    public static func == (a: Agenda, b: Agenda) -> Bool {
        (a.config, a.people, a.openByDue, a.diagnostics, a.counts)
            == (b.config, b.people, b.openByDue, b.diagnostics, b.counts)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// A contact with only what the agenda reads: names, dates, cadence, circle.
    static func agendaFields(_ contact: Contact) -> Contact {
        var kept = Contact(slug: contact.slug, path: contact.path, name: contact.name)
        kept.birthday = contact.birthday
        kept.met = contact.met
        kept.circle = contact.circle
        kept.cadence = contact.cadence
        kept.snoozeUntil = contact.snoozeUntil
        return kept
    }
}

// MARK: The rules, shared with the journal's pages

extension Agenda {
    /// The cadence that applies: the contact's own, else their circle's, else the journal's default.
    static func cadence(of contact: Contact, config: JournalConfig) -> Cadence {
        if let own = contact.cadence { return own }
        if let circle = contact.circle?.target, let cadence = config.circle(named: circle)?.cadence { return cadence }
        return config.defaultCadence
    }

    /// The last time we were in touch: the last encounter with them, else when we met.
    static func lastContact(_ contact: Contact, lastEncounter: Day?) -> Day? { lastEncounter ?? contact.met }

    /// Whether there is a relationship to keep: a circle, a cadence of their own, or at least
    /// one encounter. A connection never met (150 LinkedIn imports) is someone to get to know,
    /// not someone overdue.
    static func isKept(_ contact: Contact, lastEncounter: Day?) -> Bool {
        contact.circle != nil || contact.cadence != nil || lastEncounter != nil
    }

    /// When the next contact is due: a cadence after the last contact, or today for a kept
    /// contact never met (nil without a `today`); nil for `cadence: none` or one not kept.
    static func nextDue(_ contact: Contact, lastEncounter: Day?, config: JournalConfig, today: Day?) -> Day? {
        guard isKept(contact, lastEncounter: lastEncounter) else { return nil }
        let cadence = cadence(of: contact, config: config)
        guard cadence != .none else { return nil }
        guard let last = lastContact(contact, lastEncounter: lastEncounter) else { return today }
        return cadence.after(last)
    }
}

// MARK: The questions

public extension Agenda {
    /// Contacts due on or before `today`, snoozed ones left out; most overdue first.
    func overdueContacts(on today: Day) -> [DueContact] {
        var due: [DueContact] = []
        for person in people {
            let contact = person.contact
            if let snooze = contact.snoozeUntil, snooze > today { continue }
            let cadence = Agenda.cadence(of: contact, config: config)
            guard let next = Agenda.nextDue(contact, lastEncounter: person.lastEncounter, config: config, today: today),
                next <= today
            else { continue }
            due.append(
                DueContact(
                    slug: contact.slug, name: contact.name,
                    last: Agenda.lastContact(contact, lastEncounter: person.lastEncounter),
                    due: next, daysOverdue: next.days(until: today), cadence: cadence))
        }
        // Names as people read them (`NameOrder`: Élodie with the Es), each folded once.
        let keys = due.map { NameOrder.key($0.name) }
        return due.indices.sorted { a, b in
            (due[b].daysOverdue, keys[a], due[a].slug) < (due[a].daysOverdue, keys[b], due[b].slug)
        }
        .map { due[$0] }
    }

    /// Contacts with no relationship to keep yet (no circle, no cadence of their own, never
    /// met in an encounter), snoozed ones and `cadence: none` left out: the people to get to
    /// know. Those connected most recently first.
    func toGetToKnow(on today: Day) -> [DueContact] {
        var found: [DueContact] = []
        for person in people where !Agenda.isKept(person.contact, lastEncounter: person.lastEncounter) {
            let contact = person.contact
            if let snooze = contact.snoozeUntil, snooze > today { continue }
            let cadence = Agenda.cadence(of: contact, config: config)
            guard cadence != .none else { continue }
            found.append(
                DueContact(
                    slug: contact.slug, name: contact.name, last: contact.met, due: today, daysOverdue: 0, cadence: cadence))
        }
        return found.sorted {
            ($1.last ?? Day(dayNumber: Int.min / 2), $0.name, $0.slug) < (
                $0.last ?? Day(dayNumber: Int.min / 2), $1.name, $1.slug
            )
        }
    }

    /// Follow-ups not done and due within `days` of `today` (overdue ones included), soonest first.
    ///
    /// One written as plain text is due `followup_after` (ties.yaml, 7 days unless set) after its encounter.
    func openFollowUps(on today: Day, within days: Int) -> [OpenFollowUp] {
        let horizon = today.adding(days: days)
        var low = 0
        var high = openByDue.count
        while low < high {
            let middle = (low + high) / 2
            if openByDue[middle].due <= horizon { low = middle + 1 } else { high = middle }
        }
        return openByDue[..<low].map { followUp in
            var open = followUp
            open.daysOverdue = followUp.due.days(until: today)
            return open
        }
    }

    /// Birthdays and yearly greetings from `today` to `days` ahead, soonest first.
    ///
    /// A greeting goes to the contacts of its circles, or, with no circles, to every contact
    /// whose cadence is not `none`, unless this year's was sent to them already (`ties greet`).
    func occasions(on today: Day, within days: Int) -> [Occasion] {
        var occasions: [Occasion] = []
        for contact in people.lazy.map(\.contact) {
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
            let round = GreetingRound(what: greeting.what, year: next.year)
            for person in people {
                let contact = person.contact
                guard greeting.isFor(contact, config: config), !person.greeted.contains(round) else { continue }
                occasions.append(
                    Occasion(slug: contact.slug, name: contact.name, what: .greeting(greeting.what), date: next, inDays: inDays))
            }
        }
        let keys = occasions.map { NameOrder.key($0.name) }
        return occasions.indices.sorted { a, b in
            (occasions[a].date, keys[a], occasions[a].slug, occasions[a].what.text)
                < (occasions[b].date, keys[b], occasions[b].slug, occasions[b].what.text)
        }
        .map { occasions[$0] }
    }
}

public extension Agenda {
    /// The agenda of the journal at `root`: from the agenda cache beside `cache` when no file
    /// (`ties.yaml` included) changed since it was kept, else from loading the whole journal,
    /// after which it is kept. Without a cache, always from a whole load.
    static func load(from root: URL, cache: ParseCache? = nil) -> Agenda {
        // What needs only the agenda (`ties due`, `ties check`) does not wait to keep the whole
        // journal linked.
        JournalLoader(root: root, cache: cache, keepsLinked: false).loadAgenda()
    }
}

// MARK: One contact

public extension Agenda {
    /// The follow-ups still open from `encounters` (a contact's), most urgent first: what a
    /// contact's brief and page list, from their encounters only, so that a site of contact
    /// pages is not quadratic.
    static func openFollowUps(in encounters: [Encounter], config: JournalConfig, today: Day) -> [OpenFollowUp] {
        Agenda(
            config: config, people: [],
            followUps: encounters, diagnostics: []
        ).openFollowUps(on: today, within: 3650)
    }

    /// `contact`'s birthday and the yearly greetings of ties.yaml that include them, within
    /// `days` of `today`.
    static func occasions(
        of contact: Contact, greeted: [GreetingRound] = [], config: JournalConfig, today: Day, within days: Int
    ) -> [Occasion] {
        Agenda(
            config: config, people: [Person(contact: contact, lastEncounter: nil, greeted: greeted)], followUps: [],
            diagnostics: []
        )
        .occasions(on: today, within: days)
    }
}
