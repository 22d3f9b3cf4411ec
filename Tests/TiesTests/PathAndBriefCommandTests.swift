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
            text.stdout
                == "Warm paths to Umbrella\n  you → Gary Gate (weak, Umbrella)  weakest tie: weak\n  you → Olga Old (dormant, Umbrella)  weakest tie: dormant\n"
        )
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
}
