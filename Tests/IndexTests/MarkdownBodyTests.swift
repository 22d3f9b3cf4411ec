import TestSupport
import Testing

@testable import Index

@Suite("Wiki links in bodies")
struct MarkdownBodyTests {
    @Test func findsLinksWithTheirPlaces() {
        let input = MarkedText(
            """
            Met 1️⃣[[Ada Lovelace]] and 2️⃣[[bob|Bob]] at *3️⃣[[Acme#History]]*.
            Ümlaut first: 4️⃣[[Jürgen]]
            """)
        let body = MarkdownBody(input.text, firstLine: 10, path: "contacts/x.md")
        #expect(body.wikiLinks.map(\.text) == ["Ada Lovelace", "bob", "Acme", "Jürgen"])
        #expect(body.wikiLinks.map(\.label) == [nil, "Bob", nil, nil])
        for (index, link) in body.wikiLinks.enumerated() {
            let expected = input.location(of: index + 1)
            #expect(link.location.line == expected.line + 9)
            #expect(link.location.column == expected.column)
        }
    }

    @Test func codeIsNeverALink() {
        let body = MarkdownBody(
            """
            Inline `[[not]]` code.

            ```
            [[not either]]
            ```

                [[indented code]]

            But [[this]] is.
            """, firstLine: 1, path: "x.md")
        #expect(body.wikiLinks.map(\.text) == ["this"])
        #expect(body.wikiLinks.first?.location.line == 9)
    }

    @Test func firstLevelOneHeadingNamesTheRecord() {
        #expect(
            MarkdownBody("Intro\n\n## Not this\n\n# Grace `Hopper`\n", firstLine: 1, path: "x").firstHeading == "Grace Hopper")
        #expect(MarkdownBody("Grace\n=====\n", firstLine: 1, path: "x").firstHeading == "Grace")
        #expect(MarkdownBody("## Only level two\n", firstLine: 1, path: "x").firstHeading == nil)
    }

    @Test(arguments: [
        ("[[a]]", ["a"]), ("[[a|b]]", ["a"]), ("[[ a ]]", ["a"]), ("[[]]", []), ("[[a#h|x]]", ["a"]), ("[[[a]]", ["a"]),
        ("[[a]] [[b]]", ["a", "b"]), ("[[unclosed", []), ("![[embed]]", ["embed"]), ("[[a^block]]", ["a"]),
    ])
    func splitsLinkSyntax(text: String, targets: [String]) {
        #expect(MarkdownBody.wikiLinkMatches(in: text).map(\.target) == targets)
    }
}

@Suite("Wiki link syntax")
struct WikiLinkSyntaxTests {
    @Test func cutsTextIntoTextAndLinksKeepingEveryCharacter() {
        #expect(
            WikiLinkSyntax.segments(of: "a [[b|c]] d [[e#f]]!") == [
                .text("a "), .link(target: "b", label: "c", raw: "b|c"), .text(" d "), .link(target: "e", label: nil, raw: "e#f"),
                .text("!"),
            ])
        #expect(WikiLinkSyntax.segments(of: "x [[]] y [[z") == [.text("x [[]] y [[z")])
        #expect(WikiLinkSyntax.segments(of: "[[[a]]") == [.text("["), .link(target: "a", label: nil, raw: "a")])
        #expect(
            WikiLinkSyntax.segments(of: "Jürgen [[Jürgen Weiß]]") == [
                .text("Jürgen "), .link(target: "Jürgen Weiß", label: nil, raw: "Jürgen Weiß"),
            ])
    }
}
