import Foundation
import Synchronization

/// A value made on first use and kept: for what a value that never changes (a loaded journal,
/// an agenda) is asked for often but not by every command. Copies of the owner share it; other
/// threads asking while it is made wait for it.
package final class Once<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Set, with release ordering, once `value` is written for good: a page render asks for
    /// a journal's cross-link tables many times, from every core, and takes no lock then.
    private let made = Atomic<Bool>(false)
    private var value: Value?

    package init() {}

    /// Whether the value has been made: for tests of what a question makes.
    package var isMade: Bool { made.load(ordering: .acquiring) }

    package func get(_ make: () -> Value) -> Value {
        if made.load(ordering: .acquiring), let value { return value }
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let new = make()
        value = new
        made.store(true, ordering: .releasing)
        return new
    }
}
