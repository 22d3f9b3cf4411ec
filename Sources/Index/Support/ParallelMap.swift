import Dispatch
import Foundation

public extension Array where Element: Sendable {
    /// `map` spread over all cores, results in the original order.
    ///
    /// Work is cut into a few chunks per core so that uneven items (a long note beside a short
    /// one) still balance, without paying for one dispatch per item.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let chunkCount = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, input.count)
                guard start < end else { return }
                for index in start..<end { output[index] = transform(input[index]) }
            }
        }
        // Moved out, so the buffer holds nothing when it is freed: copying out would leave
        // every result retained once more, and never released.
        return (0..<count).map { results.moveElement(from: $0)! }
    }
}

public extension Array where Element: Sendable {
    /// Changes every element in place, spread over all cores, and returns what each change
    /// reported, in the original order. Unlike `parallelMap`, no element is copied: records are
    /// large values, and copying them (and freeing the copies) cost more than the work.
    mutating func parallelUpdate<T: Sendable>(_ update: @Sendable (inout Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return indices.map { update(&self[$0]) } }
        let chunkCount = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        withUnsafeMutableBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, count)
                guard start < end else { return }
                for index in start..<end { output[index] = update(&elements[index]) }
            }
        }
        return (0..<count).map { results.moveElement(from: $0)! }
    }
}

/// Runs three independent pieces of work at once and returns their results.
func concurrently<A: Sendable, B: Sendable, C: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B, _ third: @Sendable () -> C
) -> (A, B, C) {
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    nonisolated(unsafe) var c: C?
    DispatchQueue.concurrentPerform(iterations: 3) { index in
        switch index {
        case 0: a = first()
        case 1: b = second()
        default: c = third()
        }
    }
    return (a!, b!, c!)
}
