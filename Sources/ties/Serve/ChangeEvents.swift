import Dispatch
import Foundation
import Site

/// The Server-Sent Events of `/_ties/events`: each open page is told the site's generation
/// when it connects (an event named `hello`) and whenever the journal changes (a plain
/// message, which `EventSource.onmessage` gets), and reloads when it is not its own.
///
/// A stream ends when its page goes (the server cancels it), or when the server stops. A
/// comment every 15 seconds finds connections that died without a word.
final class ChangeEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [Int: Subscription] = [:]
    private var nextID = 0
    private var generation: String
    private var closed = false
    private let heartbeat: DispatchSourceTimer

    /// Open streams at most; more pages than that get their events when one closes.
    static let limit = 256
    /// Events kept for a page that has not taken them yet; older ones are dropped (the newest
    /// generation is all a page needs).
    static let backlog = 8

    init(generation: String) {
        self.generation = generation
        heartbeat = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        heartbeat.schedule(deadline: .now() + 15, repeating: 15)
        heartbeat.setEventHandler { [weak self] in self?.send(Array(": still here\n\n".utf8)) }
        heartbeat.resume()
    }

    var openStreams: Int { lock.withLock { streams.count } }

    /// A new stream, which starts with `hello` and the current generation; nil when too many
    /// are open or the server is stopping.
    func subscribe() -> Subscription? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed, streams.count < ChangeEvents.limit else { return nil }
        let id = nextID
        nextID += 1
        let subscription = Subscription { [weak self] in self?.remove(id) }
        subscription.add(Array("retry: 1000\nevent: hello\ndata: \(generation)\n\n".utf8))
        streams[id] = subscription
        return subscription
    }

    /// Tells every open page the new generation.
    func changed(to generation: String) {
        lock.withLock { self.generation = generation }
        send(Array("data: \(generation)\n\n".utf8))
    }

    /// Ends every stream, so that the server can stop.
    func close() {
        heartbeat.cancel()
        let open = lock.withLock {
            closed = true
            defer { streams = [:] }
            return Array(streams.values)
        }
        for subscription in open { subscription.finish() }
    }

    private func send(_ bytes: [UInt8]) {
        let open = lock.withLock { Array(streams.values) }
        for subscription in open { subscription.add(bytes) }
    }

    private func remove(_ id: Int) { lock.withLock { _ = streams.removeValue(forKey: id) } }

    /// One page's stream: the events it has not been sent yet.
    final class Subscription: HTTPEventSource, @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [[UInt8]] = []
        private var finished = false
        private let onCancel: @Sendable () -> Void

        init(onCancel: @escaping @Sendable () -> Void) { self.onCancel = onCancel }

        func add(_ event: [UInt8]) {
            condition.withLock {
                guard !finished else { return }
                pending.append(event)
                if pending.count > ChangeEvents.backlog { pending.removeFirst(pending.count - ChangeEvents.backlog) }
                condition.signal()
            }
        }

        func finish() {
            condition.withLock {
                finished = true
                condition.signal()
            }
        }

        func next(timeout: Double) -> HTTPEventNext {
            let deadline = Date().addingTimeInterval(timeout)
            condition.lock()
            defer { condition.unlock() }
            while pending.isEmpty, !finished, condition.wait(until: deadline) {}
            if !pending.isEmpty { return .bytes(pending.removeFirst()) }
            return finished ? .end : .idle
        }

        func cancel() {
            finish()
            onCancel()
        }
    }
}
