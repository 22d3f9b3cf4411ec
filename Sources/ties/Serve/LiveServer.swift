import Foundation
import Index
import Site
import Support

/// The HTTP side of `ties serve`: a `LoopbackServer` on 127.0.0.1 and ::1 at one port, every
/// request checked by `ServeAccess` before anything else.
final class LiveServer: @unchecked Sendable {
    let site: LiveSite
    let access: ServeAccess
    let events: ChangeEvents
    private let server: LoopbackServer
    /// Whether ::1 is served too; false on a machine without IPv6 on loopback.
    var servesIPv6: Bool { server.servesIPv6 }

    var port: UInt16 { access.port }

    /// Why the server could not start.
    enum Failure: Error {
        /// The port is taken; `suggestion` is the next free one, if one was found.
        case portInUse(port: UInt16, suggestion: UInt16?)
        case cannotListen(String)
    }

    private init(site: LiveSite, access: ServeAccess, events: ChangeEvents, server: LoopbackServer) {
        self.site = site
        self.access = access
        self.events = events
        self.server = server
    }

    /// Starts listening at `port` (0: a free port chosen by the system) on both loopback
    /// addresses.
    static func start(site: LiveSite, port: UInt16) throws(Failure) -> LiveServer {
        let token = ServeAccess.newToken()
        let events = ChangeEvents(generation: site.generation)
        // The handler needs the server, which needs the port: it reads it from this box.
        let box = HandlerBox()
        let server: LoopbackServer
        do {
            server = try LoopbackServer(port: port) { request in
                guard let live = box.server else { return .text(503, "ties serve is starting.\n") }
                return live.handle(request)
            }
        } catch {
            switch error {
            case .portInUse(let port): throw .portInUse(port: port, suggestion: PortProbe.nextFree(after: port))
            case .cannotListen(let reason): throw .cannotListen(reason)
            }
        }
        let live = LiveServer(
            site: site, access: ServeAccess(token: token, port: server.port), events: events, server: server)
        box.server = live
        return live
    }

    private final class HandlerBox: @unchecked Sendable {
        var server: LiveServer? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
        private var stored: LiveServer?
        private let lock = NSLock()
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
    func stop() {
        events.close()
        server.stop()
    }

    /// Every request: the host, then the token or its cookie, then the site.
    func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard access.allows(host: request.values(of: "host").first) else {
            return Self.refusal(
                "ties serve answers only to localhost, 127.0.0.1 and [::1] at port \(port); this request named another host.\n")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = Self.text(405, "ties serve only reads: GET and HEAD.\n")
            response.set("Allow", "GET, HEAD")
            return response
        }
        // The token of the printed address, once: answered with the page and the cookie (the
        // page's script then takes the token out of the address bar).
        var givesCookie = false
        if let token = request.query.first(where: { $0.name == "token" })?.value {
            guard access.matches(token) else { return Self.refusal("This token is not the one ties serve printed.\n") }
            givesCookie = true
        } else if !access.allows(cookies: request.values(of: "cookie")) {
            return Self.refusal(
                "Open the address ties serve printed (it ends in ?token=…); this browser has not shown it yet.\n")
        }
        var response: HTTPResponse
        switch request.path {
        case "/_ties/events":
            guard let subscription = events.subscribe() else {
                return Self.text(503, "Too many pages are open; close some.\n")
            }
            response = HTTPResponse(
                status: 200, fields: [("Content-Type", "text/event-stream; charset=utf-8")], body: .stream(subscription))
        case "/_ties/live.js":
            response = HTTPResponse(
                status: 200, fields: [("Content-Type", "text/javascript; charset=utf-8")], body: .bytes(LiveSite.liveScript))
        case "/_ties/live.css":
            response = HTTPResponse(
                status: 200, fields: [("Content-Type", "text/css; charset=utf-8")], body: .bytes(LiveSite.liveStyle))
        default:
            let path = String(request.path.drop { $0 == "/" })
            guard let file = site.file(at: path) else { return Self.text(404, "No page at /\(path).\n") }
            response = HTTPResponse(status: 200, fields: [("Content-Type", file.contentType)], body: .bytes(file.data))
        }
        if givesCookie { response.set("Set-Cookie", access.setCookie) }
        return Self.private(response)
    }

    /// Headers every answer carries: not kept by the browser's cache, not framed, not sniffed,
    /// no referrer to the sites the notes link to.
    private static func `private`(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.set("Cache-Control", "no-store")
        response.set("X-Content-Type-Options", "nosniff")
        response.set("Referrer-Policy", "no-referrer")
        response.set("X-Frame-Options", "DENY")
        response.set("Content-Security-Policy", "frame-ancestors 'none'")
        response.set("Cross-Origin-Resource-Policy", "same-origin")
        return response
    }

    private static func text(_ status: Int, _ text: String) -> HTTPResponse { `private`(.text(status, text)) }

    private static func refusal(_ text: String) -> HTTPResponse { Self.text(403, text) }
}

/// Finds a free port to suggest when the one asked for is taken.
enum PortProbe {
    /// The first port after `port` that 127.0.0.1 can listen at, among the next hundred.
    static func nextFree(after port: UInt16) -> UInt16? {
        guard port > 0, port < UInt16.max else { return nil }
        return (port + 1...min(UInt16.max, port &+ 100)).first(where: isFree)
    }

    static func isFree(_ port: UInt16) -> Bool { LoopbackServer.isFree(port) }
}
