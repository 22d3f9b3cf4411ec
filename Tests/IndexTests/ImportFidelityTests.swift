import Foundation
import Support
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// Every value of an import file reaches the journal or the report; names match as the name
/// resolver reads them; job changes go forward only.
@Suite("Imports keep what the file said")
struct ImportFidelityTests {
    static let today = Day("2026-12-07")!

    static func journal(_ files: [String: String]) throws -> URL {
        let root = try Fixtures.temporaryFolder("fidelity")
        try Fixtures.write(["ties.yaml": "title: T\n"].merging(files) { $1 }, under: root)
        return root
    }

    static func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    /// Plans, applies, and plans the same file again, which must change nothing.
    @discardableResult
    static func importTwice(_ file: ImportFile, into root: URL, jobChanges: Bool = false) throws -> ImportReport {
        let plan = Journal.load(from: root).planImport(file, today: today, jobChanges: jobChanges)
        try plan.apply()
        let again = Journal.load(from: root).planImport(file, today: today, jobChanges: jobChanges)
        #expect(again.report.created.isEmpty && again.report.updated.isEmpty, "a second import changes nothing: \(again.report)")
        let journal = Journal.load(from: root)
        #expect(journal.errors.isEmpty, "\(journal.errors)")
        return plan.report
    }

    @Test func aFileSavedMeanwhileIsNotWrittenOver() throws {
        let root = try Self.journal(["contacts/ada.md": "---\nname: Ada Lovelace\n---\n"])
        var row = ImportedPerson(line: 2, name: "Ada Lovelace")
        row.emails = ["ada@example.org"]
        var newcomer = ImportedPerson(line: 3, name: "Bob New")
        newcomer.emails = ["bob@example.org"]
        let plan = Journal.load(from: root).planImport(ImportFile(people: [row, newcomer]), today: Self.today)
        try Data("---\nname: Ada Lovelace\ntitle: saved in an editor meanwhile\n---\n".utf8)
            .write(to: root.appending(path: "contacts/ada.md"))
        #expect(throws: AtomicFile.Failure.self) { try plan.apply() }
        #expect(try Self.text(root, "contacts/ada.md").contains("saved in an editor meanwhile"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "contacts/bob-new.md").path), "all or nothing")
    }

    // MARK: Google

