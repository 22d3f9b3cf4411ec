import Foundation
import PropertyBased
import TestSupport
import Testing

/// The whole program against random journals, most of them broken: whatever the files hold,
/// every command ends with a documented exit code within a time limit, touches nothing but
/// its output, and a rebuild after a random edit equals a clean build.
@Suite("Whole program, on random journals")
struct WholeProgramPropertyTests {
    /// One file of a random journal: a kind, a file name, front-matter lines and a body.
    struct FileSpec: Sendable, CustomStringConvertible {
        var kind: Int
        var name: String
        var lines: [String]
        var body: String

        static let folders = ["contacts", "encounters", "publications", "orgs", "goals"]

        var path: String { "\(Self.folders[kind])/\(name).md" }

        var text: String {
            "---\n" + lines.joined(separator: "\n") + "\n---\n" + body
        }

        var description: String { "\(path): \(text.debugDescription)" }
    }

    /// Front-matter lines chosen to sit on the edges ties must hold: the largest numbers and
    /// dates, control characters, YAML that does not parse, anchors and aliases, links to anything.
    static let lines = [
        "name: Ada Lovelace", "name: Jürgen Weiß", "name: 中文 名前", "name: \"Evil\\e]0;x\\a\\e[2J\"", "title: A talk",
        "title: \"<script>alert(1)</script> & co\"", "name: " + String(repeating: "a", count: 240),
        "date: 9999-12-31", "date: 0001-01-01", "date: 2024-02-30", "date: 2026-11-25", "date: 2026-11-25 14:30",
        "date: 2031-01-01", "met: 9999-12-31", "met: 0001-01-01", "birthday: 9999-12-31", "birthday: 02-29",
        "due: 9999-12-31", "submitted: 0001-01-01", "snooze_until: 9999-12-31",
        "cadence: 9223372036854775807d", "cadence: 100y", "cadence: 101y", "cadence: 1d", "cadence: none",
        "views: 9223372036854775807", "views: 1_000_000_000_000", "reach: -1", "audience: 1e309",
        "metrics: [{date: 2026-01-01, views: 12}, {date: 9999-12-31, reach: 1_000_000_000_000}]",
        "followups: [{task: call, due: 2w}, {task: x, due: 9999-12-31, done: true}, {task: y, due: 9223372036854775807w}]",
        "status: published", "status: submitted", "status: accepted", "status: publshed", "kind: talk",
        "with: [ada, bob, \"[[Ada Lovelace]]\"]", "with: ada", "introduced: [bob]", "met_via: \"[[ada]]\"", "org: acme",
        "roles: [{org: acme, title: CTO, from: 2019}, {org: nordlicht, to: 9999}]", "tags: [a, b, #c]",
        "tags: " + String(repeating: "t", count: 240), "aliases: [Ada, ADA]", "links: {linkedin: https://x.example/in/ada}",
        "goals: [x]", "public: yes", "circle: close", "a: &a [x, y]", "b: *a", "c: [", "d: {", "e: '", "f: \"",
        "name: ~", "title: |\n  block\n  text", "name: Ada\nname: Bob", "x: " + String(repeating: "[", count: 100),
        "bad\u{1}: key",
    ]
    static let names = [
        "ada", "bob", "acme", "2026-11-25-coffee", "2024/2024-02-30-x", "Ärzte", "e\u{1B}[31mvil", "a b", "x",
        String(repeating: "n", count: 240), "nordlicht", "talk",
    ]
    static let bodies = [
        "", "Met [[ada]] and [[Bob]] at [[acme]].\n", "# Heading\n\n`[[not a link]]`\n", String(repeating: "[[x]] ", count: 300),
        "<script>alert(1)</script> & [[Ada Lovelace|her]]\n", "> quote\n>> deeper [[goals/x]]\n", "\u{7}\u{1B}[8m hidden\n",
    ]

    static let file = zip(
        Gen.int(in: 0...4), Gen.element(of: names).map { $0 ?? "x" },
        Gen.element(of: lines).map { $0 ?? "" }.array(of: 0...6), Gen.element(of: bodies).map { $0 ?? "" }
    ).map { FileSpec(kind: $0, name: $1, lines: $2, body: $3) }

    static let settings = [
        "title: Random\n", "title: x\ncircles: {close: 1m, far: 9223372036854775807d}\n", "title: [\n",
        "a: &a [x, x]\nb: [*a, *a]\ntitle: t\n", "title: t\ntimezone: Mars/Olympus\noutput: _site\n",
        "title: t\nme: {org: acme}\ndefault_cadence: 101y\n",
    ]

