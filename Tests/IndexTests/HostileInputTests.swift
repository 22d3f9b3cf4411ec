import Foundation
import Support
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// What an attacker or a careless editor can put in a journal: every input here once crashed
/// ties, hung it or exhausted its memory. Each must now be a located diagnostic, quickly.
@Suite("Hostile input")
struct HostileInputTests {
    private func parse(_ kind: RecordKind, _ text: String) -> (AnyRecord?, [Diagnostic]) {
        let file = JournalFile(absolutePath: "/dev/null", path: "\(kind.folder)/x.md", kind: kind, slug: "x")
        let parsed = RecordParser.parse(text, file: file)
        return (parsed.record, parsed.diagnostics)
    }

    /// Each row: a file with 1️⃣ where the problem is, and the code expected there.
    @Test(arguments: [
        (RecordKind.contact, "---\nname: X\ncadence: 1️⃣9223372036854775807d\n---\n", Diagnostic.Code.outOfRange),
        (.contact, "---\nname: X\ncadence: 1️⃣101y\n---\n", .outOfRange),
        (.encounter, "---\ndate: 2024-01-01\nfollowups:\n  - {task: x, due: 1️⃣9223372036854775807w}\n---\n", .outOfRange),
        (.publication, "---\ntitle: T\nviews: 1️⃣9223372036854775807\n---\n", .outOfRange),
        (.publication, "---\ntitle: T\nreach: 1️⃣99999999999999999999999\n---\n", .outOfRange),
        (.publication, "---\ntitle: T\naudience: 1️⃣1_000_000_000_001\n---\n", .outOfRange),
        (.publication, "---\ntitle: T\nmetrics:\n  - {date: 2024-01-01, views: 1️⃣9223372036854775806}\n---\n", .outOfRange),
        (.contact, "---\nname: X\ntitle: a1️⃣\u{1}b\n---\n", .yamlSyntax),
        (.contact, "---\nname: X\nx: 1️⃣\u{1B}\n---\n", .yamlSyntax),
    ])
    func outOfRangeValuesAreLocatedErrors(kind: RecordKind, marked: String, code: Diagnostic.Code) throws {
        let input = MarkedText(marked)
        let (_, diagnostics) = parse(kind, input.text)
        #expect(diagnostics.map(\.code) == [code], "\(diagnostics)")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.line == input.location(of: 1).line)
        #expect(diagnostic.location.column == input.location(of: 1).column)
        #expect(!diagnostic.message.contains("\n"))
    }

    @Test func theLargestFiguresAndLongestCadencesAreTaken() throws {
        let (contact, contactProblems) = parse(.contact, "---\nname: X\ncadence: 100y\n---\n")
        #expect(contactProblems.isEmpty)
        guard case let .contact(read)? = contact else { throw Failure("not a contact") }
        #expect(read.cadence == .every(100, .year))
        let (publication, problems) = parse(.publication, "---\ntitle: T\nviews: 1_000_000_000_000\n---\n")
        #expect(problems.isEmpty)
        guard case let .publication(item)? = publication else { throw Failure("not a publication") }
        #expect(item.latestMetrics.views == 1_000_000_000_000)
    }

