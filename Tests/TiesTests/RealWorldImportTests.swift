import Foundation
import Index
import TestSupport
import Testing

/// Every export file of `../shared/realworld/` (LinkedIn, Google, vCard and iCalendar files from
/// other projects' test suites, listed in its PROVENANCE.md) imported with the built `ties`,
/// as a person would: it is read, or refused with a located reason; `ties check` finds nothing
/// wrong afterwards; a second import changes nothing; and what a reference parser reads in it
/// (Python's csv, vobject, icalendar) is what the journal holds.
@Suite("The real-world export files")
struct RealWorldImportTests {
    struct ExportFile: CustomTestStringConvertible, Sendable {
        var kind: String
        var url: URL
        var testDescription: String { "\(kind)/\(url.lastPathComponent)" }
    }

    /// `$TIES_REALWORLD`, else `shared/realworld` beside the repository or a folder above it.
    static let folder: URL? = {
        if let given = ProcessInfo.processInfo.environment["TIES_REALWORLD"] { return URL(fileURLWithPath: given) }
        var folder = Fixtures.repository
        while folder.path != "/" {
            let candidate = folder.appending(path: "shared/realworld")
            if FileManager.default.fileExists(atPath: candidate.appending(path: "PROVENANCE.md").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static let files: [ExportFile] = {
        guard let folder else { return [] }
        return ["linkedin", "google", "vcard", "ics"].flatMap { kind in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appending(path: kind).path)) ?? []
            return names.sorted().map { ExportFile(kind: kind, url: folder.appending(path: "\(kind)/\($0)")) }
        }
    }()

    static let today = "2026-12-07"
    static let reference = Fixtures.repository.appending(path: "Tests/TestSupport/Reference/read_export.py").path

    @Test func theCorpusIsThere() {
        guard Self.folder != nil else {
            print("RealWorldImportTests: skipped, ../shared/realworld/ is missing (set TIES_REALWORLD to its folder)")
            return
        }
        #expect(Self.files.count >= 80, "\(Self.files.count) files")
    }

    @Test(arguments: files)
    func isReadCheckedAndReadAgainAsAReferenceParserReadsIt(file: ExportFile) throws {
        let root = try Fixtures.temporaryFolder("realworld")
        defer { try? FileManager.default.removeItem(at: root) }
        let referenceText = try #require(
            try Python.run(
                "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                arguments: [Self.reference, file.kind, file.url.path, Self.today],
                needing: file.kind == "ics" ? "icalendar" : "vobject"
            )?.output, "Debian's python3 with vobject and icalendar (make test-deps)")
        let reference = try JSONSerialization.jsonObject(with: Data(referenceText.utf8))
        var files = ["ties.yaml": "title: Real world\ntimezone: UTC\n"]
        // A calendar's events become encounters with the people the journal knows: know them all.
        if let events = reference as? [[String: Any]], file.kind == "ics" {
            let emails = Set(events.flatMap { ($0["attendees"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String } })
            for (index, email) in emails.sorted().enumerated() {
                files["contacts/person-\(index).md"] = "---\nname: Person \(index)\nemails: [\"\(email)\"]\n---\n"
            }
        }
        try Fixtures.write(files, under: root)

        let arguments = ["import", file.kind, file.url.path, "--journal", root.path, "--today", Self.today, "--format", "json"]
        let first = try TiesBinary.run(arguments, timeLimit: 120)
        #expect(first.exited && !first.timedOut)
        if first.status != 0 {
            #expect(first.status == 1)
            #expect(
                first.stderr.contains("\(file.url.path):") && first.stderr.contains(": error: "),
                "refused without a located reason: \(first.stderr)")
            return
        }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])

        let check = try TiesBinary.run(["check", "--journal", root.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let problems = (check.stdout + check.stderr).split(separator: "\n").filter {
            ($0.contains(": warning: ") || $0.contains(": error: ")) && !$0.contains("[empty-journal]")
        }
        #expect(problems.isEmpty, "ties check after the import:\n\(problems.joined(separator: "\n"))")

        let second = try TiesBinary.run(arguments)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect((again["created"] as? [Any])?.isEmpty == true, "a second import creates nothing: \(second.stdout)")
        #expect((again["updated"] as? [Any])?.isEmpty == true, "a second import changes nothing: \(second.stdout)")

        let journal = Journal.load(from: root)
        if let unreadable = (reference as? [String: Any])?["unreadable"] {
            print(
                "RealWorldImportTests: \(file.testDescription): the reference parser cannot read it (\(unreadable)); nothing compared"
            )
        } else if file.kind == "ics" {
            Self.compareEvents(try #require(reference as? [[String: Any]]), journal, file)
        } else {
            Self.comparePeople(try #require(reference as? [[String: Any]]), journal, report: first.stdout, file)
        }
    }

    /// Each person the reference reads is a contact with their emails, phones, org, links,
    /// birthday and categories (as tags), or the report says what became of a value.
    static func comparePeople(_ people: [[String: Any]], _ journal: Journal, report: String, _ file: ExportFile) {
        #expect(people.isEmpty || !journal.contacts.isEmpty, "\(file.testDescription): no contact from \(people.count) people")
        for person in people {
            let name = person["name"] as? String ?? ""
            let emails = (person["emails"] as? [String] ?? []).map { $0.lowercased() }
            let contact =
                journal.contacts.first { contact in
                    !Set(contact.emails.map { $0.lowercased() }).isDisjoint(with: emails)
                }
                ?? journal.contacts.first { contact in
                    ([contact.name] + contact.aliases).contains { PersonName.identityKey($0) == PersonName.identityKey(name) }
                }
            guard let contact else {
                Issue.record("\(file.testDescription): \(name) is in no contact")
                continue
            }
            let place = "\(file.testDescription): \(name)"
            let known = Set(contact.emails.map { $0.lowercased() })
            #expect(emails.allSatisfy(known.contains), "\(place): emails \(emails) in \(contact.emails)")
            let digits = Set(contact.phones.map { $0.filter(\.isNumber) })
            for phone in person["phones"] as? [String] ?? [] where !phone.filter(\.isNumber).isEmpty {
                #expect(digits.contains(phone.filter(\.isNumber)), "\(place): phone \(phone) in \(contact.phones)")
            }
            if let org = person["org"] as? String {
                // vobject splits `ORG:Company, The` at its unescaped comma; ties keeps the name whole.
                #expect(
                    contact.org?.text == org || contact.org?.text.hasPrefix(org + ",") == true || report.contains(org),
                    "\(place): org \(org), journal \(contact.org?.text ?? "none")")
            }
            for link in person["links"] as? [String] ?? [] {
                #expect(contact.links.contains { $0.url == link }, "\(place): link \(link) in \(contact.links)")
            }
            let tags = Set(contact.tags.map { $0.lowercased() })
            for category in person["categories"] as? [String] ?? [] {
                // vobject keeps the backslash of an escape RFC 6350 does not have (`\'`); ties drops it.
                let tag = category.split(whereSeparator: { $0.isWhitespace || $0 == "," }).joined(separator: "-").lowercased()
                    .trimmingCharacters(in: CharacterSet(charactersIn: "#")).replacingOccurrences(of: "\\", with: "")
                #expect(tags.contains(tag), "\(place): category \(category) as a tag in \(contact.tags)")
            }
            if let birthday = person["birthday"] as? String {
                let expected = Self.birthday(birthday)
                if let expected {
                    #expect(contact.birthday?.description == expected, "\(place): birthday \(birthday)")
                } else {
                    #expect(contact.birthday == nil && report.contains(birthday), "\(place): birthday \(birthday) reported")
                }
            }
        }
    }

    /// A birthday as the journal writes it: `YYYY-MM-DD`, or `MM-DD` without a year (written
    /// `--MMDD`, or in the year 1604 that CardBook and Apple write for none).
    static func birthday(_ text: String) -> String? {
        let date = text.split(separator: "T").first.map(String.init) ?? text
        let digits = date.filter(\.isNumber)
        if date.hasPrefix("--"), digits.count == 4 { return "\(digits.prefix(2))-\(digits.suffix(2))" }
        guard digits.count == 8, date.allSatisfy({ $0.isNumber || $0 == "-" }) else { return nil }
        let year = digits.prefix(4)
        let rest = "\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
        return year == "1604" ? rest : "\(year)-\(rest)"
    }

    /// Each past, single, not cancelled event with someone who did not decline is one
    /// encounter on its day, found by its UID.
    static func compareEvents(_ events: [[String: Any]], _ journal: Journal, _ file: ExportFile) {
        var expected: [String: String] = [:]
        for event in events {
            guard let uid = event["uid"] as? String, let day = event["day"] as? String, day < Self.today,
                event["repeats"] as? Bool == false, event["cancelled"] as? Bool == false,
                (event["attendees"] as? [[String: Any]] ?? []).contains(where: { $0["declined"] as? Bool == false })
            else { continue }
            if expected[uid] == nil { expected[uid] = day }
        }
        let byUID = Dictionary(journal.encounters.compactMap { encounter in encounter.uid.map { ($0, encounter) } }) { first, _ in
            first
        }
        for (uid, day) in expected.sorted(by: { $0.key < $1.key }) {
            guard let encounter = byUID[uid] else {
                Issue.record("\(file.testDescription): the event \(uid) on \(day) is no encounter")
                continue
            }
            #expect(encounter.date.day.description == day, "\(file.testDescription): \(uid) on \(encounter.date.day), not \(day)")
        }
    }
}
