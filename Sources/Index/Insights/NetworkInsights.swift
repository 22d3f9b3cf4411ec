/// What the network is for, computed from the journal: `ties insights` prints it and the site's
/// Network page shows it (docs/FORMAT.md, "ties insights", has every formula).
public struct NetworkInsights: Sendable {
    public var today: Day
    /// Every contact's tie: strong first, then by slug.
    public var ties: [Tie]
    /// Contacts per strength, and per circle and strength (`""` for no circle).
    public var strengthCounts: [TieStrength: Int]
    public var strengthByCircle: [(circle: String, counts: [TieStrength: Int])]
    /// Met several times once, not for over a year: most encounters first.
    public var revive: [Contact.ID]
    /// The people who connect otherwise separate groups: betweenness over zero, highest first.
    public var brokers: [(contact: Contact.ID, betweenness: Double)]
    /// Who introduced most people to the owner.
    public var introducers: [(contact: Contact.ID, introduced: Int)]
    public var gateways: [Gateway]
    public var reciprocity: [Reciprocity]
    public var gaveInAll: Int
    public var receivedInAll: Int
    /// People the owner has only received from: give first.
    public var onlyReceived: [Contact.ID]
    /// Internal (at `me.org` now) and external contacts; empty without `me.org`.
    public var internalContacts: Int
    public var externalContacts: Int
    /// Per quarter of the last two years, oldest first: encounters, and those with anyone external.
    public var quarters: [Quarter]
    public var goals: [GoalActivity]
    /// Per circle, now: how many of its contacts are not overdue.
    public var cadence: [CadenceShare]
    /// The same at the end of each of the last twelve months, oldest first.
    public var cadenceByMonth: [(month: Day, shares: [CadenceShare])]

    /// An org, whom the owner knows there now, and the owner's former colleagues from there
    /// (roles that overlapped with a `me.roles` entry at the org) who now work elsewhere.
    public struct Gateway: Sendable, Equatable {
        public var org: Org.ID
        public var current: [Contact.ID]
        public var former: [Contact.ID]
    }

    public struct Reciprocity: Sendable, Equatable {
        public var contact: Contact.ID
        public var gave: Int
        public var received: Int
    }

    public struct Quarter: Sendable, Equatable {
        /// `2026-Q3`.
        public var name: String
        public var encounters: Int
        public var external: Int
    }

    public struct GoalActivity: Sendable, Equatable {
        public var goal: Goal.ID
        public var contacts: [Contact.ID]
        /// The orgs the contacts work at now.
        public var orgs: [Org.ID]
        /// The day of the last encounter or publication for it.
        public var last: Day?
        /// Active, and nothing for it in `Goal.staleAfterDays`.
        public var stale: Bool
    }

    public struct CadenceShare: Sendable, Equatable {
        public var circle: String
        public var onCadence: Int
        public var total: Int
    }

    /// Encounters in all, and none for this many days, make a tie worth reviving.
    public static let reviveAfterEncounters = 3
    public static let reviveAfterDays = 365
    /// The most brokers listed.
    public static let mostBrokers = 20

