import FlyingFox
import FlyingSocks
import Foundation

/// The Server-Sent Events of `/_ties/events`: each open page is told the site's generation
/// when it connects (an event named `hello`) and whenever the journal changes (a plain
/// message, which `EventSource.onmessage` gets), and reloads when it is not its own.
///
/// A stream ends when its page goes (the connection's body is let go), or when the server
/// stops. A comment every 15 seconds finds connections that died without a word.
final class ChangeEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var generation: String
    private var closed = false
    private var heartbeat: Task<Void, Never>?

    /// Open streams at most; more pages than that get their events when one closes.
    static let limit = 256

    init(generation: String) {
        self.generation = generation
        heartbeat = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                self?.send(Array(": still here\n\n".utf8))
            }
        }
    }

    var openStreams: Int { lock.withLock { streams.count } }

    /// A new stream, which starts with `hello` and the current generation; nil when too many
    /// are open or the server is stopping.
    func subscribe() -> HTTPBodySequence? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed, streams.count < ChangeEvents.limit else { return nil }
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.yield(Array("retry: 1000\nevent: hello\ndata: \(generation)\n\n".utf8))
        streams[id] = continuation
        let subscription = Subscription { [weak self] in self?.remove(id) }
        return HTTPBodySequence(from: EventBytes(stream: stream, subscription: subscription), suggestedBufferSize: 4096)
    }

    /// Tells every open page the new generation.
    func changed(to generation: String) {
        lock.withLock { self.generation = generation }
        send(Array("data: \(generation)\n\n".utf8))
    }

    /// Ends every stream, so that the server can stop.
    func close() {
        heartbeat?.cancel()
        let open = lock.withLock {
            closed = true
            defer { streams = [:] }
            return Array(streams.values)
        }
        for continuation in open { continuation.finish() }
    }

    private func send(_ bytes: [UInt8]) {
        let open = lock.withLock { Array(streams.values) }
        for continuation in open { continuation.yield(bytes) }
    }

    private func remove(_ id: Int) {
        let continuation = lock.withLock { streams.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Removes its stream when the response's body, and with it this, is let go.
    final class Subscription: Sendable {
        let end: @Sendable () -> Void
        init(end: @escaping @Sendable () -> Void) { self.end = end }
        deinit { end() }
    }

    /// The events as the bytes of a response body, one event per write.
    struct EventBytes: AsyncBufferedSequence, Sendable {
        typealias Element = UInt8
        let stream: AsyncStream<[UInt8]>
        let subscription: Subscription

        func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator(), subscription: subscription) }

        struct Iterator: AsyncBufferedIteratorProtocol {
            var base: AsyncStream<[UInt8]>.Iterator
            let subscription: Subscription
            var pending: [UInt8] = []

            mutating func next() async -> UInt8? {
                if pending.isEmpty {
                    guard let event = await base.next() else { return nil }
                    pending = event
                }
                return pending.removeFirst()
            }

            mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
                if !pending.isEmpty {
                    defer { pending = [] }
                    return pending
                }
                return await base.next()
            }
        }
    }
}
