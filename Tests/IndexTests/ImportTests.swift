import Foundation
import Support
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// The import formats, read with the quirks real exports have; and how imported people are
/// matched with the journal and written into it.
@Suite("Importing people")
struct ImportTests {
    static let imports = Fixtures.journal("import").deletingLastPathComponent().appending(path: "imports")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: imports.appending(path: name), encoding: .utf8)
    }

    // MARK: Formats

    @Test func linkedInConnectionsWithPreambleBOMAndOddRows() throws {
        let file = try LinkedInConnections.read(Self.text("Connections.csv"), path: "Connections.csv")
        #expect(file.people.map(\.name) == ["Jonas Müller", "Lena Schafer", "Wei 张", "Sam Lee"])
        #expect(file.people.map(\.line) == [5, 6, 9, 11], "rows are numbered by the line they start on")
        #expect(
            file.skipped == [
                ImportSkip(
                    line: 8, reason: "no name: a deactivated or hidden profile (https://www.linkedin.com/in/ghost left out)")
            ])
        let lena = file.people[1]
        #expect(lena.org == "Acme Robotics, GmbH" && lena.emails == ["lena@acme.example"])
        #expect(lena.met == Day("2021-01-12") && lena.howMet == "LinkedIn")
        #expect(file.people[2].title == "Product Manager", "a line break in a quoted field")
        #expect(file.people[0].links == [Contact.Link(label: "linkedin", url: "https://de.linkedin.com/in/jonas-mueller/de")])
    }

    @Test func aFileOfAnotherFormatIsAnErrorNamingTheHeader() {
        #expect(throws: ImportFormatError.self) { try LinkedInConnections.read("name,email\nAda,a@b.c\n", path: "x.csv") }
        do {
            _ = try LinkedInConnections.read("name,email\n", path: "x.csv")
        } catch {
            #expect(
                error.description.contains(
                    "x.csv:1:1: error: not a LinkedIn Connections export: no header line 'First Name,Last Name,URL"))
        }
        #expect(throws: ImportFormatError.self) { try VCardReader.read("hello\n", path: "x.vcf") }
    }

    @Test func vCardsOfEveryVersionWithTheirQuirks() throws {
        let file = try VCardReader.read(Self.text("contacts.vcf"), path: "contacts.vcf")
        #expect(file.people.map(\.name) == ["Jürgen Müller", "Ada Lovelace", "田中 宏", "Грейс Хоппер"])
        #expect(file.people.map(\.line) == [1, 10, 29, 42])
        #expect(
            file.skipped == [
                ImportSkip(
                    line: 38, reason: "a card with no name (no FN or N); its nobody@example.org left out: add a name to import it"
                )
            ])
        let (jurgen, ada, tanaka, grace) = (file.people[0], file.people[1], file.people[2], file.people[3])
        #expect(jurgen.notes == "Met at the meetup.\nLikes Rust.", "quoted-printable with a soft line break")
        #expect(jurgen.phones == ["+49 30 555 0101"] && jurgen.emails == ["juergen@example.de"])
        #expect(ada.org == "Analytical Engines Ltd." && ada.title == "Chief Programmer, Poet")
        #expect(ada.emails == ["ada@engines.example", "ada@home.example"])
        #expect(
            ada.links == [
                Contact.Link(label: "homepage", url: "https://ada.example"),
                Contact.Link(label: "linkedin", url: "https://www.linkedin.com/in/ada-lovelace"),
            ])
        #expect(
            ada.birthday == Birthday("1815-12-10") && ada.tags == ["mentors", "math-history"],
            "an escaped comma is inside one category, and a tag has none")
        #expect(ada.notes == "First programmer; wrote notes on the engine.\nSee [[Charles]].")
        #expect(tanaka.birthday == Birthday("05-21") && tanaka.links.map(\.url) == ["https://tanaka.example.jp/"])
        #expect(grace.birthday == Birthday("1906-12-09"))
        #expect(!file.people.contains { ($0.notes ?? "").contains("/9j/") }, "PHOTO is left out")
    }

    @Test func googleContactsWithSeveralValuesInACell() throws {
        let file = try GoogleContacts.read(Self.text("google.csv"), path: "google.csv")
        #expect(file.people.map(\.name) == ["Lena Schäfer", "Sven Ødegård", "宏 田中"])
        #expect(
            file.skipped == [ImportSkip(line: 5, reason: "no name; its info@company.example left out: add a name to import it")])
        let lena = file.people[0]
        #expect(lena.emails == ["lena@acme.example", "lena.s@example.org"])
        #expect(lena.tags == ["Conference"], "system labels are not tags")
        #expect(lena.notes == "Met at KubeCon.\nLikes climbing." && lena.birthday == Birthday("1990-03-14"))
        #expect(file.people[1].birthday == Birthday("05-21"), "a birthday without a year")
    }

    @Test(arguments: [
        ("https://www.linkedin.com/in/jonas-mueller/", "linkedin.com/in/jonas-mueller"),
        ("http://de.linkedin.com/in/jonas-mueller/de", "linkedin.com/in/jonas-mueller"),
        ("linkedin.com/in/Jonas-Mueller?trk=x", "linkedin.com/in/jonas-mueller"),
        ("https://jonas.example/blog/", "jonas.example/blog"),
    ])
    func profileAddressesAreComparedWithoutTheirDecoration(url: String, normalised: String) {
        #expect(ContactMatcher.normalisedLink(url) == normalised)
    }

    // MARK: Into a journal

    @Test func aReImportChangesNothingAndEditsTouchOnlyTheirLines() throws {
        let root = try Fixtures.copy(Fixtures.journal("import"))
        let connections = try LinkedInConnections.read(Self.text("Connections.csv"), path: "Connections.csv")
        let today = try #require(Day("2026-12-01"))
        let plan = Journal.load(from: root).planImport(connections, today: today)
        #expect(plan.report.created.map(\.file) == ["contacts/wei-zhang.md"])
        #expect(plan.report.updated.map(\.file) == ["contacts/jonas-mueller.md", "contacts/lena.md"])
        #expect(
            plan.report.updated[0].jobChange == "Acme Robotics (Platform Lead) → Globex (Head of Platform)")
        #expect(plan.report.updated[1].fields == ["links", "met", "title"], "Acme Robotics, GmbH is an alias: no job change")
        #expect(plan.report.skipped.map(\.line) == [8, 11])
        #expect(plan.report.skipped[1].reason.contains("contacts/sam-lee.md and contacts/sam-lee-2.md"))
        try plan.apply()
        let jonas = try String(contentsOf: root.appending(path: "contacts/jonas-mueller.md"), encoding: .utf8)
        #expect(
            jonas == """
                ---
                # Jonas from the platform team
                name: "Jonas Müller"   # with the umlaut
                emails:
                  - jonas@example.org   # private
                links:
                  linkedin: https://www.linkedin.com/in/jonas-mueller/
                org: Globex
                title: Head of Platform    # since 2022

                circle: close
                met: 2020-10-05
                roles:
                  - {org: Acme Robotics, title: Platform Lead, to: 2026-12-01}
                  - {org: Globex, title: Head of Platform, from: 2026-12-01}
                ---
                Ex-colleague. Knows everyone at [[Acme Robotics]].

                """)
        let journal = Journal.load(from: root)
        #expect(journal.errors.isEmpty, "\(journal.errors)")
        #expect(journal.affiliations(of: "jonas-mueller").map(\.org) == ["acme-robotics", "globex"])
        let again = journal.planImport(connections, today: try #require(Day("2026-12-09")))
        #expect(again.report.created.isEmpty && again.report.updated.isEmpty && again.report.unchanged == 3)
    }

    @Test func aNewTitleIsAJobChangeAndWhatTheUserWroteStays() throws {
        let root = try Fixtures.temporaryFolder("promotion")
        try Fixtures.write(
            [
                "ties.yaml": "title: P\n",
                "contacts/kim.md": "---\nname: Kim Park\nbirthday: 1990-01-01\norg: Acme\ntitle: Engineer\n---\n",
            ], under: root)
        var row = ImportedPerson(line: 2, name: "Kim Park")
        row.org = "ACME Inc."
        row.title = "Senior Engineer"
        row.birthday = Birthday("1991-02-02")
        row.isProfessionalProfile = true
        let plan = Journal.load(from: root).planImport(ImportFile(people: [row]), today: try #require(Day("2026-12-01")))
        #expect(plan.report.updated.first?.jobChange == "Acme (Engineer) → Acme (Senior Engineer)")
        #expect(plan.report.updated.first?.fields == ["roles", "title"], "the birthday written stays")
        #expect(plan.report.differences.map(\.field) == ["birthday"], "and its difference is reported")
        try plan.apply()
        #expect(
            try String(contentsOf: root.appending(path: "contacts/kim.md"), encoding: .utf8)
                == "---\nname: Kim Park\nbirthday: 1990-01-01\norg: Acme\ntitle: Senior Engineer\nroles:\n"
                + "  - {org: Acme, title: Engineer, to: 2026-12-01}\n  - {org: Acme, title: Senior Engineer, from: 2026-12-01}\n---\n"
        )
    }

    @Test func theSamePersonTwiceInOneFileIsCreatedOnce() throws {
        let root = try Fixtures.copy(Fixtures.journal("import"))
        var twice = ImportFile()
        var first = ImportedPerson(line: 2, name: "Mia Wong")
        first.emails = ["mia@example.org"]
        var second = ImportedPerson(line: 3, name: "M. Wong")
        second.emails = ["MIA@example.org"]
        twice.people = [first, second]
        let plan = Journal.load(from: root).planImport(twice, today: try #require(Day("2026-12-01")))
        #expect(plan.report.created.map(\.name) == ["Mia Wong"])
        #expect(plan.report.skipped.isEmpty, "the second row adds to the first")
    }

    @Test func twoPeopleOfOneNameWithTwoProfilesAreTwoPeople() throws {
        let root = try Fixtures.copy(Fixtures.journal("import"))
        var other = ImportedPerson(line: 2, name: "Jonas Müller")
        other.links = [Contact.Link(label: "linkedin", url: "https://www.linkedin.com/in/another-jonas")]
        var namesake = ImportedPerson(line: 3, name: "Jonas Mueller")
        namesake.links = [Contact.Link(label: "linkedin", url: "https://www.linkedin.com/in/a-third-jonas")]
        var plain = ImportedPerson(line: 4, name: "JONAS MÜLLER")
        plain.phones = ["+49 30 999"]
        let plan = Journal.load(from: root).planImport(
            ImportFile(people: [other, namesake, plain]), today: try #require(Day("2026-12-01")))
        #expect(plan.report.created.map(\.file) == ["contacts/jonas-muller.md", "contacts/jonas-mueller-2.md"], "\(plan.report)")
        #expect(plan.report.skipped.map(\.line) == [4], "a name alone now names two people: \(plan.report)")
    }

    @Test func severalFilesAreWrittenAllOrNone() throws {
        let folder = try Fixtures.temporaryFolder("all-or-none")
        let kept = folder.appending(path: "kept.md")
        try Data("old".utf8).write(to: kept)
        let taken = folder.appending(path: "taken.md")
        try Data("someone else's".utf8).write(to: taken)
        #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.writeAll([
                AtomicFile.Change(path: kept.path, data: Data("new".utf8), isNew: false),
                AtomicFile.Change(path: folder.appending(path: "fresh.md").path, data: Data("fresh".utf8), isNew: true),
                AtomicFile.Change(path: taken.path, data: Data("mine".utf8), isNew: true),
            ])
        }
        #expect(try String(contentsOf: kept, encoding: .utf8) == "old")
        #expect(try String(contentsOf: taken, encoding: .utf8) == "someone else's")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["kept.md", "taken.md"])
    }
}

