import Support

/// Whom to get in touch with this week, and why: the reconnect plan of `ties week` and the
/// dashboard.
///
/// Every reason comes from the journal's files and `today` alone, so a checkout on another
/// machine gives the same plan; acting on a reason (an encounter with the person, `ties done`,
/// `ties snooze`) ends it. Each reason has a score (`Reason.score`, documented in
/// docs/FORMAT.md); a person's score is the sum of their reasons', and the plan is the
/// `limit` highest, ties broken by name (`NameOrder`) and slug.
public struct WeekPlan: Sendable {
    public static let defaultLimit = 7

    /// Days ahead in which a follow-up or a birthday counts for this week.
    public static let horizonDays = 7
    /// Days ahead in which a greeting counts: cards take longer than a message.
    public static let greetingDays = 14
    /// Days after a job change (a role begun) in which to congratulate.
    public static let jobChangeDays = 90
    /// Days after an introduction in which to thank the introducer.
    public static let thankDays = 90
    /// Days back at which a tie that was strong then and is not now is weakening.
    public static let weakeningLookback = 90
    /// Days without an encounter before a gateway at a goal's org is worth a reason.
    public static let gatewayQuietDays = 180
    /// Days after its last state change after which an introduction you make needs a nudge.
    public static let introductionWaitDays = 7

    public struct Entry: Sendable, Equatable {
        public var contact: Contact.ID
        public var name: String
        /// Highest score first.
        public var reasons: [Reason]
        public var score: Int
        /// What to do, from the first reason.
        public var action: Action { reasons[0].action }
    }

    public enum Reason: Sendable, Hashable {
        /// Past due by cadence.
        case overdue(days: Int, cadence: Cadence, last: Day?)
        /// A follow-up from an encounter with them, due within the week or overdue.
        case followUp(task: String, due: Day, daysOverdue: Int)
        /// A role begun recently, after another ended (what an import records): congratulate.
        case jobChange(org: String, title: String?, since: Day)
        case birthday(date: Day, inDays: Int)
        case greeting(what: String, date: Day, inDays: Int)
        /// Introduced you to someone recently, and not met since.
        case thankIntroducer(introduced: Contact.ID, date: Day)
        /// An introduction you are making, not yet introduced or closed.
        case introduction(other: Contact.ID, state: IntroductionState, since: Day)
        /// Strong `weakeningLookback` days ago, weak now.
        case weakening(last: Day?)
        /// A weak or dormant tie, or a former colleague, at an org one of your active goals names.
        case gateway(org: Org.ID, goal: Goal.ID, formerColleague: Bool, last: Day?)

        /// The word for the kind of reason, in JSON and for themes.
        public var kind: String {
            switch self {
            case .overdue: return "overdue"
            case .followUp: return "follow-up"
            case .jobChange: return "job-change"
            case .birthday: return "birthday"
            case .greeting: return "greeting"
            case .thankIntroducer: return "thank-introducer"
            case .introduction: return "introduction"
            case .weakening: return "weakening"
            case .gateway: return "gateway"
            }
        }

        /// How much the reason weighs: what is owed or dated comes first, then what keeps a
        /// tie from fading, then what opens doors.
        public var score: Int {
            switch self {
            case let .followUp(_, _, daysOverdue): return daysOverdue >= 0 ? 50 + min(daysOverdue, 30) : 40 + daysOverdue
            case .jobChange: return 45
            case let .birthday(_, inDays): return 40 - inDays
            case .thankIntroducer: return 35
            case .introduction: return 35
            case let .overdue(days, _, _): return 20 + min(days / 7, 20)
            case .weakening: return 30
            case let .greeting(_, _, inDays): return 20 - inDays
            case let .gateway(_, _, formerColleague, _): return formerColleague ? 30 : 25
            }
        }

        public var action: Action {
            switch self {
            case let .followUp(task, _, _): return .doFollowUp(task)
            case let .jobChange(org, _, _): return .congratulate(org: org)
            case .birthday: return .birthdayWishes
            case let .greeting(what, _, _): return .sendGreeting(what)
            case let .thankIntroducer(introduced, _): return .thank(for: introduced)
            case let .introduction(other, state, _): return .nextIntroductionStep(other: other, state: state)
            case .overdue, .weakening: return .getInTouch
            case let .gateway(org, _, _, _): return .reconnect(org: org)
            }
        }
    }

