import Authoring
import Foundation
import TestSupport
import Testing

/// `ties serve`, end to end: the built binary on a copy of the sample journal, spoken to over
/// loopback as a browser would, and once through headless Chromium.
@Suite("ties serve", .serialized)
struct ServeCommandTests {
    /// How a change reads in the raw event stream: a plain message (EventSource's `onmessage`),
    /// each event one chunk of the chunked body, so the message starts a chunk (`hello`'s data
    /// line follows its `event:` line inside its chunk).
    enum ChangeEvent { static let marker = "\r\ndata: " }

    private func journal() throws -> URL { try Fixtures.copy(Fixtures.template) }

    /// Writes as an editor saves: a new file renamed over the old one.
    private func save(_ text: String, to path: String, in root: URL) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        #expect(rename(temporary.path, url.path) == 0)
    }

    private func text(_ path: String, in root: URL) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    @Test func theFirstLineIsTheAddressAndOnlyItsTokenOpensTheSite() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try ServedSite(journal: root, arguments: ["--today", "2026-11-25"])
        #expect(site.standardOutput.hasPrefix("Serving Mara's network at http://127.0.0.1:\(site.port)/?token="))
        #expect(site.token.count == 64)

        // The token, once: the page, and a cookie for this port only, HttpOnly and SameSite=Strict.
        let first = try site.get("/contacts/anna-becker.html?token=\(site.token)")
        #expect(first.status == 200)
        #expect(first.body.contains("Anna Becker"))
        let setCookie = try #require(first.headers["set-cookie"])
        #expect(setCookie.hasPrefix("ties-\(site.port)=\(site.token);"))
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))

        let page = try site.get("/contacts/anna-becker.html", cookie: site.cookie)
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("Anna Becker"))
        #expect(page.body.contains(#"<script src="/_ties/live.js" defer></script>"#))
        #expect(page.body.contains("connect-src 'self'"), "the page may connect to its own server for the events")
        #expect(page.headers["cache-control"] == "no-store")

        // Refused: no cookie, a wrong token, a wrong cookie, another host (DNS rebinding), any other port.
        #expect(try site.get("/contacts/anna-becker.html").status == 403)
        #expect(try site.get("/").body.contains("Anna") == false)
        #expect(try site.get("/?token=\(String(repeating: "0", count: 64))").status == 403)
        #expect(try site.get("/", cookie: "ties-\(site.port)=\(String(site.token.reversed()))").status == 403)
        #expect(try site.get("/", cookie: "ties-1=\(site.token)").status == 403)
        for host in [
            "evil.example:\(site.port)", "evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example:\(site.port)",
        ] {
            let refused = try site.get("/contacts/anna-becker.html", host: host, cookie: site.cookie)
            #expect(refused.status == 403, "Host: \(host)")
            #expect(!refused.body.contains("Anna"))
        }
        // An absolute-form target naming another host: 400, whatever `Host` says (RFC 9112 §3.2.2).
        let absolute = try site.get("http://evil.example/contacts/anna-becker.html", cookie: site.cookie)
        #expect(absolute.status == 400 && !absolute.body.contains("Anna"), "\(absolute.status)")
        #expect(try site.get("/", host: "localhost:\(site.port)", cookie: site.cookie).status == 200)
        #expect(try site.get("/", host: "[::1]:\(site.port)", cookie: site.cookie).status == 200)
        if site.standardOutput.contains("[::1]") {
            #expect(try site.get("/", host: "[::1]:\(site.port)", cookie: site.cookie, over: "::1").status == 200)
        }
        // Nothing listens at the machine's other addresses.
        for address in Self.otherAddresses() {
            #expect(throws: (any Error).self, "\(address)") { try site.get("/", cookie: site.cookie, over: address) }
        }
        #expect(try site.get("/", cookie: site.cookie, method: "POST").status == 405)
        #expect(try site.get("/no-such-page.html", cookie: site.cookie).status == 404)
        // No CORS: no answer invites another origin to read it.
        for path in ["/", "/style.css", "/search-index.js", "/_ties/live.js", "/nothing"] {
            let response = try site.get(path, cookie: site.cookie)
            #expect(!response.headers.keys.contains { $0.hasPrefix("access-control-") }, "\(path)")
        }
        #expect(try site.get("/style.css", cookie: site.cookie).headers["content-type"] == "text/css; charset=utf-8")

        #expect(site.interrupt() == 0, "Ctrl-C stops it cleanly")
        #expect(site.standardOutput.contains("Stopped."))
    }

    /// The machine's IPv4 addresses other than loopback.
    static func otherAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var found: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard
                getnameinfo(
                    address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
                    == 0
            else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.hasPrefix("127.") { found.append(text) }
        }
        return found
    }

    /// Another user of the machine has no token, but can connect: nothing they send, however
    /// large, malformed or slow, keeps the server from answering the browser, or from stopping.
    @Test func noSenderKeepsOthersFromBeingAnsweredOrTheServerFromStopping() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try ServedSite(journal: root)
        let host = "Host: 127.0.0.1:\(site.port)\r\n"

        // A head begun and never ended: answered 408 after ten seconds (checked last).
        let slow = try site.connect()
        try slow.send("GET / HTTP/1.1\r\n\(host)X-Slow: ")

        // Megabytes of request line, or of one header line, sent without end and waited on:
        // each connection is answered and closed at the limit, and others are answered meanwhile.
        let floods = DispatchGroup()
        let closed = Counter()
        for index in 0..<4 {
            let flood = try site.connect()
            DispatchQueue.global().async(group: floods) {
                let head = index % 2 == 0 ? "GET /" : "GET / HTTP/1.1\r\n\(host)X-Flood: "
                try? flood.send(head + String(repeating: "a", count: 1_000_000))
                if flood.response(within: 20) != nil { closed.add() }
            }
        }
        let started = Date()
        #expect(try site.get("/", cookie: site.cookie).status == 200)
        #expect(Date().timeIntervalSince(started) < 5, "answered while four connections flood the server")
        #expect(floods.wait(timeout: .now() + 30) == .success)
        #expect(closed.value == 4, "every flooding connection was closed")

        // Each refusal says why, with RFC 9112's status.
        let cases: [(String, Int)] = [
            ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n\(host)\r\n", 414),
            ("GET / HTTP/1.1\r\n\(host)X: " + String(repeating: "a", count: 40_000) + "\r\n\r\n", 431),
            ("GET / HTTP/1.1\r\n\(host)" + String(repeating: "X: a\r\n", count: 100) + "\r\n", 431),
            ("GET / HTTP/1.1\r\nHost: evil.example\r\n\(host)Cookie: \(site.cookie)\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nCookie: \(site.cookie)\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\(host)Cookie: \(site.cookie)\r\n folded\r\n\r\n", 400),
            ("GET / HTTP/3\r\n\(host)\r\n", 505),
        ]
        for (request, status) in cases {
            let connection = try site.connect()
            try connection.send(request)
            let response = connection.response(within: 5)
            #expect(response?.status == status, "\(request.prefix(60))")
            #expect(response?.body.contains("Mara") == false)
        }
        // A page asked with a body is answered, and the body is not taken as the next request.
        let withBody = try site.connect()
        try withBody.send(
            "GET / HTTP/1.1\r\n\(host)Cookie: \(site.cookie)\r\nContent-Length: 40\r\n\r\nGET /x HTTP/1.1\r\n\(host)\r\n\r\n")
        let answered = withBody.response(within: 5)
        #expect(answered?.status == 200 && answered?.headers["connection"] == "close")
        #expect(answered?.body.contains("HTTP/1.1") == false, "one answer only")

        let timedOut = slow.response(within: 15)
        #expect(timedOut?.status == 408, "\(String(describing: timedOut))")

        // More connections than it keeps, each waiting with half a head: the longest waiting
        // make room, and the browser is answered.
        var idle: [ServedSite.Connection] = []
        for _ in 0..<530 {
            let connection = try site.connect()
            try connection.send("GET / HTTP/1.1\r\n")
            idle.append(connection)
        }
        #expect(try site.get("/", cookie: site.cookie).status == 200)
        #expect(site.interrupt() == 0, "Ctrl-C stops it with connections open")
        withExtendedLifetime(idle) {}
    }

    /// The event stream answers HTTP/1.0 (not chunked, ended by closing) and a request that
    /// asks to close the connection: each gets its `hello` and then the events.
    @Test func theEventStreamAnswersEveryWayOfAskingForIt() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try ServedSite(journal: root)
        for (version, extra) in [("1.0", ""), ("1.1", "Connection: close\r\n")] {
            let connection = try site.connect()
            try connection.send(
                "GET /_ties/events HTTP/\(version)\r\nHost: 127.0.0.1:\(site.port)\r\nCookie: \(site.cookie)\r\n\(extra)\r\n")
            var received = ""
            let deadline = Date().addingTimeInterval(5)
            while !received.contains("event: hello"), Date() < deadline,
                let chunk = connection.receive(timeout: deadline.timeIntervalSinceNow), !chunk.isEmpty
            {
                received += String(decoding: chunk, as: UTF8.self)
            }
            #expect(received.hasPrefix("HTTP/1.1 200 OK") && received.contains("event: hello"), "HTTP/\(version): \(received)")
            #expect(received.contains("Transfer-Encoding: chunked") == (version == "1.1"), "HTTP/\(version)")
        }
        #expect(site.interrupt() == 0)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func aSavedChangeIsAnEventAndThePageShowsItWithinASecond() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try ServedSite(journal: root)
        let events = try site.events()
        #expect(events.wait(for: "event: hello", seconds: 5))
        let generation = try #require(
            site.get("/", cookie: site.cookie).body.firstMatch(of: /ties-generation" content="([^"]+)"/)?.1)
        #expect(events.received.contains("data: \(generation)\n"))

        let contact = try text("contacts/anna-becker.md", in: root)
        try save(
            contact.replacingOccurrences(of: "name: Anna Becker", with: "name: Anna Becker-Lindqvist"),
            to: "contacts/anna-becker.md", in: root)
        let saved = Date()
        #expect(events.wait(for: ChangeEvent.marker, seconds: 5))
        #expect(Date().timeIntervalSince(saved) < 1, "the event comes within a second of the save")
        let page = try site.get("/contacts/anna-becker.html", cookie: site.cookie)
        #expect(page.body.contains("Anna Becker-Lindqvist"))
        #expect(Date().timeIntervalSince(saved) < 1, "and the page shows the new name within a second")
        #expect(!page.body.contains(#"content="\#(generation)""#), "a new generation")

        // The theme is watched too.
        try save("body { color: rebeccapurple; }\n", to: "theme/style.css", in: root)
        #expect(events.wait(for: ChangeEvent.marker, seconds: 5))
        var style = try site.get("/style.css", cookie: site.cookie).body
        for _ in 0..<20 where !style.contains("rebeccapurple") {
            usleep(100_000)
            style = try site.get("/style.css", cookie: site.cookie).body
        }
        #expect(style.contains("rebeccapurple"))
        #expect(site.standardOutput.contains("contacts/anna-becker.md changed: reloaded in"))
        #expect(site.interrupt() == 0)
    }

    @Test func aBrokenFileIsABannerOnEveryPageUntilItIsFixed() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try ServedSite(journal: root)
        let events = try site.events()
        #expect(events.wait(for: "event: hello", seconds: 5))
        #expect(!(try site.get("/", cookie: site.cookie).body.contains("ties-live-banner")), "no problems, no banner")

        let good = try text("contacts/ben-carter.md", in: root)
        try save(
            good.replacingOccurrences(of: "name: Ben Carter", with: "name: [Ben Carter"), to: "contacts/ben-carter.md", in: root)
        #expect(events.wait(for: ChangeEvent.marker, seconds: 5))
        for path in ["/", "/contacts.html", "/contacts/anna-becker.html", "/timeline.html"] {
            let page = try site.get(path, cookie: site.cookie).body
            #expect(page.contains(#"<aside class="ties-live-banner""#), "\(path)")
            #expect(
                page.contains(/<code>contacts\/ben-carter\.md:\d+:\d+<\/code> <span class="ties-live-severity">error/),
                "\(path): file, line, column")
            #expect(page.contains("[yaml-syntax]"), "\(path): the code")
        }
        // The server goes on, and the terminal says the same.
        #expect(try site.get("/contacts/anna-becker.html", cookie: site.cookie).body.contains("Anna Becker"))
        for _ in 0..<50 where !site.standardError.contains("invalid YAML") { usleep(100_000) }
        #expect(site.standardError.contains(/contacts\/ben-carter\.md:\d+:\d+: error: invalid YAML/))

        try save(good, to: "contacts/ben-carter.md", in: root)
        #expect(events.wait(for: ChangeEvent.marker, seconds: 5))
        #expect(!(try site.get("/", cookie: site.cookie).body.contains("ties-live-banner")), "fixed, the banner is gone")
        // The terminal's line may follow the event by a moment: it is read as it arrives.
        for _ in 0..<50 where !site.standardError.contains("No problems left.") { usleep(100_000) }
        #expect(site.standardError.contains("No problems left."))
        #expect(site.interrupt() == 0)
    }

    @Test func builtPagesCarryNothingOfTheServer() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appending(path: "_site")
        let result = try TiesBinary.run(["build", "--journal", root.path, "--today", "2026-11-25"])
        #expect(result.status == 0)
        let files = try #require(FileManager.default.enumerator(atPath: output.path)).compactMap { $0 as? String }
        #expect(!files.isEmpty)
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".js") {
            let text = try String(contentsOf: output.appending(path: file), encoding: .utf8)
            #expect(!text.contains("_ties/") && !text.contains("ties-generation") && !text.contains("EventSource"), "\(file)")
        }
    }

    @Test func aPortInUseIsNamedWithAFreeOneToTry() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try ServedSite(journal: root)
        let second = try TiesBinary.run(["serve", "--journal", root.path, "--port", String(site.port)], timeLimit: 30)
        #expect(second.status == 1)
        #expect(second.stderr.contains("port \(site.port) is in use"))
        #expect(second.stderr.contains("ties serve --port ") && second.stderr.contains("--port 0"))
        #expect(try TiesBinary.run(["serve", "--journal", root.path, "--port", "70000"]).status == 2)
        #expect(site.interrupt() == 0)
    }

    @Test func anOpenPageInChromiumShowsAnEditWithoutBeingReloaded() throws {
        guard let chromium = Chromium.executable else { return }
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = try ServedSite(journal: root)
        let script = Fixtures.repository.appending(path: "Tests/TestSupport/Browser/live.py").path
        let result = try #require(
            try Python.run(
                "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                arguments: [
                    script, chromium.path, "http://127.0.0.1:\(site.port)/contacts/anna-becker.html?token=\(site.token)",
                    root.appending(path: "contacts/anna-becker.md").path, "Anna Becker", "Anna Lindqvist",
                ], needing: "json"))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(#""before": true"#), "\(result.output)")
        #expect(result.output.contains(#""after": true"#), "the open page showed the edit by itself: \(result.output)")
        #expect(
            result.output.contains(#""location": "http://127.0.0.1:\#(site.port)/contacts/anna-becker.html""#), "\(result.output)"
        )
        #expect(site.interrupt() == 0)
    }
}
