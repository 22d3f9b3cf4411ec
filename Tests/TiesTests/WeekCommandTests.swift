import Foundation
import TestSupport
import Testing

/// `Tests/Fixtures/week` has one person for each reason of `ties week` on 2026-12-07, a
/// snoozed one, and a round of cards to four people.
@Suite("ties week, greet and intro, end to end")
struct WeekCommandTests {
    static let today = ["--today", "2026-12-07"]

    struct Plan: Decodable {
        struct Entry: Decodable {
            var slug: String
            var name: String
            var score: Int
            var reasons: [String]
            var kinds: [String]
            var action: String
        }
        var week: [Entry]
    }

    static func plan(in root: URL, _ extra: [String] = []) throws -> [Plan.Entry] {
        let result = try TiesBinary.run(["week", "--format", "json"] + today + extra, in: root)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Plan.self, from: Data(result.stdout.utf8)).week
    }

    /// The people `ties brief` says the contact and the owner both know.
    static func mutual(_ person: String, in root: URL) throws -> [String] {
        let brief = try TiesBinary.run(["brief", person, "--format", "json"] + today, in: root)
        let json = try JSONSerialization.jsonObject(with: Data(brief.stdout.utf8)) as? [String: Any]
        let mutual = json?["mutual"] as? [Any] ?? []
        return mutual.map { item in (item as? [String: Any])?["slug"] as? String ?? (item as? String ?? "?") }
    }

    @Test func thePlanRanksEveryReasonByItsScore() throws {
        let week = try Self.plan(in: Fixtures.journal("week"))
        #expect(week.map(\.slug) == ["ben-ng", "cora-diaz", "ada-lovelace", "dan-okafor", "eve-stone", "gus-holm", "hal-moss"])
        #expect(
            week.map(\.kinds) == [
                ["follow-up"], ["job-change"], ["overdue", "greeting"], ["birthday"], ["thank-introducer"], ["weakening"],
                ["gateway"],
            ])
        #expect(week.map(\.score) == [54, 45, 41, 37, 35, 30, 25])
        #expect(week[0].reasons == ["you owe: Send Ben the deck (2026-12-03, 4 days overdue)"])
        #expect(week[0].action == "do: Send Ben the deck")
        #expect(week[1].reasons == ["new job: CTO at Startup since 2026-11-20"])
        #expect(week[2].reasons[1] == "Season's greetings on 2026-12-15, in 8 days")
        #expect(week[4].reasons == ["introduced you to Finn Berg on 2026-11-01; not thanked yet"])
        #expect(week[6].reasons[0].contains("at Bigbank, which your goal 'Join Bigbank's risk team' names"))
        #expect(!week.contains { $0.slug == "ivy-chen" }, "snoozed")

        #expect(
            try Self.plan(in: Fixtures.journal("week"), ["--limit", "3"]).map(\.slug) == ["ben-ng", "cora-diaz", "ada-lovelace"])
        let text = try TiesBinary.run(["week"] + Self.today, in: Fixtures.journal("week"))
        #expect(text.stdout.contains("1. Ben Ng  ben-ng\n   - you owe: Send Ben the deck"), "\(text.stdout)")
        #expect(try TiesBinary.run(["week", "--limit", "0"], in: Fixtures.journal("week")).status == 2)
    }

    @Test func actingOnAReasonTakesThePersonOffTheNextPlan() throws {
        let root = try Fixtures.copy(Fixtures.journal("week"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for command in [
            ["new", "encounter", "--with", "ada", "--kind", "call", "--date", "2026-12-07", "--no-edit"],
            ["new", "encounter", "--with", "eve", "--kind", "message", "--date", "2026-12-05", "--no-edit"],
            ["new", "encounter", "--with", "cora", "--kind", "message", "--date", "2026-12-06", "--no-edit"],
            ["done", "Send Ben the deck"],
            ["snooze", "gus", "--until", "2027-02-01"] + Self.today,
        ] {
            let result = try TiesBinary.run(command, in: root)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let week = try Self.plan(in: root)
        #expect(week.map(\.slug) == ["dan-okafor", "hal-moss"], "\(week.map(\.slug))")
    }

    @Test func aRoundOfGreetingsIsTickedOffAndConnectsNobody() throws {
        let root = try Fixtures.copy(Fixtures.journal("week"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let before = try TiesBinary.run(["greet", "--format", "json"] + Self.today, in: root)
        struct Status: Decodable {
            struct Person: Decodable { var slug: String }
            var greeting: String
            var year: Int
            var sent: [Person]
            var left: [Person]
        }
        let status = try JSONDecoder().decode(Status.self, from: Data(before.stdout.utf8))
        #expect(status.greeting == "Season's greetings" && status.year == 2026)
        #expect(status.sent.isEmpty && status.left.map(\.slug) == ["ada-lovelace", "ivy-chen"])

        let sent = try TiesBinary.run(["greet", "ada", "ivy", "jo"] + Self.today, in: root)
        #expect(sent.status == 0, "\(sent.stderr)")
        let path = "encounters/2026/2026-12-07-season-s-greetings-2026.md"
        #expect(
            try String(contentsOf: root.appending(path: path), encoding: .utf8) == """
                ---
                date: 2026-12-07
                title: Season's greetings 2026
                kind: greeting
                with: [Ada Lovelace, Ivy Chen, Jo Park]
                ---

                """ + "\n")
        let after = try JSONDecoder().decode(
            Status.self, from: Data(try TiesBinary.run(["greet", "--format", "json"] + Self.today, in: root).stdout.utf8))
        #expect(after.left.isEmpty && after.sent.map(\.slug) == ["ada-lovelace", "ivy-chen", "jo-park"])
        let due = try TiesBinary.run(["due", "--all", "--within", "14d"] + Self.today, in: root)
        #expect(!due.stdout.contains("Season's greetings"), "sent: \(due.stdout)")
        let files = try Snapshot(of: root).files
        let again = try TiesBinary.run(["greet", "ada"] + Self.today, in: root)
        #expect(again.status == 0 && again.stderr.contains("had the Season's greetings of 2026 already"))
        #expect(try Snapshot(of: root).files == files, "nothing written twice")

        // Neither the round of cards nor the old message to four people make anyone know anyone.
        for person in ["ada", "jo", "kim"] { #expect(try Self.mutual(person, in: root).isEmpty, "\(person)") }
        // But each counts as being in touch: Ada is no longer overdue.
        #expect(!(try Self.plan(in: root)).contains { $0.slug == "ada-lovelace" })
        #expect(try TiesBinary.run(["greet", "--occasion", "Easter"] + Self.today, in: root).status == 1)
    }

    @Test func anIntroductionYouMakeMovesThroughItsStates() throws {
        let root = try Fixtures.copy(Fixtures.journal("week"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let made = try TiesBinary.run(["intro", "finn", "--to", "hal"] + Self.today, in: root)
        #expect(made.status == 0, "\(made.stderr)")
        let path = "encounters/2026/2026-12-07-introduction-finn-berg-hal-moss.md"
        #expect(
            try String(contentsOf: root.appending(path: path), encoding: .utf8) == """
                ---
                date: 2026-12-07
                title: Introducing Finn Berg to Hal Moss
                kind: introduction
                with: [Finn Berg, Hal Moss]
                intro_state: proposed
                intro_since: 2026-12-07
                ---

                """ + "\n")
        var week = try Self.plan(in: root)
        let finn = try #require(week.first { $0.slug == "finn-berg" })
        #expect(finn.kinds == ["introduction"] && finn.action == "ask whether they would like to meet Hal Moss")

        #expect(try TiesBinary.run(["intro", "finn", "--to", "hal", "--state", "asked-b"] + Self.today, in: root).status == 0)
        #expect(try Self.mutual("finn", in: root) == ["eve-stone"], "not introduced to Hal yet; Eve introduced Finn")
        let before = try TiesBinary.run(["path", "--to", "hal", "--format", "json"] + Self.today, in: root)
        #expect(!before.stdout.contains("finn-berg"), "no warm path through Finn yet: \(before.stdout)")
        week = try Self.plan(in: root, ["--today", "2026-12-20"])
        #expect(week.first { $0.slug == "hal-moss" }?.kinds.contains("introduction") == true, "Hal owes an answer")

        let dry = try TiesBinary.run(
            ["intro", "hal", "--to", "finn", "--state", "introduced", "--dry-run"] + Self.today, in: root)
        #expect(dry.stdout.contains("-intro_state: asked-b\n+intro_state: introduced"), "\(dry.stdout)")
        #expect(try TiesBinary.run(["intro", "hal", "--to", "finn", "--state", "introduced"] + Self.today, in: root).status == 0)
        #expect(try Self.mutual("finn", in: root) == ["eve-stone", "hal-moss"], "Finn and Hal know each other now")
        let after = try TiesBinary.run(["path", "--to", "hal", "--format", "json"] + Self.today, in: root)
        #expect(after.stdout.contains("\"finn-berg\""), "a warm path through the introduction you made: \(after.stdout)")
        let brief = try TiesBinary.run(["brief", "finn", "--format", "json"] + Self.today, in: root)
        #expect(brief.stdout.contains("Introduction: Hal Moss ↔ Finn Berg"), "given: \(brief.stdout)")
        let show = try TiesBinary.run(["show", "hal"] + Self.today, in: root)
        #expect(show.stdout.contains("Introductions you make"), "\(show.stdout)")
        #expect(show.stdout.contains("introducing Finn Berg to them: introduced"), "\(show.stdout)")
        let list = try TiesBinary.run(["intro", "--format", "json"], in: root)
        #expect(list.stdout.contains("\"state\" : \"introduced\""), "\(list.stdout)")
        #expect(try TiesBinary.run(["intro", "finn", "--to", "finn"], in: root).status == 1)
        #expect(try TiesBinary.run(["intro", "finn"], in: root).status == 2)
    }

    /// A goal names an org by a link or by writing its name out, as a whole word.
    @Test func aGoalNamesAnOrgByLinkOrByName() throws {
        let root = try Fixtures.copy(Fixtures.journal("week"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Fixtures.write(
            [
                "goals/startup-people.md":
                    "---\ntitle: Learn from Startup people\nstatus: active\n---\nNot from startups in general.\n",
                "goals/newco.md": "---\ntitle: Something about newcomers\nstatus: active\n---\n",
            ], under: root)
        let week = try Self.plan(in: root)
        let cora = try #require(week.first { $0.slug == "cora-diaz" })
        #expect(
            cora.kinds.contains("gateway")
                && cora.reasons.contains { $0.contains("at Startup, which your goal 'Learn from Startup people'") })
        let show = try TiesBinary.run(["show", "Something about newcomers"] + Self.today, in: root)
        #expect(!show.stdout.contains("Whom you know at the orgs"), "'newcomers' is not 'Newco': \(show.stdout)")
    }
}
