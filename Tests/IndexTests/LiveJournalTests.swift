import Foundation
import TestSupport
import Testing

@testable import Index

/// The journal `ties serve` keeps in memory: after any change it must be the journal a fresh
/// load of the files would give.
@Suite("A journal kept live")
struct LiveJournalTests {
    private func journal() throws -> URL {
        let root = try Fixtures.temporaryFolder("live").appending(path: "journal")
        try Fixtures.write(
            [
                "ties.yaml": "title: Live\n",
                "contacts/ada.md": "---\nname: Ada Lovelace\norg: Analytical\n---\nNotes on [[Grace Hopper]].\n",
                "contacts/grace.md": "---\nname: Grace Hopper\n---\n",
                "contacts/team/linus.md": "---\nname: Linus\n---\n",
                "encounters/2026-11-02-tea.md": "---\ndate: 2026-11-02\nwith: [Ada Lovelace, Grace Hopper]\n---\n",
            ], under: root)
        return root
    }

    /// What a load gives, in a form two loads can be compared by.
    private func summary(_ journal: Journal) -> [String] {
        journal.contacts.map { "contact \($0.slug) \($0.name) \($0.org?.target ?? "-")" }
            + journal.encounters.map { "encounter \($0.slug) \($0.with.map { $0.target ?? "?" })" }
            + journal.orgs.map { "org \($0.slug)" }
            + journal.contacts.map { "wiki \($0.slug) \($0.wikiLinks.map { $0.target?.slug ?? "?" })" }
            + journal.diagnostics.map { DiagnosticReport.line(for: $0) }
    }

    private func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func everyKindOfChangeGivesTheJournalAFreshLoadGives() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        var live = LiveJournal(root: root)
        #expect(summary(live.journal) == summary(Journal.load(from: root)))

        // A changed file is parsed alone; the links to it follow.
        try write("---\nname: Grace B. Hopper\naliases: [Grace Hopper]\n---\n", "contacts/grace.md", in: root)
        var update = live.update(changed: ["contacts/grace.md"])
        #expect(update == .init(parsed: 1, rediscovered: false, configuration: false))
        #expect(live.journal.contacts.map(\.name).contains("Grace B. Hopper"))
        #expect(summary(live.journal) == summary(Journal.load(from: root)))

        // A file that breaks is a diagnostic; the other records stay.
        try write("---\nname: [Ada\n---\n", "contacts/ada.md", in: root)
        live.update(changed: ["contacts/ada.md"])
        #expect(live.journal.errors.contains { $0.location.path == "contacts/ada.md" && $0.code == .yamlSyntax })
        #expect(Set(live.journal.contacts.map(\.slug)).isSuperset(of: ["grace", "linus"]))
        #expect(summary(live.journal) == summary(Journal.load(from: root)))

        // A new file, a removed one, and an editor's temporary file that came and went.
        try write("---\nname: Ada Lovelace\n---\n", "contacts/ada.md", in: root)
        try write("---\nname: Barbara Liskov\n---\n", "contacts/barbara.md", in: root)
        try FileManager.default.removeItem(at: root.appending(path: "contacts/grace.md"))
        update = live.update(changed: ["contacts/ada.md", "contacts/barbara.md", "contacts/grace.md", "contacts/sedK3x9"])
        #expect(update.rediscovered && update.parsed == 2)
        #expect(summary(live.journal) == summary(Journal.load(from: root)))

        // A link to a file outside the journal is judged as a search of the folders judges it.
        try FileManager.default.createSymbolicLink(
            atPath: root.appending(path: "contacts/outside.md").path, withDestinationPath: "/etc/hostname")
        update = live.update(changed: ["contacts/outside.md"])
        #expect(update.rediscovered)
        #expect(live.journal.warnings.contains { $0.code == .linkOutside })
        #expect(summary(live.journal) == summary(Journal.load(from: root)))

        // A folder moved out of the journal takes its files along.
        try FileManager.default.moveItem(at: root.appending(path: "contacts/team"), to: root.appending(path: "../team"))
        update = live.update(changed: ["contacts/team"])
        #expect(update.rediscovered)
        #expect(!live.journal.contacts.map(\.slug).contains("linus"))
        #expect(summary(live.journal) == summary(Journal.load(from: root)))

