import Foundation
import TestSupport
import Testing

@Suite("ties show and ties who, end to end")
struct ShowAndWhoCommandTests {
    @Test(arguments: [("jonas", "show-contact.txt"), ("ACME", "show-org.txt"), ("staff-engineer-role", "show-goal.txt")])
    func showsARecordByAnyOfItsNames(ref: String, golden: String) throws {
        let result = try TiesBinary.run(["show", ref, "--today", "2026-11-25"], in: Fixtures.template)
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.assert(result.stdout, matches: golden)
    }

    @Test func anUnknownNameGetsASuggestion() throws {
        let result = try TiesBinary.run(["show", "Lena Schäffer"], in: Fixtures.template)
        #expect(result.status == 1)
        #expect(result.stderr == "ties: nothing in the journal is called 'Lena Schäffer' (did you mean 'Lena Schäfer'?)\n")
    }

    @Test func whoWorksAtAnOrgNowAndBefore() throws {
        let now = try TiesBinary.run(["who", "--org", "Acme"], in: Fixtures.template)
        #expect(now.status == 0)
        #expect(now.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 3)
        #expect(!now.stdout.contains("Eva"))
        let before = try TiesBinary.run(["who", "--org", "Acme", "--former", "--format", "json"], in: Fixtures.template)
        let people = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [[String: Any]])
        #expect(people.map { $0["slug"] as? String } == ["jonas-mueller", "lena-schaefer", "maximilian-graf", "eva-novakova"])
        #expect(people.last?["current"] as? Bool == false)
        #expect(people.last?["to"] as? String == "2022")
        #expect(Set(people[0].keys) == ["slug", "name", "org", "title", "current", "from", "to", "circle", "tags"])
    }

    @Test func whoByTagAndCircleCombine() throws {
        let result = try TiesBinary.run(
            ["who", "--tag", "#MLOps", "--circle", "wider", "--format", "json"], in: Fixtures.template)
        let people = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        // By name: 林美 before 田中 宏, as their names sort, not their slugs.
        #expect(people.map { $0["slug"] as? String } == ["mei-lin", "hiroshi-tanaka"])
        let nobody = try TiesBinary.run(["who", "--tag", "connector", "--circle", "wider"], in: Fixtures.template)
        #expect(nobody.stdout == "Nobody matches.\n" && nobody.status == 0)
        let unknownTag = try TiesBinary.run(["who", "--tag", "nothing"], in: Fixtures.template)
        #expect(unknownTag.status == 1 && unknownTag.stderr.contains("no contact has the tag 'nothing'"))
        let former = try TiesBinary.run(["who", "--former"], in: Fixtures.template)
        #expect(former.status == 2)
        let unknown = try TiesBinary.run(["who", "--org", "Akme Robotics"], in: Fixtures.template)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'Acme Robotics'?"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsForEveryShell(shell: String) throws {
        let result = try TiesBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["check", "build", "due", "new", "show", "who", "export"] {
            #expect(result.stdout.contains(command), "\(shell) completion lacks \(command)")
        }
    }
}
