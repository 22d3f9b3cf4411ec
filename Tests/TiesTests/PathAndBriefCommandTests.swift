import Foundation
import TestSupport
import Testing

/// On `Tests/Fixtures/network` (see InsightsCommandTests): paths and briefs known by construction.
@Suite("ties path and ties brief, end to end")
struct PathAndBriefCommandTests {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try TiesBinary.run(
            arguments + ["--format", "json", "--today", "2026-12-01"], in: Fixtures.journal("network"))
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func paths(_ document: [String: Any]) -> [[String]] {
        (document["paths"] as? [[String: Any]] ?? []).map { $0["via"] as? [String] ?? [] }
    }

    @Test func toAPersonThroughWhomTheyKnowStrongestFirst() throws {
        // Ben met Bob and Bea together; the owner's own tie to Ben does not count.
        let ben = try json(["path", "--to", "Ben Baker"])
        #expect(ben["to"] as? String == "ben-baker")
        #expect(paths(ben) == [["bob-broker"], ["bea-brown"]])
        #expect((ben["paths"] as? [[String: Any]])?.map { $0["strength"] as? String } == ["strong", "weak"])
        // On the sample journal, as the issue put it.
        let lena = try TiesBinary.run(["path", "--to", "lena", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(lena.stdout.contains("\n  you → Jonas Müller (strong) → Lena Schäfer (Acme Robotics)  weakest tie: strong\n"))
        // Ida was introduced by Hannah and never met.
        #expect(paths(try json(["path", "--to", "ida one"])) == [["hannah-hub"]])
    }

    @Test func toAnOrgThroughWhoWorksThere() throws {
        let umbrella = try json(["path", "--to", "umbrella"])
        #expect(paths(umbrella) == [["gary-gate"], ["olga-old"]])
        #expect((umbrella["paths"] as? [[String: Any]])?.map { $0["strength"] as? String } == ["weak", "dormant"])
        #expect(paths(try json(["path", "--to", "initech"])).isEmpty, "nobody works at Initech now")
        let text = try TiesBinary.run(["path", "--to", "umbrella", "--today", "2026-12-01"], in: Fixtures.journal("network"))
        #expect(
            text.stdout == """
                You know 2 people at Umbrella
                  Gary Gate (weak)  last met 2026-11-20, 11 days ago
                  Olga Old (dormant)  last met 2019-09-01, 7 years ago
                You have met everyone ties knows there: no introduction needed.

                """)
        #expect((umbrella["known"] as? [[String: Any]])?.map { $0["days_since"] as? Int } == [11, 2648])
    }

    /// A path to an org starts where you are: the people you know there, then who can introduce
    /// you to the ones you have not met.
    @Test func toAnOrgThePeopleYouKnowThereFirstThenIntroductions() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Fixtures.write(
            ["contacts/nora-new.md": "---\nname: Nora New\norg: Acme Robotics\nmet_via: Jonas Müller\n---\n"], under: root)
        let result = try TiesBinary.run(["path", "--to", "acme", "--today", "2026-11-25", "--format", "json"], in: root)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(
            (json["known"] as? [[String: Any]])?.map { $0["slug"] as? String } == [
                "jonas-mueller", "lena-schaefer", "maximilian-graf", "nora-new",
            ], "strong ties first, the most recently met first, the never-met last")
        #expect(
            (json["introductions"] as? [[String: Any]])?.map { $0["via"] as? [String] ?? [] } == [
                ["jonas-mueller", "nora-new"], ["lena-schaefer", "nora-new"], ["maximilian-graf", "nora-new"],
            ])
        let text = try TiesBinary.run(["path", "--to", "acme", "--today", "2026-11-25"], in: root)
        #expect(
            text.stdout.hasPrefix(
                "You know 4 people at Acme Robotics\n  Jonas Müller (strong)  last met 2026-05-06, 6 months ago\n"))
        #expect(text.stdout.contains("  Nora New (weak)  never met\nIntroductions to Acme Robotics\n"))
        #expect(
            text.stdout.contains("  you → Jonas Müller (strong) → Nora New (never met, Acme Robotics)  weakest tie: strong\n"))
    }

    @Test func aBriefBeforeMeetingBob() throws {
        let brief = try json(["brief", "bob"])
        #expect(brief["strength"] as? String == "strong" && brief["encounters"] as? Int == 3)
        #expect(
            (brief["last_encounters"] as? [[String: Any]])?.map { $0["date"] as? String } == [
                "2026-11-25", "2026-11-10", "2026-10-01",
            ])
        #expect(brief["mutual"] as? [String] == ["amy-adams", "ann-archer", "bea-brown", "ben-baker"])
        #expect((brief["received"] as? [[String: Any]])?.map { $0["what"] as? String } == ["Intro to Ben"])
        #expect(brief["goals"] as? [String] == ["find-a-job"])
        let olga = try json(["brief", "olga"])
        #expect(olga["strength"] as? String == "dormant")
        #expect((olga["roles"] as? [[String: Any]])?.map { $0["org"] as? String } == ["umbrella"])
        let unknown = try TiesBinary.run(["brief", "nobody"], in: Fixtures.journal("network"))
        #expect(unknown.status == 1)
    }

    /// A goal's page and `ties show` start where you are too: whom you know at the orgs it names.
    @Test func aGoalNamesWhomYouKnowAtItsOrgs() throws {
        let week = Fixtures.journal("week")
        let show = try TiesBinary.run(["show", "join-bigbank", "--today", "2026-12-07"], in: week)
        #expect(
            show.stdout.contains("Whom you know at the orgs it names\n  Bigbank: Hal Moss (weak, last met 2025-01-01)\n"),
            "\(show.stdout)")
        let site = try Fixtures.temporaryFolder("site")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try TiesBinary.run(["build", "--output", site.path, "--today", "2026-12-07"], in: week).status == 0)
        let page = try String(contentsOf: site.appending(path: "goals/join-bigbank.html"), encoding: .utf8)
        #expect(
            page.contains(
                "<a href=\"../orgs/bigbank.html\">Bigbank</a>: <a href=\"../contacts/hal-moss.html\">Hal Moss</a> <span class=\"quiet\">(weak, 1 Jan 2025)</span>"
            ), "\(page)")
    }

    /// Preparing a day: everyone in its meetings, found by e-mail, by name or by the summary.
    @Test func aBriefForEveryoneInADaysMeetings() throws {
        let folder = try Fixtures.temporaryFolder("calendar")
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendar = folder.appending(path: "day.ics")
        try Data(
            """
            BEGIN:VCALENDAR\r
            BEGIN:VEVENT\r
            UID:1@x\r
            DTSTART:20261210T093000\r
            SUMMARY:Coffee with Lena\r
            LOCATION:Café Frischhut\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:2@x\r
            DTSTART:20261210T140000\r
            SUMMARY:Platform sync\r
            ATTENDEE;CN=Somebody:mailto:JONAS.MUELLER@acme-robotics.example\r
            ATTENDEE;CN=Bob Stranger:mailto:bob@example.com\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:3@x\r
            DTSTART:20261210T160000\r
            STATUS:CANCELLED\r
            SUMMARY:Cancelled with Anna\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:4@x\r
            DTSTART:20261203T080000\r
            RRULE:FREQ=WEEKLY\r
            SUMMARY:Weekly with Claire\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:5@x\r
            DTSTART;VALUE=DATE:20261211\r
            SUMMARY:Another day with Anna\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.utf8
        ).write(to: calendar)
        let result = try TiesBinary.run(
            ["brief", "--calendar", calendar.path, "--date", "2026-12-10", "--today", "2026-12-07", "--format", "json"],
            in: Fixtures.template)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let meetings = try #require(json["meetings"] as? [[String: Any]])
        #expect(meetings.map { $0["summary"] as? String } == ["Weekly with Claire", "Coffee with Lena", "Platform sync"])
        #expect(meetings.map { $0["start"] as? String } == ["2026-12-10 08:00", "2026-12-10 09:30", "2026-12-10 14:00"])
        let people = meetings.map { ($0["people"] as? [[String: Any]] ?? []).map { $0["slug"] as? String } }
        #expect(people == [["claire-dubois"], ["lena-schaefer"], ["jonas-mueller"]])
        #expect((meetings[2]["unknown"] as? [[String: Any]])?.first?["email"] as? String == "bob@example.com")
        let jonas = try #require((meetings[2]["people"] as? [[String: Any]])?.first)
        #expect(jonas["question"] as? String == "Ask about his daughter's robotics club.", "a question to ask, from his notes")
        let text = try TiesBinary.run(
            ["brief", "--calendar", calendar.path, "--date", "2026-12-10", "--today", "2026-12-07"], in: Fixtures.template)
        #expect(text.stdout.hasPrefix("2026-12-10: 3 meetings, 3 people you know\n"), "\(text.stdout)")
        #expect(text.stdout.contains("  not in the journal: Bob Stranger <bob@example.com>"))
        #expect(try TiesBinary.run(["brief", "--date", "2026-12-10"], in: Fixtures.template).status == 2)
    }
}
