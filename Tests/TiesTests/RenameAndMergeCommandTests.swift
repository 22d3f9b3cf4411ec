import Foundation
import TestSupport
import Testing

/// `ties rename` and `ties merge` on copies of journals, checked byte for byte afterwards.
@Suite("ties rename and ties merge, end to end")
struct RenameAndMergeCommandTests {
    private func text(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "\(path) exists"), as: UTF8.self)
    }

    @Test func renameRewritesEveryReferenceAndKeepsTheOldNameAsAnAlias() throws {
        let root = try Fixtures.copy(Fixtures.journal("rename"))
        let before = try Snapshot(of: root).files
        let dry = try TiesBinary.run(["rename", "ada", "Ada King", "--dry-run"], in: root)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(try Snapshot(of: root).files == before, "a dry run writes nothing")
        // The printed diff is one `git apply` takes.
        let patch = root.deletingLastPathComponent().appending(path: "rename.diff")
        try Data(dry.stdout.utf8).write(to: patch)
        let git = try TiesBinary.run(
            ["apply", "--check", patch.path], in: root, executable: URL(fileURLWithPath: "/usr/bin/git"))
        #expect(git.status == 0, "\(git.stderr)")

        let result = try TiesBinary.run(["rename", "Lovelace", "Ada King"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Renamed 'Ada Lovelace' to 'Ada King'.\n  contacts/ada.md → contacts/ada-king.md\n"))
        let after = try Snapshot(of: root).files
        #expect(Set(after.keys) == Set(before.keys).subtracting(["contacts/ada.md"]).union(["contacts/ada-king.md"]))
        // Its own file: the name changed, the comment kept its place, the old name is an alias.
        #expect(
            try text(after, "contacts/ada-king.md")
                == text(before, "contacts/ada.md")
                .replacingOccurrences(of: "name: Ada Lovelace   # née Byron", with: "name: Ada King   # née Byron")
                .replacingOccurrences(of: "aliases: [Countess]", with: "aliases: [Countess, Ada Lovelace]"))
        // References by name and by slug follow, in their quotes; those by an alias, and text in
        // code, stay; wiki links keep their shown text and heading.
        #expect(
            try text(after, "contacts/charles.md")
                == text(before, "contacts/charles.md").replacingOccurrences(of: "met_via: ada\n", with: "met_via: ada-king\n")
                .replacingOccurrences(of: "[[Ada Lovelace|Ada]]", with: "[[Ada King|Ada]]"))
        #expect(
            try text(after, "encounters/2024/2024-01-01-tea.md")
                == text(before, "encounters/2024/2024-01-01-tea.md")
                .replacingOccurrences(of: "  - Ada Lovelace\n", with: "  - Ada King\n")
                .replacingOccurrences(of: "[\"ada\"]", with: "[\"ada-king\"]")
                .replacingOccurrences(of: "[[ada|the countess]]", with: "[[ada-king|the countess]]")
                .replacingOccurrences(of: "[[ Ada Lovelace #Notes ]]", with: "[[ Ada King #Notes ]]"))
        #expect(after["orgs/engines.md"] == before["orgs/engines.md"])
        let check = try TiesBinary.run(["check", "--strict"], in: root)
        #expect(check.status == 0, "\(check.stdout)")
        let show = try TiesBinary.run(["show", "lovelace"], in: root)
        #expect(show.stdout.hasPrefix("Ada King\n"), "the old name still finds her")
    }

    @Test func renameOnTheSampleJournalChangesOnlyTheLinesThatNameHer() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let before = try Snapshot(of: root).files
        let result = try TiesBinary.run(["rename", "schafer", "Lena Weber"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try Snapshot(of: root).files
        #expect(Set(after.keys) == Set(before.keys).subtracting(["contacts/lena-schaefer.md"]).union(["contacts/lena-weber.md"]))
        #expect(
            try text(after, "contacts/lena-weber.md")
                == text(before, "contacts/lena-schaefer.md").replacingOccurrences(
                    of: "name: Lena Schäfer\n", with: "name: Lena Weber\n"
                ).replacingOccurrences(
                    of: "goals: [staff-engineer-role]\n---\n",
                    with: "goals: [staff-engineer-role]\naliases: [Lena Schäfer]\n---\n"))
        // Every other mention of her in the sample journal is a reference or a wiki link.
        var changed: [String] = []
        for (path, data) in before where path != "contacts/lena-schaefer.md" {
            let old = String(decoding: data, as: UTF8.self)
            #expect(try text(after, path) == old.replacingOccurrences(of: "Lena Schäfer", with: "Lena Weber"), "\(path)")
            if old.contains("Lena Schäfer") { changed.append(path) }
        }
        #expect(changed.count == 5)
        let check = try TiesBinary.run(["check", "--strict"], in: root)
        #expect(check.status == 0, "\(check.stdout)")
        let who = try TiesBinary.run(["who", "--org", "acme"], in: root)
        #expect(who.stdout.contains("Lena Weber"))
    }

    /// A name that cannot stand inside `[[…]]` (`]]`, `|`, `#`) is linked by its slug.
    @Test func aNameThatCannotBeALinkTargetIsLinkedBySlug() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let result = try TiesBinary.run(["rename", "schafer", "Lena [[Team|A]] #1"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try Snapshot(of: root).files
        let links = after.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(!links.contains("[[Lena [[Team"), "no link is broken by the name")
        #expect(links.contains("[[lena-team-a-1"), "links name the slug")
        let check = try TiesBinary.run(["check", "--strict"], in: root)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func renameAnOrgFollowsItsRolesInBothStyles() throws {
        let root = try Fixtures.copy(Fixtures.journal("rename"))
        let before = try Snapshot(of: root).files
        let result = try TiesBinary.run(["rename", "Analytical Engines", "Difference Engines & Co"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try Snapshot(of: root).files
        #expect(after["orgs/engines.md"] == nil)
        #expect(
            try text(after, "orgs/difference-engines-co.md")
                == "---\nname: Difference Engines & Co\naliases: [Analytical Engines]\n---\n")
        #expect(
            try text(after, "contacts/charles.md")
                == text(before, "contacts/charles.md").replacingOccurrences(
                    of: "Analytical Engines", with: "Difference Engines & Co"))
        let who = try TiesBinary.run(["who", "--org", "difference"], in: root)
        #expect(who.stdout.contains("Charles Babbage"))
    }

    @Test func renameRefusesANameTakenAndChangesNothing() throws {
        let root = try Fixtures.copy(Fixtures.journal("rename"))
        let before = try Snapshot(of: root).files
        let taken = try TiesBinary.run(["rename", "ada", "Charles Babbage"], in: root)
        #expect(taken.status == 1 && taken.stderr.contains("another contact is called 'Charles Babbage' already"))
        let unknown = try TiesBinary.run(["rename", "nobody", "X"], in: root)
        #expect(unknown.status == 1)
        let encounter = try TiesBinary.run(["rename", "2024-01-01-tea", "X"], in: root)
        #expect(encounter.status == 1)
        let control = try TiesBinary.run(["rename", "ada", "Ada\u{1B}]52;c;x\u{7} King"], in: root)
        #expect(control.status == 1 && control.stderr.contains("without control characters"), "\(control.stderr)")
        #expect(try Snapshot(of: root).files == before)
    }

    @Test func mergeUnitesTwoFilesOfOnePerson() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let drop = """
            ---
            name: Jonas Mueller
            aliases: [J. Müller]
            emails: [jonas@private.example, jonas.mueller@acme-robotics.example]
            links: {github: https://github.com/jmueller, linkedin: https://www.linkedin.com/in/other}
            title: Principal Engineer   # from his card
            roles:
              - {org: Siemens, title: Intern, from: 2010, to: 2011}
            tags: [climbing, Platform]
            public_link: true
            ---
            Met him again at a meetup; likes climbing.

            """
        try Fixtures.write(
            [
                "contacts/jonas-mueller-2.md": drop,
                "encounters/2026/2026-10-01-climb.md":
                    "---\ntitle: Climbing\nkind: meeting\nwith: [Jonas Mueller, Tom Okafor, Jonas Müller]\n---\nWith [[jonas-mueller-2|JM]].\n",
            ], under: root)
        let before = try Snapshot(of: root).files
        let result = try TiesBinary.run(["merge", "jonas-mueller", "Jonas Mueller"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: kept title 'Head of Platform'; Jonas Mueller had 'Principal Engineer'"))
        #expect(result.stderr.contains("note: kept links.linkedin"))
        let after = try Snapshot(of: root).files
        #expect(after["contacts/jonas-mueller-2.md"] == nil)
        let keep = try text(before, "contacts/jonas-mueller.md")
        let expected =
            keep
            .replacingOccurrences(of: "aliases: [Jonas]", with: "aliases: [Jonas, Jonas Mueller, J. Müller]")
            .replacingOccurrences(
                of: "emails: [jonas.mueller@acme-robotics.example]",
                with: "emails: [jonas.mueller@acme-robotics.example, jonas@private.example]"
            )
            .replacingOccurrences(
                of: "  web: https://jonas.example\n",
                with: "  web: https://jonas.example\n  github: https://github.com/jmueller\n"
            )
            .replacingOccurrences(
                of: "from: 2023-02}\n", with: "from: 2023-02}\n  - {org: Siemens, title: Intern, from: 2010, to: 2011}\n"
            )
            .replacingOccurrences(
                of: "tags: [former-colleague, platform, connector]",
                with: "tags: [former-colleague, platform, connector, climbing]"
            )
            .replacingOccurrences(
                of: "goals: [staff-engineer-role]\n---", with: "goals: [staff-engineer-role]\npublic_link: true\n---")
            + "\n## Merged from Jonas Mueller (contacts/jonas-mueller-2.md)\n\nMet him again at a meetup; likes climbing.\n"
        #expect(try text(after, "contacts/jonas-mueller.md") == expected)
        // The encounter names him once, and its link names the file that stays.
        #expect(
            try text(after, "encounters/2026/2026-10-01-climb.md")
                == "---\ntitle: Climbing\nkind: meeting\nwith: [Jonas Müller, Tom Okafor]\n---\nWith [[Jonas Müller|JM]].\n")
        for (path, data) in before where !path.hasPrefix("contacts/jonas-mueller") && !path.contains("climb") {
            #expect(after[path] == data, "\(path) is untouched")
        }
        let check = try TiesBinary.run(["check", "--strict"], in: root)
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// A record that is a link to another file of the journal is that file: merging the two
    /// would append the file's notes to itself.
    @Test func mergeRefusesTwoRecordsThatAreOneFile() throws {
        let root = try Fixtures.copy(Fixtures.template)
        try FileManager.default.createSymbolicLink(
            atPath: root.appending(path: "contacts/jonas-twin.md").path, withDestinationPath: "jonas-mueller.md")
        let before = try Snapshot(of: root).files
        let result = try TiesBinary.run(["merge", "jonas-mueller", "jonas-twin"], in: root)
        #expect(result.status == 1 && result.stderr.contains("are one file"), "\(result.stdout)\(result.stderr)")
        #expect(try Snapshot(of: root).files == before)
    }

    @Test func mergeRefusesRecordsOfTwoKinds() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let before = try Snapshot(of: root).files
        let result = try TiesBinary.run(["merge", "jonas", "jonas"], in: root)
        #expect(result.status == 1 && result.stderr.contains("are the same record"), "\(result.stderr)")
        #expect(try TiesBinary.run(["merge", "jonas", "Acme Robotics"], in: root).status == 1)
        #expect(try Snapshot(of: root).files == before)
    }
}
