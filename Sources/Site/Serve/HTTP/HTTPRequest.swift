import Foundation

/// A request as `ties serve` takes it: its head only, checked as RFC 9112 asks of a server.
///
/// The served site only reads (GET and HEAD), so no body is ever read: a request announcing one
/// is answered and its connection closed (`announcesBody`).
public struct HTTPRequest: Sendable, Equatable {
    /// One header field line, its name in lower case.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// One `name=value` of the query, both percent-decoded.
    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// `GET`, `HEAD`, or any other token the client sent.
    public var method: String
    /// The target as sent: `/path?query` (the origin form, the only one taken).
    public var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    /// The header fields in the order sent.
    public var fields: [Field]
    /// The target's path, percent-decoded, without dot segments; starts with `/`.
    public var path: String
    public var query: [QueryItem]

    /// The values of every field line named `name` (lower case), in order.
    public func values(of name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Whether the connection may carry another request after this one's answer: HTTP/1.1
    /// unless the client says `close`. An HTTP/1.0 connection always ends with its answer
    /// (its keep-alive would need the answer to say so, which ties' answers do not).
    public var keepsAlive: Bool {
        guard minorVersion >= 1 else { return false }
        return !values(of: "connection").flatMap { $0.lowercased().split(separator: ",") }
            .contains { $0.trimmingCharacters(in: .whitespaces) == "close" }
    }

    /// Whether a body follows the head (a length above zero, or any transfer coding): it is never
    /// read, so the connection ends after the answer.
    public var announcesBody: Bool {
        !values(of: "transfer-encoding").isEmpty || values(of: "content-length").contains { $0 != "0" }
    }
}

extension HTTPRequest {
    /// Reads a complete head: the request line and the field lines, each ending in CRLF (or a
    /// lone LF, which RFC 9112 §2.2 lets a server take), without the empty line that ends it.
    static func parse(head: ArraySlice<UInt8>) throws(HTTPRejection) -> HTTPRequest {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        for index in head.indices where head[index] == UInt8(ascii: "\n") {
            var end = index
            if end > start, head[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(head[start..<end])
            start = index + 1
        }
        if start < head.endIndex { lines.append(head[start...]) }
        guard let requestLine = lines.first else { throw .badRequest("The request has no request line.") }
        if lines.count - 1 > HTTPExchange.fieldLimit {
            throw HTTPRejection(
                status: 431, reason: "The request has more than \(HTTPExchange.fieldLimit) header fields.")
        }
        var request = try parse(requestLine: requestLine)
        for line in lines.dropFirst() { request.fields.append(try field(line)) }
        try request.checkFraming()
        return request
    }

    /// `method SP target SP HTTP/1.x`, single spaces, as RFC 9112 §3 writes it.
    private static func parse(requestLine line: ArraySlice<UInt8>) throws(HTTPRejection) -> HTTPRequest {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else {
            throw .badRequest("The request line is not METHOD TARGET HTTP/1.1.")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        let minor: Int
        switch version {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default:
            if version.hasPrefix("HTTP/") {
                throw HTTPRejection(status: 505, reason: "ties serve speaks HTTP/1.1 (and 1.0), not \(version).")
            }
            throw .badRequest("The request line is not METHOD TARGET HTTP/1.1.")
        }
        let target = parts[1]
        // Visible ASCII only: a target is sent percent-encoded (RFC 3986).
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .badRequest("The request's target holds a space or a character that must be percent-encoded.")
        }
        // RFC 9112 §3.2: the origin form. An absolute form names a host of its own, which would
        // count instead of `Host`; the site has no use for it, so it is refused outright.
        guard target.first == UInt8(ascii: "/") else {
            throw .badRequest("ties serve takes a path (/…) as the request's target, nothing else.")
        }
        let rawTarget = String(decoding: target, as: UTF8.self)
        let question = target.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = target[..<(question ?? target.endIndex)]
        let rawQuery = question.map { target[($0 + 1)...] } ?? []
        guard let path = percentDecoded(rawPath), !path.contains("\0") else {
            throw .badRequest("The request's path is not percent-encoded UTF-8.")
        }
        var query: [QueryItem] = []
        for pair in rawQuery.split(separator: UInt8(ascii: "&")) {
            let halves = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = percentDecoded(halves[0]), let value = percentDecoded(halves.count > 1 ? halves[1] : [])
            else { throw .badRequest("The request's query is not percent-encoded UTF-8.") }
            query.append(QueryItem(name: name, value: value))
        }
        return HTTPRequest(
            method: String(decoding: parts[0], as: UTF8.self), target: rawTarget, minorVersion: minor, fields: [],
            path: withoutDotSegments(path), query: query)
    }

    /// `name: value`, the name a token right before the colon (RFC 9112 §5.1: whitespace there
    /// is refused, as is a line folded onto the one before).
    private static func field(_ line: ArraySlice<UInt8>) throws(HTTPRejection) -> Field {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
            line[..<colon].allSatisfy(isTokenByte)
        else {
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                throw .badRequest("A header field is folded over two lines (RFC 9112 §5.2).")
            }
            throw .badRequest("A header line is not NAME: VALUE.")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        // Field values: visible characters, spaces, tabs and bytes of UTF-8; no control character.
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .badRequest("A header field's value holds a control character.")
        }
        return Field(
            name: String(decoding: line[..<colon], as: UTF8.self).lowercased(), value: String(decoding: value, as: UTF8.self))
    }

    /// What RFC 9112 asks a server to refuse about a request's framing and host.
    private func checkFraming() throws(HTTPRejection) {
        let hosts = values(of: "host")
        // §3.2: an HTTP/1.1 request has exactly one Host; two would let a name be checked and
        // another be used.
        if hosts.count > 1 { throw .badRequest("The request names its host twice (two Host fields).") }
        if minorVersion >= 1, hosts.isEmpty { throw .badRequest("The request names no host (no Host field).") }
        let lengths = values(of: "content-length")
        if lengths.count > 1 || lengths.contains(where: { $0.isEmpty || !$0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) {
            throw .badRequest("The request's Content-Length is not one number.")
        }
        if !lengths.isEmpty, !values(of: "transfer-encoding").isEmpty {
            throw .badRequest("The request has both Content-Length and Transfer-Encoding.")
        }
    }

    /// The characters of a token (RFC 9110 §5.6.2): methods and field names.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// `%XX` escapes turned into their bytes; nil for a broken escape or bytes that are not UTF-8.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// RFC 3986 §5.2.4 on a decoded path: `.` and `..` segments resolved, never above `/`.
    static func withoutDotSegments(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, part) in parts.enumerated() {
            let last = offset == parts.count - 1
            switch part {
            case ".": if last { segments.append("") }
            case "..":
                _ = segments.popLast()
                if last { segments.append("") }
            default: segments.append(part)
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
