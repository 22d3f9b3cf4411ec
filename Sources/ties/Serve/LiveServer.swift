import FlyingFox
import FlyingSocks
import Foundation
import Index
import Site

#if canImport(Glibc)
    import Glibc
#endif

/// The HTTP side of `ties serve`: FlyingFox listening on 127.0.0.1 and on ::1 (where the
/// machine has IPv6) at one port, every request checked by `ServeAccess` before anything else.
final class LiveServer: @unchecked Sendable {
    let site: LiveSite
    let access: ServeAccess
    let events: ChangeEvents
    private let servers: [HTTPServer]
    /// Whether ::1 is served too; false on a machine without IPv6 on loopback.
    let servesIPv6: Bool

    var port: UInt16 { access.port }

    /// Why the server could not start.
    enum Failure: Error {
        /// The port is taken; `suggestion` is the next free one, if one was found.
        case portInUse(port: UInt16, suggestion: UInt16?)
        case cannotListen(String)
    }

    private init(site: LiveSite, access: ServeAccess, events: ChangeEvents, servers: [HTTPServer], servesIPv6: Bool) {
        self.site = site
        self.access = access
        self.events = events
        self.servers = servers
        self.servesIPv6 = servesIPv6
    }

    /// Starts listening at `port` (0: a free port chosen by the system) on both loopback
    /// addresses; returns when both listen.
    static func start(site: LiveSite, port: UInt16) async throws(Failure) -> LiveServer {
        let token = ServeAccess.newToken()
        let events = ChangeEvents(generation: site.generation)
        // The handler needs the server, which needs the port: it reads it from this box.
        let box = HandlerBox()
        let handler: @Sendable (HTTPRequest) async -> HTTPResponse = { request in
            guard let server = box.server else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await server.handle(request)
        }
        // With port 0 the system picks a port for 127.0.0.1, which may be taken on ::1: try again.
        for _ in 0..<8 {
            var loopback = sockaddr_in.inet(port: port)
            loopback.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1
            let ipv4 = HTTPServer(
                address: loopback, timeout: 15, logger: .disabled,
                handler: ClosureHTTPHandler(handler))
            switch await listen(ipv4) {
            case .failure(let error) where error.errno == EADDRINUSE:
                throw .portInUse(port: port, suggestion: PortProbe.nextFree(after: port))
            case .failure(let error): throw .cannotListen(error.message)
            case .success: break
            }
            guard case .ip4(_, let bound)? = await ipv4.listeningAddress else {
                await ipv4.stop()
                throw .cannotListen("the server listens at no address")
            }
            let ipv6 = HTTPServer(
                address: sockaddr_in6.loopback(port: bound), timeout: 15, logger: .disabled,
                handler: ClosureHTTPHandler(handler))
            var servers = [ipv4]
            switch await listen(ipv6) {
            case .success: servers.append(ipv6)
            case .failure(let error) where error.errno == EADDRINUSE:
                await ipv4.stop()
                if port == 0 { continue }
                throw .portInUse(port: port, suggestion: PortProbe.nextFree(after: port))
            // No IPv6 on this machine's loopback: 127.0.0.1 alone.
            case .failure: break
            }
            let server = LiveServer(
                site: site, access: ServeAccess(token: token, port: bound), events: events, servers: servers,
                servesIPv6: servers.count == 2)
            box.server = server
            return server
        }
        throw .cannotListen("no port was free on both 127.0.0.1 and ::1")
    }

    private final class HandlerBox: @unchecked Sendable {
        var server: LiveServer? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
        private var stored: LiveServer?
        private let lock = NSLock()
    }

    struct ListenError: Error {
        var errno: Int32
        var message: String
    }

    /// Runs `server` in a task of its own and waits until it listens or fails.
    private static func listen(_ server: HTTPServer) async -> Result<Void, ListenError> {
        let failure = FailureBox()
        Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        for _ in 0..<500 {
            if await server.isListening { return .success(()) }
            if let error = failure.error {
                if case let .failed(_, number, message) = error as? SocketError {
                    return .failure(ListenError(errno: number, message: message))
                }
                return .failure(ListenError(errno: 0, message: error.localizedDescription))
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return .failure(ListenError(errno: 0, message: "the server did not start listening within 5 seconds"))
    }

    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { stored = error } }
    }

    /// What one batch of changes did.
    struct Reload {
        /// The changed files that are the journal's or its theme's (not editors' leftovers).
        var files: [String]
        var milliseconds: Int
    }