    @Test func aKnownContactGainsTheNotesAndLabelsOfItsRowOnce() throws {
        let root = try Self.journal(["contacts/ada.md": "---\nname: Ada Lovelace\ntags: [math]\n---\nMet at the Royal Society.\n"]
        )
        let csv = """
            First Name,Last Name,Notes,Labels,E-mail 1 - Value
            Ada,Lovelace,"Wants an intro to Babbage.
            Second line.",* myContacts ::: Mentors ::: Travel Agent ::: math,ada@example.org

            """
        let file = try GoogleContacts.read(csv, path: "google.csv")
        let report = try Self.importTwice(file, into: root)
        #expect(report.updated.first?.fields == ["emails", "tags", "notes"])
        #expect(
            try Self.text(root, "contacts/ada.md")
                == "---\nname: Ada Lovelace\ntags: [math, Mentors, Travel-Agent]\nemails: [ada@example.org]\n---\nMet at the Royal Society.\n\nWants an intro to Babbage.\nSecond line.\n"
        )
    }

    @Test func twoRowsOfOneNewPersonKeepBothEmails() throws {
        let root = try Self.journal([:])
        let csv = """
            First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization Name
            Mia,Wong,mia@example.org,,Acme
            Mia,Wong,mia.wong@work.example,+49 30 1234,Globex

            """
        let report = try Self.importTwice(try GoogleContacts.read(csv, path: "g.csv"), into: root)
        #expect(report.created.map(\.file) == ["contacts/mia-wong.md"])
        let mia = try Self.text(root, "contacts/mia-wong.md")
        #expect(mia.contains("emails: [mia@example.org, mia.wong@work.example]") && mia.contains("phones: [+49 30 1234]"))
        #expect(mia.contains("org: Acme"))
        #expect(report.differences.map { "\($0.field) \($0.journal) \($0.imported)" } == ["org Acme Globex"])
    }

    @Test func eachReaderRefusesTheOthersFormat() throws {
        let linkedIn =
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,L,https://linkedin.com/in/ada,,X,Y,01 Jan 2024\n"
        #expect(throws: ImportFormatError.self) { try GoogleContacts.read(linkedIn, path: "c.csv") }
        do {
            _ = try GoogleContacts.read(linkedIn, path: "c.csv")
        } catch {
            #expect(
                error.description
                    == "c.csv:1:1: error: not a Google Contacts export but a LinkedIn one (it has a column 'Connected On'); use 'ties import linkedin'"
            )
        }
        let google = "First Name,Middle Name,Last Name,E-mail 1 - Value,URL\nAda,,L,a@b.c,x\n"
        #expect(throws: ImportFormatError.self) { try LinkedInConnections.read(google, path: "g.csv") }
        #expect(throws: ImportFormatError.self) { try GoogleContacts.read("First Name,Last Name\nAda,L\n", path: "x.csv") }
        #expect(throws: ImportFormatError.self) { try VCardReader.read(google, path: "g.vcf") }
    }

    // MARK: vCard

    @Test func linksCategoriesAndBirthdaysAsTheCardMeantThem() throws {
        let root = try Self.journal([:])
        let vcf = """
            BEGIN:VCARD\r\r
            VERSION:3.0\r\r
            FN:Tom Travel\r\r
            URL:http://tom.example\r\r
            URL:http://blog.tom.example\r\r
            CATEGORIES:TRAVEL AGENT,VIP\r\r
            BDAY:16040101\r\r
            NOTE:Knows every hotel.\r\r
            END:VCARD\r\r

            """
        let file = try VCardReader.read(vcf, path: "tom.vcf")
        #expect(file.people.count == 1, "CR CR LF line ends, as iOS 5 wrote them")
        let tom = try #require(file.people.first)
        #expect(tom.links.map(\.label) == ["web", "web-2"])
        #expect(tom.tags == ["TRAVEL-AGENT", "VIP"])
        #expect(tom.birthday?.description == "01-01", "1604 is CardBook's and Apple's year for none")
        try Self.importTwice(file, into: root)
        let journal = Journal.load(from: root)
        let contact = try #require(journal.contacts.first)
        #expect(contact.tags == ["TRAVEL-AGENT", "VIP"])
        #expect(contact.links.count == 2)
        let card = VCardWriter().text(of: [contact])
        #expect(card.contains("CATEGORIES:TRAVEL-AGENT,VIP\r\n"), "\(card)")
    }

    @Test func aValueTheCardHasTwiceOrCannotBeReadIsReported() throws {
        let vcf = "BEGIN:VCARD\nVERSION:4.0\nFN:Ann Two\nORG:First\nORG:Second\nBDAY;VALUE=text:circa 1800\nGENDER:F\nEND:VCARD\n"
        let ann = try #require(try VCardReader.read(vcf, path: "a.vcf").people.first)
        #expect(ann.org == "First")
        #expect(
            ann.remarks == [
                "a second org 'Second' left out (kept 'First')", "birthday 'circa 1800' is not a date ties reads; left out",
            ])
    }

    // MARK: LinkedIn

    @Test func datesAsSpreadsheetsWriteThemAndDecoratedNames() throws {
        let csv = """
            First Name,Last Name,Email Address,Company,Position,Connected On,URL
            Patrick,"Huber, MBA",,Acme,CFO,15-Jan-24,https://linkedin.com/in/phuber
            Sandra,Keller 🚀,,Globex,CTO,sometime,https://linkedin.com/in/skeller
            Ana,Ruiz,,Initech,CEO,"Jan 5, 2023",https://linkedin.com/in/aruiz

            """
        let file = try LinkedInConnections.read(csv, path: "c.csv")
        #expect(file.people.map(\.name) == ["Patrick Huber", "Sandra Keller", "Ana Ruiz"])
        #expect(file.people.map { $0.met?.description } == ["2024-01-15", nil, "2023-01-05"])
        #expect(file.people[0].remarks == ["name 'Patrick Huber, MBA' imported as 'Patrick Huber'"])
        #expect(file.people[1].remarks.contains("Connected On 'sometime' is not a date ties reads; left out"))
        let root = try Self.journal([:])
        let report = try Self.importTwice(file, into: root)
        #expect(report.notes.count == 3, "\(report.notes)")
    }

    // MARK: Identity

    @Test(arguments: [
        ("Juergen Weiss", "Jürgen Weiß"), ("Lukasz Wojcik", "Łukasz Wójcik"), ("Dr. Christine Bauer", "Christine Bauer"),
        ("Priya K. Raman", "Priya Raman"), ("Lisa Berger 🌱", "Lisa Berger"), ("Patrick Huber, MBA", "Patrick Huber"),
        ("SANDRA  keller", "Sandra Keller"),
    ])
    func anImportedNameMatchesTheContactAsTheResolverWould(imported: String, known: String) throws {
        let root = try Self.journal(["contacts/known.md": "---\nname: \(known)\n---\n"])
        var row = ImportedPerson(line: 2, name: imported)
        row.takeName(imported)
        row.emails = ["new@example.org"]
        let report = try Self.importTwice(ImportFile(people: [row]), into: root)
        #expect(report.created.isEmpty, "\(imported) is \(known)")
        #expect(report.updated.map(\.file) == ["contacts/known.md"])
        #expect(PersonName.identityKey(imported) == PersonName.identityKey(known))
    }

    @Test func differentPeopleStayApart() {
        #expect(PersonName.identityKey("Jack Ma") != PersonName.identityKey("Jack"))
        #expect(PersonName.identityKey("Anna Schmidt") != PersonName.identityKey("Anna Schmitt"))
        #expect(PersonName.identityKey("John Doe Sr.") != PersonName.identityKey("John Doe Jr."))
    }

    @Test func aRowMatchingTwoPeopleIsSkippedUnlessTheOrgTellsThemApart() throws {
        let root = try Self.journal([
            "contacts/sam-a.md": "---\nname: Sam Lee\norg: Acme\n---\n",
            "contacts/sam-b.md": "---\nname: Sam Lee\nroles: [{org: Globex, from: 2020}]\n---\n",
        ])
        var atGlobex = ImportedPerson(line: 2, name: "Sam Lee")
        atGlobex.org = "Globex"
        atGlobex.emails = ["sam@globex.example"]
        var unknown = ImportedPerson(line: 3, name: "Sam Lee")
        unknown.org = "Initech"
        let plan = Journal.load(from: root).planImport(ImportFile(people: [atGlobex, unknown]), today: Self.today)
        #expect(plan.report.updated.map(\.file) == ["contacts/sam-b.md"])
        #expect(plan.report.skipped.map(\.line) == [3])
        let reason = try #require(plan.report.skipped.first?.reason)
        #expect(reason.contains("contacts/sam-a.md and contacts/sam-b.md") && !reason.hasSuffix("merge them first"))
    }

    @Test func aNewContactMayNotBeAnotherSpellingOfAKnownOne() throws {
        let root = try Self.journal(["contacts/jonas.md": "---\nname: Jonas Müller\n---\n"])
        let journal = Journal.load(from: root)
        #expect(throws: NewRecord.Refusal.self) {
            try journal.create(
                NewRecord(.contact(name: "Jonas Mueller", org: nil, title: nil, circle: nil, via: nil, met: nil, emails: [])))
        }
    }

    @Test func checkWarnsOfOneNameWrittenTwoWays() throws {
        let root = try Self.journal([
            "contacts/juergen.md": "---\nname: Jürgen Weiß\n---\n", "contacts/jw.md": "---\nname: Juergen Weiss\n---\n",
            "contacts/a.md": "---\nname: Ana Ruiz\nlinks: {linkedin: https://linkedin.com/in/ana1}\n---\n",
            "contacts/b.md": "---\nname: Ana Ruiz\nlinks: {linkedin: https://linkedin.com/in/ana2}\n---\n",
        ])
        let warnings = Journal.load(from: root).diagnostics.filter { $0.code == .possibleDuplicate }
        #expect(warnings.map(\.location.path) == ["contacts/jw.md"], "two profiles are two people: \(warnings)")
    }

    // MARK: Job changes

    @Test func aJobInRolesIsClosedAndANewOneOpenedWithoutStrayKeys() throws {
        let root = try Self.journal([
            "contacts/kim.md": "---\nname: Kim Park\nroles:\n  - org: Acme\n    title: Engineer\n    from: 2020-01\n---\n"
        ])
        var row = ImportedPerson(line: 2, name: "Kim Park")
        row.org = "Globex"
        row.title = "CTO"
        row.isProfessionalProfile = true
        let report = try Self.importTwice(ImportFile(people: [row]), into: root)
        #expect(report.updated.first?.jobChange == "Acme (Engineer) → Globex (CTO)")
        #expect(
            try Self.text(root, "contacts/kim.md")
                == "---\nname: Kim Park\nroles:\n  - org: Acme\n    title: Engineer\n    from: 2020-01\n    to: 2026-12-07\n  - {org: Globex, title: CTO, from: 2026-12-07}\n---\n"
        )
    }

    @Test func anAddressBookReportsAnotherJobAndAnOlderFileRecordsNothingBackwards() throws {
        let root = try Self.journal([
            "contacts/kim.md":
                "---\nname: Kim Park\norg: Globex\ntitle: CTO\nroles:\n  - {org: Acme, title: Engineer, to: 2025-06}\n  - {org: Globex, title: CTO, from: 2025-07}\n---\n"
        ])
        let before = try Self.text(root, "contacts/kim.md")
        var addressBook = ImportedPerson(line: 2, name: "Kim Park")
        addressBook.org = "Initech"
        let fromGoogle = try Self.importTwice(ImportFile(people: [addressBook]), into: root)
        #expect(fromGoogle.differences.map(\.field) == ["job"])
        var older = ImportedPerson(line: 2, name: "Kim Park")
        older.org = "Acme"
        older.title = "Engineer"
        older.isProfessionalProfile = true
        let fromOldLinkedIn = try Self.importTwice(ImportFile(people: [older]), into: root)
        #expect(fromOldLinkedIn.differences.first?.imported.contains("a job the journal has as ended") == true)
        #expect(try Self.text(root, "contacts/kim.md") == before)
        // Asked for, an address book's job is a job change.
        let asked = try Self.importTwice(ImportFile(people: [addressBook]), into: root, jobChanges: true)
        #expect(asked.updated.first?.jobChange == "Globex (CTO) → Initech")
    }

    @Test func twoCardsOfOnePersonDoNotFlipBetweenTheirTitles() throws {
        let root = try Self.journal(["contacts/kim.md": "---\nname: Kim Park\norg: Acme\ntitle: Engineer\n---\n"])
        var first = ImportedPerson(line: 2, name: "Kim Park")
        first.org = "Acme"
        first.title = "Lead"
        var second = first
        second.line = 9
        second.title = "Manager"
        let file = ImportFile(people: [first, second])
        for _ in 0..<3 {
            let plan = Journal.load(from: root).planImport(file, today: Self.today, jobChanges: true)
            try plan.apply()
        }
        let kim = try Self.text(root, "contacts/kim.md")
        #expect(kim.components(separatedBy: "from: 2026-12-07").count == 2, "one new role, not one per run:\n\(kim)")
        #expect(
            !kim.contains("from: 2026-12-07, to: 2026-12-07") && !kim.contains("to: 2026-12-07}\n  - {org: Acme, title: Manager"))
    }
}

