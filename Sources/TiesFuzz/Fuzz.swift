import CFuzzDriver
import Foundation
import Template

@testable import Index
@testable import Site

/// libFuzzer's entry point: `make fuzz` builds this with `-sanitize=fuzzer,address` and runs it
/// once per target, the target named by `TIES_FUZZ_TARGET`.
///
/// Each target feeds the bytes to one parser of ties and lets any crash, hang, leak or memory
/// error show; a parser's answer for bad input (a diagnostic) is not a failure.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch FuzzTarget.current {
    case .record: FuzzTarget.record(bytes)
    case .config: FuzzTarget.config(bytes)
    case .wikiLinks: FuzzTarget.wikiLinks(bytes)
    case .template: FuzzTarget.template(bytes)
    case .imports: FuzzTarget.imports(bytes)
    case .editor: FuzzTarget.editor(bytes)
    }
    return 0
}

/// The program's entry: SwiftPM names an executable target's `main` `TiesFuzz_main`, so this is
/// it, handing over to libFuzzer's driver.
@_cdecl("TiesFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}

enum FuzzTarget: String, CaseIterable {
    case record, config, wikiLinks = "wiki-links", template, imports, editor

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["TIES_FUZZ_TARGET"] ?? "record"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("TIES_FUZZ_TARGET must be one of \(allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        return target
    }()

    /// A record file, of the kind the first byte picks: the front matter, the YAML preflight,
    /// every field reader, the Markdown body, and the parse cache's encoding read back.
    static func record(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let kind = RecordKind.allCases[Int(first) % RecordKind.allCases.count]
        let file = JournalFile(absolutePath: "/dev/null", path: "\(kind.folder)/fuzz.md", kind: kind, slug: "fuzz")
        let parsed = RecordParser.parse(bytes: Array(bytes.dropFirst()), file: file)
        let encoded = BinaryWriter.encode(parsed)
        _ = encoded.withUnsafeBytes { try? BinaryReader.decode(ParsedFile.self, from: $0) }
    }

    /// An encounter's file edited in place: each follow-up marked done, and a list, a map and a
    /// value added to. An edit may refuse; one it makes must leave valid YAML that reads as
    /// the same encounter with that one change, or the fuzzer has found a bug.
    static func editor(_ bytes: [UInt8]) {
        guard case let .success(text) = SourceText.decode(bytes, path: "encounters/fuzz.md") else { return }
        let file = JournalFile(absolutePath: "/dev/null", path: "encounters/fuzz.md", kind: .encounter, slug: "fuzz")
        let parsed = RecordParser.parse(text, file: file)
        guard case let .encounter(encounter)? = parsed.record, !parsed.diagnostics.contains(where: { $0.severity == .error })
        else { return }
        for (index, followup) in encounter.followups.enumerated() {
            var editor = FrontMatterEditor<Encounter>(text)
            guard (try? editor.set("done", "true", inItemAt: followup.location, of: \.followups, plainKey: "task")) != nil
            else { continue }
            let after = RecordParser.parse(editor.text, file: file)
            guard case let .encounter(edited)? = after.record, edited.followups.count == encounter.followups.count,
                edited.followups[index].done,
                edited.followups[index].task == followup.task
            else { fatalError("marking follow-up \(index) done broke the file:\n\(text)\n---- became ----\n\(editor.text)") }
        }
        var editor = FrontMatterEditor<Encounter>(text)
        if (try? editor.append(\.tags, ["fuzztag"])) != nil {
            guard case let .encounter(edited)? = RecordParser.parse(editor.text, file: file).record, edited.tags.contains("fuzztag")
            else { fatalError("adding a tag broke the file:\n\(text)\n---- became ----\n\(editor.text)") }
        }
    }

    static func config(_ bytes: [UInt8]) {
        guard case let .success(text) = SourceText.decode(bytes, path: "ties.yaml") else { return }
        _ = ConfigParser.parse(text)
    }

    static func wikiLinks(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = WikiLinkSyntax.segments(of: text)
        _ = MarkdownBody(text, firstLine: 1, path: "contacts/fuzz.md")
    }

    /// An import file, of the format the first byte picks: LinkedIn or Google CSV, vCards or a
    /// calendar (with its repeating events expanded over ten years).
    static func imports(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        switch first % 4 {
        case 0: _ = try? LinkedInConnections.read(text, path: "fuzz.csv")
        case 1: _ = try? GoogleContacts.read(text, path: "fuzz.csv")
        case 2: _ = try? VCardReader.read(text, path: "fuzz.vcf")
        default:
            guard let events = try? CalendarReader.read(text, path: "fuzz.ics", timeZone: "Europe/Berlin") else { return }
            let end = Day("2035-01-01") ?? Day.latest
            for event in events { _ = event.occurrences(since: nil, through: end) }
        }
    }

    /// A theme template: compiled as ties compiles the journal's own, and rendered when ties
    /// would render it, i.e. when it does not include itself.
    static func template(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let template = try? CompiledTemplate(text) else { return }
        var templates = ["contact": template]
        templates["person"] = try? CompiledTemplate("{{name}}")
        guard TemplateIncludes(templates).cycle(through: ["contact"]) == nil else { return }
        let library = TemplateLibrary(templates)
        _ = library.render(
            "contact",
            ["name": "Ada", "roles": [["org": "Acme"], ["org": "<b>"]], "empty": [], "page": ["root": "../", "n": 1.5]])
    }
}
