import Authoring
import Foundation
import TestSupport
import Testing

/// Every command, run as a person runs it, on journals made to crash it or to take over the
/// terminal: each exits with a documented code and prints no control character from the journal.
@Suite("Hostile journals, end to end")
struct HostileJournalCommandTests {
    private static func journal(_ files: [String: String]) throws -> URL {
        let root = try Fixtures.copy(Fixtures.template)
        try Fixtures.write(files, under: root)
        return root
    }

    private static let commands: [[String]] = [
        ["check"], ["due"], ["due", "--within", "100y"], ["show", "big-numbers"], ["who"], ["pubs"], ["pubs", "--format", "csv"],
        ["pubs", "--format", "json"], ["export", "ics"], ["build", "--output", "OUT/site"],
        ["build", "--public", "--output", "OUT/public"],
    ]

    @Test func numbersAtTheEdgeNeverCrashACommand() throws {
        let root = try Self.journal([
            "contacts/big-numbers.md":
                "---\nname: Big Numbers\ncadence: 9223372036854775807d\nmet: 9999-12-31\nbirthday: 9999-12-31\n---\n",
            "contacts/edge.md": "---\nname: Edge\ncadence: 100y\nmet: 0001-01-01\n---\n",
            "encounters/9999-12-31-last.md":
                "---\ndate: 9999-12-31\nwith: [edge]\nfollowups:\n  - {task: a, due: 36600d}\n  - {task: b, due: 9223372036854775807w}\n---\n",
            "publications/figures.md":
                "---\ntitle: Figures\ndate: 9999-12-31\nviews: 9223372036854775807\naudience: 1_000_000_000_000\n"
                + "metrics:\n  - {date: 2024-01-01, reach: 1_000_000_000_000}\n---\n",
            "publications/future.md": "---\ntitle: Future\nkind: talk\ndate: 2031-01-01\nstatus: published\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let out = root.deletingLastPathComponent().path
        for today in ["2024-06-01", "9999-12-31", "0001-01-01"] {
            for command in Self.commands {
                let dated = !["check", "who"].contains(command[0])
                let arguments = command.map { $0.replacingOccurrences(of: "OUT", with: out) } + (dated ? ["--today", today] : [])
                let result = try TiesBinary.run(arguments, in: root)
                #expect([0, 1].contains(result.status), "\(arguments): \(result.status) \(result.stderr)")
            }
        }
        let check = try TiesBinary.run(["check"], in: root)
        #expect(
            check.stdout.contains(
                "contacts/big-numbers.md:3:10: error: '9223372036854775807d' in 'cadence' is longer than 100 years"))
        #expect(check.stdout.contains("publications/figures.md:4:8: error: '9223372036854775807' in 'views' is too large"))
    }

    @Test func controlCharactersFromTheJournalAreShownEscaped() throws {
        let controls: Set<Unicode.Scalar> = ["\u{1B}", "\u{7}", "\u{9B}", "\u{202E}"]
        let root = try Self.journal([
            "contacts/evil.md":
                "---\nname: \"Evil\\e]0;pwned\\a\\e[2J\\u009B31m\\u202E Name\"\ncadence: 1d\nmet: 2020-01-01\ntags: [x]\n---\n",
            "contacts/e\u{1B}[31mvil.md": "---\nname: Plain\ncadence: weekly\n---\n",
            "encounters/2026-11-01-evil.md":
                "---\ndate: 2026-11-01\nwith: [evil]\nfollowups:\n  - {task: \"do \\e[8m this\", due: 2026-11-02}\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for command in [
            ["check"], ["due"], ["show", "evil"], ["who"], ["who", "--format", "json"], ["due", "--format", "json"],
        ] {
            let dated = command[0] == "due" || command[0] == "show"
            let result = try TiesBinary.run(command + (dated ? ["--today", "2026-12-01"] : []), in: root)
            let printed = result.stdout + result.stderr
            #expect(!printed.unicodeScalars.contains { controls.contains($0) }, "\(command): raw control characters")
            #expect(printed.contains("Evil") || printed.contains("e\\u{1B}[31mvil") || command.contains("json"), "\(command)")
        }
        let check = try TiesBinary.run(["check"], in: root)
        #expect(check.stdout.contains("contacts/e\\u{1B}[31mvil.md:3:10: error:"))
        let due = try TiesBinary.run(["due", "--today", "2026-12-01"], in: root)
        #expect(due.stdout.contains("Evil\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{9B}31m\\u{202E} Name"))
        // JSON stays JSON: the same characters as JSON escapes.
        let json = try TiesBinary.run(["due", "--format", "json", "--today", "2026-12-01"], in: root)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(decoded != nil)
        #expect(json.stdout.contains("\\u009B31m"))
    }

    @Test func exportsRefuseTheJournalsOwnFiles() throws {
        let root = try Self.journal([:])
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let settings = try Data(contentsOf: root.appending(path: "ties.yaml"))
        for target in ["ties.yaml", "README.md", "contacts/calendar.ics", "theme/calendar.ics"] {
            let result = try TiesBinary.run(["export", "ics", "--output", root.appending(path: target).path], in: root)
            #expect(result.status == 2, "\(target)")
            #expect(result.stderr.contains("write the file elsewhere") || result.stderr.contains("only its own exports"))
        }
        #expect(try Data(contentsOf: root.appending(path: "ties.yaml")) == settings)
        let fine = try TiesBinary.run(["export", "ics", "--output", root.appending(path: "network.ics").path], in: root)
        #expect(fine.status == 0)
        let again = try TiesBinary.run(["export", "ics", "--output", root.appending(path: "network.ics").path], in: root)
        #expect(again.status == 0, "an earlier export is replaced")
    }

    @Test func encryptedSitesNeedAPasswordWorthTheName() throws {
        let root = try Self.journal([:])
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.deletingLastPathComponent().appending(path: "sealed").path
        let short = try TiesBinary.run(
            ["build", "--encrypt", "--output", output], in: root, environment: ["TIES_SITE_PASSWORD": "a"])
        #expect(short.status == 2)
        #expect(short.stderr.contains("at least 8"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let weak = try TiesBinary.run(
            ["build", "--encrypt", "--weak-password", "--output", output], in: root, environment: ["TIES_SITE_PASSWORD": "a"])
        #expect(weak.status == 0)
        #expect(weak.stderr.contains("warning: a password of 1 characters"))
        let middling = try TiesBinary.run(
            ["build", "--encrypt", "--output", output], in: root, environment: ["TIES_SITE_PASSWORD": "nine char"])
        #expect(middling.status == 0)
        #expect(middling.stderr.contains("warning"))
    }
}

/// A write that fails midway, as on a full disk, through the built binary.
@Suite("Writes that fail midway")
struct FailedWriteTests {
    @Test func aFullDiskLeavesTheOldFileWholeAndNoTemporaryFile() throws {
        let prlimit = URL(fileURLWithPath: "/usr/bin/prlimit")
        guard FileManager.default.isExecutableFile(atPath: prlimit.path) else { return }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendar = folder.appending(path: "network.ics")
        try Data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8).write(to: calendar)
        // At most 200 bytes per file: the export's temporary file fills up midway.
        let result = try TiesBinary.run(
            ["--fsize=200", TiesBinary.url.path, "export", "ics", "--output", calendar.path], in: Fixtures.template,
            executable: prlimit)
        #expect(result.exited, "ties must not be killed by the file-size signal")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("File too large"))
        #expect(try String(contentsOf: calendar, encoding: .utf8) == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["network.ics"])
    }
}

