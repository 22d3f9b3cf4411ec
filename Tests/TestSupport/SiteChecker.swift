import Foundation

/// Checks a built site the way a browser would meet it: every page, every link.
public enum SiteChecker {
    /// Every file under `root`, relative paths, sorted.
    public static func files(in root: URL) -> [String] {
        let prefix = root.standardizedFileURL.path + "/"
        var paths: [String] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            {
                paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
            }
        }
        return paths.sorted()
    }

    /// The values of `href` and `src` attributes in a page.
    public static func references(in html: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap {
            Range($0.range(at: 1), in: html).map { unescape(String(html[$0])) }
        }
    }

    /// The `id`s of a page.
    public static func ids(in html: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"\sid="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { Range($0.range(at: 1), in: html).map { String(html[$0]) } }
    }

    /// Internal links that point at no file (or at no `id` in it), as "page → target".
    public static func brokenLinks(in root: URL) throws -> [String] {
        let all = Set(files(in: root))
        var idsByPage: [String: Set<String>] = [:]
        var broken: [String] = []
        for page in all where page.hasSuffix(".html") {
            let html = try String(contentsOf: root.appending(path: page), encoding: .utf8)
            idsByPage[page] = Set(try ids(in: html))
        }
        for page in all.sorted() where page.hasSuffix(".html") {
            let html = try String(contentsOf: root.appending(path: page), encoding: .utf8)
            for reference in try references(in: html) {
                if reference.isEmpty { broken.append("\(page) → (empty)"); continue }
                if isExternal(reference) { continue }
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? page : resolve(String(parts[0]), from: page)
                guard let target, all.contains(target) else { broken.append("\(page) → \(reference)"); continue }
                if parts.count == 2, target.hasSuffix(".html"), !(idsByPage[target]?.contains(String(parts[1])) ?? false) {
                    broken.append("\(page) → \(reference) (no such id)")
                }
            }
        }
        return broken
    }

    public static func isExternal(_ reference: String) -> Bool {
        let lower = reference.lowercased()
        return ["http://", "https://", "mailto:", "tel:"].contains { lower.hasPrefix($0) }
    }

    /// `../contacts/ada.html` seen from `orgs/acme.html` → `contacts/ada.html`; nil if it leaves the site.
    public static func resolve(_ reference: String, from page: String) -> String? {
        var components = page.split(separator: "/").dropLast().map(String.init)
        for part in reference.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if components.isEmpty { return nil } else { components.removeLast() }
            case ".", "": continue
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"")
    }

    /// Problems an HTML5 parser finds in each page, via Debian's python3-html5lib (strict mode).
    /// Returns nil when that parser is not installed.
    public static func parseErrors(in root: URL) throws -> [String]? {
        let script = """
            import sys, html5lib
            errors = []
            for path in sys.argv[2:]:
                parser = html5lib.HTMLParser(strict=False)
                with open(sys.argv[1] + "/" + path, "rb") as f:
                    parser.parse(f)
                for pos, code, data in parser.errors:
                    errors.append("%s:%s:%s: %s %s" % (path, pos[0], pos[1], code, data))
            print("\\n".join(errors))
            """
        let pages = files(in: root).filter { $0.hasSuffix(".html") }
        guard let (_, output) = try Python.run(script, arguments: [root.path] + pages, needing: "html5lib") else { return nil }
        return output.split(separator: "\n").map(String.init)
    }
}
