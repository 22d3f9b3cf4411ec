import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The HTTP/1.1 server of `ties serve`: 127.0.0.1 and ::1 (where the machine has IPv6) at one
/// port, a thread per connection, every request's head bounded in size (`HTTPExchange`) and in
/// time, so that no sender, however slow or large, keeps the others from being answered.
///
/// Limits (docs/SECURITY.md): a head must arrive within `headSeconds` of the connection or of
/// the last answer; an answer that the client does not read for `writeSeconds` ends the
/// connection; at most `connectionLimit` connections at once, and when they are all taken, the
/// one that has waited longest for a head makes room for the new one.
public final class LoopbackServer: @unchecked Sendable {
    /// 512, or fewer when the process may open fewer files (a place for the journal's files kept).
    public static let connectionLimit: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 512 }
        let files = limit.rlim_cur > 1 << 20 ? 1 << 20 : Int(limit.rlim_cur)
        return max(16, min(512, files - 128))
    }()
    public static let headSeconds = 10.0
    public static let writeSeconds = 10.0

    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// Why the server could not start.
    public enum Failure: Error, Sendable {
        /// The port is taken.
        case portInUse(UInt16)
        case cannotListen(String)
    }

    public let port: UInt16
    /// Whether ::1 is served too; false on a machine without IPv6 on loopback.
    public var servesIPv6: Bool { listeners.count == 2 }

    private let listeners: [Int32]
    private let handler: Handler
    /// Written to when the server stops, so the accepting thread wakes.
    private let wake: (read: Int32, write: Int32)
    private let lock = NSCondition()
    private var connections: [Int: Connection] = [:]
    private var nextID = 0
    private var stopping = false
    private var accepting = false

    /// Listens at `port` (0: a free port the system picks) on both loopback addresses, and
    /// starts answering with `handler`.
    public init(port: UInt16, handler: @escaping Handler) throws(Failure) {
        var found: (listeners: [Int32], port: UInt16)?
        // With port 0 the system picks a port for 127.0.0.1, which may be taken on ::1: try again.
        for _ in 0..<8 {
            let ipv4 = try Self.listen(ipv6: false, port: port)
            let bound = Self.boundPort(ipv4)
            do {
                let ipv6 = try Self.listen(ipv6: true, port: bound)
                found = ([ipv4, ipv6], bound)
                break
            } catch .portInUse {
                close(ipv4)
                if port == 0 { continue }
                throw .portInUse(port)
            } catch {
                // No IPv6 on this machine's loopback: 127.0.0.1 alone.
                found = ([ipv4], bound)
                break
            }
        }
        guard let found else { throw .cannotListen("no port was free on both 127.0.0.1 and ::1") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            found.listeners.forEach { close($0) }
            throw .cannotListen(String(cString: strerror(errno)))
        }
        listeners = found.listeners
        self.port = found.port
        self.handler = handler
        for end in pipeEnds { Self.configure(end) }
        wake = (pipeEnds[0], pipeEnds[1])
        accepting = true
        let thread = Thread { [self] in acceptConnections() }
        thread.name = "ties serve: accept"
        thread.start()
    }

    /// Stops accepting, ends every connection (streams included) and waits for them, at most
    /// two seconds.
    public func stop() {
        lock.lock()
        guard !stopping else { return lock.unlock() }
        stopping = true
        for connection in connections.values { shutdown(connection.descriptor, Int32(SHUT_RDWR)) }
        lock.unlock()
        _ = Glibc.write(wake.write, [1], 1)
        let deadline = Date().addingTimeInterval(2)
        lock.lock()
        while accepting || !connections.isEmpty, lock.wait(until: deadline) {}
        lock.unlock()
    }

    /// How many connections are open now.
    public var openConnections: Int { lock.withLock { connections.count } }

    // MARK: Listening

    private static func listen(ipv6: Bool, port: UInt16) throws(Failure) -> Int32 {
        let descriptor = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .cannotListen(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if ipv6 {
            // ::1 only, not the IPv4 addresses mapped into IPv6.
            setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            address.sin6_addr = in6addr_loopback
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard bound == 0, Glibc.listen(descriptor, 128) == 0 else {
            let number = errno
            close(descriptor)
            if number == EADDRINUSE { throw .portInUse(port) }
            throw .cannotListen(String(cString: strerror(number)))
        }
        configure(descriptor)
        return descriptor
    }

    /// Non-blocking (every wait is a `poll` with a deadline), and not inherited by a browser
    /// that `--open` starts.
    private static func configure(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Whether 127.0.0.1 can listen at `port` now.
    public static func isFree(_ port: UInt16) -> Bool {
        guard let descriptor = try? listen(ipv6: false, port: port) else { return false }
        close(descriptor)
        return true
    }

    private func acceptConnections() {
        var polled = ([wake.read] + listeners).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while !lock.withLock({ stopping }) {
            guard poll(&polled, nfds_t(polled.count), -1) >= 0 || errno == EINTR else { break }
            for index in polled.indices.dropFirst() where polled[index].revents != 0 {
                while true {
                    let descriptor = accept(polled[index].fd, nil, nil)
                    if descriptor >= 0 {
                        Self.configure(descriptor)
                        admit(descriptor)
                        continue
                    }
                    // Out of file descriptors: the longest waiting connection goes, and the
                    // next is taken a moment later instead of the listener being polled in a loop.
                    if errno == EMFILE || errno == ENFILE {
                        lock.withLock { evictLongestWaiting() }
                        usleep(10_000)
                    }
                    break
                }
            }
        }
        listeners.forEach { close($0) }
        close(wake.read)
        close(wake.write)
        lock.withLock {
            accepting = false
            lock.broadcast()
        }
    }

    /// Starts a thread for a new connection, making room when every place is taken.
    private func admit(_ descriptor: Int32) {
        lock.lock()
        if connections.count >= Self.connectionLimit {
            // The one waiting longest for a head goes: a sender that holds places without asking
            // anything cannot keep out one that asks.
            if !evictLongestWaiting() {
                lock.unlock()
                let refusal = HTTPResponse.text(503, "ties serve has \(Self.connectionLimit) connections open; try again.\n")
                var bytes = refusal.head(for: nil, closing: true)
                if case .bytes(let data) = refusal.body { bytes += data }
                _ = Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
                close(descriptor)
                return
            }
        }
        let connection = Connection(id: nextID, descriptor: descriptor)
        nextID += 1
        connections[connection.id] = connection
        lock.unlock()
        let thread = Thread { [self] in
            serve(connection)
            lock.withLock {
                connections[connection.id] = nil
                close(connection.descriptor)
                lock.broadcast()
            }
        }
        thread.stackSize = 1 << 20
        thread.name = "ties serve: connection"
        thread.start()
    }

    /// Ends the connection that has waited longest for a request; false when none waits (all
    /// are answering or streaming). Called with the lock held.
    @discardableResult
    private func evictLongestWaiting() -> Bool {
        let waiting = connections.values.filter { $0.waitingSince != nil }
        guard let oldest = waiting.min(by: { ($0.waitingSince ?? 0, $0.id) < ($1.waitingSince ?? 0, $1.id) }) else {
            return false
        }
        shutdown(oldest.descriptor, Int32(SHUT_RDWR))
        oldest.waitingSince = nil
        return true
    }

    // MARK: One connection

    /// A connection's socket and whether it waits for a request (since when, in seconds of the
    /// monotonic clock), guarded by the server's lock.
    private final class Connection: @unchecked Sendable {
        let id: Int
        let descriptor: Int32
        var waitingSince: Double?
        init(id: Int, descriptor: Int32) {
            self.id = id
            self.descriptor = descriptor
            waitingSince = LoopbackServer.now()
        }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private func serve(_ connection: Connection) {
        let descriptor = connection.descriptor
        var exchange = HTTPExchange()
        var deadline = Self.now() + Self.headSeconds
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            switch exchange.next() {
            case .reject(let rejection):
                if send(rejection.response, for: nil, closing: true, on: descriptor) { linger(on: descriptor) }
                return
            case .request(let request):
                lock.withLock { connection.waitingSince = nil }
                let response = handler(request)
                let closing = !request.keepsAlive || request.announcesBody || lock.withLock { stopping }
                guard send(response, for: request, closing: closing, on: descriptor) else { return }
                // A stream is the connection's last answer, whatever the request said.
                if request.method != "HEAD", case .stream(let source) = response.body {
                    stream(source, chunked: request.minorVersion >= 1, on: descriptor)
                    return
                }
                if closing {
                    if request.announcesBody { linger(on: descriptor) }
                    return
                }
                let waiting = Self.now()
                lock.withLock { connection.waitingSince = waiting }
                deadline = waiting + Self.headSeconds
            case .needMore:
                let left = deadline - Self.now()
                guard left > 0, Self.wait(for: Int16(POLLIN), on: descriptor, seconds: left) else {
                    // A head begun and not ended in time: 408. A connection kept open between
                    // requests just closes.
                    if exchange.hasPartialRequest {
                        _ = send(
                            .text(408, "The request's head did not arrive within \(Int(Self.headSeconds)) seconds.\n"),
                            for: nil, closing: true, on: descriptor)
                    }
                    return
                }
                let count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                guard count > 0 else { return }
                exchange.receive(scratch[0..<count])
            }
        }
    }

    /// Sends the answer's head, and its body unless the request was HEAD; false when the
    /// connection is gone or did not take the bytes in time.
    private func send(_ response: HTTPResponse, for request: HTTPRequest?, closing: Bool, on descriptor: Int32) -> Bool {
        var bytes = response.head(for: request, closing: closing)
        if request?.method != "HEAD", case .bytes(let data) = response.body { bytes += data }
        if request?.method == "HEAD", case .stream(let source) = response.body { source.cancel() }
        return write(bytes, to: descriptor)
    }

    /// Sends events until the source ends, the page goes or the server stops.
    private func stream(_ source: any HTTPEventSource, chunked: Bool, on descriptor: Int32) {
        defer { source.cancel() }
        var scratch = [UInt8](repeating: 0, count: 4096)
        var ignored = 0
        while !lock.withLock({ stopping }) {
            switch source.next(timeout: 0.5) {
            case .bytes(let bytes):
                let framed = chunked ? Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + [13, 10] : bytes
                guard write(framed, to: descriptor) else { return }
            case .idle: break
            case .end:
                if chunked { _ = write(Array("0\r\n\r\n".utf8), to: descriptor) }
                return
            }
            // The page went (the connection closed), or sends what a stream does not take.
            var polled = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&polled, 1, 0) > 0 {
                let count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0, !(count < 0 && (errno == EINTR || errno == EAGAIN)) { return }
                ignored += max(count, 0)
                if ignored > HTTPExchange.headLimit { return }
            }
        }
    }

    /// Reads and drops what the client still sends, for at most two seconds and a megabyte,
    /// before the connection closes: closed with unread bytes, the system would reset it and
    /// the client could lose the answer that says why (RFC 9112 §9.6).
    private func linger(on descriptor: Int32) {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = Self.now() + 2
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var dropped = 0
        while dropped < 1 << 20, case let left = deadline - Self.now(), left > 0,
            Self.wait(for: Int16(POLLIN), on: descriptor, seconds: left)
        {
            let count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return }
            dropped += count
        }
    }

    /// Writes every byte, waiting at most `writeSeconds` each time the client takes none.
    private func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if count < 0, errno == EAGAIN || errno == EINTR {
                guard Self.wait(for: Int16(POLLOUT), on: descriptor, seconds: Self.writeSeconds) else { return false }
            } else {
                return false
            }
        }
        return true
    }

    /// Waits until `descriptor` is ready for `events`, at most `seconds`; false on timeout or
    /// when the connection ended.
    private static func wait(for events: Int16, on descriptor: Int32, seconds: Double) -> Bool {
        var polled = pollfd(fd: descriptor, events: events, revents: 0)
        let milliseconds = Int32(min(max(seconds * 1000, 1), Double(Int32.max)))
        while true {
            let ready = poll(&polled, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0 && polled.revents & Int16(POLLNVAL) == 0
        }
    }
}