@Suite("A value's line breaks stay inside its line")
struct ForgedLineTests {
    /// A name holding a newline (or U+2028) would print a line that looks like ties' own.
    @Test func aNameCannotForgeALineOfOutput() throws {
        let root = try Fixtures.temporaryFolder("forged")
        try Fixtures.write(
            [
                "ties.yaml": "title: T\ncircles: {close: 1m}\n",
                "contacts/eve.md": "---\nname: \"Eve\\nGet in touch (99)\\u2028  Mallory\"\ncircle: close\n---\n",
            ], under: root)
        for arguments in [["due", "--today", "2026-12-07"], ["who"], ["show", "eve"]] {
            let result = try TiesBinary.run(arguments, in: root)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("\nGet in touch (99)"), "\(arguments): \(result.stdout)")
            #expect(!result.stdout.contains("\u{2028}"), "\(arguments): \(result.stdout)")
            #expect(result.stdout.contains("Eve\\u{A}Get in touch (99)\\u{2028}"), "\(arguments): \(result.stdout)")
        }
    }

    /// Every command that prints the journal's values, and every kind of value: a line break
    /// (LF, CR, U+2028, U+2029, NEL) in any of them is shown escaped, inside its own line.
    @Test(arguments: [
        ["check"], ["due", "--today", "2026-12-07", "--all"], ["who"], ["show", "eve"], ["show", "coffee"],
        ["search", "FORGED"], ["timeline"], ["brief", "eve", "--today", "2026-12-07"], ["path", "--to", "bob"],
        ["path", "--to", "acme"],
        ["insights", "--today", "2026-12-07"], ["pubs"], ["rename", "eve", "Eve Two", "--dry-run"],
        ["done", "call", "--dry-run"], ["snooze", "eve", "--until", "2027-01-01", "--dry-run"],
    ])
    func noValueForgesALineInAnyCommand(arguments: [String]) throws {
        let root = try Fixtures.temporaryFolder("forged-all")
        defer { try? FileManager.default.removeItem(at: root) }
        let forged = #""A\nFORGED: error: one\u2028FORGED two\u2029FORGED three\u0085FORGED four\rFORGED five""#
        try Fixtures.write(
            [
                "ties.yaml": "title: T\ncircles: {close: 1m}\n",
                "orgs/acme.md": "---\nname: Acme\n---\n",
                "contacts/eve.md":
                    "---\nname: \(forged.dropLast())\"\ncircle: close\norg: \(forged)\ntitle: \(forged)\nroles: [{org: Acme, from: 2020}]\n---\n",
                "contacts/bob.md": "---\nname: Bob\nroles: [{org: Acme, from: 2020}]\n---\n",
                "encounters/2026/2026-11-01-coffee.md":
                    "---\ndate: 2026-11-01\ntitle: \(forged)\nwith: [\(forged.dropLast())\", Bob, \"Nobody\\nFORGED: error: unknown\"]\n"
                    + "followups: [{task: \(forged.dropLast()) call\", due: 2026-12-01}]\ngave: [\(forged)]\n---\n"
                    + "Notes \u{2028}FORGED in the body.\n",
                "publications/talk.md":
                    "---\ntitle: \(forged)\nkind: talk\nstatus: published\ndate: 2026-10-01\nvenue: \(forged)\nwith: [Bob]\n---\n",
                "goals/goal.md": "---\ntitle: \(forged)\norgs: [Acme]\n---\n",
            ], under: root)
        let result = try TiesBinary.run(arguments, in: root)
        #expect(result.status != 2 && result.exited, "\(arguments): \(result.stderr)")
        for (name, output) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            for line in output.split(separator: "\n") {
                #expect(
                    !line.trimmingCharacters(in: .whitespaces).hasPrefix("FORGED"),
                    "\(arguments) \(name): a line of its own: \(line)")
            }
            for breaker in ["\u{2028}", "\u{2029}", "\u{85}"] {
                #expect(!output.contains(breaker), "\(arguments) \(name) holds a raw line break: \(output)")
            }
            #expect(!output.contains("\rFORGED"), "\(arguments) \(name): a carriage return that overwrites the line")
        }
        #expect(
            (result.stdout + result.stderr).contains("FORGED") || ["path", "done"].contains(arguments[0]),
            "\(arguments) shows the values: \(result.stdout) \(result.stderr)")
    }
}

