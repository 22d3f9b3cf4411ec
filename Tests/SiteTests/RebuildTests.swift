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

    /// Edits the sample journal at random, a few hundred times, and after each edit compares
    /// a rebuild with a clean build, byte for byte, state and manifest included.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aRebuildAfterAnyEditEndsWhereACleanBuildEnds(seed: UInt64) throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let clean = try Fixtures.temporaryFolder("clean")
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try SiteBuilder.build(Journal.load(from: root), options: .init(output: output, today: RebuildTests.today))

        var editor = JournalEditor(root: root, seed: seed)
        var kept = 0
        for step in 1...40 {
            let edit = try editor.edit()
            let rebuilt = try SiteBuilder.build(
                Journal.load(from: root), options: .init(output: output, today: RebuildTests.today))
            let fresh = clean.appending(path: "\(step)")
            let built = try SiteBuilder.build(Journal.load(from: root), options: .init(output: fresh, today: RebuildTests.today))
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
        let output = root.appending(path: "_site")
        let options = SiteBuilder.Options(output: output, today: RebuildTests.today)
        let first = try SiteBuilder.build(Journal.load(from: root), options: options)
        #expect(first.made == first.pages)
        let second = try SiteBuilder.build(Journal.load(from: root), options: options)
        #expect(second.made == 0 && second.pages == first.pages && second.written == 0)

        // A new day can change any page (what is overdue, the last twelve months): all are made.
        let nextDay = try SiteBuilder.build(
            Journal.load(from: root), options: .init(output: output, today: RebuildTests.today.adding(days: 1)))
        #expect(nextDay.made == nextDay.pages)
    }

    @Test func oneChangedEncounterMakesOnlyThePagesThatShowIt() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let options = SiteBuilder.Options(output: output, today: RebuildTests.today)
        let first = try SiteBuilder.build(Journal.load(from: root), options: options)
        let file = root.appending(path: "encounters/2026/2026-05-06-walk-jonas.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Walk with Jonas", with: "title: Long walk with Jonas").utf8)
            .write(to: file)
        let second = try SiteBuilder.build(Journal.load(from: root), options: options)
        // The dashboard, the four lists and the Network page read every record's fields, so they are made again; so are the
        // timeline of 2026 and of the last twelve months. Of the records' pages, only the
        // encounter's, Jonas's and those of the two orgs he worked at (which list encounters with
        // their people): not those of other encounters with Jonas, which show only his name, nor
        // the timelines of other years, nor any tag's page.
        #expect(second.made == 6 + 2 + 4, "\(second.made) of \(first.pages) pages made")
        #expect(
            try String(contentsOf: output.appending(path: "contacts/jonas-mueller.html"), encoding: .utf8).contains(
                "Long walk with Jonas"))
    }

    /// The Network page reads every record's fields but no notes: an edit to an encounter's
    /// notes makes the pages that show the encounter, not the Network page.
    @Test func anEditToNotesAloneDoesNotMakeTheNetworkPageAgain() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let options = SiteBuilder.Options(output: output, today: RebuildTests.today)
        _ = try SiteBuilder.build(Journal.load(from: root), options: options)
        let file = root.appending(path: "encounters/2026/2026-05-06-walk-jonas.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nOne more line of notes.\n").utf8).write(to: file)
        let notes = try SiteBuilder.build(Journal.load(from: root), options: options)
        // As a changed title, less the Network page.
        #expect(notes.made == 6 + 2 + 4 - 1, "\(notes.made) pages made")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Walk with Jonas", with: "title: Long walk with Jonas").utf8)
            .write(to: file)
        let title = try SiteBuilder.build(Journal.load(from: root), options: options)
        #expect(title.made == 6 + 2 + 4, "\(title.made) pages made")
    }

    @Test func aBuildThatStopsHalfWayLeavesNoStateToTrust() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let options = SiteBuilder.Options(output: output, today: RebuildTests.today)
        _ = try SiteBuilder.build(Journal.load(from: root), options: options)
        #expect(PageState.read(from: try OutputFolder(output.path), sealer: nil) != nil)
        PageState.remove(from: try OutputFolder(output.path))
        let again = try SiteBuilder.build(Journal.load(from: root), options: options)
        #expect(again.made == again.pages, "without a state every page is made")
        #expect(again.written == 0, "and, being the same, none is written")

        // A damaged state is not trusted either.
        let state = output.appending(path: PageState.fileName)
        var bytes = try Data(contentsOf: state)
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: state)
        #expect(PageState.read(from: try OutputFolder(output.path), sealer: nil) == nil)
        let third = try SiteBuilder.build(Journal.load(from: root), options: options)
        #expect(third.made == third.pages)
    }

    @Test func theStateNamesNoOne() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        _ = try SiteBuilder.build(Journal.load(from: root), options: .init(output: output, today: RebuildTests.today))
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

