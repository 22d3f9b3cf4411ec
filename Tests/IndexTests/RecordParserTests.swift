import Foundation
import TestSupport
import Testing

@testable import Index

/// Parses `marked` as a file of `kind` and returns its record and diagnostics.
private func parse(_ kind: RecordKind, _ text: String, slug: String = "sample") -> (AnyRecord?, [Diagnostic]) {
    let path = "\(kind.folder)/\(slug).md"
    let file = JournalFile(absolutePath: "/dev/null", path: path, kind: kind, slug: slug)
    let parsed = RecordParser.parse(text, file: file)
    return (parsed.record, parsed.diagnostics)
}

@Suite("Parsing one file")
struct RecordParserTests {
    /// Each row: a kind, a file with a marker 1️⃣ where the problem is, and the code expected there.
    @Test(arguments: [
        (RecordKind.contact, "---\nname: X\ntags: [a, b\n1️⃣---\n", Diagnostic.Code.yamlSyntax),
        (.contact, "---\n1️⃣- a\n- b\n---\n", .frontMatterNotMap),
        (.contact, "---\nname: X\nemails: 1️⃣{a: b}\n---\n", .wrongType),
        (.contact, "---\nbirthday: 1️⃣1990-02-30\n---\n", .invalidDate),
        (.contact, "---\ncadence: 1️⃣weekly\n---\n", .invalidDuration),
        (.contact, "---\nroles:\n  - {org: Acme, from: 1️⃣2019-13}\n---\n", .invalidDate),
        (.contact, "---\nroles:\n  - 1️⃣{title: CTO}\n---\n", .missingField),
        (.contact, "---\n1️⃣titel: CTO\n---\n", .unknownField),
        (.contact, "---\nname: A\n1️⃣name: B\n---\n", .duplicateField),
        (.contact, "1️⃣---\nname: A\n", .unterminatedFrontMatter),
        (.encounter, "1️⃣---\ntitle: no date\n---\n", .missingField),
        (.encounter, "---\ndate: 1️⃣2024-02-30\n---\n", .invalidDate),
        (.encounter, "---\ndate: 2024-02-03\nfollowups:\n  - {task: x, due: 1️⃣soon}\n---\n", .invalidDate),
        (.encounter, "---\ndate: 2024-02-03\nwith: 1️⃣{a: b}\n---\n", .wrongType),
        (.publication, "1️⃣---\nkind: talk\n---\n", .missingField),
        (.publication, "---\ntitle: T\nstatus: 1️⃣publshed\n---\n", .invalidValue),
        (.publication, "---\ntitle: T\naudience: 1️⃣many\n---\n", .wrongType),
        (.goal, "---\nstatus: 1️⃣done\n---\n", .invalidValue),
    ])
    func reportsProblemAtItsPlace(kind: RecordKind, marked: String, code: Diagnostic.Code) throws {
        let input = MarkedText(marked)
        let (_, diagnostics) = parse(kind, input.text)
        let diagnostic = try #require(diagnostics.first, "no diagnostic for \(marked)")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostic.code == code)
        #expect(diagnostic.location.line == input.location(of: 1).line)
        #expect(diagnostic.location.column == input.location(of: 1).column)
        #expect(diagnostic.location.path == "\(kind.folder)/sample.md")
    }