    public init(_ journal: Journal, today: Day, graph: PeopleGraph? = nil, memo: BetweennessCache? = nil) {
        self.today = today
        let contacts = journal.contacts
        let allTies = journal.ties(on: today)
        ties = allTies.sorted { ($0.strength, $0.contact.slug) < ($1.strength, $1.contact.slug) }
        var counts: [TieStrength: Int] = [:]
        var byCircle: [String: [TieStrength: Int]] = [:]
        for (contact, tie) in zip(contacts, allTies) {
            counts[tie.strength, default: 0] += 1
            byCircle[contact.circle?.target ?? "", default: [:]][tie.strength, default: 0] += 1
        }
        strengthCounts = counts
        let circleOrder = journal.config.circles.map(\.name)
        strengthByCircle = byCircle.sorted {
            (circleOrder.firstIndex(of: $0.key) ?? circleOrder.count, $0.key)
                < (circleOrder.firstIndex(of: $1.key) ?? circleOrder.count, $1.key)
        }.map { ($0.key, $0.value) }
        revive = allTies.filter {
            $0.encounters >= Self.reviveAfterEncounters
                && ($0.last.map { $0.days(until: today) > Self.reviveAfterDays } ?? false)
        }
        .sorted { a, b in
            if a.encounters != b.encounters { return a.encounters > b.encounters }
            if a.last != b.last { return (a.last ?? .earliest) > (b.last ?? .earliest) }
            return a.contact.slug < b.contact.slug
        }
        .map(\.contact)

        let graph = graph ?? PeopleGraph(journal)
        let centrality = graph.betweenness(memo: memo)
        var brokers: [(contact: Contact.ID, betweenness: Double)] = []
        for (contact, value) in zip(graph.people, centrality) where value > 0.000_001 {
            brokers.append((contact, (value * 100).rounded() / 100))
        }
        brokers.sort { a, b in a.betweenness != b.betweenness ? a.betweenness > b.betweenness : a.contact.slug < b.contact.slug }
        self.brokers = Array(brokers.prefix(Self.mostBrokers))
        var introduced: [Contact.ID: Set<Contact.ID>] = [:]
        for introduction in journal.introductions {
            for introducer in introduction.introducers where introducer != introduction.introduced {
                introduced[introducer, default: []].insert(introduction.introduced)
            }
        }
        introducers = introduced.map { (contact: $0.key, introduced: $0.value.count) }
            .sorted { ($1.introduced, $0.contact.slug) < ($0.introduced, $1.contact.slug) }

        gateways = Self.gateways(journal)

        var reciprocity: [Reciprocity] = []
        for contact in contacts {
            let exchanges = journal.exchanges(with: contact.id)
            guard !exchanges.isEmpty else { continue }
            let gave = exchanges.filter { $0.direction == .gave }.count
            reciprocity.append(Reciprocity(contact: contact.id, gave: gave, received: exchanges.count - gave))
        }
        self.reciprocity = reciprocity.sorted {
            ($1.gave + $1.received, $0.contact.slug) < ($0.gave + $0.received, $1.contact.slug)
        }
        gaveInAll = reciprocity.reduce(0) { $0 + $1.gave }
        receivedInAll = reciprocity.reduce(0) { $0 + $1.received }
        onlyReceived = reciprocity.filter { $0.gave == 0 && $0.received > 0 }.map(\.contact).sorted { $0.slug < $1.slug }

        var internalSet = Set<Contact.ID>()
        if journal.config.myOrg?.target != nil {
            for contact in contacts where journal.isInternal(contact.id) { internalSet.insert(contact.id) }
        }
        internalContacts = internalSet.count
        externalContacts = journal.config.myOrg?.target == nil ? 0 : contacts.count - internalSet.count
        quarters = Self.quarters(journal, today: today, isInternal: journal.config.myOrg?.target == nil ? nil : internalSet)

        goals = journal.goals.map { goal in
            let people = journal.contacts(for: goal.id)
            let last = Goal.lastActivity(
                encounters: journal.encounters(for: goal.id), publications: journal.publications(for: goal.id), today: today)
            var orgs = Set<Org.ID>()
            for person in people {
                for role in journal.affiliations(of: person.id) where role.isCurrent { orgs.insert(role.org) }
            }
            return GoalActivity(
                goal: goal.id, contacts: people.map(\.id).sorted { $0.slug < $1.slug },
                orgs: orgs.sorted { $0.slug < $1.slug }, last: last,
                stale: goal.isStale(lastActivity: last, today: today))
        }.sorted { $0.goal.slug < $1.goal.slug }

        // Each contact's cadence and encounter days, once for the thirteen days asked about.
        let people = journal.contacts.compactMap { contact -> CadencePerson? in
            let cadence = journal.cadence(of: contact)
            guard cadence != .none else { return nil }
            return CadencePerson(
                circle: contact.circle?.target ?? "", cadence: cadence, days: journal.encounterDays(of: contact.id),
                met: contact.met)
        }
        let order = journal.config.circles.map(\.name)
        cadence = Self.cadence(people, on: today, order: order)
        cadenceByMonth = (0..<12).reversed().map { back in
            // The last day of the month `back` months ago (this month: today).
            let month: Day
            if back == 0 {
                month = today
            } else {
                let start = today.adding(months: -back)
                month = Day(year: start.year, month: start.month, day: Day.daysIn(month: start.month, year: start.year)) ?? start
            }
            return (month, Self.cadence(people, on: month, order: order))
        }
    }

