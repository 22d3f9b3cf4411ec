import Foundation
import TestSupport
import Testing

@Suite("ties pubs, end to end")
struct PubsCommandTests {
    @Test func theLogByYearThePipelineAndWhatNeedsDoing() throws {
        let result = try TiesBinary.run(["pubs", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(result.status == 0)
        try Golden.assert(result.stdout, matches: "pubs-template.txt")
    }

    @Test func filtersNarrowEverySection() throws {
        let talks = try TiesBinary.run(
            ["pubs", "--year", "2025", "--kind", "talk", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(talks.stdout.hasPrefix("2025: 2 published (talk 2) · audience 580 · views 3100\n"))
        #expect(!talks.stdout.contains("Pipeline"))
        let submitted = try TiesBinary.run(["pubs", "--status", "submitted", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(submitted.stdout.hasPrefix("Pipeline (1)\n"))
        #expect(submitted.stdout.contains("no answer for 97 days"))
        let none = try TiesBinary.run(["pubs", "--year", "1999"], in: Fixtures.template)
        #expect(none.stdout == "No publications match.\n")
        let bad = try TiesBinary.run(["pubs", "--status", "publshed"], in: Fixtures.template)
        #expect(bad.status == 2)
    }

    @Test func jsonAndCSVForOtherTools() throws {
        let json = try TiesBinary.run(["pubs", "--format", "json", "--today", "2026-11-25"], in: Fixtures.template)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["published", "pipeline", "rejected", "years", "actions"])
        #expect((document["published"] as? [Any])?.count == 6)
        // Most advanced first; a rejected talk is kept apart, not in the pipeline.
        let pipeline = try #require(document["pipeline"] as? [[String: Any]])
        #expect(pipeline.map { $0["status"] as? String } == ["accepted", "accepted", "submitted", "draft", "idea"])
        #expect((document["rejected"] as? [[String: Any]])?.map { $0["status"] as? String } == ["rejected"])
        let years = try #require(document["years"] as? [[String: Any]])
        #expect(years.first?["year"] as? Int == 2026)
        #expect((years.first?["kinds"] as? [String: Int]) == ["post": 1, "talk": 1])

        let csv = try TiesBinary.run(["pubs", "--format", "csv"], in: Fixtures.template)
        #expect(csv.stdout.hasPrefix("date,status,kind,title,venue,with,url,slides,recording,audience,views,reach\r\n"))
        let script = """
            import csv, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
            print(len(rows), rows[0]["title"], "|", rows[1]["with"])
            """
        let file = try Fixtures.temporaryFolder().appending(path: "pubs.csv")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data(csv.stdout.utf8).write(to: file)
        let parsed = try #require(try Python.run(script, arguments: [file.path], needing: "csv"))
        #expect(parsed.output == "12 Paved roads, not golden cages | Дмитрий Волков; Yusuf Demir\n")
    }

    @Test func buildPublicWritesOnlyTheLog() throws {
        let place = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: place) }
        let result = try TiesBinary.run(
            ["build", "--public", "--output", place.appending(path: "www").path, "--today", "2026-11-25"],
            in: Fixtures.template)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 7 pages"))
        #expect(SiteChecker.files(in: place.appending(path: "www")).allSatisfy { !$0.hasPrefix("contacts") })
    }
}