        // ties.yaml, read again; a file outside the record folders changes nothing.
        try write("title: Live\ncircles: [inner]\nunknown-key: 1\n", "ties.yaml", in: root)
        update = live.update(changed: ["ties.yaml", "README.md"])
        #expect(update.configuration && update.parsed == 0)
        #expect(summary(live.journal) == summary(Journal.load(from: root)))
        #expect(
            live.update(changed: ["theme/style.css", "notes.txt"]) == .init(parsed: 0, rediscovered: false, configuration: false))
    }

    /// Random edits of the kind a person makes (JournalEditor): after each, the journal kept
    /// live is, record for record and diagnostic for diagnostic, the journal a fresh load gives,
    /// whether the change was linked alone or with the whole journal.
    @Test(arguments: [("journal-template", 11), ("network", 12), ("linked", 13), ("names", 14)] as [(String, UInt64)])
    func afterRandomEditsItIsTheJournalAFreshLoadGives(fixture: String, seed: UInt64) throws {
        let root = try Fixtures.copy(fixture == "journal-template" ? Fixtures.template : Fixtures.journal(fixture))
        defer { try? FileManager.default.removeItem(at: root) }
        var live = LiveJournal(root: root)
        var editor = JournalEditor(root: root, seed: seed)
        for _ in 1...30 {
            let before = try recordFiles(in: root)
            let edit = try editor.edit()
            let changed = Array(before.union(try recordFiles(in: root))).sorted()
            live.update(changed: changed)
            let fresh = Journal.load(from: root)
            #expect(live.journal.contacts == fresh.contacts, "\(edit)")
            #expect(live.journal.encounters == fresh.encounters, "\(edit)")
            #expect(live.journal.publications == fresh.publications, "\(edit)")
            #expect(live.journal.orgs == fresh.orgs, "\(edit)")
            #expect(live.journal.goals == fresh.goals, "\(edit)")
            #expect(live.journal.diagnostics == fresh.diagnostics, "\(edit)")
            #expect(live.journal.tables == fresh.tables, "\(edit)")
        }
    }

    /// A change that keeps every name, date and implicit org is linked alone; one that renames
    /// a contact or names an org of no file is not.
    @Test func aChangeThatKeepsEveryNameIsLinkedAlone() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let journal = Journal.load(from: root)
        var names: Linker.NameTables?
        /// Whether the file, written with `text`, is linked alone.
        func relinks(_ text: String, _ path: String) throws -> Journal? {
            try write(text, path, in: root)
            let slug = String(path.dropFirst("contacts/".count).dropLast(3))
            let file = JournalFile(absolutePath: root.appending(path: path).path, path: path, kind: .contact, slug: slug)
            var linker = Linker(
                root: journal.root, config: journal.config, linked: journal.contacts.array, journal.encounters.array,
                journal.publications.array, journal.orgs.array, journal.goals.array, diagnostics: journal.diagnostics)
            guard linker.relink([(path, RecordParser.parse(file))], names: &names) else { return nil }
            return linker.journal(config: journal.config)
        }
        let relinked = try #require(
            try relinks(
                "---\nname: Grace Hopper\ncircle: nowhere\n---\nSee [[Ada Lovelace]] and [[Nobody]].\n", "contacts/grace.md"))
        try ParseCacheTests.expectSame(relinked, Journal.load(from: root))
        #expect(relinked.contacts.first { $0.slug == "grace" }?.wikiLinks.first?.target?.slug == "ada")

        #expect(try relinks("---\nname: Grace H.\n---\n", "contacts/grace.md") == nil, "a new name")
        #expect(try relinks("---\nname: Grace Hopper\norg: Navy\n---\n", "contacts/grace.md") == nil, "a new org of no file")
        // Ada names Analytical, an org of no file: what Ada says of it may change its name.
        #expect(try relinks("---\nname: Ada Lovelace\norg: Analytical\n---\nMore.\n", "contacts/ada.md") == nil)
    }

    private func recordFiles(in root: URL) throws -> Set<String> {
        var files = Set<String>()
        for kind in RecordKind.allCases {
            guard let walker = FileManager.default.enumerator(atPath: root.appending(path: kind.folder).path) else { continue }
            for case let path as String in walker where path.hasSuffix(".md") { files.insert(kind.folder + "/" + path) }
        }
        return files
    }

    @Test func aSaveThatChangedNothingIsNoChange() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        var live = LiveJournal(root: root)
        let text = try String(contentsOf: root.appending(path: "contacts/grace.md"), encoding: .utf8)
        // Known from its first read on: saved again as it was, it is not linked again.
        try write(text + "More.\n", "contacts/grace.md", in: root)
        #expect(live.update(changed: ["contacts/grace.md"]).parsed == 1)
        try write(text + "More.\n", "contacts/grace.md", in: root)
        #expect(live.update(changed: ["contacts/grace.md"]) == .init(parsed: 0, rediscovered: false, configuration: false))
        try write(text, "contacts/grace.md", in: root)
        #expect(live.update(changed: ["contacts/grace.md"]).parsed == 1)
        #expect(summary(live.journal) == summary(Journal.load(from: root)))
    }

    @Test func itReadsTheParseCacheAndKeepsItAsACommandDoes() throws {
        let root = try journal()
        let folder = try Fixtures.temporaryFolder("live-cache")
        defer {
            try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: folder)
        }
        // The cache trusts a file's time only when the file is older than two seconds.
        let old = Date().addingTimeInterval(-10)
        for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: root.appending(path: path).path)
        }
        let cache = ParseCache(url: folder.appending(path: "journal.cache"))
        let first = LiveJournal(root: root, cache: cache)
        #expect(first.journal.origin == .init(parsed: 4, cached: 0))
        let second = LiveJournal(root: root, cache: cache)
        #expect(second.journal.origin == .init(parsed: 0, cached: 4), "the first start wrote the cache")
        #expect(summary(second.journal) == summary(Journal.load(from: root)))
    }
}
