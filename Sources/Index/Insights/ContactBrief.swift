/// Everything to read before meeting someone: `ties brief` prints it, the contact's page shows it.
public struct ContactBrief: Sendable {
    public var contact: Contact.ID
    public var tie: Tie
    /// Current positions, and positions begun in the last two years (a recent job change).
    public var currentRoles: [Affiliation]
    public var recentChanges: [Affiliation]
    /// The last three encounters, newest first, each with the first lines of its notes.
    public var lastEncounters: [(encounter: Encounter.ID, date: Moment, title: String, notes: [String])]
    /// Open follow-ups of encounters with them, oldest first.
    public var openFollowUps: [OpenFollowUp]
    /// What I gave them and what they gave me, newest first (at most five each).
    public var gave: [Exchange]
    public var received: [Exchange]
    /// A birthday or greeting in the next `soonDays`.
    public var occasions: [Occasion]
    /// People connected to both: in `PeopleGraph`, or at their org now.
    public var mutual: [Contact.ID]
    public var publications: [Publication.ID]
    public var goals: [Goal.ID]

    /// The most people you both know a page or `ties show` lists by name (the count says how
    /// many there are): in a dense network every page would list a thousand.
    public static let mostMutualListed = 30

    /// Days ahead that a birthday or greeting counts as soon.
    public static let soonDays = 30
    /// Days back that a new position counts as a recent job change.
    public static let recentChangeDays = 730

    /// A line of notes as read: `[[Max Graf]]` as `Max Graf`, `[[max|Max]]` as `Max`.
    static func readable(_ line: String) -> String {
        WikiLinkSyntax.segments(of: line).map { segment in
            switch segment {
            case let .text(text): return text
            case let .link(target, label, _): return label ?? target
            }
        }.joined()
    }

    public init(_ contact: Contact, journal: Journal, today: Day, graph: PeopleGraph? = nil) {
        self.contact = contact.id
        tie = Tie(contact: contact.id, encounterDays: journal.encounterDays(of: contact.id), today: today)
        let affiliations = journal.affiliations(of: contact.id)
        currentRoles = affiliations.filter(\.isCurrent)
        recentChanges = affiliations.filter { role in
            guard let from = role.from?.earliest else { return false }
            return from <= today && from.days(until: today) <= Self.recentChangeDays
        }
        let encounters = journal.encounters(with: contact.id).filter { $0.date.day <= today }
        lastEncounters = encounters.suffix(3).reversed().map { encounter in
            let lines = encounter.body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map(Self.readable)
            return (encounter.id, encounter.date, encounter.displayName, Array(lines.prefix(2)))
        }
        // From their encounters only: the whole journal's agenda for every contact would make a
        // site of contact pages quadratic.
        openFollowUps = Agenda.openFollowUps(in: journal.encounters(with: contact.id), config: journal.config, today: today)
        let exchanges = journal.exchanges(with: contact.id).reversed()
        gave = Array(exchanges.filter { $0.direction == .gave }.prefix(5))
        received = Array(exchanges.filter { $0.direction == .received }.prefix(5))
        occasions = Agenda.occasions(of: contact, config: journal.config, today: today, within: Self.soonDays)

        var mutual = Set<Contact.ID>()
        let graph = graph ?? PeopleGraph(journal)
        if let node = graph.node(of: contact.id) {
            for neighbour in graph.neighbours[node] { mutual.insert(graph.people[neighbour]) }
        }
        for role in currentRoles {
            for colleague in journal.affiliations(at: role.org) where colleague.isCurrent { mutual.insert(colleague.contact) }
        }
        mutual.remove(contact.id)
        self.mutual = NameOrder.sorted(
            mutual.map { $0 }, name: { journal.contacts[$0]?.name ?? $0.slug }, tieBreak: \.slug)
        publications = journal.publications(with: contact.id).map(\.id)
        var goals = contact.goals.compactMap { $0.id(Goal.self) }
        for encounter in encounters { goals += encounter.goals.compactMap { $0.id(Goal.self) } }
        var seen = Set<Goal.ID>()
        self.goals = goals.filter { seen.insert($0).inserted }
    }
}
