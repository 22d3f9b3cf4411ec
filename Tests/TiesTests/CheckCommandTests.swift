import Foundation
import TestSupport
import Testing

/// `ties check`, run as a person runs it: the built binary on fixture journals.
@Suite("ties check, end to end")
struct CheckCommandTests {
    @Test func cleanJournalExitsZeroWithASummary() throws {
        let result = try TiesBinary.run(["check", "--journal", Fixtures.journal("linked").path])
        #expect(result.status == 0)
        #expect(result.stdout == "4 contacts, 3 encounters, 1 publication, 3 orgs, 1 goal: no problems\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func sampleJournalPassesStrict() throws {
        let result = try TiesBinary.run(["check", "--strict"], in: Fixtures.template)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix(": no problems\n"))
    }

    @Test func brokenJournalReportsEveryProblemOfEveryFile() throws {
        let result = try TiesBinary.run(["check", "--journal", Fixtures.journal("broken").path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Path, line, column and code of each problem: the specification of what check finds.
        let found = lines.dropLast().map { line -> String in
            let location = line.split(separator: " ")[0].dropLast()
            let code = line.split(separator: "[").last.map { $0.dropLast() } ?? ""
            return "\(location) \(code)"
        }
        #expect(
            found == [
                "contacts/ada.md:5:13 unknown-reference",
                "contacts/bad-yaml.md:4:1 yaml-syntax",
                "contacts/charles-babbage.md:3:1 unknown-field",
                "contacts/dup.md:3:1 duplicate-field",
                "contacts/latin1.md:2:8 not-utf8",
                "contacts/not-a-map.md:2:1 front-matter-not-map",
                "contacts/sub/ada.md:1:1 duplicate-slug",
                "contacts/unterminated.md:1:1 unterminated-front-matter",
                "contacts/wrong-types.md:3:9 wrong-type",
                "contacts/wrong-types.md:4:10 invalid-duration",
                "contacts/wrong-types.md:5:11 invalid-date",
                "contacts/wrong-types.md:6:9 unknown-circle",
                "contacts/wrong-types.md:7:10 unknown-reference",
                "encounters/2024-02-01-coffee.md:2:8 wrong-type",
                "encounters/2024-02-01-coffee.md:3:7 invalid-date",
                "encounters/2024-02-01-coffee.md:4:8 ambiguous-reference",
                "encounters/2024-02-01-coffee.md:4:19 unknown-reference",
                "encounters/2024-02-01-coffee.md:6:29 invalid-date",
                "encounters/undated.md:1:1 missing-field",
                "goals/goal.md:3:9 invalid-value",
                "publications/untitled.md:1:1 missing-field",
                "publications/untitled.md:3:9 invalid-value",
                "ties.yaml:2:1 unknown-field",
                "ties.yaml:5:12 invalid-duration",
            ])
        #expect(lines.last == "8 contacts, 0 encounters, 1 publication, 0 orgs, 1 goal: 18 errors, 6 warnings")
        try Golden.assert(result.stdout, matches: "check-broken.txt")
    }

    @Test func jsonCarriesDiagnosticsAndCounts() throws {
        let result = try TiesBinary.run(["check", "--format", "json", "--journal", Fixtures.journal("broken").path])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 24)
        let first = try #require(diagnostics.first)
        #expect(Set(first.keys) == ["file", "line", "column", "severity", "code", "message"])
        #expect(first["file"] as? String == "contacts/ada.md")
        #expect(first["line"] as? Int == 5)
        #expect(first["severity"] as? String == "warning")
        let counts = try #require(document["counts"] as? [String: Int])
        #expect(counts == ["contacts": 8, "encounters": 0, "publications": 1, "orgs": 0, "goals": 1])
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let journal = Fixtures.journal("empty").path
        let relaxed = try TiesBinary.run(["check", "--journal", journal])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("ties.yaml:1:1: warning: the journal has no records yet"))
        let strict = try TiesBinary.run(["check", "--strict", "--journal", journal])
        #expect(strict.status == 1)
    }

    @Test func findsTheJournalFromASubfolderOrTheEnvironment() throws {
        let fromSubfolder = try TiesBinary.run(["check"], in: Fixtures.journal("linked").appending(path: "encounters/2024"))
        #expect(fromSubfolder.status == 0)
        #expect(fromSubfolder.stdout.hasPrefix("4 contacts"))
        let fromEnvironment = try TiesBinary.run(["check"], environment: ["TIES_JOURNAL": Fixtures.journal("linked").path])
        #expect(fromEnvironment.stdout.hasPrefix("4 contacts"))
    }

    @Test func noJournalIsABadInvocation() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TiesBinary.run(["check"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("ties: no journal here: no ties.yaml in"))
        #expect(result.stderr.contains("ties init DIR"))
        let missing = try TiesBinary.run(["check", "--journal", folder.appending(path: "nope").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such folder"))
    }

    @Test(arguments: [["check", "--format", "xml"], ["check", "--bogus"], ["chek"], ["init"]])
    func badArgumentsExitTwo(arguments: [String]) throws {
        let result = try TiesBinary.run(arguments, in: Fixtures.template)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test func aMisspeltCommandGetsASuggestion() throws {
        let result = try TiesBinary.run(["chek"])
        #expect(result.status == 2)
        #expect(result.stderr == "ties: unknown command 'chek' (did you mean 'check'?); see 'ties --help'\n")
    }

    @Test func pipedOutputHasNoColour() throws {
        let result = try TiesBinary.run(["check", "--journal", Fixtures.journal("broken").path], environment: ["TERM": "xterm"])
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func helpShowsExamplesAndExitCodes() throws {
        let result = try TiesBinary.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("Exit codes (the same for every command):"))
    }

    @Test func checkNeverWritesToTheJournal() throws {
        let copy = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let before = try Snapshot(of: copy)
        _ = try TiesBinary.run(["check"], in: copy)
        #expect(try Snapshot(of: copy) == before)
    }
}
