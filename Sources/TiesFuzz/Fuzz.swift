import CFuzzDriver
import Foundation
import Template

@testable import Authoring
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
    case .serve: FuzzTarget.serve(bytes)
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
    case record, config, wikiLinks = "wiki-links", template, imports, editor, serve

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

    /// What a connection to `ties serve` sends, cut into reads of the size the first byte
    /// picks: every request read from it goes through the access checks. Nothing kept may grow
    /// past the head's limit, and every request read must satisfy what the server relies on.
    static func serve(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let piece = Int(first) + 1
        let access = ServeAccess(token: String(repeating: "ab", count: 32), port: 4321)
        var exchange = HTTPExchange()
        var offset = 1
        reading: while offset < bytes.count {
            let end = min(bytes.count, offset + piece)
            exchange.receive(bytes[offset..<end])
            offset = end
            while true {
                switch exchange.next() {
                case .needMore: continue reading
                case .reject(let rejection):
                    precondition([400, 414, 431, 505].contains(rejection.status), "status \(rejection.status)")
                    return
                case .request(let request):
                    precondition(request.path.hasPrefix("/") && !request.path.contains("/../"), request.path)
                    precondition(request.values(of: "host").count <= 1, "two hosts taken")
                    _ = access.allows(host: request.values(of: "host").first)
                    _ = access.allows(cookies: request.values(of: "cookie"))
                    if let token = request.query.first(where: { $0.name == "token" }) { _ = access.matches(token.value) }
                }
            }
        }
        precondition(exchange.buffer.count <= HTTPExchange.headLimit + piece, "kept \(exchange.buffer.count) bytes")
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
            guard case let .encounter(edited)? = RecordParser.parse(editor.text, file: file).record,
                edited.tags.contains("fuzztag")
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

    /// An import file, of the format the first byte picks: LinkedIn or Google CSV, vCards, a
    /// mail's header block, a card as `ties sync` reads and rewrites it, three versions of
    /// ties.yaml (split at NUL bytes) as the merge driver merges them, or a calendar (with its
    /// repeating events expanded over ten years).
    static func imports(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        switch first % 7 {
        case 0: _ = try? LinkedInConnections.read(text, path: "fuzz.csv")
        case 1: _ = try? GoogleContacts.read(text, path: "fuzz.csv")
        case 2: _ = try? VCardReader.read(text, path: "fuzz.vcf")
        case 3:
            let message = MailReader.parse(header: MailReader.headerBlock(Data(bytes.dropFirst())))
            _ = MailImport.topic(message.subject)
        case 4:
            var fields = CardFields(card: text)
            fields.tags.append("fuzz")
            _ = CardText.updated(text, to: fields, changed: Set(CardFields.Field.allCases))
        case 5:
            let parts = text.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else { return }
            _ = JournalMerge.merge(base: parts[0], ours: parts[1], theirs: parts[2], path: "ties.yaml")
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
