import Support

/// Yearly greetings as a routine: which greeting an encounter sent, and to whom this year's
/// is still owed. Derived from encounters alone (`ties greet` writes one per round), so a
/// checkout on another machine knows the same.
public extension JournalConfig.Greeting {
    /// Days before the occasion from which a greeting sent counts for it: cards go out early.
    static let sentFromDaysBefore = 45
    /// Days after the occasion until which a late greeting still counts for it.
    static let sentUntilDaysAfter = 15

    /// The occasion's day in `year`; 02-29 falls on 02-28 in common years.
    func day(in year: Int) -> Day? {
        Day(year: year, month: month, day: min(day, Day.daysIn(month: month, year: year)))
    }

    /// The year whose occasion a greeting sent on `day` counts for, if the day is near enough
    /// to one: 28 December counts for the New Year of the year after.
    func occasionYear(of sent: Day) -> Int? {
        for year in [sent.year, sent.year + 1, sent.year - 1] {
            guard let occasion = day(in: year) else { continue }
            let from = occasion.adding(days: -Self.sentFromDaysBefore)
            let until = occasion.adding(days: Self.sentUntilDaysAfter)
            if from <= sent && sent <= until { return year }
        }
        return nil
    }

    /// Whether the greeting goes to a contact: to the contacts of its circles, or with no
    /// circles to every contact whose cadence is not `none`.
    func isFor(_ contact: Contact, config: JournalConfig) -> Bool {
        guard !circles.isEmpty else { return Agenda.cadence(of: contact, config: config) != .none }
        guard let circle = contact.circle?.target?.lowercased() else { return false }
        return circles.contains { $0.lowercased() == circle }
    }
}

/// One year's round of one greeting: `Season's greetings` of 2026.
public struct GreetingRound: Hashable, Sendable, Comparable {
    public var what: String
    public var year: Int

    public init(what: String, year: Int) {
        self.what = what
        self.year = year
    }

    public static func < (a: GreetingRound, b: GreetingRound) -> Bool { (a.year, a.what) < (b.year, b.what) }
}

public extension Encounter {
    /// Kinds that say an encounter was a greeting sent.
    static let greetingKinds: Set<String> = ["greeting", "greetings", "card", "cards"]

    /// The rounds of `config`'s greetings this encounter sent: one whose title names the
    /// greeting (folded: "Season's Greetings 2026" names "Season's greetings") and that was sent
    /// near its day; or one of kind `greeting` or `card` sent near the day of exactly one
    /// greeting.
    func greetingRounds(config: JournalConfig) -> [GreetingRound] {
        guard !config.greetings.isEmpty else { return [] }
        let day = date.day
        let near = config.greetings.compactMap { greeting in
            greeting.occasionYear(of: day).map { (greeting, $0) }
        }
        guard !near.isEmpty else { return [] }
        let folded = title.map(Encounter.folded) ?? ""
        let named = near.filter { greeting, _ in
            let what = Encounter.folded(greeting.what)
            return !what.isEmpty && folded.contains(what)
        }
        if !named.isEmpty { return named.map { GreetingRound(what: $0.0.what, year: $0.1) } }
        if let kind = kind?.lowercased(), Encounter.greetingKinds.contains(kind), near.count == 1 {
            return [GreetingRound(what: near[0].0.what, year: near[0].1)]
        }
        return []
    }

    private static func folded(_ text: String) -> String { String(decoding: TextFolding.searchKey(text), as: UTF8.self) }
}

public extension Journal {
    /// For each contact, the rounds of greetings sent to them, from encounters with them
    /// (`greetingRounds`): one pass over the encounters.
    func greetingsSent() -> [Contact.ID: Set<GreetingRound>] {
        guard !config.greetings.isEmpty else { return [:] }
        var sent: [Contact.ID: Set<GreetingRound>] = [:]
        for encounter in encounters {
            let rounds = encounter.greetingRounds(config: config)
            guard !rounds.isEmpty else { continue }
            for person in encounter.with.compactMap({ $0.id(Contact.self) }) { sent[person, default: []].formUnion(rounds) }
        }
        return sent
    }
}

/// Who a round of a greeting is for, who has had it and who is still owed it: `ties greet`.
public struct GreetingStatus: Sendable {
    public var round: GreetingRound
    /// The occasion's day that year.
    public var day: Day
    /// Everyone it is for, by circle in ties.yaml's order (no circle last), names in
    /// `NameOrder`: each with whether this round was sent to them.
    public var groups: [(circle: String?, people: [(contact: Contact.ID, name: String, sent: Bool)])]

    public var sent: Int { groups.reduce(0) { $0 + $1.people.filter(\.sent).count } }
    public var left: Int { groups.reduce(0) { $0 + $1.people.filter { !$0.sent }.count } }
}

public extension Journal {
    /// The greeting of ties.yaml a person means: by its words (folded, or the start of them),
    /// else none; with `nil`, the greeting whose round is nearest to `today` (its window holds
    /// today, else the next to come).
    func greeting(named text: String?, today: Day) -> JournalConfig.Greeting? {
        let greetings = config.greetings
        guard let text else {
            if let now = greetings.first(where: { $0.occasionYear(of: today) != nil }) { return now }
            return greetings.min { a, b in
                let next = { (g: JournalConfig.Greeting) in
                    Birthday("\(Day.pad(g.month, 2))-\(Day.pad(g.day, 2))")?.next(onOrAfter: today) ?? today
                }
                return (next(a), a.what) < (next(b), b.what)
            }
        }
        let key = NameResolver.fold(text, spellUmlauts: false)
        return greetings.first { NameResolver.fold($0.what, spellUmlauts: false) == key }
            ?? greetings.first { NameResolver.fold($0.what, spellUmlauts: false).hasPrefix(key) }
    }

    /// Whom `greeting`'s round of `year` is for and who has had it.
    func status(of greeting: JournalConfig.Greeting, year: Int) -> GreetingStatus {
        let round = GreetingRound(what: greeting.what, year: year)
        let sent = greetingsSent()
        var byCircle: [String: [(contact: Contact.ID, name: String, sent: Bool)]] = [:]
        for contact in contacts where greeting.isFor(contact, config: config) || sent[contact.id]?.contains(round) == true {
            byCircle[contact.circle?.target ?? "", default: []].append(
                (contact.id, contact.name, sent[contact.id]?.contains(round) ?? false))
        }
        let order = config.circles.map { $0.name.lowercased() }
        let circles = byCircle.keys.sorted { a, b in
            let rank = { (c: String) in c.isEmpty ? order.count + 1 : order.firstIndex(of: c.lowercased()) ?? order.count }
            return (rank(a), a) < (rank(b), b)
        }
        let groups = circles.map { circle in
            let people = byCircle[circle] ?? []
            let keys = people.map { NameOrder.key($0.name) }
            let sorted = people.indices.sorted { (keys[$0], people[$0].contact.slug) < (keys[$1], people[$1].contact.slug) }
            return (
                circle: circle.isEmpty ? nil : config.circle(named: circle)?.name ?? circle, people: sorted.map { people[$0] }
            )
        }
        return GreetingStatus(round: round, day: greeting.day(in: year) ?? Day(dayNumber: 0), groups: groups)
    }
}
