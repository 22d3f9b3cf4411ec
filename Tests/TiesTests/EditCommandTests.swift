import Foundation
import TestSupport
import Testing

@Suite("ties snooze and ties done, end to end")
struct EditCommandTests {
    @Test func snoozeChangesOneLineAndDueLeavesTheContactOut() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let before = try Snapshot(of: root).files
        let dry = try TiesBinary.run(["snooze", "jonas", "--for", "6w", "--today", "2026-11-25", "--dry-run"], in: root)
        #expect(dry.status == 0 && dry.stdout.contains("+snooze_until: 2027-01-06"), "\(dry.stdout)\(dry.stderr)")
        #expect(try Snapshot(of: root).files == before, "a dry run writes nothing")
        let result = try TiesBinary.run(["snooze", "Jonas Müller", "--until", "2027-01-06"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try Snapshot(of: root).files
        let path = "contacts/jonas-mueller.md"
        #expect(Set(after.keys) == Set(before.keys))
        for (file, data) in before where file != path { #expect(after[file] == data, "\(file) is untouched") }
        let old = String(decoding: try #require(before[path]), as: UTF8.self)
        let new = String(decoding: try #require(after[path]), as: UTF8.self)
        #expect(new == old.replacingOccurrences(of: "\n---\n# Jonas", with: "\nsnooze_until: 2027-01-06\n---\n# Jonas"))
        let due = try TiesBinary.run(["due", "--today", "2026-12-20"], in: root)
        #expect(!due.stdout.contains("Jonas Müller  "), "snoozed: \(due.stdout)")
        #expect(try TiesBinary.run(["snooze", "nobody", "--for", "1w"], in: root).status == 1)
        #expect(try TiesBinary.run(["snooze", "jonas"], in: root).status == 2)
    }

    @Test func aPrivateContactStaysPrivateAfterAnEdit() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let path = root.appending(path: "contacts/jonas-mueller.md").path
        chmod(path, 0o600)
        #expect(try TiesBinary.run(["snooze", "jonas", "--for", "2w", "--today", "2026-11-25"], in: root).status == 0)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func doneMarksOneFollowUpOrListsTheCandidates() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let before = try Snapshot(of: root).files
        let several = try TiesBinary.run(["done", "send"], in: root)
        #expect(several.status == 1 && several.stderr.contains("is in 2 open follow-ups"), "\(several.stderr)")
        #expect(try Snapshot(of: root).files == before)
        let result = try TiesBinary.run(["done", "MIGRATION write-up"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let path = "encounters/2025/2025-02-14-video-hiroshi.md"
        let new = String(decoding: try #require(try Snapshot(of: root).files[path]), as: UTF8.self)
        let old = String(decoding: try #require(before[path]), as: UTF8.self)
        #expect(
            new
                == old.replacingOccurrences(
                    of: "  - Share the migration write-up with Hiroshi\n",
                    with: "  - {task: Share the migration write-up with Hiroshi, done: true}\n"))
        let due = try TiesBinary.run(["due", "--today", "2026-11-25"], in: root)
        #expect(!due.stdout.contains("migration write-up"))
        #expect(try TiesBinary.run(["check"], in: root).status == 0)
        #expect(try TiesBinary.run(["done", "migration write-up"], in: root).status == 1, "nothing open matches now")
    }

    @Test func doneMarksTheNamedItemOfAFlowListAndAnExactTaskWins() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let path = "encounters/2026/2026-12-01-flow.md"
        try FileManager.default.createDirectory(at: root.appending(path: "encounters/2026"), withIntermediateDirectories: true)
        let text = """
            ---
            title: Flow
            date: 2026-12-01
            with: [Jonas Müller]
            followups: [{task: first task, due: 2026-12-05}, {task: second task, due: 2026-12-06, done: true}, {task: blockone}, {task: one}]
            ---

            """
        try Data(text.utf8).write(to: root.appending(path: path))
        let first = try TiesBinary.run(["done", "first task"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let exact = try TiesBinary.run(["done", "one"], in: root)
        #expect(exact.status == 0 && exact.stdout.contains("Done: one"), "\(exact.stdout)\(exact.stderr)")
        let new = String(decoding: try #require(try Snapshot(of: root).files[path]), as: UTF8.self)
        #expect(
            new
                == text.replacingOccurrences(
                    of: "{task: first task, due: 2026-12-05}", with: "{task: first task, due: 2026-12-05, done: true}"
                ).replacingOccurrences(of: "{task: one}", with: "{task: one, done: true}"))
        #expect(try TiesBinary.run(["check"], in: root).status == 0)
    }

    /// Twenty `ties done` at once on twenty follow-ups of one file, and ten renames of one
    /// contact: each waits for the one before, so every update lands and none half-applies.
    @Test func changesAtTheSameTimeLoseNothing() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let path = "encounters/2026/2026-12-01-many.md"
        try FileManager.default.createDirectory(at: root.appending(path: "encounters/2026"), withIntermediateDirectories: true)
        let tasks = (1...20).map { "parallel task number \($0)x" }
        let text =
            "---\ntitle: Many\ndate: 2026-12-01\nwith: [Jonas Müller]\nfollowups:\n"
            + tasks.map { "  - \($0)\n" }.joined() + "---\n"
        try Data(text.utf8).write(to: root.appending(path: path))
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Int32>.allocate(capacity: tasks.count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            results[index] = (try? TiesBinary.run(["done", tasks[index]], in: root).status) ?? -1
        }
        #expect(results.allSatisfy { $0 == 0 }, "\(Array(results))")
        let new = String(decoding: try #require(try Snapshot(of: root).files[path]), as: UTF8.self)
        for task in tasks { #expect(new.contains("{task: \(task), done: true}"), "\(task) in:\n\(new)") }

        let names = (1...10).map { "Jonas Renamed \($0)" }
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            results[index] = (try? TiesBinary.run(["rename", "jonas-mueller", names[index]], in: root).status) ?? -1
        }
        let contacts = try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "contacts").path)
        #expect(contacts.filter { $0.hasPrefix("jonas") }.count == 1, "one Jonas: \(contacts.sorted())")
        let check = try TiesBinary.run(["check"], in: root)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}

@Suite("Filters and names are checked")
struct CheckedFilterTests {
    @Test func anUnknownKindOrTagIsAnErrorWithADidYouMean() throws {
        let pubs = try TiesBinary.run(["pubs", "--kind", "talks"], in: Fixtures.template)
        #expect(pubs.status == 1)
        #expect(pubs.stderr.contains("no publication is of kind 'talks' (did you mean 'talk'?)"), "\(pubs.stderr)")
        #expect(try TiesBinary.run(["pubs", "--kind", "TALK"], in: Fixtures.template).status == 0)
        let who = try TiesBinary.run(["who", "--tag", "platfrom"], in: Fixtures.template)
        #expect(who.status == 1 && who.stderr.contains("(did you mean 'platform'?)"), "\(who.stderr)")
    }

    @Test func aNewPublicationMayNotTakeATitleThatExists() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let before = try Snapshot(of: root).files
        let result = try TiesBinary.run(
            ["new", "publication", "internal developer portals in practice", "--no-edit"], in: root)
        #expect(result.status == 1 && result.stderr.contains("exists already (publications/2026/berlin-portals-talk.md)"))
        #expect(try Snapshot(of: root).files == before)
    }
}

@Suite("ties new encounter in one line")
struct OneLineEncounterTests {
    @Test func notesFollowUpsAndGiveAndTakeWithoutAnEditor() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let result = try TiesBinary.run(
            [
                "new", "encounter", "--with", "jonas", "--with", "Lena Schäfer", "--kind", "coffee", "--date", "2026-12-01",
                "-m", "Talked about the staff track.", "--followup", "Send Jonas the slides@2026-12-05", "--followup",
                "Intro to Mei", "--gave", "An intro to Mei", "--received", "A tip on the committee", "--no-edit",
            ], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let path = "encounters/2026/2026-12-01-coffee-jonas-mueller-lena-schaefer.md"
        #expect(result.stdout.hasSuffix(path + "\n"), "the file name uses the people's slugs: \(result.stdout)")
        #expect(
            try String(contentsOf: root.appending(path: path), encoding: .utf8) == """
                ---
                date: 2026-12-01
                kind: coffee
                with: [Jonas Müller, Lena Schäfer]
                gave: [An intro to Mei]
                received: [A tip on the committee]
                followups: [{task: Send Jonas the slides, due: 2026-12-05}, Intro to Mei]
                ---

                Talked about the staff track.

                """)
        #expect(try TiesBinary.run(["check"], in: root).status == 0)
        let bad = try TiesBinary.run(
            ["new", "encounter", "--with", "jonas", "--followup", "x@2026-13-01", "--no-edit"], in: root)
        #expect(bad.status == 2 && bad.stderr.contains("'2026-13-01' is neither a date nor a duration"), "\(bad.stderr)")
    }

    @Test func introductionsDurationsAndADryRun() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let before = try Snapshot(of: root).files
        let arguments = [
            "new", "encounter", "--with", "jonas", "--introduced", "Lena Schäfer", "--kind", "coffee", "--date", "2026-12-01",
            "--followup", "Thank Jonas@3d", "--followup", "Send Lena the deck@2w", "--followup", "Mail ada@example.com",
            "--no-edit",
        ]
        let dry = try TiesBinary.run(arguments + ["--dry-run"], in: root)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(try Snapshot(of: root).files == before, "a dry run writes nothing")
        let path = "encounters/2026/2026-12-01-coffee-jonas-mueller-lena-schaefer.md"
        let expected = """
            ---
            date: 2026-12-01
            kind: coffee
            with: [Jonas Müller, Lena Schäfer]
            introduced: [Lena Schäfer]
            followups: [{task: Thank Jonas, due: 2026-12-04}, {task: Send Lena the deck, due: 2026-12-15}, Mail ada@example.com]
            ---

            """
        #expect(dry.stdout.contains("+++ b/\(path)"), "\(dry.stdout)")
        #expect(dry.stdout.contains("+introduced: [Lena Schäfer]"), "\(dry.stdout)")
        let made = try TiesBinary.run(arguments, in: root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try String(contentsOf: root.appending(path: path), encoding: .utf8) == expected + "\n")
        let show = try TiesBinary.run(["show", "lena", "--today", "2026-12-02"], in: root)
        #expect(show.stdout.contains("Jonas"), "Jonas introduced Lena: \(show.stdout)")

        // Days that make no sense are refused, and nothing is written.
        let after = try Snapshot(of: root).files
        for refused in [
            ["new", "encounter", "--with", "jonas", "--date", "2026-12-01", "--followup", "x@2026-11-01", "--no-edit"],
            ["new", "goal", "Find a mentor", "--due", "2026-01-01", "--today", "2026-12-01", "--no-edit"],
            ["snooze", "jonas", "--until", "2026-11-30", "--today", "2026-12-01"],
        ] {
            let result = try TiesBinary.run(refused, in: root)
            #expect(result.status == 2, "\(refused): \(result.stderr)")
        }
        #expect(try Snapshot(of: root).files == after)
    }
}

@Suite("--dry-run on every command that writes")
struct DryRunTests {
    @Test func everyCommandThatWritesPrintsItsChangeAndWritesNothing() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let before = try Snapshot(of: root).files
        let today = ["--today", "2026-11-25"]
        let commands: [[String]] = [
            ["new", "contact", "Grace Hopper", "--no-edit"], ["new", "encounter", "--with", "jonas", "--no-edit"],
            ["new", "publication", "A talk", "--no-edit"], ["new", "goal", "A goal", "--no-edit"] + today,
            ["snooze", "jonas", "--for", "2w"] + today, ["done", "MIGRATION write-up"], ["rename", "jonas", "Jonas Weber"],
            ["merge", "jonas", "lena"], ["greet", "jonas"] + today, ["intro", "jonas", "--to", "mei"] + today,
            ["set", "circle=wider", "jonas"], ["theme", "copy", "contact"],
        ]
        for command in commands {
            let result = try TiesBinary.run(command + ["--dry-run"], in: root)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(command) says what it would do")
            #expect(try Snapshot(of: root).files == before, "\(command) --dry-run wrote nothing")
        }
        let folder = root.deletingLastPathComponent().appending(path: "new-journal")
        let initialised = try TiesBinary.run(["init", folder.path, "--example", "--dry-run"], in: root)
        #expect(initialised.status == 0 && initialised.stdout.contains("  ties.yaml\n"), "\(initialised.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
