/// One connection's requests, read from the bytes as they arrive: the protocol side of
/// `LoopbackServer`, without sockets, so that tests and the fuzzer drive it byte by byte.
///
/// Every quantity is bounded before it is kept: a request line of at most `requestLineLimit`
/// bytes, a head of at most `headLimit`, at most `fieldLimit` fields (docs/SECURITY.md). The
/// bytes are searched once each, however they are cut into reads, so a slow sender costs no
/// more than a fast one.
public struct HTTPExchange: Sendable {
    public static let requestLineLimit = 8 * 1024
    public static let headLimit = 32 * 1024
    public static let fieldLimit = 100

    /// Bytes received and not yet taken as a request.
    private(set) var buffer: [UInt8] = []
    /// How far `buffer` has been searched for the end of the head.
    private var scanned = 0
    /// Where the line being searched starts.
    private var lineStart = 0
    /// Whether the request line has ended.
    private var requestLineEnded = false

    public init() {}

    public enum Next: Sendable, Equatable {
        case request(HTTPRequest)
        /// The head is not complete yet.
        case needMore
        /// Answer this and close the connection.
        case reject(HTTPRejection)
    }

    /// Whether part of a request has arrived (a connection closed now would cut it).
    public var hasPartialRequest: Bool { !buffer.isEmpty }

    /// Takes in bytes read from the connection.
    public mutating func receive(_ bytes: some Collection<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next complete request, or what to do instead.
    public mutating func next() -> Next {
        // RFC 9112 §2.2: empty lines before a request line are ignored.
        if scanned == 0 {
            let blank = buffer.prefix { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }.count
            if blank > 0 { buffer.removeFirst(blank) }
        }
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            guard byte == UInt8(ascii: "\n") else { continue }
            let line = buffer[lineStart..<(scanned - 1)]
            let empty = line.isEmpty || (line.count == 1 && line.first == UInt8(ascii: "\r"))
            if !requestLineEnded {
                if scanned > Self.requestLineLimit { return .reject(Self.requestLineTooLong) }
                requestLineEnded = true
            } else if empty {
                if scanned > Self.headLimit { return .reject(Self.headTooLarge) }
                let head = buffer[0..<lineStart]
                let end = scanned
                let parsed: Next
                do {
                    parsed = .request(try HTTPRequest.parse(head: head))
                } catch {
                    parsed = .reject(error)
                }
                buffer.removeFirst(end)
                scanned = 0
                lineStart = 0
                requestLineEnded = false
                return parsed
            }
            lineStart = scanned
        }
        if !requestLineEnded, buffer.count > Self.requestLineLimit { return .reject(Self.requestLineTooLong) }
        if buffer.count > Self.headLimit { return .reject(Self.headTooLarge) }
        return .needMore
    }

    private static let requestLineTooLong = HTTPRejection(
        status: 414, reason: "The request line is longer than \(requestLineLimit) bytes.")
    private static let headTooLarge = HTTPRejection(
        status: 431, reason: "The request's head is longer than \(headLimit) bytes.")
}
