import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real CardDAV server for the sync's tests: Debian's Radicale (with a user and password) or
/// Xandikos (no authentication, its default address book), on 127.0.0.1 with a free port and a
/// store in a temporary folder, stopped by its PID. No test sends traffic anywhere else.
public final class CardDAVServer: @unchecked Sendable {
    public enum Kind: String, Sendable, CaseIterable { case radicale, xandikos }

    public let kind: Kind
    public let port: Int
    public let folder: URL
    private let process: Process
    public static let username = "mara"
    public static let password = "a secret"

    /// Whether the server's program is installed (`make test-deps` installs both).
    public static func isInstalled(_ kind: Kind) -> Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/\(kind.rawValue)")
    }

    public init(_ kind: Kind) throws {
        self.kind = kind
        folder = try Fixtures.temporaryFolder("carddav-\(kind.rawValue)")
        port = try Self.freePort()
        process = Process()
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        switch kind {
        case .radicale:
            let users = folder.appending(path: "users")
            try Data("\(Self.username):\(Self.password)\n".utf8).write(to: users)
            let config = folder.appending(path: "config")
            try Data(
                """
                [server]
                hosts = 127.0.0.1:\(port)
                [auth]
                type = htpasswd
                htpasswd_filename = \(users.path)
                htpasswd_encryption = plain
                [storage]
                filesystem_folder = \(folder.appending(path: "store").path)
                [logging]
                level = warning

                """.utf8
            ).write(to: config)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/radicale")
            process.arguments = ["--config", config.path]
        case .xandikos:
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xandikos")
            process.arguments = [
                "--defaults", "-d", folder.appending(path: "store").path, "-l", "127.0.0.1", "-p", "\(port)",
            ]
        }
        try process.runWithDefaultSignals()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? request("PROPFIND", root, headers: ["Depth": "0"]))?.status != nil { break }
            usleep(100_000)
        }
        if kind == .radicale {
            _ = try request(
                "MKCOL", URL(string: "\(root.absoluteString)\(Self.username)/contacts/")!,
                body: """
                    <?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>\
                    <D:resourcetype><D:collection/><C:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>
                    """)
        }
    }

    deinit { stop() }

    public func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The server's root: what `carddav.url` names for discovery.
    public var root: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// The address book itself.
    public var addressBook: URL {
        switch kind {
        case .radicale: return URL(string: "\(root.absoluteString)\(Self.username)/contacts/")!
        case .xandikos: return URL(string: "\(root.absoluteString)user/contacts/addressbook/")!
        }
    }

    /// The lines ties.yaml needs.
    public var settings: String {
        "carddav:\n  url: \(root.absoluteString)\n  username: \(Self.username)\n"
    }

    public var environment: [String: String] { ["TIES_CARDDAV_PASSWORD": Self.password] }

    public struct Answer {
        public var status: Int
        public var body: String
    }

    /// A request as another client would send it.
    @discardableResult
    public func request(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: String? = nil
    ) throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 10
        request.setValue(
            "Basic " + Data("\(Self.username):\(Self.password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.map { Data($0.utf8) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: Answer?
        nonisolated(unsafe) var failure: Error?
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let http = response as? HTTPURLResponse {
                answer = Answer(status: http.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self))
            }
            failure = error
            done.signal()
        }.resume()
        done.wait()
        if let answer { return answer }
        throw failure ?? URLError(.badServerResponse)
    }

    /// Every card of the address book, by file name, as the server holds them.
    public func cards() throws -> [String: String] {
        let listing = try request("PROPFIND", addressBook, headers: ["Depth": "1"]).body
        var cards: [String: String] = [:]
        for piece in listing.components(separatedBy: "href>").dropFirst() {
            guard let end = piece.firstIndex(of: "<") else { continue }
            let href = String(piece[..<end])
            guard href.hasSuffix(".vcf"), let url = URL(string: href, relativeTo: root)?.absoluteURL else { continue }
            cards[url.lastPathComponent] = try request("GET", url).body
        }
        return cards
    }

    /// Writes a card as another client would (an iPhone, DAVx5): `name` is its file name.
    public func put(_ name: String, _ text: String) throws {
        let answer = try request(
            "PUT", addressBook.appending(path: name), headers: ["Content-Type": "text/vcard; charset=utf-8"], body: text)
        guard [200, 201, 204].contains(answer.status) else { throw URLError(.badServerResponse) }
    }

    public func delete(_ name: String) throws {
        try request("DELETE", addressBook.appending(path: name))
    }

    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        guard bound == 0 else { throw URLError(.cannotConnectToHost) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