@Suite("Possible duplicates")
struct PossibleDuplicateTests {
    @Test func twoContactsWithOneEmailOrProfileAreNamedTogether() throws {
        let root = try Fixtures.temporaryFolder("duplicates")
        try Fixtures.write(
            [
                "ties.yaml": "title: D\n",
                "contacts/ada.md":
                    "---\nname: Ada Lovelace\nemails: [ada@example.org]\nlinks: {linkedin: https://www.linkedin.com/in/ada/}\n---\n",
                "contacts/ada-l.md": "---\nname: A. Lovelace\nemails: [ADA@example.org]\n---\n",
                "contacts/countess.md": "---\nname: The Countess\nlinks: {li: https://de.linkedin.com/in/ada}\n---\n",
                "contacts/bob.md": "---\nname: Bob\nemails: [bob@example.org]\n---\n",
            ], under: root)
        let warnings = Journal.load(from: root).diagnostics.filter { $0.code == .possibleDuplicate }
        #expect(warnings.map(\.location.path) == ["contacts/ada-l.md", "contacts/countess.md"])
        #expect(
            warnings[0].message
                == "A. Lovelace shares the email ada@example.org with Ada Lovelace (contacts/ada.md); if they are one person, merge the files"
        )
        #expect(warnings[1].message.contains("the address linkedin.com/in/ada with Ada Lovelace (contacts/ada.md)"))
    }
}

