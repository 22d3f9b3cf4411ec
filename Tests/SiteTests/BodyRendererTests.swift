import Index
import Site
import TestSupport
import Testing

@Suite("Rendering bodies")
struct BodyRendererTests {
    let renderer = BodyRenderer { "../\($0.kind.folder)/\($0.slug).html" }
    let targets: [String: RecordID] = ["ada lovelace": RecordID(.contact, "ada"), "acme": RecordID(.org, "acme")]

    @Test func resolvedWikiLinksBecomeLinks() {
        #expect(
            renderer.html(markdown: "Met [[Ada Lovelace]] at [[acme|ACME]].", targets: targets)
                == "<p>Met <a href=\"../contacts/ada.html\">Ada Lovelace</a> at <a href=\"../orgs/acme.html\">ACME</a>.</p>\n")
    }

    @Test func unresolvedLinksStayText() {
        #expect(
            renderer.html(markdown: "Ask [[Nobody|someone]] or [[Ghost]].", targets: targets)
                == "<p>Ask someone or Ghost.</p>\n")
    }

    @Test func codeIsLeftAlone() {
        #expect(
            renderer.html(markdown: "`[[Ada Lovelace]]`\n\n    [[acme]]\n", targets: targets)
                == "<p><code>[[Ada Lovelace]]</code></p>\n<pre><code>[[acme]]\n</code></pre>\n")
    }

    @Test func textIsEscapedAndRawHTMLDroppedUnlessAllowed() {
        let hostile = "Hi <script>alert(1)</script> [[Ada Lovelace|a < b & \"c\"]] <i>x</i>"
        let safe = renderer.html(markdown: hostile, targets: targets)
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<i>"))
        #expect(safe.contains("<a href=\"../contacts/ada.html\">a &lt; b &amp; &quot;c&quot;</a>"))
        let unsafe = BodyRenderer(allowRawHTML: true) { _ in nil }.html(markdown: "<i>x</i>", targets: [:])
        #expect(unsafe == "<p><i>x</i></p>\n")
    }

    @Test func nothingIsLoadedFromElsewhereAndNoLinkLeadsNowhere() {
        let html = renderer.html(
            markdown: """
                ![logo](https://cdn.example/logo.png) ![local](files/a.png) [run](javascript:alert(1)) [file](notes/x.md) [web](https://ok.example) [top](#top)
                """, targets: [:])
        #expect(
            html
                == "<p><a href=\"https://cdn.example/logo.png\">logo</a> local run file <a href=\"https://ok.example\">web</a> <a href=\"#top\">top</a></p>\n"
        )
    }

    @Test func headingsFitUnderThePagesOwn() {
        var renderer = self.renderer
        renderer.headingOffset = 2
        #expect(
            renderer.html(markdown: "# Ada\n\nHi\n\n# Next\n\n###### Deep\n", targets: [:], title: "Ada")
                == "<p>Hi</p>\n<h3>Next</h3>\n<h6>Deep</h6>\n")
        #expect(renderer.html(markdown: "Hi\n\n# Ada\n", targets: [:], title: "Ada") == "<p>Hi</p>\n<h3>Ada</h3>\n")
    }

    @Test func rendersARecordOfTheSampleJournal() throws {
        let journal = Journal.load(from: Fixtures.template)
        let jonas = try #require(journal.contacts["jonas-mueller"])
        let html = renderer.html(of: jonas)
        #expect(html.contains("<a href=\"../contacts/lena-schaefer.html\">Lena Schäfer</a>"))
        #expect(html.contains("<a href=\"../contacts/hiroshi-tanaka.html\">Hiroshi</a>"))
        #expect(!html.contains("<h1>Jonas Müller</h1>"), "the page shows the name already")
    }
}