    @Test func anAliasBombIsStoppedWhereItExpands() throws {
        // Ten levels of ten aliases each: 10^10 values from a few hundred bytes.
        var lines = ["---", "name: Bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("---")
        let started = Date()
        let (record, diagnostics) = parse(.contact, lines.joined(separator: "\n") + "\n")
        #expect(diagnostics.map(\.code) == [.tooComplex])
        #expect(diagnostics.first?.location.line == 7, "at the alias where the count passes the limit")
        #expect(Date().timeIntervalSince(started) < 10, "must not expand the aliases")
        // The record still exists, named by its file, so links to it resolve.
        #expect(record != nil)
    }

    @Test func aFewAliasesAreFine() {
        let (_, diagnostics) = parse(.contact, "---\nname: X\nbase: &b {title: CTO}\nextra: [*b, *b]\n---\n")
        #expect(diagnostics.allSatisfy { $0.code != .tooComplex && $0.severity != .error }, "\(diagnostics)")
    }

    @Test func anAliasBombInTiesYAMLIsStoppedToo() {
        var lines = ["title: x", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let (_, diagnostics) = ConfigParser.parse(lines.joined(separator: "\n") + "\n")
        #expect(diagnostics.map(\.code) == [.tooComplex])
        #expect(diagnostics.first?.location.path == "ties.yaml")
    }

    @Test(arguments: [
        // Block maps, one space deeper each line.
        (0..<100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n"),
        // Flow lists, as deep as the file allows.
        "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        // Block lists written on one line.
        "x:\n" + String(repeating: "- ", count: 200) + "a",
    ])
    func deepNestingIsAnErrorNotACrash(yaml: String) {
        let (_, diagnostics) = parse(.contact, "---\nname: Deep\n" + yaml + "\n---\n")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.code == .tooComplex || $0.code == .yamlSyntax }, "\(diagnostics)")
    }

    @Test func sixtyFourLevelsAreAllowed() {
        let yaml = (0..<63).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " leaf"
        let (_, diagnostics) = parse(.contact, "---\nname: Deep\n" + yaml + "\n---\n")
        #expect(diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics)")
    }

    @Test func everyDuplicateKeyIsReported() {
        let input = MarkedText(
            "---\nname: A\ntitle: a\n1️⃣title: b\nlocation: x\n2️⃣location: y\nroles:\n  - {org: A, 3️⃣org: B}\n---\n")
        let (_, diagnostics) = parse(.contact, input.text)
        #expect(diagnostics.map(\.code) == [.duplicateField, .duplicateField, .duplicateField])
        #expect(
            diagnostics.map { [$0.location.line, $0.location.column] }
                == [1, 2, 3].map { [input.location(of: $0).line, input.location(of: $0).column] })
        #expect(diagnostics.map(\.message).first == "field 'title' appears more than once; keep one")
    }

    @Test func wikiLinksOnOneLongLineAreReadInOnePassAndCapped() throws {
        // 20,000 links on one line: the first 10,000 are read, each at its own column.
        let body = String(repeating: "[[w]] ", count: 20_000)
        let (record, diagnostics) = parse(.contact, "---\nname: Links\n---\n" + body + "\n")
        guard case let .contact(contact)? = record else { throw Failure("not a contact") }
        #expect(contact.wikiLinks.count == MarkdownBody.mostWikiLinks)
        #expect(contact.wikiLinks[4_999].location.column == 4_999 * 6 + 1)
        #expect(contact.wikiLinks[4_999].location.line == 4)
        #expect(diagnostics.map(\.code) == [.tooComplex])
        #expect(diagnostics.first?.location.column == 10_000 * 6 + 1)
    }

    @Test func wikiLinkColumnsCountCharactersNotBytes() throws {
        let (record, _) = parse(.contact, "---\nname: X\n---\nÄrzte [[a]] und Öl [[b]]\n")
        guard case let .contact(contact)? = record else { throw Failure("not a contact") }
        #expect(contact.wikiLinks.map(\.location.column) == [7, 20])
    }
}

