import Support

/// Who is connected to whom among the owner's contacts, the owner left out: two people are
/// connected when they were at one encounter together, or when one introduced the other
/// (`met_via`, an encounter's `introduced`).
///
/// An encounter with more than `largestMeeting` people (a conference, a meetup) connects
/// nobody: being in one room with two hundred people is not knowing them, and its pairs alone
/// would be quadratic in its size. Nor does one message to many people
/// (`Encounter.isOneToMany`): a round of season's greetings makes no two recipients know each other.
public struct PeopleGraph: Sendable {
    public static let largestMeeting = 25

    /// The contacts, in journal order: node `i` is `people[i]`.
    public let people: [Contact.ID]
    /// Each node's neighbours, ascending, each once.
    public let neighbours: [[Int]]
    private let index: [Contact.ID: Int]

    public init(_ journal: Journal) {
        people = journal.contacts.map(\.id)
        var index: [Contact.ID: Int] = [:]
        index.reserveCapacity(people.count)
        for (position, id) in people.enumerated() { index[id] = position }
        self.index = index
        var sets = [Set<Int>](repeating: [], count: people.count)
        func connect(_ a: Contact.ID, _ b: Contact.ID) {
            guard a != b, let i = index[a], let j = index[b] else { return }
            sets[i].insert(j)
            sets[j].insert(i)
        }
        journal.encounters.withUnsafeBufferPointer { encounters in
            guard let first = encounters.baseAddress else { return }
            for position in encounters.indices {
                let encounter = EncounterLinks(first + position)
                guard encounter.connectsPeople else { continue }
                let with = encounter.with.compactMap { $0.id(Contact.self) }
                for a in with.indices { for b in with.indices where a < b { connect(with[a], with[b]) } }
            }
        }
        for introduction in journal.introductions {
            for introducer in introduction.introducers { connect(introducer, introduction.introduced) }
        }
        neighbours = sets.map { $0.sorted() }
    }

    public func node(of contact: Contact.ID) -> Int? { index[contact] }

    /// Betweenness centrality (Brandes, 2001) of every node, for an undirected, unweighted
    /// graph: how many shortest paths between two others pass through it. Up to
    /// `exactUpTo` nodes (and `mostBetweennessWork` edges walked) every node is a source;
    /// above, sources spread evenly over the nodes in journal order stand for all (`samples`,
    /// or as many as the work allows), their sums scaled by nodes / sources, so a journal of
    /// 100,000 records or a dense network stays quick and gives the same figures every time.
    /// Edges walked in all (sources × edges) before betweenness samples its sources.
    public static let mostBetweennessWork = 200_000_000

    public func betweenness(exactUpTo: Int = 2_000, samples: Int = 256, memo: BetweennessCache? = nil) -> [Double] {
        let count = people.count
        guard count > 2 else { return [Double](repeating: 0, count: count) }
        let sources: [Int]
        // Each source costs a walk over every edge: a dense network (2,000 people who each met
        // 2,000) is sampled too, so that no journal's insights take more than a few seconds.
        let edges = neighbours.reduce(0) { $0 + $1.count }
        let sampled = max(samples, PeopleGraph.mostBetweennessWork / max(edges, 1))
        if count <= exactUpTo, count <= sampled {
            sources = Array(0..<count)
        } else {
            let taken = min(count, sampled)
            sources = (0..<taken).map { $0 * count / taken }
        }
        // The neighbours in one flat array (each node's from `offsets[node]`), and no lists of
        // predecessors: a node's predecessors on shortest paths are its neighbours one step
        // nearer the source, found again when the dependencies are added up.
        var flatOffsets = [Int32](repeating: 0, count: count + 1)
        for node in 0..<count { flatOffsets[node + 1] = flatOffsets[node] + Int32(neighbours[node].count) }
        let offsets = flatOffsets
        let targets = neighbours.flatMap { $0.map { Int32($0) } }
        let key = BetweennessCache.Key(sources: sources, offsets: offsets, targets: targets)
        if let kept = memo?.read(key) { return kept }
        // Sources in blocks of a fixed size, each block's sums kept apart and added in block
        // order: the same figures, to the last bit, on any number of cores.
        let blockSize = 64
        let blocks = (sources.count + blockSize - 1) / blockSize
        let sums = Array(0..<blocks).parallelMap { block in
            Self.dependencies(
                of: sources[(block * blockSize)..<min(sources.count, (block + 1) * blockSize)],
                offsets: offsets, targets: targets)
        }
        var centrality = [Double](repeating: 0, count: count)
        for sum in sums { for node in 0..<count { centrality[node] += sum[node] } }
        // Each pair is counted from both ends in an undirected graph.
        let scale = Double(count) / Double(sources.count) / 2
        let result = centrality.map { $0 * scale }
        memo?.write(key, result)
        return result
    }

    /// Brandes' sums of pair dependencies over `sources`: breadth first from each, then the
    /// dependencies added up from the farthest node back.
    private static func dependencies(of sources: ArraySlice<Int>, offsets: [Int32], targets: [Int32]) -> [Double] {
        let count = offsets.count - 1
        var centrality = [Double](repeating: 0, count: count)
        var order = [Int32](repeating: 0, count: count)
        var paths = [Double](repeating: 0, count: count)
        var distance = [Int32](repeating: -1, count: count)
        var dependency = [Double](repeating: 0, count: count)
        targets.withUnsafeBufferPointer { targets in
            offsets.withUnsafeBufferPointer { offsets in
                order.withUnsafeMutableBufferPointer { order in
                    paths.withUnsafeMutableBufferPointer { paths in
                        distance.withUnsafeMutableBufferPointer { distance in
                            dependency.withUnsafeMutableBufferPointer { dependency in
                                centrality.withUnsafeMutableBufferPointer { centrality in
                                    var visited = 0
                                    for source in sources {
                                        for index in 0..<visited {
                                            let node = Int(order[index])
                                            paths[node] = 0
                                            distance[node] = -1
                                            dependency[node] = 0
                                        }
                                        // Breadth first; `order` is the queue and, read backwards, the stack.
                                        paths[source] = 1
                                        distance[source] = 0
                                        order[0] = Int32(source)
                                        visited = 1
                                        var head = 0
                                        while head < visited {
                                            let node = Int(order[head])
                                            head += 1
                                            let nextDistance = distance[node] + 1
                                            let nodePaths = paths[node]
                                            for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                                                let next = Int(targets[edge])
                                                if distance[next] < 0 {
                                                    distance[next] = nextDistance
                                                    order[visited] = Int32(next)
                                                    visited += 1
                                                }
                                                if distance[next] == nextDistance { paths[next] += nodePaths }
                                            }
                                        }
                                        for index in stride(from: visited - 1, to: 0, by: -1) {
                                            let node = Int(order[index])
                                            let share = (1 + dependency[node]) / paths[node]
                                            let previousDistance = distance[node] - 1
                                            for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                                                let previous = Int(targets[edge])
                                                if distance[previous] == previousDistance {
                                                    dependency[previous] += paths[previous] * share
                                                }
                                            }
                                            centrality[node] += dependency[node]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return centrality
    }
}
