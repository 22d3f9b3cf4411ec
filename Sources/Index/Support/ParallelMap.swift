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
        return results.map { $0! }
    }
}