@Suite("Calendars as the calendar meant")
struct CalendarFidelityTests {
    static func events(_ body: String, zone: String = "Europe/Berlin") throws -> (events: [CalendarEvent], skipped: [ImportSkip])
    {
        try CalendarReader.readAll("BEGIN:VCALENDAR\nVERSION:2.0\n" + body + "END:VCALENDAR\n", path: "c.ics", timeZone: zone)
    }

    static func days(
        _ rule: String, start: String = "DTSTART:20250106T090000Z", through: String = "2025-12-31"
    ) throws -> [String]? {
        let event = try #require(try events("BEGIN:VEVENT\nUID:x\n\(start)\n\(rule)\nEND:VEVENT\n").events.first)
        return event.occurrences(since: nil, through: try #require(Day(through)))?.map(\.description)
    }

    @Test(arguments: [
        ("RRULE:FREQ=MONTHLY;BYDAY=1TH;COUNT=3", ["2025-02-06", "2025-03-06", "2025-04-03"]),
        ("RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2", ["2025-01-31", "2025-02-28"]),
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", ["2025-01-31", "2025-02-28", "2025-03-31"]),
        ("RRULE:FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=4", ["2025-01-15", "2025-01-30", "2025-02-15", "2025-03-15"]),
        ("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=1", ["2025-11-27"]),
        ("RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2MO;UNTIL=20250601", ["2025-01-13", "2025-03-10", "2025-05-12"]),
        (
            "RRULE:FREQ=WEEKLY;COUNT=2\nRRULE:FREQ=MONTHLY;BYMONTHDAY=20;COUNT=1\nRDATE;VALUE=DATE:20250301,20250302\nEXDATE:20250113T090000Z",
            ["2025-01-06", "2025-01-20", "2025-03-01", "2025-03-02"]
        ),
    ])
    func rulesWithOrdinalsMonthDaysSeveralRulesAndExtraDates(rule: String, days: [String]) throws {
        #expect(try Self.days(rule) == days)
    }

    @Test func untilIsATimeComparedWithTheStartsTime() throws {
        // 20:00 in New York is 00:00 UTC the next day: UNTIL 2025-10-09T00:00Z is the 8th's meeting.
        let days = try Self.days(
            "RRULE:FREQ=DAILY;UNTIL=20251009T000000Z", start: "DTSTART;TZID=America/New_York:20251006T200000")
        #expect(days == ["2025-10-06", "2025-10-07", "2025-10-08"])
    }

    @Test func hugeNumbersInARuleAreARuleNotFollowed() throws {
        for rule in [
            "FREQ=WEEKLY;INTERVAL=9223372036854775807", "FREQ=YEARLY;INTERVAL=9223372036854775807",
            "FREQ=DAILY;COUNT=99999999999999999999",
        ] {
            #expect(try Self.days("RRULE:" + rule) == nil, "\(rule)")
        }
        #expect(try Self.days("RRULE:FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO") == nil)
    }

    @Test func attendeesAsCalendarsWriteThemAndWhoDeclined() throws {
        let root = try ImportFidelityTests.journal([
            "contacts/ada.md": "---\nname: Ada\nemails: [ada@example.org]\n---\n",
            "contacts/bob.md": "---\nname: Bob\nemails: [bob@example.org]\n---\n",
            "contacts/cy.md": "---\nname: Cy\nemails: [cy@example.org]\n---\n",
        ])
        let (events, skipped) = try Self.events(
            """
            BEGIN:VEVENT
            UID:a
            DTSTART:20251103T100000Z
            SUMMARY:Planning
            ORGANIZER;CN=Ada:"mailto:ada@example.org"
            ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.org
            ATTENDEE;EMAIL=cy@example.org;CN=Cy:urn:uuid:1234
            ATTENDEE;CN="Dana Stranger";PARTSTAT=ACCEPTED:mailto:dana@elsewhere.example
            END:VEVENT
            BEGIN:VEVENT
            UID:b
            SUMMARY:No start
            ATTENDEE:mailto:ada@example.org
            END:VEVENT

            """)
        #expect(skipped == [ImportSkip(line: 12, reason: "an event 'No start' without a start (DTSTART) ties can read")])
        let plan = Journal.load(from: root).planCalendarImport(events, skipped: skipped, today: ImportFidelityTests.today)
        #expect(plan.report.skipped.map(\.line) == [12])
        #expect(
            plan.report.unknownAttendees == [
                ImportReport.Attendee(name: "Dana Stranger", email: "dana@elsewhere.example", events: 1)
            ])
        try plan.apply()
        let encounter = try #require(Journal.load(from: root).encounters.first)
        #expect(encounter.with.map(\.text) == ["Ada", "Cy"], "Bob declined")
    }
}

