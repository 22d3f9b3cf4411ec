import Support

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
    /// A question to ask, from the notes (`question(in:)`).
    public var question: String?

    /// The most people you both know a page or `ties show` lists by name (the count says how
    /// many there are): in a dense network every page would list a thousand.
    public static let mostMutualListed = 30

    /// Days ahead that a birthday or greeting counts as soon.
    public static let soonDays = 30
    /// Days back that a new position counts as a recent job change.
    public static let recentChangeDays = 730

    /// A line of notes as read: `[[Max Graf]]` as `Max Graf`, `[[max|Max]]` as `Max`.
    /// The first line that asks something (ends with `?`) or says to ask ("Ask about her
    /// daughter's club", "Frag nach dem Umzug"): in the contact's notes, then in the notes of
    /// the encounters with them, newest first. List markers and wiki-link brackets are dropped.
    static func question(contactNotes: String, encounters: some Sequence<Encounter>) -> String? {
        func asking(_ text: String) -> String? {
            for raw in text.nonEmptyLines {
                var line = raw.trimmed
                for marker in ["- ", "* ", "+ ", "> "] where line.hasPrefix(marker) {
                    line = line.dropFirst(marker.count).trimmed
                }
                guard !line.isEmpty, !line.hasPrefix("#"), line.count <= 300 else { continue }
                // The longest word that says to ask, "nachfragen", is ten letters.
                let folded = line.prefix(10).lowercased()
                if line.hasSuffix("?") || ["ask ", "frag ", "fragen ", "nachfragen"].contains(where: folded.hasPrefix) {
                    return readable(line)
                }
            }
            return nil
        }
        if let found = asking(contactNotes) { return found }
        for encounter in encounters { if let found = asking(encounter.body) { return found } }
        return nil
    }

    static func readable(_ line: String) -> String {
        WikiLinkSyntax.segments(of: line).map { segment in
            switch segment {
            case let .text(text): return text
            case let .link(target, label, _): return label ?? target
            }
        }.joined()
    }

    /// The brief from `journal` alone: `ties brief` and `ties show`.
    public init(_ contact: Contact, journal: Journal, today: Day) {
        self.init(contact, reader: JournalReader(journal), today: today)
    }

    /// The brief through `reader`, which notes what it read: a contact's page is made again
    /// when any of it changed. Every part comes from queries about this contact, never from
    /// the whole journal, so that a site of contact pages is not quadratic.
    public init(_ contact: Contact, reader journal: JournalReader, today: Day) {
        self.init(contact, links: Links(contact.id, reader: journal), reader: journal, today: today)
    }

    /// What the brief reads of the links to a contact; `ContactProfile` reads them once for
    /// itself and its brief.
    struct Links {
        var encounters: [Encounter]
        var affiliations: [Affiliation]
        var introductionsOf: [Introduction]
        var introductionsBy: [Introduction]
        var exchanges: [Exchange]
        var publications: [Publication]

        init(_ contact: Contact.ID, reader journal: JournalReader) {
            encounters = journal.encounters(with: contact)
            affiliations = journal.affiliations(of: contact)
            introductionsOf = journal.introductions(of: contact)
            introductionsBy = journal.introductions(by: contact)
            exchanges = journal.exchanges(with: contact)
            publications = journal.publications(with: contact)
        }
    }

    init(_ contact: Contact, links: Links, reader journal: JournalReader, today: Day) {
        self.contact = contact.id
        let all = links.encounters
        tie = Tie(contact: contact.id, encounterDays: all.map(\.date.day), today: today)
        let affiliations = links.affiliations
        currentRoles = affiliations.filter(\.isCurrent)
        recentChanges = affiliations.filter { role in
            guard let from = role.from?.earliest else { return false }
            return from <= today && from.days(until: today) <= Self.recentChangeDays
        }
        let encounters = all.filter { $0.date.day <= today }
        // The last encounters' lines and the question come from notes: theirs and the contact's.
        journal.readWhole(contact.recordID)
        for encounter in encounters { journal.readWhole(encounter.recordID) }
        lastEncounters = encounters.suffix(3).reversed().map { encounter in
            let lines = encounter.body.nonEmptyLines.map(\.trimmed)
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map(Self.readable)
            return (encounter.id, encounter.date, encounter.displayName, Array(lines.prefix(2)))
        }
        openFollowUps = Agenda.openFollowUps(in: all, config: journal.config, today: today)
        let exchanges = links.exchanges.reversed()
        gave = Array(exchanges.filter { $0.direction == .gave }.prefix(5))
        received = Array(exchanges.filter { $0.direction == .received }.prefix(5))
        occasions = Agenda.occasions(
            of: contact, greeted: all.flatMap { $0.greetingRounds(config: journal.config) }, config: journal.config,
            today: today, within: Self.soonDays)

        // The contact's neighbours in `PeopleGraph`, found from their own links: people met
        // together at an encounter no larger than a meeting, introductions both ways, and
        // colleagues at their org now.
        var mutual = Set<Contact.ID>()
        for encounter in all where encounter.connectsPeople {
            mutual.formUnion(encounter.with.compactMap { $0.id(Contact.self) })
        }
        for introduction in links.introductionsOf { mutual.formUnion(introduction.introducers) }
        for introduction in links.introductionsBy { mutual.insert(introduction.introduced) }
        for role in currentRoles {
            for colleague in journal.currentPeople(at: role.org) { mutual.insert(colleague.contact) }
        }
        mutual.remove(contact.id)
        self.mutual = NameOrder.sorted(
            Array(mutual), name: { journal.displayName(of: $0.record) ?? $0.slug }, tieBreak: \.slug)
        publications = links.publications.map(\.id)
        var goals = contact.goals.compactMap { $0.id(Goal.self) }
        for encounter in encounters { goals += encounter.goals.compactMap { $0.id(Goal.self) } }
        var seen = Set<Goal.ID>()
        self.goals = goals.filter { seen.insert($0).inserted }
        question = Self.question(contactNotes: contact.body, encounters: encounters.reversed())
    }
}