    /// Every file under `root` with its bytes, links as their targets.
    static func snapshot(_ root: URL, skipping skipped: Set<String>) -> [String: Data] {
        var files: [String: Data] = [:]
        let prefix = root.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: []) else {
            return [:]
        }
        for case let url as URL in walker {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if skipped.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
                walker.skipDescendants()
                continue
            }
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
                files[path] = Data(("link:" + target).utf8)
            } else if let data = try? Data(contentsOf: url) {
                files[path] = data
            }
        }
        return files
    }

    @Test(.timeLimit(.minutes(10)))
    func everyCommandEndsWellAndTouchesOnlyItsOutput() async throws {
        await propertyCheck(
            count: 20, input: Self.file.array(of: 1...8), Gen.element(of: Self.settings).map { $0 ?? "title: t\n" },
            Gen.int(in: 0...1000)
        ) { files, settings, edit in
            do {
                try check(files: files, settings: settings, edit: edit)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    private func check(files: [FileSpec], settings: String, edit: Int) throws {
        let base = try Fixtures.temporaryFolder("random")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appending(path: "journal")
        var contents = ["journal/ties.yaml": settings, "elsewhere/keep.txt": "the owner's\n"]
        for file in files { contents["journal/" + file.path] = file.text }
        try Fixtures.write(contents, under: base)
        let environment = ["TIES_CACHE_DIR": base.appending(path: "cache").path]
        let outputs: Set<String> = [
            "journal/_site", "site", "public", "again", "clean", "cache", "export.ics", "sealed", "sealed-clean",
        ]
        let before = Self.snapshot(base, skipping: outputs)
        let commands: [[String]] = [
            ["check"], ["check", "--format", "json"], ["due", "--within", "100y"], ["due", "--format", "json"], ["who"],
            ["pubs"], ["pubs", "--format", "csv"], ["show", "ada"], ["week", "--format", "json"], ["greet"], ["intro"],
            ["export", "ics"],
            ["export", "ics", "--output", base.appending(path: "export.ics").path], ["build"],
            ["build", "--output", base.appending(path: "site").path, "--today", "2026-11-25"],
            ["build", "--public", "--output", base.appending(path: "public").path],
        ]
        for command in commands {
            let result = try TiesBinary.run(command, in: root, environment: environment, timeLimit: 60)
            #expect(!result.timedOut, "\(command) took over 60 s on \(files)")
            #expect(
                result.exited && [0, 1, 2].contains(result.status), "\(command): \(result.status) \(result.stderr) on \(files)")
        }
        let sealing = environment.merging(["TIES_SITE_PASSWORD": "a password long enough"]) { $1 }
        let sealed = base.appending(path: "sealed")
        _ = try TiesBinary.run(
            ["build", "--encrypt", "--output", sealed.path, "--today", "2026-11-25"], in: root, environment: sealing,
            timeLimit: 60)
        #expect(Self.snapshot(base, skipping: outputs) == before, "a command changed a file that is not its output: \(files)")

        // A random edit, then a rebuild into the same folder, equals a clean build.
        let site = base.appending(path: "site")
        if let target = files.indices.isEmpty ? nil : files[edit % files.count] {
            let url = root.appending(path: target.path)
            let line = Self.lines[edit % Self.lines.count]
            if var text = try? String(contentsOf: url, encoding: .utf8), let end = text.range(of: "\n---\n") {
                text.insert(contentsOf: "\n" + line, at: end.lowerBound)
                try Data(text.utf8).write(to: url)
            }
        }
        let day = ["--today", "2026-11-25"]
        let rebuild = try TiesBinary.run(
            ["build", "--output", site.path] + day, in: root, environment: environment, timeLimit: 60)
        let clean = base.appending(path: "clean")
        let fresh = try TiesBinary.run(
            ["build", "--output", clean.path] + day, in: root, environment: environment, timeLimit: 60)
        #expect(rebuild.status == fresh.status)
        if rebuild.exited, rebuild.status != 2 {
            #expect(
                Self.snapshot(site, skipping: []) == Self.snapshot(clean, skipping: []),
                "rebuild differs from a clean build: \(files)")
        }

        // The same for an encrypted build, the clean one given the same salt.
        let sealedRebuild = try TiesBinary.run(
            ["build", "--encrypt", "--output", sealed.path] + day, in: root, environment: sealing, timeLimit: 60)
        let sealedClean = base.appending(path: "sealed-clean")
        try FileManager.default.createDirectory(at: sealedClean, withIntermediateDirectories: false)
        if let salt = FileManager.default.contents(atPath: sealed.appending(path: ".ties-encryption").path) {
            try salt.write(to: sealedClean.appending(path: ".ties-encryption"))
            try Data().write(to: sealedClean.appending(path: ".ties-manifest"))
        }
        let sealedFresh = try TiesBinary.run(
            ["build", "--encrypt", "--output", sealedClean.path] + day, in: root, environment: sealing, timeLimit: 60)
        #expect(sealedRebuild.status == sealedFresh.status)
        if sealedRebuild.exited, sealedRebuild.status != 2 {
            #expect(
                Self.snapshot(sealed, skipping: []) == Self.snapshot(sealedClean, skipping: []),
                "an encrypted rebuild differs from a clean encrypted build: \(files)")
        }
    }
}
