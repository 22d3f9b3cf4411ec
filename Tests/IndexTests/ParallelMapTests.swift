import Foundation
import Support
import Synchronization
import Testing

@testable import Index

@Suite("Work spread over all cores")
struct ParallelMapTests {
    /// Counts the instances alive, so a test can tell that results were released.
    final class Tracked: Sendable {
        static let alive = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Tracked.alive.add(1, ordering: .relaxed)
        }
        deinit { Tracked.alive.subtract(1, ordering: .relaxed) }
    }

    @Test func resultsKeepTheirOrderAndAreReleasedWhenDropped() {
        let before = Tracked.alive.load(ordering: .relaxed)
        do {
            let results = Array(0..<5000).parallelMap { Tracked($0) }
            #expect(results.map(\.value) == Array(0..<5000))
            var boxes = Array(0..<3000).map { [Tracked($0)] }
            let reports = boxes.parallelUpdate { box -> Tracked in
                box.append(Tracked(-1))
                return Tracked(box[0].value * 2)
            }
            #expect(reports.map(\.value) == Array(0..<3000).map { $0 * 2 })
            #expect(boxes.allSatisfy { $0.count == 2 && $0[1].value == -1 })
        }
        // A site build made a view model per page this way; kept alive, they held gigabytes.
        #expect(Tracked.alive.load(ordering: .relaxed) == before)
    }

    @Test func threePiecesOfWorkRunAtOnceAndReturnTheirResults() {
        let (a, b, c) = concurrently({ 1 }, { "two" }, { [3] })
        #expect(a == 1 && b == "two" && c == [3])
    }
}
