import Foundation
import TestSupport
import Testing

/// `Tests/Fixtures/network`: a journal whose answers are known by construction. Hannah introduced
/// four people who never met one another; Bob met two pairs who never met each other; Olga,
/// met three times in 2019, was the owner's colleague at Initech and is at Umbrella now.
@Suite("ties insights, end to end")
struct InsightsCommandTests {
    private func insights() throws -> [String: Any] {
        let result = try TiesBinary.run(
            ["insights", "--format", "json", "--today", "2026-12-01"], in: Fixtures.journal("network"))
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func theKeysAreTheDocumentedOnes() throws {
        let document = try insights()
        #expect(
            Set(document.keys)
                == ["today", "ties", "revive", "brokers", "introducers", "gateways", "reciprocity", "goals", "cadence"])
        #expect(document["today"] as? String == "2026-12-01")
    }

    @Test func tieStrengthFromHowOftenAndHowLately() throws {
        let ties = try #require(try insights()["ties"] as? [[String: Any]])
        func tie(_ slug: String) -> [String: Any]? { ties.first { $0["slug"] as? String == slug } }
        // Three encounters in the last two months: strong. Three in 2019 only: dormant.
        #expect(tie("bob-broker")?["strength"] as? String == "strong")
        #expect(tie("bob-broker")?["encounters"] as? Int == 3)
        #expect(tie("olga-old")?["strength"] as? String == "dormant")
        #expect(tie("olga-old")?["last"] as? String == "2019-09-01")
        #expect(tie("hannah-hub")?["strength"] as? String == "weak")
        // Two encounters twenty months ago count for little now: weak, not strong.
        #expect(tie("wendy-waning")?["strength"] as? String == "weak" && tie("wendy-waning")?["encounters"] as? Int == 2)
        #expect(tie("ida-one")?["strength"] as? String == "weak" && tie("ida-one")?["last"] is NSNull)
        // Strong first, then weak, then dormant; by slug within.
        #expect(ties.first?["slug"] as? String == "bob-broker" && ties.last?["slug"] as? String == "olga-old")
        #expect(try insights()["revive"] as? [String] == ["olga-old"])
    }

    @Test func hubsAndBrokers() throws {
        let document = try insights()
        let introducers = try #require(document["introducers"] as? [[String: Any]])
        #expect(introducers.map { $0["slug"] as? String } == ["hannah-hub"])
        #expect(introducers.first?["introduced"] as? Int == 4)
        // Hannah is on the only path between each of the six pairs of the people she introduced;
        // Bob between each of the four pairs across his two groups.
        let brokers = try #require(document["brokers"] as? [[String: Any]])
        #expect(brokers.map { $0["slug"] as? String } == ["hannah-hub", "bob-broker"])
        #expect(brokers.map { $0["betweenness"] as? Double } == [6, 4])
    }

    @Test func gatewaysAreWhomIKnowThereAndFormerColleagues() throws {
        let gateways = try #require(try insights()["gateways"] as? [[String: Any]])
        func gateway(_ org: String) -> [String: [String]]? {
            guard let entry = gateways.first(where: { $0["org"] as? String == org }) else { return nil }
            return ["current": entry["current"] as? [String] ?? [], "former": entry["former"] as? [String] ?? []]
        }
        #expect(gateway("umbrella") == ["current": ["gary-gate", "olga-old"], "former": []])
        // Olga's years at Initech overlapped the owner's (me.roles); she works elsewhere now.
        #expect(gateway("initech") == ["current": [], "former": ["olga-old"]])
        // Ned worked at Initech after the owner left: not a former colleague.
        #expect(gateway("hooli") == ["current": ["ned-never"], "former": []])
        #expect(gateways.map { $0["org"] as? String } == ["umbrella", "globex", "hooli", "initech"])
    }

    @Test func reciprocityGoalsAndCadence() throws {
        let document = try insights()
        let reciprocity = try #require(document["reciprocity"] as? [[String: Any]])
        #expect(reciprocity.map { $0["slug"] as? String } == ["amy-adams", "ann-archer", "bob-broker", "gary-gate"])
        #expect(reciprocity.last?["gave"] as? Int == 1 && reciprocity.last?["received"] as? Int == 0)
        let goals = try #require(document["goals"] as? [[String: Any]])
        #expect(goals.map { $0["slug"] as? String } == ["find-a-job", "learn-rust"])
        #expect(goals[0]["contacts"] as? [String] == ["amy-adams", "ann-archer", "bob-broker", "gary-gate"])
        #expect(goals[0]["last"] as? String == "2026-11-25" && goals[0]["stale"] as? Bool == false)
        #expect(goals[1]["last"] is NSNull && goals[1]["stale"] as? Bool == true)
        let cadence = try #require(document["cadence"] as? [[String: Any]])
        #expect(cadence.map { $0["circle"] as? String } == ["close", "wider"])
        #expect(cadence.map { $0["on_cadence"] as? Int } == [1, 0])
        #expect(cadence.map { $0["total"] as? Int } == [2, 1])
    }

    @Test func theTextSaysTheSame() throws {
        let result = try TiesBinary.run(["insights", "--today", "2026-12-01"], in: Fixtures.journal("network"))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Ties: 1 strong, 13 weak, 1 dormant\n"))
        #expect(result.stdout.contains("  Initech: former colleagues Olga Old\n"))
        #expect(result.stdout.contains("only received from (give first): Amy Adams, Ann Archer, Bob Broker"))
        #expect(result.stdout.contains("Learn Rust: 0 people, no activity yet  (stale)"))
        for line in result.stdout.split(separator: "\n") { #expect(line.last != " ") }
    }
}
