import Foundation
import TestSupport
import Testing

/// `ties theme`: what a theme author needs to start from the built-in theme.
@Suite("ties theme, end to end")
struct ThemeCommandTests {
    @Test func fieldsPrintsTheValueAPageTemplateReceivesFromTheJournal() throws {
        let result = try TiesBinary.run([
            "theme", "fields", "contact", "--journal", Fixtures.template.path, "--today", "2026-11-25",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "ties: the fields of contacts/anna-becker.html (contact.mustache)\n")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "stdout is JSON")
        #expect(json["name"] as? String == "Anna Becker")
        #expect((json["page"] as? [String: Any])?["root"] as? String == "../")
        #expect(((json["page"] as? [String: Any])?["t"] as? [String: Any])?["contacts"] as? String == "Contacts")
        // The keys in the order the view model declares them, as the template author reads them.
        let keys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(Array(keys.prefix(2)) == ["page", "name"])
    }

    @Test(arguments: [
        (["theme", "fields", "contcat"], 2, "ties: 'contcat' is no page template (did you mean 'contact'?);"),
        (["theme", "fields", "person"], 2, "ties: 'person' is a partial, not a page:"),
        (["theme", "copy", "lyout"], 2, "ties: 'lyout' is no file of the built-in theme (did you mean 'layout'?);"),
    ])
    func aNameThatIsNoTemplateIsSaidWithTheNearestOne(arguments: [String], status: Int32, message: String) throws {
        let result = try TiesBinary.run(arguments + ["--journal", Fixtures.template.path])
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    @Test func copyNeverOverwritesAndTheCopiesBuildTheSameSite() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let theme = root.appending(path: "theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try Data("{{! mine }}\n".utf8).write(to: theme.appending(path: "person.mustache"))
        let first = try TiesBinary.run(["theme", "copy", "contact", "style.css", "--journal", root.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "copied   theme/contact.mustache\ncopied   theme/style.css\n")
        let all = try TiesBinary.run(["theme", "copy", "--journal", root.path])
        #expect(all.status == 0)
        #expect(all.stdout.contains("kept     theme/person.mustache (already there)\n"))
        #expect(all.stdout.contains("kept     theme/contact.mustache (already there)\n"))
        #expect(all.stdout.contains("copied   theme/layout.mustache\n"))
        #expect(try String(contentsOf: theme.appending(path: "person.mustache"), encoding: .utf8) == "{{! mine }}\n")
        // With every built-in file copied (but the person partial, which is the journal's), the
        // site is the built-in one but for that partial; and `ties check` finds nothing wrong.
        try FileManager.default.removeItem(at: theme.appending(path: "person.mustache"))
        let copied = root.deletingLastPathComponent().appending(path: "copied")
        let builtIn = root.deletingLastPathComponent().appending(path: "built-in")
        let build = try TiesBinary.run(["build", "--journal", root.path, "--output", copied.path, "--today", "2026-11-25"])
        #expect(build.status == 0 && build.stderr.isEmpty, "\(build.stderr)")
        try FileManager.default.removeItem(at: theme)
        _ = try TiesBinary.run(["build", "--journal", root.path, "--output", builtIn.path, "--today", "2026-11-25"])
        #expect(
            try Snapshot(of: copied).files.filter { !$0.key.hasPrefix(".") }
                == Snapshot(of: builtIn).files.filter { !$0.key.hasPrefix(".") })
    }
}

@Suite("A theme that recurses through data")
struct RecursingThemeTests {
    /// A partial may name the partial to include from the page's data (`{{>*name}}`), which no
    /// check of the templates can see through: the renderer's depth limit stops it, and
    /// `ties build` says on which page.
    @Test func theBuildStopsItAndSaysWhere() throws {
        let root = try Fixtures.temporaryFolder("recursing")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "ties.yaml": "title: T\n", "contacts/person.md": "---\nname: person\n---\n",
                "encounters/2026-01-02-coffee.md": "---\ndate: 2026-01-02\nwith: [person]\n---\n",
                "theme/person.mustache": "<a>{{>*text}}</a>",
            ], under: root)
        let result = try TiesBinary.run([
            "build", "--journal", root.path, "--output", root.appending(path: "_site").path, "--today", "2026-11-25",
        ])
        #expect(result.exited && !result.timedOut)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix(
                "theme/encounter.mustache:1:1: error: while rendering encounters/2026-01-02-coffee.html, templates included one"
                    + " another more than 64 deep or more than 10000000 times; the deeper ones were left out [template-syntax]\n"),
            "\(result.stderr)")
    }
}