    /// What the share on cadence needs of a contact whose cadence is not `none`.
    struct CadencePerson {
        var circle: String
        var cadence: Cadence
        /// Encounter days, oldest first.
        var days: [Day]
        var met: Day?
    }

    /// Per circle (in ties.yaml's order, then contacts without one), contacts whose cadence is
    /// not `none`, and of them those not overdue on `day`: met within their cadence of `day`,
    /// counting only encounters up to `day` (else `met`, if it was by then).
    static func cadence(_ people: [CadencePerson], on day: Day, order: [String]) -> [CadenceShare] {
        var shares: [String: CadenceShare] = [:]
        for person in people {
            var share = shares[person.circle] ?? CadenceShare(circle: person.circle, onCadence: 0, total: 0)
            share.total += 1
            var last = person.days.last(where: { $0 <= day })
            if last == nil, let met = person.met, met <= day { last = met }
            if let last, let due = person.cadence.after(last), due > day { share.onCadence += 1 }
            shares[person.circle] = share
        }
        return shares.values.sorted {
            (order.firstIndex(of: $0.circle) ?? order.count, $0.circle) < (
                order.firstIndex(of: $1.circle) ?? order.count, $1.circle
            )
        }
    }

    /// The last eight quarters up to today's: encounters, and those with anyone not at `me.org`.
    static func quarters(_ journal: Journal, today: Day, isInternal: Set<Contact.ID>?) -> [Quarter] {
        func key(_ day: Day) -> Int { day.year * 4 + (day.month - 1) / 3 }
        let last = key(today)
        var quarters = (0..<8).reversed().map { back -> Quarter in
            let k = last - back
            return Quarter(name: "\(k / 4)-Q\(k % 4 + 1)", encounters: 0, external: 0)
        }
        journal.encounters.withUnsafeBufferPointer { encounters in
            for index in encounters.indices {
                let day = encounters[index].date.day
                let position = 7 - (last - key(day))
                guard day <= today, (0..<8).contains(position) else { continue }
                quarters[position].encounters += 1
                if let isInternal,
                    encounters[index].with.contains(where: { $0.id(Contact.self).map { !isInternal.contains($0) } ?? false })
                {
                    quarters[position].external += 1
                }
            }
        }
        return quarters
    }

    /// Orgs with anyone the owner knows there now or a former colleague from there, most
    /// people first, then by slug.
    static func gateways(_ journal: Journal) -> [Gateway] {
        var current: [Org.ID: [Contact.ID]] = [:]
        var former: [Org.ID: [Contact.ID]] = [:]
        let mine = journal.config.myRoles.compactMap { role in role.org.id(Org.self).map { (org: $0, role: role) } }
        for contact in journal.contacts {
            let roles = journal.affiliations(of: contact.id)
            let now = Set(roles.filter(\.isCurrent).map(\.org))
            for org in now { current[org, default: []].append(contact.id) }
            for (org, role) in mine {
                // Worked with me there, and is not there now.
                guard !now.contains(org),
                    roles.contains(where: { $0.org == org && overlap($0.from, $0.to, role.from, role.to) })
                else { continue }
                if !(former[org]?.contains(contact.id) ?? false) { former[org, default: []].append(contact.id) }
            }
        }
        let orgs = Set(current.keys).union(former.keys)
        return orgs.map { org in
            Gateway(
                org: org, current: (current[org] ?? []).sorted { $0.slug < $1.slug },
                former: (former[org] ?? []).sorted { $0.slug < $1.slug })
        }.sorted {
            ($1.current.count + $1.former.count, $0.org.slug) < ($0.current.count + $0.former.count, $1.org.slug)
        }
    }

    /// Whether two periods (either end open: unknown start, or still going) share a day.
    static func overlap(_ aFrom: PartialDate?, _ aTo: PartialDate?, _ bFrom: PartialDate?, _ bTo: PartialDate?) -> Bool {
        let aStart = aFrom?.earliest ?? .earliest
        let aEnd = aTo?.latest ?? .latest
        let bStart = bFrom?.earliest ?? .earliest
        let bEnd = bTo?.latest ?? .latest
        return aStart <= bEnd && bStart <= aEnd
    }
}
