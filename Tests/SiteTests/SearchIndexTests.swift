import Foundation
import Index
import TestSupport
import Testing

@testable import Site

@Suite("The search index")
struct SearchIndexTests {
    @Test(arguments: [
        "plain", "a \"quote\" and a \\ backslash", "line\nbreak\ttab\rreturn", "\u{01}\u{1f}\u{7f}", "</script><b>x</b>",
        "Jürgen Weiß 王秀英 😀", "\u{2028}\u{2029}", "",
    ])
    func anyTextIsValidJSONThatReadsBackTheSame(text: String) throws {
        var json: [UInt8] = []
        SearchIndex.appendJSON(text, to: &json)
        let decoded = try JSONDecoder().decode(String.self, from: Data(json))
        #expect(decoded == text)
        #expect(!json.contains(UInt8(ascii: "<")), "nothing can close a script")
    }

    @Test func theSampleIndexListsEveryRecordWithItsPage() throws {
        let journal = Journal.load(from: Fixtures.template)
        let context = SiteContext(journal: journal, today: try #require(Day("2026-11-25")))
        let script = String(decoding: SearchIndex.script(for: context).script, as: UTF8.self)
        let prefix = "window.tiesSearch = "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"))
        let json = Data(script.dropFirst(prefix.count).dropLast(2).utf8)
        let entries = try JSONDecoder().decode([[String: String]].self, from: json)
        #expect(entries.count == journal.counts.values.reduce(0, +))
        let jonas = try #require(entries.first { $0["n"] == "Jonas Müller" })
        #expect(jonas["u"] == "contacts/jonas-mueller.html")
        #expect(jonas["k"] == "contact", "one of a kind")
        #expect(jonas["d"] == "Head of Platform · Acme Robotics", "what tells him apart")
        // Every word of his fields and notes, folded as ties search folds them.
        let words = Set((jonas["x"] ?? "").split(separator: " ").map(String.init))
        #expect(words.isSuperset(of: ["jonas", "muller", "acme", "robotics", "#platform"]), "\(words)")
    }

    /// The words kept from the last build are used only for texts that are the same: a changed
    /// note is folded again, and a damaged or hostile file of words is ignored.
    @Test func aRebuildFoldsChangedNotesAgainAndIgnoresADamagedWordFile() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let options = SiteBuilder.Options(output: output, today: try #require(Day("2026-11-25")))
        _ = try SiteBuilder.build(Journal.load(from: root), options: options)
        let kept = try Data(contentsOf: output.appending(path: SearchWords.fileName))
        #expect(kept.starts(with: SearchWords.magic))

        let file = root.appending(path: "contacts/jonas-mueller.md")
        try (String(contentsOf: file, encoding: .utf8) + "\nLoves Quokkas.\n").write(to: file, atomically: true, encoding: .utf8)
        _ = try SiteBuilder.build(Journal.load(from: root), options: options)
        let index = try String(contentsOf: output.appending(path: "search-index.js"), encoding: .utf8)
        #expect(index.contains("quokkas"), "the changed note is folded again")

        for damaged in [Data(), kept.prefix(kept.count / 2), Data(repeating: 0xFF, count: 4096), kept + Data([1, 2, 3])] {
            try damaged.write(to: output.appending(path: SearchWords.fileName))
            let fresh = try Fixtures.temporaryFolder("fresh")
            defer { try? FileManager.default.removeItem(at: fresh) }
            _ = try SiteBuilder.build(Journal.load(from: root), options: .init(output: fresh, today: options.today))
            _ = try SiteBuilder.build(Journal.load(from: root), options: options)
            #expect(
                try Data(contentsOf: output.appending(path: "search-index.js"))
                    == Data(contentsOf: fresh.appending(path: "search-index.js")))
            #expect(
                try Data(contentsOf: output.appending(path: SearchWords.fileName))
                    == Data(contentsOf: fresh.appending(path: SearchWords.fileName)))
        }
    }
}
