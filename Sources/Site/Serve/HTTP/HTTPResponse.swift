import Foundation

/// An answer of `ties serve`: a status, header fields, and the bytes of a file or a stream of
/// events.
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case bytes(Data)
        /// Sent as it comes, until the source ends or the page goes (Server-Sent Events).
        case stream(any HTTPEventSource)
    }

    public var status: Int
    /// Field lines in the order given; the server adds the framing (`Content-Length`,
    /// `Transfer-Encoding`, `Connection`).
    public var fields: [(name: String, value: String)]
    public var body: Body

    public init(status: Int, fields: [(name: String, value: String)] = [], body: Body = .bytes(Data())) {
        self.status = status
        self.fields = fields
        self.body = body
    }

    /// A plain-text answer.
    public static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, fields: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Data(text.utf8)))
    }

    /// Sets a field, replacing one of the same name.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name.lowercased() == name.lowercased() }
        fields.append((name, value))
    }

    /// The value of the field `name`, if set.
    public func value(of name: String) -> String? { fields.first { $0.name.lowercased() == name.lowercased() }?.value }

    /// The status line and fields, with the framing for `request` (nil: an answer to a request
    /// that could not be read) and whether the connection ends after this answer.
    func head(for request: HTTPRequest?, closing: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in fields {
            text += "\(name): \(value)\r\n"
        }
        switch body {
        case .bytes(let data): text += "Content-Length: \(data.count)\r\n"
        case .stream: if request?.minorVersion ?? 1 >= 1 { text += "Transfer-Encoding: chunked\r\n" }
        }
        if closing { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 414: return "URI Too Long"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(status)"
        }
    }
}

/// What a stream answer sends: events as they happen.
public protocol HTTPEventSource: AnyObject, Sendable {
    /// The next bytes to send, waiting at most `timeout` seconds for them.
    func next(timeout: Double) -> HTTPEventNext
    /// The page went or the server stops: no more is asked.
    func cancel()
}

public enum HTTPEventNext: Sendable, Equatable {
    case bytes([UInt8])
    /// Nothing within the time given.
    case idle
    case end
}

/// A request refused before it reaches the site: its status and why, for the person who sent it.
public struct HTTPRejection: Error, Sendable, Equatable {
    public var status: Int
    public var reason: String

    static func badRequest(_ reason: String) -> HTTPRejection { HTTPRejection(status: 400, reason: reason) }

    var response: HTTPResponse { .text(status, reason + "\n") }
}