/// Makes random edits to a journal's files, the kind a person makes: a field given another
/// record's value (a name, an org, a date, people, tags), a line removed, a wiki link or a
/// sentence added, a file removed, copied under a new name or renamed.
struct JournalEditor {
    let root: URL
    var random: SplitMix64

    init(root: URL, seed: UInt64) {
        self.root = root
        random = SplitMix64(seed: seed)
    }

    /// Makes one edit and says what it was.
    mutating func edit() throws -> String {
        let files = try records()
        let file = files[random.below(files.count)]
        let url = root.appending(path: file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let frontMatterEnd = lines.dropFirst().firstIndex(of: "---") ?? 0
        let fields = (1..<max(frontMatterEnd, 1)).filter { lines[$0].contains(":") && !lines[$0].hasPrefix(" ") }
        switch random.below(9) {
        case 0, 1, 2:
            // A field takes the value another record has for it.
            guard let line = fields.randomElement(using: &random) else { return "nothing" }
            let key = String(lines[line].prefix { $0 != ":" })
            let values = try files.flatMap { other in
                try String(contentsOf: root.appending(path: other), encoding: .utf8).components(separatedBy: "\n")
                    .filter { $0.hasPrefix(key + ":") }
            }
            let value = values[random.below(values.count)]
            lines[line] = value
            try write(lines, to: url)
            return "\(file): \(value)"
        case 3:
            guard let line = fields.randomElement(using: &random) else { return "nothing" }
            let removed = lines.remove(at: line)
            try write(lines, to: url)
            return "\(file): removed \(removed)"
        case 4:
            // A wiki link to another record, by slug or by name.
            let other = files[random.below(files.count)]
            let otherLines = try String(contentsOf: root.appending(path: other), encoding: .utf8).components(separatedBy: "\n")
            let name = otherLines.first { $0.hasPrefix("name:") || $0.hasPrefix("title:") }.map {
                String($0.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            let slug = String(other.split(separator: "/").last!.dropLast(3))
            let target = random.below(2) == 0 ? slug : (name ?? slug)
            lines.append("See also [[\(target)]].")
            try write(lines, to: url)
            return "\(file): linked [[\(target)]]"
        case 5:
            lines.append("One more sentence about it.")
            try write(lines, to: url)
            return "\(file): a sentence"
        case 6:
            try FileManager.default.removeItem(at: url)
            return "\(file): removed"
        case 7:
            let copy = url.deletingPathExtension().path + "-\(random.below(1000)).md"
            try FileManager.default.copyItem(atPath: url.path, toPath: copy)
            return "\(file): copied to \(copy)"
        default:
            let renamed = url.deletingLastPathComponent().appending(path: "renamed-\(random.below(1000)).md")
            guard !FileManager.default.fileExists(atPath: renamed.path) else { return "nothing" }
            try FileManager.default.moveItem(at: url, to: renamed)
            return "\(file): renamed to \(renamed.lastPathComponent)"
        }
    }

    /// The record files, relative to the root, sorted.
    private func records() throws -> [String] {
        var files: [String] = []
        for folder in ["contacts", "encounters", "publications", "orgs", "goals"] {
            let base = root.appending(path: folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".md") { files.append(folder + "/" + path) }
        }
        return files.sorted()
    }

    private func write(_ lines: [String], to url: URL) throws {
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
    }
}
