import Foundation

/// A value made on first use and kept: for what a value that never changes (a loaded journal,
/// an agenda) is asked for often but not by every command. Copies of the owner share it; other
/// threads asking while it is made wait for it.
package final class Once<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    package init() {}

    package func get(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let made = make()
        value = made
        return made
    }
}