@Suite("Imports write only what ties reads back, once")
struct ImportReadBackTests {
    @Test func charactersYAMLForbidsLongLabelsAndHugeNotes() throws {
        let root = try ImportFidelityTests.journal([:])
        let label = String(repeating: "l", count: 1_500)
        let note = String(repeating: "n", count: 10 << 20)
        let vcf =
            "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\u{FFFE}a\u{FFFF} Lee\nitem1.URL:https://ann.example\nitem1.X-ABLabel:\(label)\nNOTE:\(note)\nORG:\u{FEFF}Acme\nEND:VCARD\n"
        let file = try VCardReader.read(vcf, path: "a.vcf")
        let report = try ImportFidelityTests.importTwice(file, into: root)
        #expect(report.created.map(\.name) == ["Anna Lee"])
        let journal = Journal.load(from: root)
        let ann = try #require(journal.contacts.first)
        #expect(ann.org?.text == "Acme" && ann.links.first?.label.count ?? 0 <= 64)
        #expect(report.notes.contains { $0.reason.contains("notes is longer than ties keeps") }, "\(report.notes)")
    }

    /// Each value is capped, but a person may have thousands: a file larger than ties reads
    /// is never written, new or updated, and the report says whom it left out.
    @Test func aContactFileTiesCouldNotReadIsNeverWritten() throws {
        let root = try ImportFidelityTests.journal(["contacts/kim.md": "---\nname: Kim Park\n---\nNotes.\n"])
        func person(_ name: String, line: Int) -> ImportedPerson {
            var person = ImportedPerson(line: line, name: name)
            let long = String(repeating: "a", count: 4_000)
            person.emails = (0..<1_000).map { "\(long)\($0)@\(line).example.org" }
            person.phones = (0..<1_000).map { "+49 \(long)\($0)\(line)" }
            person.links = (0..<1_000).map { Contact.Link(label: "web-\($0)", url: "https://\(long).example/\($0)/\(line)") }
            return person
        }
        let plan = Journal.load(from: root).planImport(
            ImportFile(people: [person("Big Person", line: 2), person("Kim Park", line: 3)]), today: ImportFidelityTests.today)
        #expect(plan.report.created.isEmpty && plan.report.updated.isEmpty)
        #expect(plan.report.skipped.map(\.line) == [2, 3])
        #expect(plan.report.skipped.allSatisfy { $0.reason.contains("more than ties reads in a record (8 MiB)") })
        try plan.apply()
        #expect(try ImportFidelityTests.text(root, "contacts/kim.md") == "---\nname: Kim Park\n---\nNotes.\n")
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "contacts/big-person.md").path))
    }

    @Test func anInvisibleByteOrderMarkIsNoJobChange() throws {
        let root = try ImportFidelityTests.journal(["contacts/kim.md": "---\nname: Kim Park\norg: Acme\ntitle: CTO\n---\n"])
        let csv =
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nKim,Park,https://linkedin.com/in/kim,,\u{FEFF}Acme,\u{FEFF}CTO,01 Jan 2024\n"
        let report = try ImportFidelityTests.importTwice(try LinkedInConnections.read(csv, path: "c.csv"), into: root)
        #expect(report.updated.first?.jobChange == nil)
    }

    @Test func aNameThatIsOnlyALineBreakIsNoName() throws {
        let vcf = "BEGIN:VCARD\nVERSION:3.0\nFN:\\n\nEMAIL:x@example.org\nEND:VCARD\n"
        let file = try VCardReader.read(vcf, path: "a.vcf")
        #expect(file.people.isEmpty && file.skipped.count == 1)
    }

    @Test func aCardWithoutItsEndIsReadAndSaidSo() throws {
        let file = try VCardReader.read("BEGIN:VCARD\nVERSION:3.0\nFN:Cut Short\nEMAIL:cut@example.org\n", path: "a.vcf")
        #expect(file.people.map(\.name) == ["Cut Short"])
        #expect(file.people.first?.remarks == ["its card has no END:VCARD; read to the end of the file"])
    }

    @Test func anEventWithAnEmptyUIDIsImportedOnce() throws {
        let root = try ImportFidelityTests.journal(["contacts/ada.md": "---\nname: Ada\nemails: [ada@example.org]\n---\n"])
        let ics =
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:\nDTSTART:20251103T100000Z\nSUMMARY:Tea\nATTENDEE:mailto:ada@example.org\nEND:VEVENT\nEND:VCALENDAR\n"
        for round in 0..<2 {
            let (events, skipped) = try CalendarReader.readAll(ics, path: "c.ics", timeZone: "UTC")
            let plan = Journal.load(from: root).planCalendarImport(events, skipped: skipped, today: ImportFidelityTests.today)
            #expect(plan.report.created.count == (round == 0 ? 1 : 0), "round \(round)")
            try plan.apply()
        }
    }

    @Test func oneCalendarWritesAtMostSoManyEncounters() throws {
        let root = try ImportFidelityTests.journal(["contacts/ada.md": "---\nname: Ada\nemails: [ada@example.org]\n---\n"])
        let events = (0..<6).map { index in
            "BEGIN:VEVENT\nUID:daily-\(index)\nDTSTART:20100101T0\(index)0000Z\nRRULE:FREQ=DAILY\nSUMMARY:Stand-up \(index)\nATTENDEE:mailto:ada@example.org\nEND:VEVENT\n"
        }.joined()
        let (read, skipped) = try CalendarReader.readAll(
            "BEGIN:VCALENDAR\n" + events + "END:VCALENDAR\n", path: "c.ics", timeZone: "UTC")
        let plan = Journal.load(from: root).planCalendarImport(read, skipped: skipped, today: ImportFidelityTests.today)
        #expect(plan.report.created.count == CalendarEvent.mostEncountersPerImport)
        #expect(plan.report.skipped.contains { $0.reason.contains("one import writes at most") })
        #expect(plan.report.notes.contains { $0.reason.contains("the latest 5000 are taken") })
    }
}

