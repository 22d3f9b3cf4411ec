import Foundation
import Index

/// An encrypted build's files: each page becomes the same small shell (a password form and the
/// page, sealed), under an opaque name; the search index and the feeds are sealed too. What
/// stays readable is only the shell, the stylesheet and the script.
struct SealedSite: Sendable {
    let cipher: SiteCipher
    let language: String
    let labels: Labels
    /// The opaque names of the site's pages, made once: a page has hundreds of links.
    private let names: [String: String]

    init(cipher: SiteCipher, language: String, labels: Labels, pages: [String]) {
        self.cipher = cipher
        self.language = language
        self.labels = labels
        // index.html keeps its name: it is where the site is opened.
        let renamed = pages.filter { $0 != "index.html" }
        let opaque = renamed.parallelMap { cipher.opaqueName(of: $0) + ".html" }
        names = Dictionary(zip(renamed, opaque), uniquingKeysWith: { first, _ in first })
    }

    /// Where the state of the encryption is kept: the salt, so that a rebuild with the same
    /// password seals unchanged files to the same bytes, and a check of the keys.
    static let stateName = ".ties-encryption"

    /// The cipher for `password` in `output`: with the salt of the last encrypted build there,
    /// unless the password changed (then a new salt, and every file changes).
    static func cipher(password: String, output: OutputFolder) throws -> SiteCipher {
        if let data = output.contents(of: stateName),
            let fields = try? JSONDecoder().decode([String: String].self, from: data),
            let salt = fields["salt"].flatMap({ Data(base64Encoded: $0) }), salt.count == SiteCipher.saltByteCount
        {
            let cipher = try SiteCipher(password: password, salt: Array(salt))
            if cipher.check == fields["check"] { return cipher }
        }
        return try SiteCipher(password: password, salt: SiteCipher.newSalt())
    }

    /// Keeps the salt and the check beside the site (the salt is public: every page carries
    /// it); removes them after a build in the clear.
    static func store(_ sealer: SealedSite?, in output: OutputFolder) throws {
        guard let sealer else {
            _ = output.remove(stateName)
            return
        }
        let state = #"{"check":"\#(sealer.cipher.check)","salt":"\#(Data(sealer.cipher.salt).base64EncodedString())"}"#
        do {
            try output.replace(stateName, with: Data(state.utf8))
        } catch {
            throw SiteWriter.Refusal(description: error.description)
        }
    }

    /// The name a file of the site has in the encrypted build.
    func name(of path: String) -> String {
        if let name = names[path] { return name }
        if path == "index.html" || !path.hasSuffix(".html") && !SealedSite.sealedFiles.contains(path) { return path }
        return cipher.opaqueName(of: path) + (path.hasSuffix(".html") ? ".html" : ".bin")
    }

    /// Files other than pages that are sealed whole: nothing but the owner reads them.
    static let sealedFiles: Set<String> = ["feed.xml", "feed.json"]

    /// The shell of the page at `path`, holding the page sealed, its links made to point at the
    /// other pages' opaque names.
    func page(_ html: String, at path: String) throws -> Data {
        let sealed = try cipher.seal(Data(relink(html, from: path).utf8), path: path).base64EncodedString()
        return Data(shell(sealed: sealed).utf8)
    }

    /// A file sealed whole (a feed).
    func file(_ data: Data, at path: String) throws -> Data {
        try cipher.seal(data, path: path)
    }

    /// The search index as a script that holds it sealed.
    func searchIndex(json: String) throws -> Data {
        let sealed = try cipher.seal(Data(json.utf8), path: "search-index.js").base64EncodedString()
        return Data("window.tiesSealedSearch = \"\(sealed)\";\n".utf8)
    }

    /// Every relative `href` and `src` resolved from `path` and pointed at the file's name in
    /// the encrypted build, where all files lie in one folder. Scans bytes: the attributes are
    /// the templates' own, always double-quoted, and nothing from the journal holds a raw `"`.
    func relink(_ html: String, from path: String) -> String {
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        let folder = Array(path.split(separator: "/").dropLast())
        var copied = 0
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else { continue }
            let name = SealedSite.attributes.first { name in
                index >= name.count + 1 && bytes[(index - name.count)..<index].elementsEqual(name)
                    && bytes[index - name.count - 1] == UInt8(ascii: " ")
            }
            guard let name, let end = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { continue }
            result += bytes[copied..<(index + 2)]
            if name != SealedSite.rootAttribute {  // every file is at the root now: data-root=""
                let value = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                result += relinked(value, folder: folder).utf8
            }
            copied = end
            index = end
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    private static let rootAttribute = Array("data-root".utf8)
    private static let attributes = [Array("href".utf8), Array("src".utf8), rootAttribute]

    private func relinked(_ value: String, folder: [Substring]) -> String {
        if value.isEmpty || value.hasPrefix("#") || value.hasPrefix("/") { return value }
        if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/") { return value }  // https:, mailto:…
        let fragmentStart = value.firstIndex { $0 == "#" || $0 == "?" } ?? value.endIndex
        var parts = folder
        for part in value[..<fragmentStart].split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".", "": continue
            default: parts.append(part)
            }
        }
        return name(of: parts.joined(separator: "/")) + value[fragmentStart...]
    }

    private func shell(sealed: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta name="referrer" content="no-referrer">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
        <title>\(HTML.escape(labels.locked))</title>
        <link rel="stylesheet" href="style.css">
        <script src="unlock.js" defer></script>
        </head>
        <body>
        <main id="main" class="unlock">
        <form id="ties-unlock" data-salt="\(Data(cipher.salt).base64EncodedString())" data-iterations="\(SiteCipher.iterations)" data-wrong="\(HTML.escape(labels.wrongPassword))">
        <h1>\(HTML.escape(labels.locked))</h1>
        <noscript><p>\(HTML.escape(labels.needsScript))</p></noscript>
        <label for="ties-password">\(HTML.escape(labels.password))</label>
        <input id="ties-password" type="password" autocomplete="current-password" required autofocus>
        <button type="submit">\(HTML.escape(labels.unlock))</button>
        <p id="ties-unlock-message" role="alert"></p>
        </form>
        <div id="ties-sealed" hidden data-sealed="\(sealed)"></div>
        </main>
        </body>
        </html>

        """
    }
}
