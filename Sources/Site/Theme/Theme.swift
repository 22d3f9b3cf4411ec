import Foundation
import Index
import Support
import Template

/// The templates, stylesheet and script of the site: the built-in theme (`site-theme/`, embedded
/// in the binary), with any file of the same name in `<journal>/theme/` taking its place.
struct Theme: Sendable {
    let library: TemplateLibrary
    /// `style.css`, `script.js` and any other non-template file, by name.
    let assets: [String: Data]
    /// Problems with the journal's own theme files, located in `theme/NAME`.
    let diagnostics: [Diagnostic]
    /// A stable hash of every file of the theme and of the version of ties: a page rendered
    /// with another theme or another ties is rendered again.
    let fingerprint: String

    /// The built-in theme's files, by name, decoded once.
    static let builtInFiles: [String: Data] = {
        var files: [String: Data] = [:]
        for (path, base64) in EmbeddedTheme.files {
            if let data = Data(base64Encoded: base64) { files[path] = data }
        }
        return files
    }()

    /// The built-in templates, compiled once: they are the fallback for every broken one.
    static let builtInTemplates: [String: CompiledTemplate] = {
        var templates: [String: CompiledTemplate] = [:]
        for (file, data) in builtInFiles where file.hasSuffix(".mustache") {
            do {
                templates[String(file.dropLast(".mustache".count))] = try CompiledTemplate(String(decoding: data, as: UTF8.self))
            } catch {
                // The built-in theme is part of ties and tested: a template that does not compile is a fault of ties.
                preconditionFailure("the built-in template \(file) does not compile: \(error)")
            }
        }
        return templates
    }()

    init(overrides folder: URL?) {
        let builtIn = Theme.builtInFiles
        var files = builtIn
        var own: Set<String> = []
        var diagnostics: [Diagnostic] = []
        let root = folder?.deletingLastPathComponent()
        if let folder, let root, let target = JournalPath.outside(folder.path, root: root) {
            // A theme folder that leads out of the journal is not read: a cloned journal could
            // otherwise copy any file of the machine into the site.
            diagnostics.append(
                .warning(
                    .linkOutside, "'theme' is a symbolic link to \(target), outside the journal, so it was not read",
                    at: SourceLocation(path: "theme")))
        } else if let folder, let root, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where !name.hasPrefix(".") {
                if let target = JournalPath.outside(folder.appending(path: name).path, root: root) {
                    diagnostics.append(
                        .warning(
                            .linkOutside,
                            "'theme/\(name)' is a symbolic link to \(target), outside the journal, so it was not read and the built-in file is used",
                            at: SourceLocation(path: "theme/\(name)")))
                    continue
                }
                guard builtIn[name] != nil || name.hasSuffix(".css") || name.hasSuffix(".js") else {
                    diagnostics.append(
                        .warning(
                            .unknownThemeFile,
                            "not a file of the theme\(Suggestion.clause(Suggestion.nearest(to: name, in: builtIn.keys.sorted())));"
                                + " expected one of \(builtIn.keys.sorted().joined(separator: ", "))",
                            at: SourceLocation(path: "theme/\(name)")))
                    continue
                }
                let file = folder.appending(path: name)
                let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                guard size <= SourceText.largestFile, let data = try? Data(contentsOf: file) else {
                    diagnostics.append(
                        .error(
                            .fileTooLarge,
                            "cannot be read, or is larger than \(SourceText.largestFile / 1_048_576) MiB; the built-in file is used",
                            at: SourceLocation(path: "theme/\(name)")))
                    continue
                }
                files[name] = data
                own.insert(name)
            }
        }
        // The journal's templates that do not compile, or that include themselves, give way to
        // the built-in ones: a site is always built.
        var templates = Theme.builtInTemplates
        var ownTemplates: Set<String> = []
        for name in own.sorted() where name.hasSuffix(".mustache") {
            let template = String(name.dropLast(".mustache".count))
            do throws(TemplateError) {
                templates[template] = try CompiledTemplate(String(decoding: files[name] ?? Data(), as: UTF8.self))
                ownTemplates.insert(template)
            } catch {
                diagnostics.append(
                    .error(
                        .templateSyntax, "\(error.message); the built-in template is used",
                        at: SourceLocation(path: "theme/\(name)", line: error.line, column: error.column)))
                files[name] = builtIn[name]
            }
        }
        while let cycle = TemplateIncludes(templates).cycle(through: ownTemplates) {
            diagnostics.append(
                .error(
                    .templateSyntax,
                    "'\(cycle.names[0])' includes itself (\(cycle.names.joined(separator: " → "))), which would never end; the built-in template is used",
                    at: cycle.location))
            templates[cycle.names[0]] = Theme.builtInTemplates[cycle.names[0]]
            files[cycle.names[0] + ".mustache"] = builtIn[cycle.names[0] + ".mustache"]
            ownTemplates.remove(cycle.names[0])
        }
        self.library = TemplateLibrary(templates)
        self.assets = files.filter { !$0.key.hasSuffix(".mustache") && $0.key != "README.md" }
        self.diagnostics = diagnostics.sorted()
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
    static let rendererVersion = "ties 0.1.0 site 2"

    /// The page of `job`, and whether its templates included one another more deeply than
    /// `TemplateLimits.inclusionDepth` (the deeper parts are left out).
    func render(_ job: PageJob) -> (html: [UInt8], tooDeep: Bool) {
        guard let rendering = library.render(job.template.name, job.model) else { return ([], false) }
        return (rendering.bytes, rendering.tooDeep)
    }
}