@Suite("Imports stay near-linear")
struct ImportScaleTests {
    /// 2,000 rows of one name with 2,000 profiles: 2,000 people, each found again on a second
    /// import (it was cubic: 4,000 rows took 77 s). Counts, not times, are asserted; `make
    /// bench` has the times.
    @Test func manyPeopleOfOneNameAreManyPeople() throws {
        let root = try ImportFidelityTests.journal([:])
        let csv =
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + (0..<2_000).map { "Sam,Lee,https://linkedin.com/in/sam-\($0),,Acme,Eng,01 Jan 2024\n" }.joined()
        let report = try ImportFidelityTests.importTwice(try LinkedInConnections.read(csv, path: "c.csv"), into: root)
        #expect(report.created.count == 2_000)
        #expect(Set(report.created.map(\.file)).count == 2_000)
    }

    @Test func aCardOfManyLinksKeepsAThousandUnderDistinctLabelsAndSaysSo() throws {
        let root = try ImportFidelityTests.journal([:])
        let vcf =
            "BEGIN:VCARD\nVERSION:3.0\nFN:Url Person\n" + (0..<3_000).map { "URL:https://site\($0).example\n" }.joined()
            + "END:VCARD\n"
        let report = try ImportFidelityTests.importTwice(try VCardReader.read(vcf, path: "u.vcf"), into: root)
        let contact = try #require(Journal.load(from: root).contacts.first)
        #expect(contact.links.count == 1_000 && Set(contact.links.map(\.label)).count == 1_000)
        #expect(report.notes.map(\.reason) == ["Url Person: 2000 more links left out: ties keeps at most 1000 per person"])
    }

