import Foundation
import TestSupport
import Testing

@Suite("ties export ics, end to end")
struct ExportCommandTests {
    /// Parses an iCalendar file with Python's icalendar (Debian's python3-icalendar) and returns
    /// one line per event: UID, start, summary, and RRULE when there is one.
    func parse(_ file: URL) throws -> [String]? {
        let script = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
            assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
            for event in calendar.walk("VEVENT"):
                assert event.get("DTSTAMP") is not None
                rule = event.get("RRULE")
                print("%s|%s|%s|%s" % (event["UID"], event.decoded("DTSTART"), event["SUMMARY"], rule.to_ical().decode() if rule else ""))
            """
        guard let (status, output) = try Python.run(script, arguments: [file.path], needing: "icalendar") else { return nil }
        #expect(status == 0, "icalendar could not read the file")
        return output.split(separator: "\n").map(String.init)
    }

    @Test func aRealParserReadsItAndUIDsStayStable() throws {
        let place = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: place) }
        let first = place.appending(path: "network.ics")
        let result = try TiesBinary.run(
            ["export", "ics", "--today", "2026-11-25", "--output", first.path], in: Fixtures.template)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == first.path + "\n")
        guard let events = try parse(first) else {
            Issue.record("python3-icalendar is missing: run make test, which installs it")
            return
        }
        #expect(events.contains("birthday-ben-carter@ties-mara-s-network|1986-12-06|Ben Carter: birthday|FREQ=YEARLY"))
        #expect(
            events.contains { $0.hasPrefix("due-jonas-mueller@ties-mara-s-network|2026-11-25|Get in touch with Jonas Müller|") })
        #expect(events.contains { $0.contains("|2026-12-01|Follow up: Send Anna the final packet|") })
        #expect(events.contains("greeting-season-s-greetings@ties-mara-s-network|2026-12-15|Season's greetings|FREQ=YEARLY"))
        let uids = events.map { String($0.split(separator: "|")[0]) }
        #expect(Set(uids).count == uids.count, "UIDs are unique")

        // A week later: the same things have the same UIDs; done follow-ups and past dates move.
        let later = try TiesBinary.run(["export", "ics", "--today", "2026-12-02"], in: Fixtures.template)
        let second = place.appending(path: "later.ics")
        try Data(later.stdout.utf8).write(to: second)
        let laterEvents = try #require(try parse(second))
        let laterUIDs = laterEvents.map { String($0.split(separator: "|")[0]) }
        #expect(Set(laterUIDs) == Set(uids))
    }

    @Test func linesAreCRLFAndFoldedAt75Octets() throws {
        let result = try TiesBinary.run(["export", "ics", "--today", "2026-11-25"], in: Fixtures.template)
        let data = Data(result.stdout.utf8)
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.last == 0x0D, "every line ends with CRLF")
            #expect(line.count - 1 <= 75, "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(result.stdout.contains("DESCRIPTION:From Video call with Hiroshi on 2025-02-14\\; due since"))
    }

    @Test func theSameJournalAndDayGiveTheSameBytes() throws {
        let first = try TiesBinary.run(["export", "ics", "--today", "2026-11-25"], in: Fixtures.template)
        let second = try TiesBinary.run(["export", "ics", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(first.stdout == second.stdout)
    }
}
