import Foundation

/// Who may read the served site: a browser of this machine that opened the address ties
/// printed (docs/SECURITY.md).
///
/// The address carries a random token; the first request with it gets the token back as an
/// HttpOnly, SameSite=Strict cookie, and every other request must bring that cookie. Another
/// user of the machine does not know the token; a web page of another site cannot send the
/// cookie (SameSite=Strict) nor read an answer (no CORS headers). A `Host` that is not this
/// server's own name and port is refused before anything else, which defeats DNS rebinding:
/// a page of `evil.example` whose name now points at 127.0.0.1 still sends `Host: evil.example`.
public struct ServeAccess: Sendable {
    public let token: String
    public let port: UInt16

    public init(token: String, port: UInt16) {
        self.token = token
        self.port = port
    }

    /// 32 random bytes from the system's generator, as 64 hex digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The cookie's name holds the port: browsers share cookies between the ports of one host,
    /// so two servers on one machine must not overwrite each other's.
    public var cookieName: String { "ties-\(port)" }

    /// The `Set-Cookie` value given for a request with the token.
    public var setCookie: String { "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" }

    /// Whether `host` (the request's `Host` header) names this server: localhost, 127.0.0.1 or
    /// [::1], with this server's port.
    public func allows(host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        return ["localhost", "127.0.0.1", "[::1]"].contains { host == "\($0):\(port)" }
    }

    /// Whether one of the `Cookie` headers holds this server's cookie with the token.
    public func allows(cookies: [String]) -> Bool {
        for header in cookies {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName else { continue }
                if matches(parts[1].trimmingCharacters(in: .whitespaces)) { return true }
            }
        }
        return false
    }

    /// Compares in a time that does not depend on where the two first differ.
    public func matches(_ candidate: String) -> Bool {
        let a = Array(candidate.utf8)
        let b = Array(token.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
