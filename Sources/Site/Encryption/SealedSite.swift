import Foundation
import Index
import Template

/// An encrypted build's files: each page becomes the theme's lock page (a password form and
/// the page, sealed), under an opaque name; the search index, the feeds and the rebuild state
/// are sealed too. What stays readable is only the lock page, the stylesheet and the scripts.
struct SealedSite: Sendable {
    let cipher: SiteCipher

    /// The name of the page at a clear path in the encrypted build, where all pages lie in one
    /// folder; `SitePaths.Naming.sealed` names the pages with it before any is made.
    var naming: SitePaths.Naming {
        let cipher = self.cipher
        return .sealed { cipher.opaqueName(of: $0) + ".html" }
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

    /// The page `html`, sealed, in the theme's lock page (`lock.mustache`): the password form
    /// that opens it.
    func page(_ html: [UInt8], at path: String, theme: Theme, words: Value, language: String) throws -> Data {
        let sealed = try cipher.seal(Data(html), path: path).base64EncodedString()
        let lock = PageJob(
            path: path, template: .lock,
            model: LockPage(
                lang: language, t: words, salt: Data(cipher.salt).base64EncodedString(), iterations: SiteCipher.iterations,
                sealed: sealed))
        return Data(theme.render(lock).html)
    }

    /// What `lock.mustache` receives.
    struct LockPage: Encodable {
        var lang: String
        var t: Value
        var salt: String
        var iterations: Int
        /// The page, sealed, in base64.
        var sealed: String
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
}
