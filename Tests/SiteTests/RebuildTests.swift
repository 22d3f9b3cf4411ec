import Foundation
import Index
import TestSupport
import Testing

@testable import Site

/// A rebuild keeps the pages that cannot have changed without making them again. Whatever the
/// edit, what it leaves must be exactly what a build into an empty folder makes.
@Suite("Rebuilding after an edit")
struct RebuildTests {
    static let today = Day("2026-11-25")!

    /// Builds the journal at `root` as it is now into `output` (its `_site` unless given).
    @discardableResult
    static func build(_ root: URL, into output: URL? = nil, today: Day = RebuildTests.today) throws -> SiteBuilder.Result {
        try SiteBuilder.build(
            Journal.load(from: root), options: .init(output: output ?? root.appending(path: "_site"), today: today))
    }

    /// Edits the sample journal at random, a few hundred times, and after each edit compares
    /// a rebuild with a clean build, byte for byte, state and manifest included.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aRebuildAfterAnyEditEndsWhereACleanBuildEnds(seed: UInt64) throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let clean = try Fixtures.temporaryFolder("clean")
        defer { try? FileManager.default.removeItem(at: clean) }
        try Self.build(root)

        var editor = JournalEditor(root: root, seed: seed)
        var kept = 0
        for step in 1...40 {
            let edit = try editor.edit()
            let rebuilt = try Self.build(root)
            let fresh = clean.appending(path: "\(step)")
            let built = try Self.build(root, into: fresh)
            #expect(built.made == built.pages)
            kept += rebuilt.pages - rebuilt.made
            let expected = try Snapshot(of: fresh).files
            let actual = try Snapshot(of: output).files
            for path in Set(expected.keys).union(actual.keys).sorted() where expected[path] != actual[path] {
                Issue.record("seed \(seed), step \(step), after \(edit): \(path) differs from a clean build")
            }
            try FileManager.default.removeItem(at: fresh)
            if expected != actual { break }
        }
        #expect(kept > 0, "a rebuild keeps pages without making them")
    }

    @Test func aRebuildWithoutChangesMakesNoPage() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let first = try Self.build(root)
        #expect(first.made == first.pages)
        let second = try Self.build(root)
        #expect(second.made == 0 && second.pages == first.pages && second.written == 0)

        // A new day can change any page (what is overdue, the last twelve months): all are made.
        let nextDay = try Self.build(root, today: RebuildTests.today.adding(days: 1))
        #expect(nextDay.made == nextDay.pages)
    }

    @Test func oneChangedEncounterMakesOnlyThePagesThatShowIt() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let first = try Self.build(root)
        let file = root.appending(path: "encounters/2026/2026-05-06-walk-jonas.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Walk with Jonas", with: "title: Long walk with Jonas").utf8)
            .write(to: file)
        let second = try Self.build(root)
        // The dashboard, the Due page, the four lists and the Network page read every record's fields, so they are made again; so are the
        // timeline of 2026 and of the last twelve months. Of the records' pages, only the
        // encounter's, Jonas's and those of the two orgs he worked at (which list encounters with
        // their people), and the goal that names Acme (which shows when you last met him there):
        // not those of other encounters with Jonas, which show only his name, nor the timelines
        // of other years, nor any tag's page.
        #expect(second.made == 7 + 2 + 4 + 1, "\(second.made) of \(first.pages) pages made")
        #expect(
            try String(contentsOf: output.appending(path: "contacts/jonas-mueller.html"), encoding: .utf8).contains(
                "Long walk with Jonas"))
    }

    /// The Network page, the lists, the dashboard and the Due page read every record's fields
    /// but no notes: an edit to an encounter's notes makes the pages that show the encounter,
    /// not those.
    @Test func anEditToNotesAloneMakesNoPageThatReadsOnlyFields() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Self.build(root)
        let file = root.appending(path: "encounters/2026/2026-05-06-walk-jonas.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nOne more line of notes.\n").utf8).write(to: file)
        let notes = try Self.build(root)
        // The encounter's page and Jonas's, whose question to ask and last encounters come from
        // the notes of encounters with him. Not the timelines, nor the pages that list what
        // links to Jonas (his orgs, his goals): those read the fields of what links to him.
        #expect(notes.made == 2, "\(notes.made) pages made")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Walk with Jonas", with: "title: Long walk with Jonas").utf8)
            .write(to: file)
        let title = try Self.build(root)
        #expect(title.made == 7 + 2 + 4 + 1, "\(title.made) pages made")
    }

    /// The week's plan on the dashboard reads the notes of active goals, whose words name the
    /// orgs of its gateways: an edit to those notes alone makes the dashboard again.
    @Test func anEditToAGoalsNotesMakesTheDashboardAgain() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        try Self.build(root)
        let dashboard = output.appending(path: "index.html")
        #expect(try String(contentsOf: dashboard, encoding: .utf8).contains("which your goal"))

        let goal = root.appending(path: "goals/staff-engineer-role.md")
        let text = try String(contentsOf: goal, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "[[Acme Robotics]]", with: "a robotics company").utf8).write(to: goal)
        try Self.build(root)
        let clean = root.deletingLastPathComponent().appending(path: "clean")
        try Self.build(root, into: clean)
        let rebuilt = try String(contentsOf: dashboard, encoding: .utf8)
        #expect(!rebuilt.contains("which your goal"))
        #expect(rebuilt == (try String(contentsOf: clean.appending(path: "index.html"), encoding: .utf8)))
    }

    @Test func aBuildThatStopsHalfWayLeavesNoStateToTrust() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        try Self.build(root)
        #expect(PageState.read(from: try OutputFolder(output.path), sealer: nil) != nil)
        PageState.remove(from: try OutputFolder(output.path))
        let again = try Self.build(root)
        #expect(again.made == again.pages, "without a state every page is made")
        #expect(again.written == 0, "and, being the same, none is written")

        // A damaged state is not trusted either.
        let state = output.appending(path: PageState.fileName)
        var bytes = try Data(contentsOf: state)
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: state)
        #expect(PageState.read(from: try OutputFolder(output.path), sealer: nil) == nil)
        let third = try Self.build(root)
        #expect(third.made == third.pages)
    }

    @Test func theStateNamesNoOne() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        try Self.build(root)
        let state = try Data(contentsOf: output.appending(path: PageState.fileName))
        let journal = Journal.load(from: root)
        for contact in journal.contacts {
            #expect(state.range(of: Data(contact.name.utf8)) == nil, "\(contact.name)")
            #expect(
                state.range(of: Data(contact.slug.utf8)) == nil
                    || state.range(of: Data("contacts/\(contact.slug).html".utf8)) != nil)
        }
    }
}
