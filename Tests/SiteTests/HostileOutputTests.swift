import Foundation
import Index
import Support
import Template
import TestSupport
import Testing

@testable import Site

/// Output folders and journals made to make a build touch what is not its own, or crash.
@Suite("Hostile output folders")
struct HostileOutputTests {
    /// A sample journal in a fresh place, a folder beside it standing for the owner's other files,
    /// and the journal's `_site`.
    private struct Scene {
        let base: URL
        let journal: URL
        let victim: URL
        var site: URL { journal.appending(path: "_site") }

        init() throws {
            journal = try Fixtures.copy(Fixtures.template)
            base = journal.deletingLastPathComponent()
            victim = base.appending(path: "documents")
            try Fixtures.write(["documents/keep.txt": "precious\n", "documents/jonas-mueller.html": "mine\n"], under: base)
        }

        func build(today: String = "2026-11-25", publicOnly: Bool = false) throws -> SiteBuilder.Result {
            try SiteBuilder.build(
                Journal.load(from: journal), options: .init(output: site, today: Day(today), publicOnly: publicOnly))
        }

        func victimIsUntouched() throws -> Bool {
            try String(contentsOf: victim.appending(path: "keep.txt"), encoding: .utf8) == "precious\n"
                && String(contentsOf: victim.appending(path: "jonas-mueller.html"), encoding: .utf8) == "mine\n"
                && FileManager.default.contentsOfDirectory(atPath: victim.path).sorted() == ["jonas-mueller.html", "keep.txt"]
        }
    }

    @Test func aLinkedFolderWithAForgedManifestIsRefused() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        try FileManager.default.createDirectory(at: scene.site, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scene.site.appending(path: "contacts").path, withDestinationPath: scene.victim.path)
        try Data("contacts/keep.txt\t9\ncontacts/jonas-mueller.html\t5\n".utf8)
            .write(to: scene.site.appending(path: ".ties-manifest"))
        #expect(throws: SiteBuilder.Failure.self) { try scene.build() }
        #expect(try scene.victimIsUntouched())
    }

    @Test func manifestEntriesThatLeaveTheFolderAreForged() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        _ = try scene.build()
        let manifest = scene.site.appending(path: ".ties-manifest")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text += "../../documents/keep.txt\t9\n\(scene.victim.path)/keep.txt\t9\n.hidden\t1\n"
        try Data(text.utf8).write(to: manifest)
        let result = try scene.build()
        #expect(result.removed == 0)
        #expect(try scene.victimIsUntouched())
        #expect(SiteWriter.manifest(in: try OutputFolder(scene.site.path)).keys.allSatisfy(SiteWriter.isSafe))
    }

    @Test func aLinkWhereAPageBelongsIsReplacedNotFollowed() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        _ = try scene.build()
        let page = scene.site.appending(path: "contacts/jonas-mueller.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(
            atPath: page.path, withDestinationPath: scene.victim.appending(path: "jonas-mueller.html").path)
        _ = try scene.build()
        #expect(try scene.victimIsUntouched())
        let attributes = try FileManager.default.attributesOfItem(atPath: page.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Jonas Müller"))
    }

    @Test func aLinkedFileIsNeverRemoved() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        _ = try scene.build()
        // The manifest lists a page the next build does not make; it is now a link.
        let gone = scene.journal.appending(path: "goals/staff-engineer-role.md")
        try FileManager.default.removeItem(at: gone)
        let page = scene.site.appending(path: "goals/staff-engineer-role.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(
            atPath: page.path, withDestinationPath: scene.victim.appending(path: "keep.txt").path)
        _ = try scene.build()
        #expect(try scene.victimIsUntouched())
        // The link is not a file ties wrote: it stays, as the owner left it.
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: page.path) == scene.victim.appending(path: "keep.txt").path)
    }

    @Test func aFirstBuildThatStopsLeavesAFolderTheNextBuildOwns() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        // A writer opened on a new folder, then abandoned before it finished (a crash, Ctrl-C).
        do {
            let folder = try OutputFolder(scene.site.path)
            var writer = try SiteWriter(output: folder, previous: [:])
            try writer.write([("index.html", Data("half".utf8))])
        }
        try SiteWriter.check(output: scene.site, journal: scene.journal)
        _ = try scene.build()
        #expect(try String(contentsOf: scene.site.appending(path: "index.html"), encoding: .utf8).contains("<html"))
    }

    @Test func longNamesBecomeFileNamesTheFileSystemTakes() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        let long = String(repeating: "a", count: 240)
        try Fixtures.write(
            [
                "contacts/\(long).md": "---\nname: Long\ntags: [\(long)b]\n---\n",
                "contacts/\(long)-2.md": "---\nname: Long Two\ntags: [\(long)c]\n---\n",
            ], under: scene.journal)
        _ = try scene.build()
        let names = SiteChecker.files(in: scene.site).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        #expect(names.allSatisfy { $0.utf8.count <= Slug.longest + 10 }, "\(names.filter { $0.count > 100 })")
        #expect(try SiteChecker.brokenLinks(in: scene.site) == [])
        let contactPages = try FileManager.default.contentsOfDirectory(atPath: scene.site.appending(path: "contacts").path)
        #expect(contactPages.filter { $0.hasPrefix("aaaa") }.count == 2, "two long names that begin alike get two pages")
    }

    @Test(arguments: [false, true])
    func publicationsDatedAfterTodayDoNotCrashTheChart(publicOnly: Bool) throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        try Fixtures.write(
            ["publications/2031/far-ahead.md": "---\ntitle: Far ahead\nkind: talk\ndate: 2031-03-01\nstatus: published\n---\n"],
            under: scene.journal)
        let result = try scene.build(today: "2024-06-01", publicOnly: publicOnly)
        #expect(result.pages > 0)
    }

    @Test func aThemePartialThatIncludesItselfIsReportedAndReplaced() throws {
        let scene = try Scene()
        defer { try? FileManager.default.removeItem(at: scene.base) }
        try Fixtures.write(
            [
                "theme/person.mustache": "x\n  {{> person}}\n",
                "theme/record-footer.mustache": "{{> facts}}",
                "theme/facts.mustache": "{{=<% %>=}}<%> record-footer%>",
            ], under: scene.journal)
        let result = try scene.build()
        #expect(
            result.themeDiagnostics.map { DiagnosticReport.line(for: $0) } == [
                "theme/facts.mustache:1:12: error: 'facts' includes itself (facts → record-footer → facts), which would never end; the built-in template is used [template-syntax]",
                "theme/person.mustache:2:3: error: 'person' includes itself (person → person), which would never end; the built-in template is used [template-syntax]",
            ])
        #expect(
            try String(contentsOf: scene.site.appending(path: "contacts/jonas-mueller.html"), encoding: .utf8).contains(
                "Jonas Müller"))
    }

    @Test func recursionThroughAParentIsFoundToo() throws {
        let includes = TemplateIncludes([
            "layout": try CompiledTemplate("{{<page}}{{/page}}"), "page": try CompiledTemplate("<p>\n{{> layout }}"),
        ])
        let cycle = includes.cycle(through: ["page"])
        #expect(cycle?.names == ["page", "layout", "page"])
        #expect(cycle?.location == SourceLocation(path: "theme/page.mustache", line: 2, column: 1))
        #expect(
            TemplateIncludes(["a": try CompiledTemplate("{{> b}}"), "b": try CompiledTemplate("")]).cycle(through: ["a"])
                == nil)
    }
}