    /// Takes a batch of changed files in: the journal updated, a new generation of the site,
    /// and the event to every open page. Nil when the batch changed nothing that is shown.
    func reload(_ changed: [String], into live: inout LiveJournal) -> Reload? {
        let started = DispatchTime.now()
        var timer = PhaseTimer()
        // The journal before the change is let go after the event, not on its way.
        let previous = live.journal
        defer { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(previous) {} } }
        let update = live.update(changed: changed)
        timer.lap("update the journal")
        let themeChanged = changed.contains { $0.hasPrefix("theme/") }
        guard update.parsed > 0 || update.rediscovered || update.configuration || themeChanged else { return nil }
        let generation = site.update(journal: live.journal, themeChanged: themeChanged)
        timer.lap("plan the site")
        events.changed(to: generation)
        timer.lap("send the event")
        let files = changed.filter { path in
            path == "ties.yaml" || path.hasPrefix("theme/") || path.lowercased().hasSuffix(".md")
        }
        return Reload(
            files: files, milliseconds: Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000))
    }

    /// The address to open: the token goes in the query, once.
    var url: String { "http://127.0.0.1:\(port)/?token=\(access.token)" }

    /// Ends the pages' event streams and stops listening.
    func stop() async {
        events.close()
        for server in servers { await server.stop(timeout: 1) }
    }

    /// Every request: the host, then the token or its cookie, then the site.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        // RFC 9112 §3.2.2: an absolute-form target names the host that counts. ties serve takes
        // only the origin form (`/path`): any other target is answered 400, so no request can
        // name one host in its target and another in `Host`.
        guard request.target.path().hasPrefix("/") else {
            return Self.text(.badRequest, "ties serve takes a path (/…) as the request's target, nothing else.\n")
        }
        guard access.allows(host: request.headers[.host]) else {
            return Self.refusal(
                "ties serve answers only to localhost, 127.0.0.1 and [::1] at port \(port); this request named another host.\n")
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.text(.methodNotAllowed, "ties serve only reads: GET and HEAD.\n")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        // The token of the printed address, once: answered with the page and the cookie (the
        // page's script then takes the token out of the address bar).
        var givesCookie = false
        if let token = request.query.first(where: { $0.name == "token" })?.value {
            guard access.matches(token) else { return Self.refusal("This token is not the one ties serve printed.\n") }
            givesCookie = true
        } else if !access.allows(cookies: request.headers.values(for: .cookie)) {
            return Self.refusal(
                "Open the address ties serve printed (it ends in ?token=…); this browser has not shown it yet.\n")
        }
        var response: HTTPResponse
        switch request.path {
        case "/_ties/events":
            guard let body = events.subscribe() else {
                return Self.text(.serviceUnavailable, "Too many pages are open; close some.\n")
            }
            response = HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/event-stream; charset=utf-8"], body: body)
        case "/_ties/live.js":
            response = HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: LiveSite.liveScript)
        case "/_ties/live.css":
            response = HTTPResponse(statusCode: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: LiveSite.liveStyle)
        default:
            let path = String(request.path.drop { $0 == "/" })
            guard let file = site.file(at: path) else { return Self.text(.notFound, "No page at /\(path).\n") }
            response = HTTPResponse(statusCode: .ok, headers: [.contentType: file.contentType], body: file.data)
        }
        if request.method == .HEAD, case .httpBody(let body) = response.payload, let count = body.count {
            response = HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: Data())
            response.headers[.contentLength] = String(count)
        }
        if givesCookie { response.headers[.setCookie] = access.setCookie }
        return Self.private(response)
    }

    /// Headers every answer carries: not kept by the browser's cache, not framed, not sniffed,
    /// no referrer to the sites the notes link to.
    private static func `private`(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        response.headers[HTTPHeader("Referrer-Policy")] = "no-referrer"
        response.headers[HTTPHeader("X-Frame-Options")] = "DENY"
        response.headers[HTTPHeader("Content-Security-Policy")] = "frame-ancestors 'none'"
        response.headers[HTTPHeader("Cross-Origin-Resource-Policy")] = "same-origin"
        return response
    }

    private static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        `private`(HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(text.utf8)))
    }

    private static func refusal(_ text: String) -> HTTPResponse { Self.text(.forbidden, text) }
}

/// Finds a free port to suggest when the one asked for is taken.
enum PortProbe {
    /// The first port after `port` that 127.0.0.1 can listen at, among the next hundred.
    static func nextFree(after port: UInt16) -> UInt16? {
        guard port > 0, port < UInt16.max else { return nil }
        return (port + 1...min(UInt16.max, port &+ 100)).first(where: isFree)
    }

    static func isFree(_ port: UInt16) -> Bool {
        guard let socket = try? Socket(domain: AF_INET) else { return false }
        defer { try? socket.close() }
        var address = sockaddr_in.inet(port: port)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1
        return (try? socket.setValue(true, for: .localAddressReuse)) != nil && (try? socket.bind(to: address)) != nil
            && (try? socket.listen()) != nil
    }
}
