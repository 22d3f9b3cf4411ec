import Authoring
import Foundation
import Index
import TestSupport
import Testing

@testable import Site

/// What the Swift side writes into HTML and XML itself, outside the templates, with hostile
/// values; the expected text is written out, never made with the function under test.
@Suite("Escaping outside the templates")
struct EscapingTests {
    static let hostile = "<script>alert('x')</script> & \"Co\""

    @Test func htmlEscapingWritesEverySpecialCharacterAsAnEntity() {
        #expect(HTML.escape(Self.hostile) == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
        #expect(HTML.escape("Jürgen & 中文") == "Jürgen &amp; 中文")
        #expect(HTML.escape("&amp;") == "&amp;amp;")
    }

    @Test func xmlEscapingAlsoLeavesOutWhatXMLForbids() {
        #expect(HTML.escapeXML("a\u{1}b\u{1B}c\td\u{FFFF}<") == "abc\td&lt;")
    }

    @Test func theChartsLabelIsEscaped() {
        let svg = QuarterChart(publications: [], today: Day(year: 2026, month: 11, day: 25)!, label: Self.hostile).svg()
        #expect(svg.contains("aria-label=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;\""))
        #expect(!svg.contains("<script>"))
    }

    @Test func feedsCarryHostileTextEscapedAndStayStrictXML() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "ties.yaml": "title: \"Mara & <Co>\"\nowner: \"O'Brien <ob>\"\n",
                "contacts/ada.md": "---\nname: \"Ada <b>&</b>\"\n---\n",
                "publications/talk.md": """
                ---
                title: "<script>alert('x')</script> & \\"Co\\" \\u0001 ]]>"
                kind: "talk&<"
                date: 2026-01-05
                venue: "A & B"
                with: [ada]
                abstract: "Tom & Jerry <i>"
                ---

                """,
            ], under: root)
        let output = root.appending(path: "_site")
        _ = try SiteBuilder.build(Journal.load(from: root), options: .init(output: output, today: Day("2026-11-25")))
        let atom = try String(contentsOf: output.appending(path: "feed.xml"), encoding: .utf8)
        #expect(atom.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;  ]]&gt;</title>"))
        #expect(atom.contains("<category term=\"talk&amp;&lt;\"/>"))
        #expect(atom.contains("<name>Ada &lt;b&gt;&amp;&lt;/b&gt;</name>"))
        #expect(atom.contains("<summary>Tom &amp; Jerry &lt;i&gt;</summary>"))
        #expect(atom.contains("<name>O&#39;Brien &lt;ob&gt;</name>"))
        #expect(!atom.unicodeScalars.contains("\u{1}"))
        // A strict XML parser (expat, through Python's standard library) reads it back whole.
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1])
            ns = {"a": "http://www.w3.org/2005/Atom"}
            print(root.find("a:entry/a:title", ns).text)
            print(root.find("a:entry/a:summary", ns).text)
            """
        let result = try #require(try Python.run(script, arguments: [output.appending(path: "feed.xml").path], needing: "xml"))
        #expect(result.status == 0)
        #expect(result.output == "<script>alert('x')</script> & \"Co\"  ]]>\nTom & Jerry <i>\n")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appending(path: "feed.json"))) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        #expect(items.first?["title"] as? String == "<script>alert('x')</script> & \"Co\" \u{1} ]]>")
    }
}

extension EscapingTests {
    /// iCalendar's text values escape `\`, `;`, `,` and line ends (RFC 5545, 3.3.11) and carry
    /// no control characters; the expected lines are written out.
    @Test func calendarTextIsEscaped() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "ties.yaml": "title: x\n",
                "contacts/jane.md": "---\nname: \"Doe, Jane; \\\\x\\u0007\"\nbirthday: 01-02\ncadence: none\n---\n",
            ], under: root)
        let text = ICalendar(journal: Journal.load(from: root), today: Day(year: 2026, month: 11, day: 25)!).text()
        #expect(text.contains("SUMMARY:Doe\\, Jane\\; \\\\x: birthday\r\n"), "\(text)")
        #expect(!text.unicodeScalars.contains("\u{7}"))
    }
}
