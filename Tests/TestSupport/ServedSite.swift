import Foundation
import Index
import Support

#if canImport(Glibc)
    import Glibc
#endif

/// A running `ties serve`, started as a person would start it, and a small HTTP client that
/// says exactly what it sends (a `Host` of its choosing, a cookie or none).
public final class ServedSite: @unchecked Sendable {
    public let process: Process
    public let url: String
    public let port: UInt16
    public let token: String
    private let output: Pipe
    private let errors: Pipe
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""

    /// Starts `ties serve --port 0` on `journal`; returns once it printed its address.
    public init(journal: URL, arguments: [String] = [], executable: URL? = nil) throws {
        process = Process()
        process.executableURL = executable ?? TiesBinary.url
        process.arguments = ["serve", "--journal", journal.path, "--port", "0"] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8", "TIES_CACHE": "off"]
        output = Pipe()
        errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.runWithDefaultSignals()
        var collected = ""
        let deadline = Date().addingTimeInterval(60)
        while !collected.contains("\n"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            collected += String(decoding: data, as: UTF8.self)
        }
        let first = collected.split(separator: "\n").first.map(String.init) ?? ""
        guard let range = first.range(of: "http://127.0.0.1:") else {
            process.terminate()
            throw Failure(description: "ties serve printed no address: \(collected)")
        }
        url = String(first[range.lowerBound...])
        let afterHost = url.dropFirst("http://127.0.0.1:".count)
        port = UInt16(afterHost.prefix { $0.isNumber }) ?? 0
        token = url.components(separatedBy: "?token=").last ?? ""
        lock.withLock { stdoutText = collected }
        drain(output.fileHandleForReading) { $0.stdoutText += $1 }
        drain(errors.fileHandleForReading) { $0.stderrText += $1 }
    }

    /// Reads `handle` on a thread of its own until it ends, adding what arrives.
    private func drain(_ handle: FileHandle, into add: @escaping @Sendable (ServedSite, String) -> Void) {
        Thread { [weak self] in
            while true {
                let data = handle.availableData
                guard !data.isEmpty, let self else { return }
                self.lock.withLock { add(self, String(decoding: data, as: UTF8.self)) }
            }
        }.start()
    }

    public struct Failure: Error, CustomStringConvertible { public var description: String }

    public var standardOutput: String { lock.withLock { stdoutText } }
    public var standardError: String { lock.withLock { stderrText } }

    /// The cookie the server gives for its token.
    public var cookie: String { "ties-\(port)=\(token)" }

    /// Sends SIGINT, as Ctrl-C does, and waits up to `seconds`; the exit status, or nil when it
    /// did not stop in time (then it is killed).
    @discardableResult
    public func interrupt(within seconds: Double = 5) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// One answer of the server.
    public struct Response: Sendable {
        public var status: Int
        /// Header names in lower case; a header sent twice is joined with ", ".
        public var headers: [String: String]
        public var body: String
    }

    /// A GET of `path`, with `Host: 127.0.0.1:PORT` unless `host` says otherwise.
    public func get(
        _ path: String, host: String? = nil, cookie: String? = nil, method: String = "GET", over address: String = "127.0.0.1"
    ) throws -> Response {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        if let cookie { request += "Cookie: \(cookie)\r\n" }
        request += "\r\n"
        let connection = try Connection(address: address, port: port)
        try connection.send(request)
        var raw = [UInt8]()
        while let chunk = connection.receive(timeout: 10), !chunk.isEmpty { raw += chunk }
        return Self.parse(raw)
    }

    static func parse(_ raw: [UInt8]) -> Response {
        let text = String(decoding: raw, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        var lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.removeFirst().split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// Opens `/_ties/events` and collects what arrives.
    public func events(cookie: String? = nil) throws -> EventStream {
        let connection = try Connection(address: "127.0.0.1", port: port)
        try connection.send(
            "GET /_ties/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(cookie ?? self.cookie)\r\nAccept: text/event-stream\r\n\r\n"
        )
        return EventStream(connection: connection)
    }

    /// An open event stream.
    public final class EventStream: @unchecked Sendable {
        let connection: Connection
        public private(set) var received = ""
        /// How far `wait(for:)` has read: each call finds the next occurrence.
        private var consumed: String.Index
        init(connection: Connection) {
            self.connection = connection
            consumed = received.startIndex
        }

        /// Reads until `text` arrives after what earlier calls found, or `seconds` passed;
        /// whether it arrived.
        public func wait(for text: String, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                if let found = received[consumed...].range(of: text) {
                    consumed = found.upperBound
                    return true
                }
                let left = deadline.timeIntervalSinceNow
                guard left > 0, let chunk = connection.receive(timeout: left), !chunk.isEmpty else { return false }
                let offset = received.distance(from: received.startIndex, to: consumed)
                received += String(decoding: chunk, as: UTF8.self)
                consumed = received.index(received.startIndex, offsetBy: offset)
            }
        }
    }

    /// A connection of its own to the server, to send whatever a test wants.
    public func connect(over address: String = "127.0.0.1") throws -> Connection {
        try Connection(address: address, port: port)
    }

    /// A TCP connection to the loopback interface.
    public final class Connection: @unchecked Sendable {
        let descriptor: Int32

        init(address: String, port: UInt16) throws {
            let ipv6 = address.contains(":")
            #if canImport(Glibc)
                descriptor = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
                descriptor = socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0)
            #endif
            guard descriptor >= 0 else { throw Failure(description: "no socket") }
            let result: Int32
            if ipv6 {
                var socketAddress = sockaddr_in6()
                socketAddress.sin6_family = sa_family_t(AF_INET6)
                socketAddress.sin6_port = port.bigEndian
                inet_pton(AF_INET6, address, &socketAddress.sin6_addr)
                result = Self.connect(descriptor, to: socketAddress)
            } else {
                var socketAddress = sockaddr_in()
                socketAddress.sin_family = sa_family_t(AF_INET)
                socketAddress.sin_port = port.bigEndian
                inet_pton(AF_INET, address, &socketAddress.sin_addr)
                result = Self.connect(descriptor, to: socketAddress)
            }
            guard result == 0 else {
                close(descriptor)
                throw Failure(description: "cannot connect to \(address):\(port): \(String(cString: strerror(errno)))")
            }
        }

        deinit { close(descriptor) }

        /// `connect` with an address of either family.
        private static func connect<Address>(_ descriptor: Int32, to address: Address) -> Int32 {
            var address = address
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<Address>.size))
                }
            }
        }

        /// Sends every byte; fails when the server closed the connection (without a SIGPIPE).
        public func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes {
                    Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard count > 0 else { throw Failure(description: "cannot send: \(String(cString: strerror(errno)))") }
                sent += count
            }
        }

        /// Everything the server sends until it closes the connection, read as an answer; nil
        /// when it has not closed within `seconds`.
        public func response(within seconds: Double) -> Response? {
            let deadline = Date().addingTimeInterval(seconds)
            var raw = [UInt8]()
            while true {
                let left = deadline.timeIntervalSinceNow
                guard left > 0, let chunk = receive(timeout: left) else { return nil }
                if chunk.isEmpty { return ServedSite.parse(raw) }
                raw += chunk
            }
        }

        /// What arrives within `timeout` seconds: empty at the end of the stream (or when the
        /// server reset it), nil on timeout.
        public func receive(timeout: Double) -> [UInt8]? {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, timeout * 1000))) > 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            return count <= 0 ? [] : Array(buffer[0..<count])
        }
    }
}
