/// A warm introduction path: people the owner knows, each connected to the next, ending at the
/// person wanted or at someone working at the org wanted.
public struct WarmPath: Sendable, Equatable {
    /// From the owner's side on: the first is met directly; for an org the last works there,
    /// for a person the last knows them (the person is not in the list).
    public var via: [Contact.ID]
    /// The owner's tie to each of `via`.
    public var strengths: [TieStrength]
    /// The weakest of the owner's ties along the way (the target person's own left out).
    public var strength: TieStrength
}

public extension Journal {
    /// The most paths `warmPaths` gives.
    static let mostWarmPaths = 5

    /// The shortest chains to a contact or to anyone at an org now, through people connected in
    /// `PeopleGraph` (shared encounters, introductions) or working at one org now, starting with
    /// someone the owner has met. For a contact, the direct tie is left out: the question is who
    /// can introduce them. Ranked by the weakest tie along the way (strong first), then by the
    /// people's slugs; at most `mostWarmPaths`.
    ///
    /// With `introductionsOnly`, a path to an org ends at someone there the owner has never met,
    /// through people met (who may work there too): the introductions to ask for, once the
    /// people known there are listed (`peopleKnown(at:today:)`). The tie to the person at the end
    /// does not count.
    func warmPaths(
        to target: RecordID, today: Day, graph: PeopleGraph? = nil, introductionsOnly: Bool = false
    ) -> [WarmPath] {
        let graph = graph ?? PeopleGraph(self)
        let people = graph.people
        var strength: [TieStrength] = []
        var met: [Bool] = []
        strength.reserveCapacity(people.count)
        for id in people {
            let tie = Tie(contact: id, encounterDays: encounterDays(of: id), today: today)
            strength.append(tie.strength)
            met.append(tie.encounters > 0)
        }
        // Colleagues now: everyone at one org is connected to everyone else there.
        var colleagues: [Org.ID: [Int]] = [:]
        for (node, id) in people.enumerated() {
            for affiliation in affiliations(of: id) where affiliation.isCurrent {
                colleagues[affiliation.org, default: []].append(node)
            }
        }
        var orgsOf = [[Org.ID]](repeating: [], count: people.count)
        for (org, nodes) in colleagues where nodes.count <= PeopleGraph.largestMeeting * 4 {
            for node in nodes { orgsOf[node].append(org) }
        }
        func neighbours(_ node: Int) -> [Int] {
            var all = graph.neighbours[node]
            for org in orgsOf[node] { all += (colleagues[org] ?? []).filter { $0 != node } }
            return all
        }

        // The ends: the person, or everyone at the org now.
        var ends: [Int] = []
        var excluded: Int?
        switch target.kind {
        case .contact:
            guard let node = graph.node(of: Contact.ID(target.slug)) else { return [] }
            ends = [node]
            excluded = node
        case .org:
            ends = (colleagues[Org.ID(target.slug)] ?? []).sorted()
            if introductionsOnly { ends = ends.filter { !met[$0] } }
        default:
            return []
        }
        guard !ends.isEmpty else { return [] }

        // Distance of every node to the nearest end, breadth first from the ends.
        var distance = [Int](repeating: -1, count: people.count)
        var queue: [Int] = []
        for end in ends {
            distance[end] = 0
            queue.append(end)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in neighbours(node) where distance[next] < 0 {
                distance[next] = distance[node] + 1
                queue.append(next)
            }
        }
        // The first person: met, not the target person, as near the end as any.
        let starts = people.indices.filter { met[$0] && $0 != excluded && distance[$0] >= 0 }
        guard let nearest = starts.map({ distance[$0] }).min() else { return [] }
        var paths: [[Int]] = []
        let enumerationLimit = 200
        func walk(_ path: [Int]) {
            guard paths.count < enumerationLimit else { return }
            let node = path[path.count - 1]
            if distance[node] == 0 {
                paths.append(path)
                return
            }
            for next in Set(neighbours(node)).sorted() where distance[next] == distance[node] - 1 && !path.contains(next) {
                walk(path + [next])
            }
        }
        for start in starts where distance[start] == nearest { walk([start]) }
        let ranked = paths.map { path -> WarmPath in
            // The target person's own tie does not make the way there warmer or colder.
            let via = path.filter { $0 != excluded }
            let along = (introductionsOnly ? via.filter { met[$0] } : via).map { strength[$0] }
            return WarmPath(via: via.map { people[$0] }, strengths: via.map { strength[$0] }, strength: along.max() ?? .weak)
        }
        return ranked.sorted { a, b in
            if a.strength != b.strength { return a.strength < b.strength }
            return a.via.map(\.slug).lexicographicallyPrecedes(b.via.map(\.slug))
        }.prefix(Self.mostWarmPaths).map { $0 }
    }
}

public extension Journal {
    /// The people who work at an org now, each with the owner's tie: where a path to an org
    /// starts, before any introduction. Strong ties first, then the most recently met, then by
    /// name and slug; the never-met last.
    func peopleKnown(at org: Org.ID, today: Day) -> [Tie] {
        var seen = Set<Contact.ID>()
        let ties = currentPeople(at: org).compactMap { affiliation -> Tie? in
            guard seen.insert(affiliation.contact).inserted else { return nil }
            return Tie(contact: affiliation.contact, encounterDays: encounterDays(of: affiliation.contact), today: today)
        }
        let keys = Dictionary(
            ties.map { ($0.contact, NameOrder.key(contacts[$0.contact]?.name ?? $0.contact.slug)) },
            uniquingKeysWith: { first, _ in first })
        return ties.sorted { a, b in
            if a.strength != b.strength { return a.strength < b.strength }
            if a.last != b.last { return (a.last ?? .earliest) > (b.last ?? .earliest) }
            return (keys[a.contact] ?? "", a.contact.slug) < (keys[b.contact] ?? "", b.contact.slug)
        }
    }
}
