import Authoring
import Foundation
import Testing

@testable import Site

/// How `ties serve` reads requests: RFC 9112's rules for a server, and a bound on every
/// quantity a sender controls, whatever way the bytes are cut.
@Suite("Reading HTTP requests")
struct HTTPExchangeTests {
    /// Feeds `text` in pieces of `piece` bytes and collects what the exchange makes of it.
    private func read(_ text: String, piece: Int = .max) -> [HTTPExchange.Next] {
        read(Array(text.utf8), piece: piece)
    }

    private func read(_ bytes: [UInt8], piece: Int = .max) -> [HTTPExchange.Next] {
        var exchange = HTTPExchange()
        var found: [HTTPExchange.Next] = []
        var offset = 0
        repeat {
            let end = min(bytes.count, offset + max(1, min(piece, bytes.count)))
            exchange.receive(bytes[offset..<end])
            offset = end
            while true {
                let next = exchange.next()
                if next == .needMore { break }
                found.append(next)
                if case .reject = next { return found }
            }
            #expect(exchange.buffer.count <= HTTPExchange.headLimit + max(piece == .max ? bytes.count : piece, 1))
        } while offset < bytes.count
        return found
    }

    private func request(_ text: String) throws -> HTTPRequest {
        let found = read(text)
        guard found.count == 1, case .request(let request) = found[0] else {
            throw Failure(description: "not one request: \(found)")
        }
        return request
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    @Test func aRequestIsItsMethodPathQueryAndFields() throws {
        let request = try request(
            "GET /contacts/ada%20lovelace.html?token=ab%2Fc&x HTTP/1.1\r\nHost: 127.0.0.1:4321\r\nCookie:  a=b \r\n\r\n")
        #expect(request.method == "GET")
        #expect(request.path == "/contacts/ada lovelace.html")
        #expect(request.query == [.init(name: "token", value: "ab/c"), .init(name: "x", value: "")])
        #expect(request.values(of: "host") == ["127.0.0.1:4321"])
        #expect(request.values(of: "cookie") == ["a=b"], "spaces around a value are not part of it")
        #expect(request.keepsAlive && !request.announcesBody)
    }

    @Test func theBytesMayBeCutAnywhere() throws {
        let text = "\r\nGET /a HTTP/1.1\r\nHost: h\r\n\r\nHEAD /b/../c/./d HTTP/1.0\nHost: h\nConnection: keep-alive\n\n"
        let whole = read(text)
        #expect(whole.count == 2)
        for piece in 1...7 { #expect(read(text, piece: piece) == whole, "pieces of \(piece)") }
        guard case .request(let second) = whole[1] else { return }
        #expect(second.path == "/c/d" && second.minorVersion == 0 && !second.keepsAlive, "HTTP/1.0 closes")
    }

    @Test(arguments: [
        ("/../../etc/passwd", "/etc/passwd"),
        ("/a/%2e%2e/%2E%2E/b", "/b"),
        ("/a/b/..", "/a/"),
        ("/", "/"),
        ("/%C3%A9lodie.html", "/élodie.html"),
    ])
    func pathsAreDecodedAndNeverClimbAboveTheRoot(target: String, path: String) throws {
        #expect(try request("GET \(target) HTTP/1.1\r\nHost: h\r\n\r\n").path == path)
    }

    @Test(arguments: [
        ("GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n", 400, "a path"),
        ("GET / HTTP/1.1\r\nHost: evil.example\r\nHost: 127.0.0.1:1\r\n\r\n", 400, "two Host"),
        ("GET / HTTP/1.1\r\n\r\n", 400, "no Host"),
        ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", 400, "folded"),
        ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400, "NAME: VALUE"),
        ("GET / HTTP/1.1\r\nHost: h\r\nX: a\u{1}b\r\n\r\n", 400, "control character"),
        ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400, "Content-Length"),
        ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "both"),
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505, "HTTP/1.1"),
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "request line"),
        ("GET /a b HTTP/1.1\r\nHost: h\r\n\r\n", 400, "request line"),
        ("GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400, "percent-encoded"),
        ("GET /%00 HTTP/1.1\r\nHost: h\r\n\r\n", 400, "percent-encoded"),
        ("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400, "request line"),
    ])
    func requestsRFC9112RefusesAreRefused(text: String, status: Int, saying: String) {
        let found = read(text)
        guard case .reject(let rejection)? = found.last else {
            Issue.record("not refused: \(found)")
            return
        }
        #expect(rejection.status == status)
        #expect(rejection.reason.contains(saying), "\(rejection.reason)")
    }

    @Test func aRequestLineWithoutEndIsRefusedAfterEightKilobytes() {
        // Sent one byte at a time, a megabyte of request line is refused at the limit: nothing
        // past it is kept.
        let line = Array("GET /".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var exchange = HTTPExchange()
        var refusedAt: Int?
        for (offset, byte) in line.enumerated() {
            exchange.receive([byte])
            if case .reject(let rejection) = exchange.next() {
                #expect(rejection.status == 414)
                refusedAt = offset + 1
                break
            }
        }
        #expect(refusedAt == HTTPExchange.requestLineLimit + 1)
    }

    @Test func aHeadOfEndlessFieldsIsRefused() {
        let long = "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 40_000) + "\r\n\r\n"
        guard case .reject(let tooLong)? = read(long, piece: 1000).last else {
            Issue.record("a 40 kB field was taken")
            return
        }
        #expect(tooLong.status == 431)
        let many = "GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X: a\r\n", count: HTTPExchange.fieldLimit) + "\r\n"
        guard case .reject(let tooMany)? = read(many).last else {
            Issue.record("\(HTTPExchange.fieldLimit + 1) fields were taken")
            return
        }
        #expect(tooMany.status == 431 && tooMany.reason.contains("100 header fields"))
        let enough = "GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X: a\r\n", count: HTTPExchange.fieldLimit - 1) + "\r\n"
        guard case .request? = read(enough).last else {
            Issue.record("\(HTTPExchange.fieldLimit) fields were refused")
            return
        }
    }

    @Test func aBodyEndsTheConnectionAndCloseIsHeard() throws {
        #expect(try request("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n").announcesBody)
        #expect(try request("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n").announcesBody)
        #expect(try !request("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n").announcesBody)
        #expect(try !request("GET / HTTP/1.1\r\nHost: h\r\nConnection: Keep-Alive, close\r\n\r\n").keepsAlive)
        #expect(try !request("GET / HTTP/1.0\r\n\r\n").keepsAlive, "HTTP/1.0 closes")
    }

    @Test func answersCarryTheirFraming() {
        var response = HTTPResponse.text(404, "No page.\n")
        response.set("content-type", "text/html")
        let head = String(decoding: response.head(for: nil, closing: true), as: UTF8.self)
        #expect(head == "HTTP/1.1 404 Not Found\r\ncontent-type: text/html\r\nContent-Length: 9\r\nConnection: close\r\n\r\n")
    }
}