    @Test func messagesSayWhatToDo() {
        let (_, diagnostics) = parse(.publication, "---\ntitle: T\nstatus: publshed\n---\n")
        #expect(
            diagnostics.map(\.message) == [
                "'publshed' is not a valid status (did you mean 'published'?); use one of idea, draft, submitted, accepted, rejected, published"
            ])
    }

    @Test func readsEveryContactField() throws {
        let text = """
            ---
            name: Jonas Müller
            aliases: [Jonas, JM]
            emails: jonas@example.org
            phones: ["+49 170 1"]
            links: {linkedin: "https://l.example/j", web: "https://j.example"}
            location: Munich
            birthday: 05-21
            org: Acme
            title: Head of Platform
            roles:
              - {org: Nordlicht, title: Engineer, from: 2016-03, to: 2023-01}
              - {org: Acme, title: Head, from: 2023, to: present}
            met: 2016-03-01
            met_via: anna
            how_met: Same team
            circle: close
            cadence: 6w
            tags: ["#platform", connector]
            goals: [staff]
            shoe_size: 44
            ---
            Body with [[Anna]].
            """
        let (record, diagnostics) = parse(.contact, text, slug: "jonas")
        #expect(diagnostics.isEmpty)
        guard case let .contact(c) = try #require(record) else { Issue.record("not a contact"); return }
        #expect(c.name == "Jonas Müller")
        #expect(c.aliases == ["Jonas", "JM"])
        #expect(c.emails == ["jonas@example.org"])
        #expect(c.links.map(\.label) == ["linkedin", "web"])
        #expect(c.birthday?.description == "05-21")
        #expect(c.org?.text == "Acme")
        #expect(c.roles.count == 2)
        #expect(c.roles[0].to?.description == "2023-01")
        #expect(c.roles[1].isCurrent)
        #expect(c.met?.description == "2016-03-01")
        #expect(c.metVia?.text == "anna")
        #expect(c.circle?.text == "close")
        #expect(c.cadence == .every(6, .week))
        #expect(c.tags == ["platform", "connector"])
        #expect(c.extraFields.map(\.key) == ["shoe_size"])
        #expect(c.extraFields.first?.value == .text("44"))
        #expect(c.wikiLinks.map(\.text) == ["Anna"])
        #expect(c.bodyLine == 23)
    }

    @Test func obsidianStylePropertiesWork() throws {
        let text = """
            ---
            with:
              - "[[Ada Lovelace]]"
              - "[[bob|Bob]]"
            tags: "#coffee, #intro"
            ---
            """
        let (record, diagnostics) = parse(.encounter, text, slug: "2024-03-05-x")
        #expect(diagnostics.isEmpty)
        guard case let .encounter(e) = try #require(record) else { Issue.record("not an encounter"); return }
        #expect(e.with.map(\.text) == ["Ada Lovelace", "bob"])
        #expect(e.tags == ["coffee", "intro"])
    }

    @Test func nameFallsBackToHeadingThenFileName() throws {
        if case let .contact(c) = parse(.contact, "# Grace *Hopper*\n\nNotes").0 {
            #expect(c.name == "Grace Hopper")
        } else {
            Issue.record("not a contact")
        }
        if case let .contact(c) = parse(.contact, "Notes only", slug: "grace-hopper").0 {
            #expect(c.name == "grace-hopper")
        } else {
            Issue.record("not a contact")
        }
    }

    @Test func encounterDateComesFromTheFileName() throws {
        let (record, diagnostics) = parse(.encounter, "---\nwith: [Ada]\n---\n", slug: "2024/2024-03-05-coffee")
        #expect(diagnostics.isEmpty)
        guard case let .encounter(e) = try #require(record) else { Issue.record("not an encounter"); return }
        #expect(e.date.description == "2024-03-05")
        #expect(e.displayName == "encounter on 2024-03-05")
    }

    @Test func followupsAreTextsOrMaps() throws {
        let text = """
            ---
            date: 2024-03-05 14:30
            followups:
              - Send the slides
              - {task: Intro Bob to Carol, due: 2024-03-12}
              - {task: Thank-you note, due: 2w, done: true}
            ---
            """
        guard case let .encounter(e) = try #require(parse(.encounter, text).0) else { Issue.record("not an encounter"); return }
        #expect(e.followups.map(\.task) == ["Send the slides", "Intro Bob to Carol", "Thank-you note"])
        #expect(e.followups.map { $0.due?.description } == [nil, "2024-03-12", "2024-03-19"])
        #expect(e.followups.map(\.done) == [false, false, true])
        #expect(e.followups[1].location.line == 5)
    }

    @Test func valuesStayTheTextTheOwnerWrote() throws {
        // YAML 1.1 would turn these into booleans and numbers; ties keeps the words.
        guard case let .publication(p) = try #require(parse(.publication, "---\ntitle: no\nvenue: 1.10\n---\n").0)
        else { Issue.record("not a publication"); return }
        #expect(p.title == "no")
        #expect(p.venue == "1.10")
        #expect(p.status == .published)
    }

    @Test func brokenYamlDoesNotAlsoReportMissingFields() {
        let (record, diagnostics) = parse(.publication, "---\ntitle: [unclosed\n---\n")
        #expect(diagnostics.map(\.code) == [.yamlSyntax])
        #expect(record != nil)
    }

    @Test func nonUTF8IsReportedWhereItStarts() {
        let data = Data("---\nname: J".utf8) + Data([0xFC]) + Data("rgen\n---\n".utf8)
        guard case let .failure(diagnostic) = SourceText.decode(data, path: "contacts/j.md") else {
            Issue.record("decoded invalid UTF-8")
            return
        }
        #expect(diagnostic.code == .notUTF8)
        #expect(diagnostic.location == SourceLocation(path: "contacts/j.md", line: 2, column: 8))
    }

    @Test func windowsLineEndingsAndByteOrderMarkAreAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\nname: Ada\r\n---\r\nHi\r\n".utf8)
        guard case let .success(text) = SourceText.decode(data, path: "contacts/a.md") else {
            Issue.record("failed to decode")
            return
        }
        guard case let .contact(c) = try #require(parse(.contact, text).0) else { Issue.record("not a contact"); return }
        #expect(c.name == "Ada")
    }
}

extension RecordParserTests {
    /// YAML's own document end, `...`, closes a front matter as `---` does.
    @Test func frontMatterMayEndWithThreeDots() throws {
        let (record, diagnostics) = parse(.contact, "---\nname: Dot Ended\n...\n# A heading\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case let .contact(contact)? = record else {
            Issue.record("not a contact")
            return
        }
        #expect(contact.name == "Dot Ended")
        #expect(contact.bodyLine == 4)
    }
}