@Suite("A record folder that links out of the journal")
struct LinkedFolderTests {
    /// `contacts/` and `encounters/` as links to folders outside: nothing there is read,
    /// built or served, `ties check` says so, and no command writes or removes a file there.
    @Test func isNeitherReadNorWritten() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let outside = try Fixtures.temporaryFolder("outside")
        let theirs = outside.appending(path: "contacts")
        try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
        try Data("---\nname: Secret Person\n---\nPrivate notes.\n".utf8).write(to: theirs.appending(path: "secret.md"))
        try FileManager.default.removeItem(at: root.appending(path: "contacts"))
        try FileManager.default.createSymbolicLink(at: root.appending(path: "contacts"), withDestinationURL: theirs)
        let before = try Snapshot(of: outside).files

        let check = try TiesBinary.run(["check"], in: root)
        #expect(check.stdout.contains("contacts:1:1: warning: 'contacts' is a symbolic link to"), "\(check.stdout)")
        #expect(check.stdout.contains("[link-outside]"))
        let who = try TiesBinary.run(["who"], in: root)
        #expect(!who.stdout.contains("Secret Person"))
        let new = try TiesBinary.run(["new", "contact", "Eve Newcomer", "--no-edit"], in: root)
        #expect(new.status == 1 && new.stderr.contains("leads out of the journal"), "\(new.stdout)\(new.stderr)")
        let build = try TiesBinary.run(["build", "--output", root.appending(path: "_site").path], in: root)
        let site = try Snapshot(of: root.appending(path: "_site")).files.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(build.exited && !site.contains { $0.contains("Secret Person") || $0.contains("Private notes") })
        #expect(try Snapshot(of: outside).files == before, "nothing outside the journal changed")
    }

    /// `theme/style.css -> ~/.ssh/id_rsa` in a cloned journal: the key never reaches a site.
    @Test func aThemeFileLinkedOutIsNotCopiedIntoTheSite() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let outside = try Fixtures.temporaryFolder("secret")
        let key = outside.appending(path: "id_rsa")
        try Data("-----BEGIN PRIVATE KEY----- secret\n".utf8).write(to: key)
        try FileManager.default.createDirectory(at: root.appending(path: "theme"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appending(path: "theme/style.css"), withDestinationURL: key)
        let check = try TiesBinary.run(["check"], in: root)
        #expect(check.stdout.contains("theme/style.css:1:1: warning: 'theme/style.css' is a symbolic link to"), "\(check.stdout)")
        for arguments in [["build"], ["build", "--public"]] {
            let output = root.appending(path: "_site-\(arguments.count)")
            let build = try TiesBinary.run(arguments + ["--output", output.path], in: root)
            #expect(build.exited, "\(build.stderr)")
            let site = try Snapshot(of: output).files.values.map { String(decoding: $0, as: UTF8.self) }
            #expect(!site.contains { $0.contains("BEGIN PRIVATE KEY") }, "\(arguments)")
        }
    }
}

