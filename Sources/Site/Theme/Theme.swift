import Foundation
import Index
import Mustache

/// The templates, stylesheet and script of the site: the built-in theme (`site-theme/`, embedded
/// in the binary), with any file of the same name in `<journal>/theme/` taking its place.
struct Theme: Sendable {
    let library: MustacheLibrary
    /// `style.css`, `script.js` and any other non-template file, by name.
    let assets: [String: Data]
    /// Problems with the journal's own theme files, as messages naming the file.
    let problems: [String]
    /// A stable hash of every file of the theme and of the version of ties: a page rendered
    /// with another theme or another ties is rendered again.
    let fingerprint: String

    init(overrides folder: URL?) {
        var files: [String: Data] = [:]
        for (path, base64) in EmbeddedTheme.files {
            if let data = Data(base64Encoded: base64) { files[path] = data }
        }
        var problems: [String] = []
        if let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where !name.hasPrefix(".") {
                guard files[name] != nil || name.hasSuffix(".css") || name.hasSuffix(".js") else {
                    problems.append(
                        "theme/\(name): not a file of the theme; expected one of \(files.keys.sorted().joined(separator: ", "))")
                    continue
                }
                if let data = try? Data(contentsOf: folder.appending(path: name)) { files[name] = data }
            }
        }
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            if name.hasSuffix(".mustache") {
                let templateName = String(name.dropLast(".mustache".count))
                do {
                    try library.register(String(decoding: data, as: UTF8.self), named: templateName)
                } catch {
                    problems.append("theme/\(name): the template does not parse: \(error)")
                    // Fall back to the built-in template so the site still builds.
                    if let builtIn = EmbeddedTheme.files.first(where: { $0.path == name }),
                        let original = Data(base64Encoded: builtIn.base64)
                    {
                        try? library.register(String(decoding: original, as: UTF8.self), named: templateName)
                    }
                }
            } else if name != "README.md" {
                assets[name] = data
            }
        }
        self.library = library
        self.assets = assets
        self.problems = problems
        var hash = StableHash()
        hash.combine(Theme.rendererVersion)
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            hash.combine(name)
            hash.combine(data.count)
            data.withUnsafeBytes { hash.combine(bytes: $0) }
        }
        self.fingerprint = hash.hex
    }

    /// Changes whenever what the Swift side hands to templates could render differently.
    static let rendererVersion = "ties 0.1.0 site 1"

    func render(_ job: PageJob) -> String {
        library.render(job.model, withTemplate: job.template) ?? ""
    }
}
