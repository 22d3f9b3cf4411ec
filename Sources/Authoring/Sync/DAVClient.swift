import Foundation
import Support

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The HTTP of WebDAV and CardDAV (RFC 4918, RFC 6352, RFC 6578): requests one at a time, with
/// Basic authentication sent up front, and every request counted (a sync with nothing to do
/// sends one).
///
/// A 401 or 403 is a `Failure` at once: the session's delegate refuses every authentication
/// challenge, as URLSession on Linux otherwise waits for an answer that never comes.
public final class DAVClient: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// The HTTP status, when the server answered.
        public var status: Int?
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        /// The URL answered, after redirects.
        public var url: URL

        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Seconds before a request that gets no answer fails.
    public static let timeout: TimeInterval = 30
    /// The largest answer read: far more than an address book of thousands of cards.
    public static let largestResponse = 256 << 20

    private let session: URLSession
    private let authorization: String?
    public private(set) var requests = 0

    public init(username: String?, password: String?) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Self.timeout
        configuration.timeoutIntervalForResource = Self.timeout * 4
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration, delegate: RefusingDelegate(), delegateQueue: nil)
        if let username {
            authorization = "Basic " + Data("\(username):\(password ?? "")".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
    }

    deinit { session.invalidateAndCancel() }

    /// Sends a request and waits for its answer. 401 and 403 are failures; other statuses are
    /// the caller's to read.
    public func send(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil
    ) throws(Failure) -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if body != nil, headers["Content-Type"] == nil {
            request.setValue("application/xml; charset=utf-8", forHTTPHeaderField: "Content-Type")
        }
        requests += 1
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<Response, Failure>?
        let task = session.dataTask(with: request) { data, response, error in
            defer { done.signal() }
            if let error {
                let nsError = error as NSError
                let refused = nsError.code == NSURLErrorUserCancelledAuthentication || nsError.code == NSURLErrorCancelled
                result = .failure(
                    Failure(
                        description: refused
                            ? "\(url.absoluteString): the server refused the username or password (401)"
                            : "\(url.absoluteString): \(error.localizedDescription)",
                        status: refused ? 401 : nil))
                return
            }
            guard let http = response as? HTTPURLResponse else {
                result = .failure(Failure(description: "\(url.absoluteString): no HTTP answer", status: nil))
                return
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key] = value }
            }
            result = .success(Response(status: http.statusCode, headers: headers, body: data ?? Data(), url: http.url ?? url))
        }
        task.resume()
        if done.wait(timeout: .now() + Self.timeout * 4 + 5) == .timedOut {
            task.cancel()
            throw Failure(description: "\(url.absoluteString): no answer in \(Int(Self.timeout * 4)) seconds", status: nil)
        }
        guard let result else { throw Failure(description: "\(url.absoluteString): no answer", status: nil) }
        let response = try result.get()
        if response.status == 401 || response.status == 403 {
            throw Failure(
                description: response.status == 401
                    ? "\(url.absoluteString): the server refused the username or password (401); check carddav.username and TIES_CARDDAV_PASSWORD"
                    : "\(url.absoluteString): the server does not let this account in (403)",
                status: response.status)
        }
        if response.body.count > Self.largestResponse {
            throw Failure(description: "\(url.absoluteString): an answer of more than 256 MiB", status: response.status)
        }
        return response
    }

    /// PROPFIND with `Depth`, asking for `properties` (XML elements in the `DAV:` or CardDAV
    /// namespaces, written with the prefixes `d:` and `c:`).
    public func propfind(_ url: URL, depth: Int, properties: [String]) throws(Failure) -> [DAVMultistatus.Item] {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav" xmlns:cs="http://calendarserver.org/ns/">
            <d:prop>\(properties.map { "<\($0)/>" }.joined())</d:prop>
            </d:propfind>
            """
        let response = try send("PROPFIND", url, headers: ["Depth": "\(depth)"], body: Data(body.utf8))
        guard response.status == 207 else {
            throw Failure(description: "\(url.absoluteString): PROPFIND answered \(response.status)", status: response.status)
        }
        return DAVMultistatus.parse(response.body, base: response.url)
    }

    /// REPORT with a body; the multistatus answer.
    public func report(_ url: URL, depth: Int, body: String) throws(Failure) -> [DAVMultistatus.Item] {
        let response = try send("REPORT", url, headers: ["Depth": "\(depth)"], body: Data(body.utf8))
        guard response.status == 207 else {
            throw Failure(description: "\(url.absoluteString): REPORT answered \(response.status)", status: response.status)
        }
        return DAVMultistatus.parse(response.body, base: response.url)
    }
}

/// Answers every authentication challenge by refusing it: the credentials go with each request,
/// and a challenge means they were refused.
private final class RefusingDelegate: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        completionHandler(.rejectProtectionSpace, nil)
    }
}