    /// Many rows of one new person (one address, a phone and a note each) are one contact: the
    /// address is listed for matching once, not once per row, and the lists and notes are capped.
    @Test func rowsOfOneNewPersonAreOneContact() throws {
        let root = try ImportFidelityTests.journal([:])
        let rows = (1...3_000).map { index in
            var row = ImportedPerson(line: index + 1, name: "Same Person")
            row.emails = ["same@example.org"]
            row.phones = ["+49 30 \(index)"]
            row.notes = "note \(index)"
            return row
        }
        let report = try ImportFidelityTests.importTwice(ImportFile(people: rows), into: root)
        #expect(report.created.map(\.name) == ["Same Person"])
        let contact = try #require(Journal.load(from: root).contacts.first)
        #expect(contact.emails == ["same@example.org"] && contact.phones.count == 1_000)
        #expect(contact.body.contains("note 1\n\nnote 2\n\n") && contact.body.contains("note 3000"))
        #expect(report.notes.map(\.reason) == ["Same Person: 2000 more phones left out: ties keeps at most 1000 per person"])
    }

    /// Rows are each taken, however many name one contact (a second address of a later row
    /// is not lost), up to a thousand rows and a thousand of each list.
    @Test func rowsOfOnePersonAddNoMoreThanAThousandOfAList() throws {
        let root = try ImportFidelityTests.journal(["contacts/kim.md": "---\nname: Kim Park\nemails: [kim@0.example]\n---\n"])
        let rows = (1...1_200).map { index in
            var row = ImportedPerson(line: index + 1, name: "Kim Park")
            row.emails = ["kim@0.example", "kim@\(index).example"]
            return row
        }
        let report = try ImportFidelityTests.importTwice(ImportFile(people: rows), into: root)
        #expect(try #require(Journal.load(from: root).contacts.first).emails.count == 1_000)
        #expect(report.notes.map(\.line) == [1_001])
        #expect(report.notes.first?.reason == "Kim Park: 1 more emails left out: ties keeps at most 1000 per person")
        #expect(report.skipped.count == 200 && report.skipped.first?.line == 1_002)
        #expect(report.skipped.first?.reason.contains("more than 1000 rows of this import are this contact") == true)
    }
}