    /// A suggested action.
    public enum Action: Sendable, Hashable {
        case doFollowUp(String)
        case congratulate(org: String)
        case birthdayWishes
        case sendGreeting(String)
        case thank(for: Contact.ID)
        case nextIntroductionStep(other: Contact.ID, state: IntroductionState)
        case getInTouch
        case reconnect(org: Org.ID)
    }

    public var today: Day
    public var entries: [Entry]

    public init(_ journal: Journal, today: Day, limit: Int = WeekPlan.defaultLimit) {
        self.today = today
        var reasons: [Contact.ID: [Reason]] = [:]
        let snoozed = Set(journal.contacts.filter { ($0.snoozeUntil ?? .earliest) > today }.map(\.id))
        func add(_ reason: Reason, for contact: Contact.ID) {
            guard !snoozed.contains(contact) else { return }
            if reasons[contact]?.contains(reason) != true { reasons[contact, default: []].append(reason) }
        }
        let agenda = journal.agenda
        let horizon = WeekPlan.horizonDays
        let lastMet = { (contact: Contact.ID) in journal.lastEncounter(with: contact)?.date.day }

        for due in agenda.overdueContacts(on: today) {
            add(.overdue(days: due.daysOverdue, cadence: due.cadence, last: due.last), for: Contact.ID(due.slug))
        }
        // Each person's first names folded once: a journal owes thousands of follow-ups.
        var firstWords: [Contact.ID: Set<ArraySlice<UInt8>>] = [:]
        func firstWordsOf(_ id: Contact.ID) -> Set<ArraySlice<UInt8>> {
            if let known = firstWords[id] { return known }
            let words = Set(
                journal.contacts[id].map { contact in ([contact.name] + contact.aliases).compactMap { Self.words($0).first } }
                    ?? [])
            firstWords[id] = words
            return words
        }
        for followUp in agenda.openFollowUps(on: today, within: horizon) {
            guard let encounter = journal.encounters[Encounter.ID(followUp.encounter)] else { continue }
            for person in WeekPlan.owed(followUp.task, in: encounter, firstWords: firstWordsOf) {
                add(.followUp(task: followUp.task, due: followUp.due, daysOverdue: followUp.daysOverdue), for: person)
            }
        }
        for occasion in agenda.occasions(on: today, within: WeekPlan.greetingDays) {
            let contact = Contact.ID(occasion.slug)
            let window: Int
            switch occasion.what {
            case .birthday: window = horizon
            case .greeting: window = WeekPlan.greetingDays
            }
            // In touch within the window before it: the wishes are likely said.
            guard occasion.inDays <= window else { continue }
            if let last = lastMet(contact), last >= occasion.date.adding(days: -window), last <= today { continue }
            switch occasion.what {
            case .birthday: add(.birthday(date: occasion.date, inDays: occasion.inDays), for: contact)
            case let .greeting(what): add(.greeting(what: what, date: occasion.date, inDays: occasion.inDays), for: contact)
            }
        }
        for contact in journal.contacts {
            let id = contact.id
            let days = journal.encounterDays(of: id)
            let last = days.last { $0 <= today }
            // A job change: a role begun lately after another ended, not met since.
            let roles = journal.affiliations(of: id)
            if roles.contains(where: { !$0.isCurrent }),
                let begun = roles.filter({ $0.isCurrent && $0.from?.precision == .day }).max(by: {
                    ($0.from?.earliest ?? .earliest) < ($1.from?.earliest ?? .earliest)
                }),
                let since = begun.from?.earliest, since <= today, since.days(until: today) <= WeekPlan.jobChangeDays,
                (last ?? .earliest) < since
            {
                add(
                    .jobChange(
                        org: journal.displayName(of: begun.org.record) ?? begun.org.slug, title: begun.title, since: since),
                    for: id)
            }
            // A strong tie weakening.
            if !days.isEmpty {
                let then = Tie(contact: id, encounterDays: days, today: today.adding(days: -WeekPlan.weakeningLookback))
                let now = Tie(contact: id, encounterDays: days, today: today)
                if then.strength == .strong, now.strength != .strong {
                    add(.weakening(last: last), for: id)
                }
            }
        }
        // Introducers not thanked: no encounter with them after the introduction.
        for introduction in journal.introductions {
            guard let date = introduction.date, date <= today, date.days(until: today) <= WeekPlan.thankDays else { continue }
            if introduction.source.kind == .encounter, let source = journal.encounters[Encounter.ID(introduction.source.slug)],
                source.followups.contains(where: { $0.done && WeekPlan.isThanks($0.task) })
            {
                continue
            }
            for introducer in introduction.introducers where introducer != introduction.introduced {
                let after = journal.encounterDays(of: introducer).contains { $0 > date && $0 <= today }
                if !after { add(.thankIntroducer(introduced: introduction.introduced, date: date), for: introducer) }
            }
        }
        // Introductions you are making, still open: the next step is yours.
        for made in journal.introductionsMade where made.state.isOpen {
            let since = made.date
            guard since <= today, since.days(until: today) >= (made.state == .proposed ? 0 : WeekPlan.introductionWaitDays)
            else { continue }
            for (person, other) in made.state.waitingOn(made.a, made.b) {
                add(.introduction(other: other, state: made.state, since: since), for: person)
            }
        }
        // Gateways to the orgs your active goals name.
        let mine = journal.config.myRoles.compactMap { role in role.org.id(Org.self).map { (org: $0, role: role) } }
        for goal in journal.goals where goal.status == .active {
            for org in journal.orgs(namedBy: goal) {
                for person in journal.currentPeople(at: org) {
                    let id = person.contact
                    let days = journal.encounterDays(of: id)
                    let tie = Tie(contact: id, encounterDays: days, today: today)
                    let roles = journal.affiliations(of: id)
                    let former = mine.contains { mine in
                        mine.org != org
                            && roles.contains {
                                $0.org == mine.org && !$0.isCurrent
                                    && NetworkInsights.overlap($0.from, $0.to, mine.role.from, mine.role.to)
                            }
                    }
                    guard tie.strength != .strong || former else { continue }
                    if let last = tie.last, last.days(until: today) < WeekPlan.gatewayQuietDays { continue }
                    add(.gateway(org: org, goal: goal.id, formerColleague: former, last: tie.last), for: id)
                }
            }
        }

        var entries: [Entry] = []
        for (contact, found) in reasons {
            guard let record = journal.contacts[contact] else { continue }
            let sorted = found.sorted { a, b in (b.score, a.kind) < (a.score, b.kind) }
            entries.append(Entry(contact: contact, name: record.name, reasons: sorted, score: sorted.reduce(0) { $0 + $1.score }))
        }
        let keys = Dictionary(uniqueKeysWithValues: entries.map { ($0.contact, NameOrder.key($0.name)) })
        entries.sort { a, b in
            (b.score, keys[a.contact] ?? "", a.contact.slug) < (a.score, keys[b.contact] ?? "", b.contact.slug)
        }
        self.entries = Array(entries.prefix(max(0, limit)))
    }