@Suite("Quantities that could blow up")
struct BlowUpTests {
    /// One encounter of 300 people, 290 of them introduced: no page lists the whole crowd for
    /// each of them (it was N³), and the introductions name no introducers at a crowd.
    @Test func aCrowdIsNamedOnceAndSummedUpElsewhere() throws {
        let root = try Fixtures.temporaryFolder("crowd")
        var files = ["ties.yaml": "title: Crowd\n"]
        let names = (0..<300).map { "Person \($0)" }
        for (index, name) in names.enumerated() { files["contacts/p\(index).md"] = "---\nname: \(name)\n---\n" }
        files["encounters/2026-01-01-conference.md"] =
            "---\ndate: 2026-01-01\nwith: [\(names.joined(separator: ", "))]\nintroduced: [\(names.dropFirst(10).joined(separator: ", "))]\n---\n"
        try Fixtures.write(files, under: root)
        let output = root.appending(path: "_site")
        let build = try TiesBinary.run(["build", "--output", output.path], in: root, timeLimit: 120)
        #expect(build.status == 0 && !build.timedOut, "\(build.stderr)")
        let page = String(decoding: try Data(contentsOf: output.appending(path: "contacts/p5.html")), as: UTF8.self)
        #expect(page.utf8.count < 40_000, "\(page.utf8.count) bytes")
        #expect(page.contains("and more: 288"), "the row names 12 and counts the rest")
        let encounter = String(
            decoding: try Data(contentsOf: output.appending(path: "encounters/2026-01-01-conference.html")), as: UTF8.self)
        #expect(encounter.contains("Person 299"), "the encounter's own page names everyone")
    }
}

@Suite("What a stopped or careless change leaves")
struct LeftoverTests {
    /// A change stopped halfway (SIGTERM) leaves `.name.PID.N.tmp` files; the next change that
    /// writes in their folder removes those of processes that are gone, and no other.
    @Test func abandonedTemporariesGoWithTheNextChange() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let gone = root.appending(path: "contacts/.ada.md.99999999.1.tmp")
        let running = root.appending(path: "encounters/.x.md.\(getpid()).2.tmp")
        try Data("half".utf8).write(to: gone)
        try Data("half".utf8).write(to: running)
        #expect(try TiesBinary.run(["snooze", "jonas", "--for", "1w", "--today", "2026-11-25"], in: root).status == 0)
        #expect(!FileManager.default.fileExists(atPath: gone.path))
        #expect(FileManager.default.fileExists(atPath: running.path), "a running process's file stays")
    }

    /// A namesake with another profile: the report says that references by the name now name two.
    @Test func aNamesakeIsNamedInTheReport() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let csv = root.appending(path: "c.csv")
        try Data(
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJonas,Müller,https://linkedin.com/in/another-jonas,,Initech,Eng,01 Jan 2024\n"
                .utf8
        ).write(to: csv)
        let result = try TiesBinary.run(["import", "linkedin", csv.path], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("a second person of this name"), "\(result.stdout)")
    }

    /// `with:` naming hundreds of strangers: "did you mean" for the first few only.
    @Test func suggestionsAreForTheFirstFewUnknownNames() throws {
        let root = try Fixtures.copy(Fixtures.template)
        // Each a letter from a contact's name: each would get a "did you mean".
        let names = (0..<300).map { "Jonas Muelle\($0 % 10)" }.joined(separator: ", ")
        try Data("---\ndate: 2026-01-01\nwith: [\(names)]\n---\n".utf8)
            .write(to: root.appending(path: "encounters/2026-01-01-strangers.md"))
        let check = try TiesBinary.run(["check"], in: root)
        #expect(check.stdout.components(separatedBy: "unknown contact 'Jonas Muelle").count - 1 == 300)
        #expect(check.stdout.contains("did you mean"))
        #expect(check.stdout.components(separatedBy: "did you mean").count - 1 <= ReferenceLimit.suggestions + 5)
    }
}

enum ReferenceLimit { static let suggestions = 50 }
