import Foundation
import Support
import TestSupport
import Testing

@testable import Authoring
@testable import Index

@Suite("Adding records")
struct NewRecordTests {
    @Test(arguments: [
        "Ada Lovelace", "Jürgen Weiß", "Yes: no? [draft]", "no", "true", "123", "3.14", "- dash", "#hash", "a: b",
        "quote \"x\" \\ y",
        "trailing ", "田中 宏", "colon:end:", "2026-11-25 09:30", "@handle", "50% off", "line\nbreak",
    ])
    func valuesReadBackAsTheSameText(value: String) throws {
        var writer = FrontMatterWriter<Publication>()
        writer.field(\.title, value)
        writer.list(\.tags, [value])
        let file = JournalFile(absolutePath: "/dev/null", path: "publications/x.md", kind: .publication, slug: "x")
        let parsed = RecordParser.parse(writer.file(body: "\n"), file: file)
        let (record, diagnostics) = (parsed.record, parsed.diagnostics)
        #expect(diagnostics.isEmpty, "\(writer.text)")
        guard case let .publication(publication)? = record else { Issue.record("no publication"); return }
        #expect(publication.title == value.trimmed, "\(writer.text)")
    }

    @Test func plainWhereYAMLAllowsIt() {
        #expect(YAMLScalar.text("Jonas Müller") == "Jonas Müller")
        #expect(YAMLScalar.text("2026-11-25 09:30") == "2026-11-25 09:30")
        #expect(YAMLScalar.text("no") == "\"no\"")
        #expect(YAMLScalar.text("a: b") == "\"a: b\"")
    }

    @Test func createsUniqueFilesAndRefusesUnknownNames() throws {
        let root = try Fixtures.copy(Fixtures.journal("linked"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let journal = Journal.load(from: root)
        // A second "Ada Lovelace" would make every reference by that name ambiguous.
        do {
            _ = try journal.create(
                NewRecord(
                    .contact(
                        name: "ada lovelace", org: nil, title: nil, circle: nil, via: nil, met: nil,
                        emails: [])))
            Issue.record("created a second Ada Lovelace")
        } catch {
            #expect(error.description.hasPrefix("a contact called 'ada lovelace' exists already (contacts/ada.md)"))
        }
        let first = try journal.create(
            NewRecord(
                .contact(
                    name: "Ada Byron", org: nil, title: nil, circle: "close", via: "charles",
                    met: Day("2026-01-02"), emails: ["ada@example.org"])))
        #expect(first == "contacts/ada-byron.md")
        #expect(
            try String(contentsOf: root.appending(path: first), encoding: .utf8)
                == "---\nname: Ada Byron\nemails: [ada@example.org]\nmet: 2026-01-02\nmet_via: Charles Babbage\ncircle: close\n---\n\n"
        )
        // A slug the journal already has (ada.md has the name Ada Lovelace, but its slug is "ada").
        let encounter = try journal.create(
            NewRecord(
                .encounter(
                    with: ["countess", "Grace Hopper"], kind: "coffee",
                    date: try #require(Moment("2024-03-01")), title: nil)))
        #expect(encounter == "encounters/2024/2024-03-01-coffee-ada-grace.md")
        let text = try String(contentsOf: root.appending(path: encounter), encoding: .utf8)
        #expect(text == "---\ndate: 2024-03-01\nkind: coffee\nwith: [Ada Lovelace, Grace Hopper]\n---\n\n")
        let again = Journal.load(from: root)
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
        // The same day, kind and people again: the file name gets a number.
        let second = try again.create(
            NewRecord(
                .encounter(
                    with: ["ada", "grace"], kind: "coffee",
                    date: try #require(Moment("2024-03-01")), title: nil)))
        #expect(second == "encounters/2024/2024-03-01-coffee-ada-grace-2.md")

        #expect(throws: NewRecord.Refusal.self) {
            try journal.create(
                NewRecord(.encounter(with: ["Grace Hoper"], kind: nil, date: Moment(day: Day(dayNumber: 0)), title: nil)))
        }
        do {
            _ = try journal.create(
                NewRecord(.contact(name: "X", org: nil, title: nil, circle: "clos", via: nil, met: nil, emails: [])))
        } catch {
            #expect(error.description == "unknown circle 'clos' (did you mean 'close'?); circles: close")
        }
    }

    @Test func aFileTheJournalDidNotLoadIsNeverOverwritten() throws {
        let root = try Fixtures.copy(Fixtures.journal("linked"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let journal = Journal.load(from: root)
        // Made after loading, as an editor or a sync might.
        try Data("mine".utf8).write(to: root.appending(path: "goals/learn-go.md"))
        let path = try journal.create(NewRecord(.goal(title: "Learn Go", due: nil)))
        #expect(path == "goals/learn-go-2.md")
        #expect(try String(contentsOf: root.appending(path: "goals/learn-go.md"), encoding: .utf8) == "mine")
    }
}
