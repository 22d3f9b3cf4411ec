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
        let script = SearchIndex.script(for: context)
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
}
