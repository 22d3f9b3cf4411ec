import Foundation
import TestSupport
import Testing

@Suite("ties set, end to end")
struct SetCommandTests {
    /// Contacts written the ways people and other tools write YAML.
    static let files: [String: String] = [
        "ties.yaml": "circles:\n  close: 1m\n  network: 3m\ndefault_cadence: 6m\n",
        "contacts/ada.md": "---\nname: Ada\ntags: [speaker, \"#Old-Team\"]   # keep this\ncircle: close\n---\nNotes stay.\n",
        "contacts/ben.md": "---\r\nname: Ben\r\ntags:\r\n  - old-team\r\n  - mentor\r\n---\r\nCRLF body.\r\n",
        "contacts/cy.md": "---\nname: Cy\ntags: \"#old-team, #infra\"\n---\n",
        "contacts/dee.md": "---\n# a comment first\nname: Dee\n---\n",
        "goals/staff-role.md": "---\ntitle: Staff role\n---\n",
    ]

    @Test func changesOnlyTheLinesItMustInEveryStyleAllOrNone() throws {
        let root = try Fixtures.temporaryFolder("set")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.files, under: root)
        let before = try Snapshot(of: root).files

        let dry = try TiesBinary.run(
            ["set", "tags-=old-team", "goals+=staff", "circle=network", "ada", "ben", "cy", "dee", "--dry-run"], in: root)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("--- a/contacts/ada.md"), "\(dry.stdout)")
        #expect(try Snapshot(of: root).files == before, "a dry run writes nothing")

        let result = try TiesBinary.run(
            ["set", "tags-=old-team", "goals+=staff", "circle=network", "ada", "ben", "cy", "dee"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Changed 4 contacts (tags-=old-team goals+=staff circle=network):"), "\(result.stdout)")
        func text(_ path: String) throws -> String { try String(contentsOf: root.appending(path: path), encoding: .utf8) }
        #expect(
            try text("contacts/ada.md")
                == "---\nname: Ada\ntags: [speaker]   # keep this\ncircle: network\ngoals: [Staff role]\n---\nNotes stay.\n")
        #expect(
            try text("contacts/ben.md")
                == "---\r\nname: Ben\r\ntags:\r\n  - mentor\r\ngoals: [Staff role]\r\ncircle: network\r\n---\r\nCRLF body.\r\n")
        #expect(try text("contacts/cy.md") == "---\nname: Cy\ntags: [infra]\ngoals: [Staff role]\ncircle: network\n---\n")
        #expect(try text("contacts/dee.md") == "---\n# a comment first\nname: Dee\ngoals: [Staff role]\ncircle: network\n---\n")
        #expect(try TiesBinary.run(["check"], in: root).status == 0)

        // New keys go at the end in the order the assignments are given. Again: every contact has it already.
        let again = try TiesBinary.run(["set", "circle=network", "--circle", "network"], in: root)
        #expect(again.status == 0 && again.stdout.hasPrefix("Nothing to change: 4 contacts had circle=network already."))
    }

    @Test func choosesByTagOrgCircleAndAnImportsReport() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let byTag = try TiesBinary.run(["set", "cadence=2m", "--tag", "platform", "--circle", "close", "--dry-run"], in: root)
        #expect(byTag.status == 0, "\(byTag.stderr)")
        let changed = byTag.stdout.split(separator: "\n").filter { $0.hasPrefix("+++ b/") }
        #expect(changed == ["+++ b/contacts/jonas-mueller.md"], "tagged platform and in the close circle: \(changed)")
        let atAcme = try TiesBinary.run(["set", "tags+=acme", "--org", "Acme Robotics", "--dry-run"], in: root)
        #expect(
            atAcme.stdout.contains("+++ b/contacts/lena-schaefer.md") && atAcme.stdout.contains("+++ b/contacts/jonas-mueller.md")
        )

        let report = root.deletingLastPathComponent().appending(path: "report.txt")
        try Data("Created 2:\n  contacts/anna-becker.md (Anna Becker)\n  contacts/nobody.md\n  contacts/eva-novakova.md\n".utf8)
            .write(to: report)
        let fromReport = try TiesBinary.run(["set", "circle=wider", "--report", report.path], in: root)
        #expect(fromReport.status == 0, "\(fromReport.stderr)")
        #expect(fromReport.stdout.contains("contacts/anna-becker.md") && fromReport.stdout.contains("contacts/eva-novakova.md"))
    }

    @Test func refusesWhatItCannotDoAndWritesNothing() throws {
        let root = try Fixtures.temporaryFolder("set")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.files, under: root)
        let before = try Snapshot(of: root).files
        let cases: [([String], Int32, String)] = [
            (["set", "circel=close", "ada"], 2, "did you mean 'circle'"),
            (["set", "circle+=close", "ada"], 2, "is one value"),
            (["set", "tags=x", "ada"], 2, "is a list"),
            (["set", "ada"], 2, "give at least one change"),
            (["set", "circle=close"], 2, "choose the contacts"),
            (["set", "circle=clse", "ada"], 1, "did you mean 'close'"),
            (["set", "cadence=often", "ada"], 1, "is not a cadence"),
            (["set", "goals+=nothing", "ada"], 1, "nothing"),
            (["set", "circle=close", "nobody"], 1, "nobody"),
            (["set", "circle=close", "--tag", "absent"], 1, "no contact matches"),
        ]
        for (arguments, status, message) in cases {
            let result = try TiesBinary.run(arguments, in: root)
            #expect(result.status == status && result.stderr.contains(message), "\(arguments): \(result.status) \(result.stderr)")
        }
        #expect(try Snapshot(of: root).files == before, "nothing written by a refused change")
        // One file that cannot be changed (its tags are an alias) stops the change of all four.
        try Fixtures.write(["contacts/dee.md": "---\nname: Dee\nx: &t [a]\ntags: *t\n---\n"], under: root)
        let snapshot = try Snapshot(of: root).files
        let blocked = try TiesBinary.run(["set", "tags+=new", "ada", "ben", "cy", "dee"], in: root)
        #expect(blocked.status == 1, "\(blocked.stdout)\(blocked.stderr)")
        #expect(try Snapshot(of: root).files == snapshot, "all or none")
    }
}
