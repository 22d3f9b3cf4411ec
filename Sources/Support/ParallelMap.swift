import Dispatch
import Foundation

/// Makes `count` results in parallel and returns them in order.
///
/// `0..<count` is cut into a few ranges per core, so that uneven items (a long note beside a
/// short one) still balance without a dispatch per item; `fill` gets one range at a time, with
/// any state it keeps per range (an open folder, say), and sets the result of each index in it.
/// Results are moved out of the buffer, never copied: a copy would stay retained, and every
/// result would live until the process ends.
package func parallelResults<T: Sendable>(
    count: Int, _ fill: @Sendable (Range<Int>, _ set: (Int, T) -> Void) -> Void
) -> [T] {
    guard count > 0 else { return [] }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let output = results
    let chunkCount = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
    let chunkSize = (count + chunkCount - 1) / chunkCount
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let start = chunk * chunkSize
        let end = Swift.min(start + chunkSize, count)
        guard start < end else { return }
        fill(start..<end) { index, result in output[index] = result }
    }
    return (0..<count).map { index in
        guard let result = results.moveElement(from: index) else { preconditionFailure("no result for \(index)") }
        return result
    }
}

public extension Array where Element: Sendable {
    /// `map` spread over all cores, results in the original order.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            return parallelResults(count: input.count) { range, set in
                for index in range { set(index, transform(input[index])) }
            }
        }
    }

    /// Changes every element in place, spread over all cores, and returns what each change
    /// reported, in the original order. Unlike `parallelMap`, no element is copied: records are
    /// large values, and copying them (and freeing the copies) cost more than the work.
    package mutating func parallelUpdate<T: Sendable>(_ update: @Sendable (inout Element) -> T) -> [T] {
        guard count > 1 else { return indices.map { update(&self[$0]) } }
        return withUnsafeMutableBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            return parallelResults(count: elements.count) { range, set in
                for index in range { set(index, update(&elements[index])) }
            }
        }
    }
}

/// Runs three independent pieces of work at once and returns their results.
package func concurrently<A: Sendable, B: Sendable, C: Sendable>(
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
    guard let a, let b, let c else { preconditionFailure("concurrentPerform ran every iteration") }
    return (a, b, c)
}

/// Runs two independent pieces of work at once and returns their results.
package func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { a = first() } else { b = second() }
    }
    guard let a, let b else { preconditionFailure("concurrentPerform ran every iteration") }
    return (a, b)
}
