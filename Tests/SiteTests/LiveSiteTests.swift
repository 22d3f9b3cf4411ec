import Foundation
import TestSupport
import Testing

@testable import Index
@testable import Site

/// The site `ties serve` gives: `ties build`'s pages plus the overlay, and after any change
/// the pages a fresh start would give.
@Suite("The live site")
struct LiveSiteTests {
    static let today = Day("2026-11-25")!

    /// A served page without what serving adds: the generation, the script and style, the
    /// policy's `connect-src` and the banner.
    private func withoutOverlay(_ data: Data) -> String {
        var page = String(decoding: data, as: UTF8.self)
        page.replace(/<meta name="ties-generation" content="[^"]*">/, with: "")
        page = page.replacingOccurrences(
            of: #"<link rel="stylesheet" href="/_ties/live.css"><script src="/_ties/live.js" defer></script>"#, with: "")
        page = page.replacingOccurrences(of: "; connect-src 'self'", with: "")
        page.replace(/<aside class="ties-live-banner".*?<\/aside>/, with: "")
        return page
    }

    @Test func servedPagesAreTheBuiltPagesPlusTheOverlay() throws {
        let output = try Fixtures.temporaryFolder("live-site")
        defer { try? FileManager.default.removeItem(at: output) }
        let journal = Journal.load(from: Fixtures.template)
        _ = try SiteBuilder.build(journal, options: .init(output: output, today: Self.today))
        let site = LiveSite(journal: journal, today: Self.today)
        let built = try #require(FileManager.default.enumerator(atPath: output.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") }.sorted()
        #expect(site.pagePaths == built)
        for path in built {
            let served = try #require(site.file(at: path), "\(path)")
            let page = String(decoding: served.data, as: UTF8.self)
            #expect(page.contains(#"<script src="/_ties/live.js" defer></script></head>"#), "\(path)")
            #expect(page.contains("connect-src 'self'"), "\(path)")
            #expect(
                withoutOverlay(served.data) == (try String(contentsOf: output.appending(path: path), encoding: .utf8)), "\(path)")
        }
        for file in ["style.css", "script.js", "search-index.js", "feed.xml", "robots.txt"] {
            #expect(site.file(at: file)?.data == (try Data(contentsOf: output.appending(path: file))), "\(file)")
        }
        #expect(site.file(at: "../ties.yaml") == nil && site.file(at: "contacts/nobody.html") == nil)
    }

    /// The whole live path, watcher included, after random edits of every kind (fields given
    /// other records' values, lines removed, links added, files removed, copied, renamed).
    @Test(arguments: [4, 5] as [UInt64])
    func afterAnyWatchedEditEveryPageIsWhatAFreshStartGives(seed: UInt64) throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root) }
        var live = LiveJournal(root: root)
        let site = LiveSite(journal: live.journal, today: Self.today)
        let watcher = try JournalWatcher(root: root, ignoring: ["_site"])
        var editor = JournalEditor(root: root, seed: seed)
        for step in 1...25 {
            let edit = try editor.edit()
            let changed = watcher.next(timeout: edit == "nothing" ? 0.2 : 5, debounce: 0.05) + watcher.next(timeout: 0.1)
            live.update(changed: changed)
            site.update(journal: live.journal, themeChanged: false)
            let fresh = LiveSite(journal: Journal.load(from: root), today: Self.today)
            var differs = site.pagePaths != fresh.pagePaths
            for path in fresh.pagePaths where !differs {
                differs =
                    site.file(at: path).map { withoutOverlay($0.data) } != fresh.file(at: path).map { withoutOverlay($0.data) }
                if differs { Issue.record("seed \(seed), step \(step), after \(edit): \(path) is not what a fresh start serves") }
            }
            if differs {
                Issue.record("seed \(seed), step \(step), after \(edit) (changes seen: \(changed))")
                break
            }
        }
    }

    @Test func afterEachChangeEveryPageIsWhatAFreshStartGives() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root) }
        var live = LiveJournal(root: root)
        let site = LiveSite(journal: live.journal, today: Self.today)
        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appending(path: path)
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
            live.update(changed: [path])
            site.update(journal: live.journal, themeChanged: false)
        }
        func check(_ what: String) {
            let fresh = LiveSite(journal: Journal.load(from: root), today: Self.today)
            #expect(site.pagePaths == fresh.pagePaths, "\(what)")
            for path in fresh.pagePaths {
                let served = site.file(at: path).map { withoutOverlay($0.data) }
                let expected = fresh.file(at: path).map { withoutOverlay($0.data) }
                #expect(served == expected, "\(what): \(path)")
            }
        }
        // The same shape: the pages are kept, the records are the new ones.
        try edit("contacts/anna-becker.md") { $0.replacingOccurrences(of: "name: Anna Becker", with: "name: Anna Lindqvist") }
        check("a new name")
        // An encounter moved to another year, a new tag, a new contact, a broken file.
        let encounter = "encounters/2025/2025-12-10-dinner-anna.md"
        try edit(encounter) { $0.replacingOccurrences(of: "date: 2025-12-10", with: "date: 2023-01-05") }
        check("another year")
        try edit("contacts/ben-carter.md") { $0.replacingOccurrences(of: "---\nname:", with: "---\ntags: [brand-new]\nname:") }
        check("a new tag")
        try Data("---\nname: Zoe Neu\n---\n".utf8).write(to: root.appending(path: "contacts/zoe-neu.md"))
        live.update(changed: ["contacts/zoe-neu.md"])
        site.update(journal: live.journal, themeChanged: false)
        check("a new contact")
        try edit("contacts/zoe-neu.md") { $0.replacingOccurrences(of: "name: Zoe Neu", with: "name: [Zoe") }
        check("a broken file")
        #expect(site.diagnostics.contains { $0.location.path == "contacts/zoe-neu.md" })
        let dashboard = String(decoding: site.file(at: "index.html")?.data ?? Data(), as: UTF8.self)
        #expect(dashboard.contains("contacts/zoe-neu.md:"))
    }
}