@Suite("Importing a calendar")
struct CalendarImportTests {
    static let calendar = ImportTests.imports.appending(path: "calendar.ics")

    @Test func eventsAreReadWithTheirZonesAndAttendees() throws {
        let events = try CalendarReader.read(
            String(contentsOf: Self.calendar, encoding: .utf8), path: "calendar.ics", timeZone: "Europe/Berlin")
        #expect(events.map(\.line) == [12, 27, 36, 43, 50, 56, 62, 69])
        let coffee = events[0]
        #expect(coffee.start == Moment(day: Day("2025-11-05")!, minuteOfDay: 600), "a TZID time is that zone's")
        #expect(coffee.location == "Café Einstein, Berlin" && coffee.attendees.map(\.email).contains("lena@acme.example"))
        #expect(events[1].start == Moment(day: Day("2025-10-06")!, minuteOfDay: 660), "UTC in the journal's zone (CEST)")
        #expect(events[2].isCancelled && events[7].isAllDay)
        #expect(events[7].summary?.hasSuffix("has to be folded") == true)
    }

    @Test(arguments: [
        ("FREQ=WEEKLY;COUNT=4;BYDAY=MO", "2025-10-06", ["2025-10-06", "2025-10-20", "2025-10-27"]),
        ("FREQ=DAILY;INTERVAL=2;UNTIL=20251012T000000Z", "2025-10-06", ["2025-10-06", "2025-10-08", "2025-10-10", "2025-10-12"]),
        ("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3", "2025-10-07", ["2025-10-07", "2025-10-09", "2025-10-14"]),
        ("FREQ=MONTHLY;COUNT=3", "2025-01-31", ["2025-01-31", "2025-03-31", "2025-05-31"]),
        ("FREQ=YEARLY", "2020-02-29", ["2020-02-29", "2024-02-29"]),
    ])
    func repeatingEventsGiveTheirPastOccurrences(rule: String, start: String, days: [String]) throws {
        var event = CalendarEvent(
            line: 1, uid: "x", summary: nil, location: nil, start: Moment(day: try #require(Day(start))), isAllDay: true,
            isCancelled: false, attendees: [], rule: nil)
        event.rule = Dictionary(
            uniqueKeysWithValues: rule.split(separator: ";").map {
                let pair = $0.split(separator: "=")
                return (String(pair[0]), String(pair[1]))
            })
        event.exceptions = [try #require(Day("2025-10-13"))]
        #expect(event.occurrences(since: nil, through: try #require(Day("2025-11-30")))?.map(\.description) == days)
    }

    @Test func aRuleTiesDoesNotExpandIsNotGuessedAt() throws {
        var event = CalendarEvent(
            line: 1, uid: "x", summary: nil, location: nil, start: Moment(day: try #require(Day("2025-01-06"))),
            isAllDay: true, isCancelled: false, attendees: [], rule: ["FREQ": "MONTHLY", "BYDAY": "MO", "BYSETPOS": "1"])
        #expect(event.occurrences(since: nil, through: try #require(Day("2025-12-31"))) == nil)
        event.rule = ["FREQ": "HOURLY"]
        #expect(event.occurrences(since: nil, through: try #require(Day("2025-12-31"))) == nil)
    }

    @Test func pastMeetingsWithContactsBecomeEncountersOnceAndOnlyOnce() throws {
        let root = try Fixtures.copy(Fixtures.journal("import"))
        let journal = Journal.load(from: root)
        let events = try CalendarReader.read(
            String(contentsOf: Self.calendar, encoding: .utf8), path: "calendar.ics", timeZone: journal.config.timezone)
        let today = try #require(Day("2026-12-01"))
        let plan = journal.planCalendarImport(events, today: today)
        #expect(plan.report.created.count == 5)
        #expect(
            plan.report.skipped.map(\.reason) == [
                "cancelled", "you declined it",
                "'Monthly sync': a repeating rule ties does not expand (BYDAY=MO;BYSETPOS=1;FREQ=MONTHLY)",
            ])
        #expect(plan.report.withoutKnownAttendee == 1)
        let since = journal.planCalendarImport(events, today: today, since: try #require(Day("2025-10-15")))
        #expect(since.report.created.map(\.file).allSatisfy { $0 >= "encounters/2025/2025-10-15" })
        try plan.apply()
        let loaded = Journal.load(from: root)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(
            loaded.encounters(with: "jonas-mueller").map(\.uid) == [
                "offsite@google.com", "one-on-one@google.com/2025-10-06", "one-on-one@google.com/2025-10-20",
                "one-on-one@google.com/2025-10-27",
            ])
        let again = loaded.planCalendarImport(events, today: today)
        #expect(again.report.created.isEmpty && again.report.unchanged == 5)
    }
}

@Suite("Imports stay in the journal")
struct ImportContainmentTests {
    @Test func aContactsFolderLinkedOutOfTheJournalIsRefused() throws {
        let root = try Fixtures.temporaryFolder("contained")
        let outside = try Fixtures.temporaryFolder("outside")
        try Fixtures.write(["ties.yaml": "title: C\n"], under: root)
        try FileManager.default.createSymbolicLink(at: root.appending(path: "contacts"), withDestinationURL: outside)
        var file = ImportFile()
        file.people = [ImportedPerson(line: 2, name: "Ada Lovelace")]
        let plan = Journal.load(from: root).planImport(file, today: try #require(Day("2026-12-01")))
        #expect(throws: AtomicFile.Failure.self) { try plan.apply() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }
}

@Suite("Org names in imports")
struct OrgNameTests {
    @Test(arguments: [
        ("Acme Robotics, GmbH", "acme robotics"), ("ACME Robotics GmbH", "acme robotics"), ("Initech Inc.", "initech"),
        ("Globex Corporation", "globex"), ("Société Générale S.A.", "societe generale"), ("Co", "co"),
    ])
    func aLegalFormOrPunctuationIsNoNewEmployer(name: String, folded: String) {
        #expect(ContactMatcher.foldedOrg(name) == folded)
    }
}
