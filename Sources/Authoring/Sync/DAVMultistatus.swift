import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A WebDAV `multistatus` answer (RFC 4918 §13): per resource, its href, its status and the
/// properties found, by local name (`getetag`, `address-data`, `resourcetype`, …). Namespaces
/// are not compared: no two properties ties reads share a local name.
public enum DAVMultistatus {
    public struct Item: Sendable {
        /// Absolute, resolved against the answer's URL.
        public var href: URL
        /// The status of the resource itself (a `response`'s own `status`), or of its found
        /// properties: 200 unless the server said otherwise.
        public var status: Int
        /// Text of each property found (200 `propstat`), by local name.
        public var properties: [String: String]
        /// Hrefs inside properties (`current-user-principal`, `addressbook-home-set`).
        public var hrefs: [String: [URL]]
        /// Local names of the elements inside `resourcetype`.
        public var resourceTypes: Set<String>
    }

    /// The sync token of a `sync-collection` answer, if any.
    public static func syncToken(_ data: Data) -> String? {
        let parser = Parser(base: URL(fileURLWithPath: "/"))
        parser.parse(data)
        return parser.syncToken
    }

    public static func parse(_ data: Data, base: URL) -> [Item] {
        let parser = Parser(base: base)
        parser.parse(data)
        return parser.items
    }

    private final class Parser: NSObject, XMLParserDelegate {
        let base: URL
        var items: [Item] = []
        var syncToken: String?

        private var path: [String] = []
        private var text = ""
        private var href: URL?
        private var ownStatus: Int?
        private var found: [String: String] = [:]
        private var foundHrefs: [String: [URL]] = [:]
        private var types: Set<String> = []
        private var propstatProperties: [String: String] = [:]
        private var propstatHrefs: [String: [URL]] = [:]
        private var propstatTypes: Set<String> = []
        private var propstatStatus = 200

        init(base: URL) { self.base = base }

        func parse(_ data: Data) {
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = true
            parser.delegate = self
            _ = parser.parse()
        }

        private func local(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let name = local(elementName)
            path.append(name)
            text = ""
            switch name {
            case "response":
                href = nil
                ownStatus = nil
                found = [:]
                foundHrefs = [:]
                types = []
            case "propstat":
                propstatProperties = [:]
                propstatHrefs = [:]
                propstatTypes = []
                propstatStatus = 200
            default:
                if path.count >= 2, path[path.count - 2] == "resourcetype" { propstatTypes.insert(name) }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            let name = local(elementName)
            defer {
                path.removeLast()
                text = ""
            }
            let parent = path.count >= 2 ? path[path.count - 2] : ""
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name {
            case "href":
                let url = resolve(trimmed)
                if parent == "response" {
                    href = url
                } else if let url, path.count >= 3 {
                    // An href inside a property: `<current-user-principal><href>…`.
                    propstatHrefs[parent, default: []].append(url)
                }
            case "status":
                let code = Self.code(trimmed)
                if parent == "response" { ownStatus = code } else if parent == "propstat" { propstatStatus = code }
            case "propstat":
                if propstatStatus / 100 == 2 {
                    found.merge(propstatProperties) { first, _ in first }
                    foundHrefs.merge(propstatHrefs) { first, _ in first }
                    types.formUnion(propstatTypes)
                }
            case "response":
                if let href {
                    items.append(
                        Item(
                            href: href, status: ownStatus ?? 200, properties: found, hrefs: foundHrefs, resourceTypes: types))
                }
            case "sync-token" where parent == "multistatus":
                syncToken = trimmed
            default:
                if parent == "prop" { propstatProperties[name] = trimmed }
            }
        }

        private func resolve(_ text: String) -> URL? {
            guard !text.isEmpty else { return nil }
            return URL(string: text, relativeTo: base)?.absoluteURL
                ?? text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed).flatMap {
                    URL(string: $0, relativeTo: base)?.absoluteURL
                }
        }

        /// "HTTP/1.1 404 Not Found" → 404.
        private static func code(_ line: String) -> Int {
            let parts = line.split(separator: " ")
            return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
        }
    }
}
