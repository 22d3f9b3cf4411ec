import Foundation
import TestSupport
import Testing

@testable import Index

/// The watcher `ties serve` will reload from: editors' ways of saving, in a real folder.
@Suite("Watching a journal's files")
struct JournalWatcherTests {
    private func journal() throws -> URL {
        let root = try Fixtures.temporaryFolder("watch").appending(path: "journal")
        try Fixtures.write(
            ["ties.yaml": "title: Watched\n", "contacts/ada.md": "---\nname: Ada\n---\n", ".git/HEAD": "ref\n"], under: root)
        return root
    }

    private func write(_ text: String, _ path: String, in root: URL) throws {
        try Data(text.utf8).write(to: root.appending(path: path))
    }

    @Test func aSaveByRenameIsOneChangeOfTheFile() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let watcher = try JournalWatcher(root: root, ignoring: ["_site"])
        // As vim saves: a test file, a swap file, then the new text renamed over the old.
        try write("x", "contacts/4913", in: root)
        try FileManager.default.removeItem(at: root.appending(path: "contacts/4913"))
        try write("swap", "contacts/.ada.md.swp", in: root)
        try write("---\nname: Ada Lovelace\n---\n", "contacts/ada.md.tmp", in: root)
        #expect(rename(root.appending(path: "contacts/ada.md.tmp").path, root.appending(path: "contacts/ada.md").path) == 0)
        try write("backup", "contacts/ada.md~", in: root)
        #expect(watcher.next(timeout: 5) == ["contacts/ada.md"])
    }

    @Test func manyChangesAtOnceAreOneBatch() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let watcher = try JournalWatcher(root: root, ignoring: ["_site"])
        for index in 0..<100 { try write("---\nname: P\(index)\n---\n", "contacts/p\(index).md", in: root) }
        // Each file once; on a busy machine a pause in the writing may cut the batch in two.
        var seen = watcher.next(timeout: 5, debounce: 0.3)
        #expect(seen.count > 1, "the changes come together, not one by one")
        var batches = 1
        while seen.count < 100, batches < 20 {
            let more = watcher.next(timeout: 2, debounce: 0.3)
            if more.isEmpty { break }
            seen += more
            batches += 1
        }
        #expect(Set(seen).count == 100 && seen.count == 100)
        #expect(watcher.next(timeout: 0.3).isEmpty, "nothing more after the batch")
    }

    @Test func aNewFolderIsWatchedAndGitAndTheOutputAreNot() throws {
        let root = try journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appending(path: "_site"), withIntermediateDirectories: true)
        let watcher = try JournalWatcher(root: root, ignoring: ["_site"])
        try write("ref2\n", ".git/HEAD", in: root)
        try write("<html>", "_site/index.html", in: root)
        #expect(watcher.next(timeout: 0.5).isEmpty)
        try FileManager.default.createDirectory(at: root.appending(path: "encounters/2027"), withIntermediateDirectories: true)
        try write("---\nwith: [Ada]\n---\n", "encounters/2027/2027-01-05-tea.md", in: root)
        var seen = Set(watcher.next(timeout: 5, debounce: 0.3))
        if !seen.contains("encounters/2027/2027-01-05-tea.md") { seen.formUnion(watcher.next(timeout: 2)) }
        #expect(seen.contains("encounters/2027/2027-01-05-tea.md"))
        try write("---\nwith: [Ada, Bob]\n---\n", "encounters/2027/2027-01-05-tea.md", in: root)
        #expect(watcher.next(timeout: 5) == ["encounters/2027/2027-01-05-tea.md"])
    }

    @Test(arguments: [
        ("ada.md", true), ("ties.yaml", true), ("style.css", true), (".ada.md.swp", false), ("ada.md~", false),
        ("4913", false), ("#ada.md#", false), (".#ada.md", false), ("ada.md.tmp", false), (".DS_Store", false),
    ])
    func editorsFilesAreNotChanges(name: String, matters: Bool) {
        #expect(JournalWatcher.matters(name) == matters)
    }
}