/// Files a journal's folders can hold that are not what they seem.
@Suite("Hostile files")
struct HostileFileTests {
    @Test func aFileOverTheLimitIsNotRead() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let line = String(repeating: "lorem ipsum ", count: 100) + "\n"
        try Fixtures.write(
            [
                "ties.yaml": "title: x\n", "contacts/small.md": "---\nname: Small\n---\n",
                "contacts/huge.md": "---\nname: Huge\n---\n" + String(repeating: line, count: 9 * 1024 * 1024 / line.utf8.count),
            ], under: root)
        let journal = Journal.load(from: root)
        let problem = try #require(journal.diagnostics.first { $0.location.path == "contacts/huge.md" })
        #expect(problem.code == .fileTooLarge)
        #expect(problem.message.hasPrefix("file is 8.9 MiB"))
        #expect(problem.message.contains("8 MiB"))
        #expect(journal.contacts.map(\.name) == ["Small"])
    }

    @Test func recordsThatLinkOutsideTheJournalAreSkipped() throws {
        let base = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appending(path: "journal")
        try Fixtures.write(
            [
                "journal/ties.yaml": "title: x\n", "journal/orgs/acme.md": "---\nname: Acme\n---\n",
                "secret/passwd.md": "---\nname: Root\n---\nsecret notes\n", "secret/folder/a.md": "---\nname: Hidden\n---\n",
            ], under: base)
        for folder in ["contacts", "goals"] {
            try FileManager.default.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(
            atPath: root.appending(path: "contacts/passwd.md").path,
            withDestinationPath: base.appending(path: "secret/passwd.md").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appending(path: "contacts/more").path, withDestinationPath: base.appending(path: "secret/folder").path)
        // A link to another file of the journal is the owner's own business.
        try FileManager.default.createSymbolicLink(
            atPath: root.appending(path: "goals/acme.md").path, withDestinationPath: "../orgs/acme.md")
        let journal = Journal.load(from: root)
        #expect(journal.contacts.isEmpty)
        #expect(journal.goals.count == 1)
        let outside = journal.diagnostics.filter { $0.code == .linkOutside }
        #expect(outside.map(\.location.path) == ["contacts/more", "contacts/passwd.md"])
        #expect(outside.allSatisfy { $0.severity == .warning })
    }

    @Test func fileNamesThatAreNotUTF8AreNamedEscaped() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["ties.yaml": "title: x\n", "contacts/ok.md": "---\nname: Ok\n---\n"], under: root)
        let name = Array("contacts/bad".utf8) + [0xFF, 0xFE] + Array(".md".utf8)
        let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let journal = Journal.load(from: root)
        let problem = try #require(journal.diagnostics.first { $0.code == .notUTF8 })
        #expect(problem.location.path == "contacts/bad\\xFF\\xFE.md")
        #expect(problem.message.contains("rename it"))
        #expect(journal.contacts.map(\.name) == ["Ok"])
    }

    @Test func exportsRefuseEveryFileOfTheJournal() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let journal = Journal.load(from: root)
        for path in [
            "ties.yaml", "README.md", "contacts/x.ics", "contacts/jonas-mueller.md", "theme/a.ics", "_site/a.ics", ".git/x.ics",
        ] {
            #expect(journal.refusal(toWrite: root.appending(path: path)) != nil, "\(path)")
        }
        // Through another name for the journal, too.
        let alias = root.deletingLastPathComponent().appending(path: "other-name")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: root.path)
        #expect(journal.refusal(toWrite: alias.appending(path: "ties.yaml")) != nil)
        #expect(journal.refusal(toWrite: root.appending(path: "network.ics")) == nil)
        #expect(journal.refusal(toWrite: root.deletingLastPathComponent().appending(path: "ties.yaml")) == nil)
    }
}

private struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What reaches a terminal: the characters a terminal acts on, written out.
@Suite("Terminal text")
struct TerminalTextTests {
    @Test(arguments: [
        ("Ada", "Ada"), ("Jürgen 中文", "Jürgen 中文"), ("line\nnext\ttab", "line\nnext\ttab"),
        ("\u{1B}]0;title\u{7}", "\\u{1B}]0;title\\u{7}"), ("a\u{0}b\u{7F}c", "a\\u{0}b\\u{7F}c"),
        ("\u{9B}31m", "\\u{9B}31m"), ("abc\u{202E}fed", "abc\\u{202E}fed"), ("\r", "\\u{D}"),
        ("over\rwrite", "over\\u{D}write"), ("a,b\r\nc,d\r\n", "a,b\r\nc,d\r\n"),
    ])
    func controlCharactersAreWrittenOut(text: String, shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }

    @Test func jsonKeepsBeingJSON() throws {
        let json = "{\"name\":\"a\u{9B}b\u{202E}c\u{7F}\"}\n"
        let escaped = TerminalText.escapedJSON(json)
        #expect(escaped == "{\"name\":\"a\\u009Bb\\u202Ec\\u007F\"}\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(decoded?["name"] == "a\u{9B}b\u{202E}c\u{7F}")
    }
}

extension HostileInputTests {
    /// Links in text nodes that emphasis splits, on one line: each column counted on from the
    /// last, across nodes.
    @Test func wikiLinkColumnsAcrossEmphasisOnOneLine() throws {
        let (record, _) = parse(.contact, "---\nname: X\n---\n" + String(repeating: "*a* [[w]] ", count: 3) + "\n")
        guard case let .contact(contact)? = record else { throw Failure("not a contact") }
        #expect(contact.wikiLinks.map(\.location.column) == [5, 15, 25])
    }
}
