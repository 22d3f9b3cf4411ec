import Foundation
import Index
import Mustache

/// The templates, stylesheet and script of the site: the built-in theme (`site-theme/`, embedded
/// in the binary), with any file of the same name in `<journal>/theme/` taking its place.
struct Theme: Sendable {
    let library: MustacheLibrary
    /// `style.css`, `script.js` and any other non-template file, by name.
    let assets: [String: Data]
    /// Problems with the journal's own theme files, located in `theme/NAME`.
    let diagnostics: [Diagnostic]
    /// A stable hash of every file of the theme and of the version of ties: a page rendered
    /// with another theme or another ties is rendered again.
    let fingerprint: String

    init(overrides folder: URL?) {
        var builtIn: [String: Data] = [:]
        for (path, base64) in EmbeddedTheme.files {
            if let data = Data(base64Encoded: base64) { builtIn[path] = data }
        }
        var files = builtIn
        var own: Set<String> = []
        var diagnostics: [Diagnostic] = []
        if let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() where !name.hasPrefix(".") {
                guard builtIn[name] != nil || name.hasSuffix(".css") || name.hasSuffix(".js") else {
                    diagnostics.append(
                        .warning(
                            .unknownThemeFile,
                            "not a file of the theme\(Suggestion.clause(Suggestion.nearest(to: name, in: builtIn.keys.sorted())));"
                                + " expected one of \(builtIn.keys.sorted().joined(separator: ", "))",
                            at: SourceLocation(path: "theme/\(name)")))
                    continue
                }
                if let data = try? Data(contentsOf: folder.appending(path: name)) {
                    files[name] = data
                    own.insert(name)
                }
            }
        }
        // The journal's templates that do not parse, or that include themselves, give way to
        // the built-in ones: a site is always built.
        var templates: [String: MustacheTemplate] = [:]
        for (name, data) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do {
                templates[name] = try MustacheTemplate(string: String(decoding: data, as: UTF8.self))
            } catch {
                diagnostics.append(Theme.diagnostic(for: error, in: name))
                files[name] = builtIn[name]
                own.remove(name)
                templates[name] = builtIn[name].flatMap { try? MustacheTemplate(string: String(decoding: $0, as: UTF8.self)) }
            }
        }
        while let cycle = TemplateIncludes(files.filter { $0.key.hasSuffix(".mustache") }).cycle(through: own) {
            diagnostics.append(
                .error(
                    .templateSyntax,
                    "'\(cycle.names[0])' includes itself (\(cycle.names.joined(separator: " → "))), which would never end; the built-in template is used",
                    at: cycle.location))
            let name = cycle.names[0] + ".mustache"
            files[name] = builtIn[name]
            own.remove(name)
            templates[name] = builtIn[name].flatMap { try? MustacheTemplate(string: String(decoding: $0, as: UTF8.self)) }
        }
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            if name.hasSuffix(".mustache") {
                if let template = templates[name] { library.register(template, named: String(name.dropLast(".mustache".count))) }
            } else if name != "README.md" {
                assets[name] = data
            }
        }
        self.library = library
        self.assets = assets
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

    /// A template's parse error at its place, in words.
    private static func diagnostic(for error: Error, in name: String) -> Diagnostic {
        guard let parserError = error as? MustacheTemplate.ParserError else {
            return .error(
                .templateSyntax, "the template does not parse; the built-in one is used",
                at: SourceLocation(path: "theme/\(name)"))
        }
        let problem: String
        switch parserError.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: problem = "a section is closed with another name than the one it was opened with"
        case .unfinishedName?: problem = "a tag is never closed with '}}'"
        case .expectedSectionEnd?: problem = "a section is never closed"
        case .invalidSetDelimiter?: problem = "the tag that sets delimiters is malformed"
        case .transformAppliedToInheritanceSection?: problem = "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            problem = "a parent template's tag holds something other than blocks"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: problem = "a configuration tag is malformed"
        // swift-mustache's reader says only "overflow" when the text ends inside a tag.
        case nil where "\(parserError.error)" == "overflow": problem = "a tag is never closed with '}}'"
        case nil: problem = "the template does not parse (\(parserError.error))"
        }
        return .error(
            .templateSyntax, "\(problem); the built-in template is used",
            at: SourceLocation(
                path: "theme/\(name)", line: parserError.context.lineNumber, column: parserError.context.columnNumber))
    }

    /// Changes whenever what the Swift side hands to templates could render differently.
    static let rendererVersion = "ties 0.1.0 site 1"

    func render(_ job: PageJob) -> String {
        library.render(job.model, withTemplate: job.template) ?? ""
    }
}