    /// Whom a follow-up is owed to: those met whose name (first name, full name or an alias)
    /// the task names; else everyone met, when they were at most three; else nobody in particular.
    static func owed(
        _ task: String, in encounter: Encounter, firstWords: (Contact.ID) -> Set<ArraySlice<UInt8>>
    ) -> [Contact.ID] {
        let met = encounter.with.compactMap { $0.id(Contact.self) }
        guard !met.isEmpty else { return [] }
        let words = Self.words(task)
        let named = met.filter { id in !firstWords(id).isDisjoint(with: words) }
        if !named.isEmpty { return named }
        return met.count <= 3 ? met : []
    }

    /// The words of a text as search keys (`TextFolding.searchKey`: no case, no accents), cut at
    /// anything but letters and digits.
    private static func words(_ text: String) -> [ArraySlice<UInt8>] {
        TextFolding.searchKey(text).split { byte in
            byte < 0x80 && !(byte >= 0x61 && byte <= 0x7A) && !(byte >= 0x30 && byte <= 0x39)
        }
    }

    /// A follow-up that thanks: "Thank Jonas for the intro", "Jonas danken".
    static func isThanks(_ task: String) -> Bool {
        let folded = String(decoding: TextFolding.searchKey(task), as: UTF8.self)
        return ["thank", "dank"].contains { folded.contains($0) }
    }
}
