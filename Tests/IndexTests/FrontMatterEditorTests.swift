import Testing

@testable import Authoring
@testable import Index

/// Edits change only the lines they must: comments, key order, quoting, blank lines and the body
/// stay byte for byte.
@Suite("Editing front matter in place")
struct FrontMatterEditorTests {
    static let odd = """
        ---
        # People I met at KubeCon
        name: 'Jonas Müller'   # as he writes it
        emails: [jonas@example.org]  # work

        phones:
          - "+49 30 1234"
        links:
          linkedin: https://linkedin.com/in/jonas
        org: Acme Robotics # since 2021
        ---
        Body with --- and `emails: x` in it.

        """

    @Test func addingToListsAndMapsKeepsEveryOtherByte() throws {
        var editor = FrontMatterEditor<Contact>(Self.odd)
        try editor.append(\.emails, ["jm@example.com"])
        try editor.append(\.phones, ["+49 171 5555"])
        try editor.add(\.links, label: "web", value: "https://jonas.example")
        try editor.add(\.birthday, "1984-05-21")
        #expect(
            editor.text == """
                ---
                # People I met at KubeCon
                name: 'Jonas Müller'   # as he writes it
                emails: [jonas@example.org, jm@example.com]  # work

                phones:
                  - "+49 30 1234"
                  - +49 171 5555
                links:
                  linkedin: https://linkedin.com/in/jonas
                  web: https://jonas.example
                org: Acme Robotics # since 2021
                birthday: 1984-05-21
                ---
                Body with --- and `emails: x` in it.

                """)
    }

    @Test func aSingleValueBecomesAListAndACommentStays() throws {
        var editor = FrontMatterEditor<Contact>("---\nname: Ada\nemails: ada@example.org # old\n---\n")
        try editor.append(\.emails, ["ada@new.example"])
        try editor.set(\.org, "Globex")
        #expect(editor.text == "---\nname: Ada\nemails: [ada@example.org, ada@new.example] # old\norg: Globex\n---\n")
    }

    @Test func settingAValueKeepsItsComment() throws {
        var editor = FrontMatterEditor<Contact>("---\norg: Acme # since 2021\ntitle: \"CTO\"\n---\nx\n")
        try editor.set(\.org, "Globex")
        try editor.set(\.title, "VP: Engineering")
        #expect(editor.text == "---\norg: Globex # since 2021\ntitle: \"VP: Engineering\"\n---\nx\n")
    }

    @Test func rolesAreClosedAndAddedInTheirStyle() throws {
        let block = "---\nroles:\n  - org: Acme\n    title: CTO\n    from: 2020\nname: Ada\n---\n"
        var editor = FrontMatterEditor<Contact>(block)
        #expect(try editor.add("to", "2026-12-01", toItemOf: \.roles) { $0["org"] == "Acme" && $0["to"] == nil })
        try editor.append(\.roles, maps: [[("org", "Globex"), ("from", "2026-12-01")]])
        #expect(
            editor.text
                == "---\nroles:\n  - org: Acme\n    title: CTO\n    from: 2020\n    to: 2026-12-01\n  - {org: Globex, from: 2026-12-01}\nname: Ada\n---\n"
        )

        var flow = FrontMatterEditor<Contact>("---\nroles: [{org: Acme, from: 2020}]\n---\n")
        #expect(try flow.add("to", "2026-12-01", toItemOf: \.roles) { $0["org"] == "Acme" })
        try flow.append(\.roles, maps: [[("org", "Globex")]])
        #expect(flow.text == "---\nroles: [{org: Acme, from: 2020, to: 2026-12-01}, {org: Globex}]\n---\n")
    }

    /// An item removed from a flow list over several lines takes its line, its comma and its
    /// comment, and leaves the other items' comments where they are.
    @Test func removingFromAFlowListOverLinesKeepsTheOthersComments() throws {
        var second = FrontMatterEditor<Encounter>("---\nwith: [\n  \"Ada King\",   # she\n  &b Ada Lovelace,\n]\n---\n")
        try second.removeListItem(at: SourceLocation(path: "e.md", line: 4, column: 3))
        #expect(second.text == "---\nwith: [\n  \"Ada King\",   # she\n]\n---\n")
        var last = FrontMatterEditor<Encounter>("---\nwith: [\n  Ada,  # first\n  Bob   # second\n]\n---\n")
        try last.removeListItem(at: SourceLocation(path: "e.md", line: 4, column: 3))
        #expect(last.text == "---\nwith: [\n  Ada  # first\n]\n---\n")
        var first = FrontMatterEditor<Encounter>("---\nwith: [\n  Ada,  # first\n  Bob   # second\n]\n---\n")
        try first.removeListItem(at: SourceLocation(path: "e.md", line: 3, column: 3))
        #expect(first.text == "---\nwith: [\n  Bob   # second\n]\n---\n")
    }

    @Test func aFileWithoutFrontMatterGetsOneAndCRLFStays() throws {
        var bare = FrontMatterEditor<Contact>("Just a body.\n")
        try bare.add(\.name, "Ada")
        #expect(bare.text == "---\nname: Ada\n---\nJust a body.\n")

        var crlf = FrontMatterEditor<Contact>("---\r\nname: Ada\r\n---\r\nBody\r\n")
        try crlf.append(\.emails, ["a@b.c"])
        #expect(crlf.text == "---\r\nname: Ada\r\nemails: [a@b.c]\r\n---\r\nBody\r\n")
    }
}

@Suite("Marking follow-ups done in place")
struct FollowUpEditTests {
    static func done(_ text: String, line: Int, column: Int) throws -> String {
        var editor = FrontMatterEditor<Encounter>(text)
        try editor.set(
            "done", "true", inItemAt: SourceLocation(path: "e.md", line: line, column: column), of: \.followups,
            plainKey: "task")
        return editor.text
    }

    @Test func eachWayOfWritingAFollowUp() throws {
        // A plain item in a block list, with a comment after it.
        #expect(
            try Self.done("---\nfollowups:\n  - Send slides   # today\n  - Call Bob\n---\nBody\n", line: 3, column: 5)
                == "---\nfollowups:\n  - {task: Send slides, done: true}   # today\n  - Call Bob\n---\nBody\n")
        // A plain item in a flow list.
        #expect(
            try Self.done("---\nfollowups: [Send slides, \"Call: Bob\"]\n---\n", line: 2, column: 26)
                == "---\nfollowups: [Send slides, {task: \"Call: Bob\", done: true}]\n---\n")
        // A block map with done: false.
        #expect(
            try Self.done("---\nfollowups:\n  - task: Intro Ada\n    done: false # not yet\n---\n", line: 3, column: 5)
                == "---\nfollowups:\n  - task: Intro Ada\n    done: true # not yet\n---\n")
        // A block map without done.
        #expect(
            try Self.done("---\nfollowups:\n  - task: Intro Ada\n    due: 2w\n---\n", line: 3, column: 5)
                == "---\nfollowups:\n  - task: Intro Ada\n    due: 2w\n    done: true\n---\n")
    }

    @Test func aDiffShowsOnlyTheChangedLines() {
        let diff = LineDiff.unified("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n", path: "x.md")
        #expect(diff == "--- a/x.md\n+++ b/x.md\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n")
    }
}

@Suite("Marking a follow-up done in every way YAML can write it")
struct FollowUpShapesTests {
    static func done(_ text: String, line: Int, column: Int) throws -> String {
        try FollowUpEditTests.done(text, line: line, column: column)
    }

    @Test func aFlowMapBesideAnotherThatIsDone() throws {
        // The shape `ties new encounter --followup` writes: the first map gets done, not the second.
        let text =
            "---\nfollowups: [{task: first task, due: 2026-12-01}, {task: second task, due: 2026-12-02, done: true}]\n---\n"
        #expect(
            try Self.done(text, line: 2, column: 13)
                == "---\nfollowups: [{task: first task, due: 2026-12-01, done: true}, {task: second task, due: 2026-12-02, done: true}]\n---\n"
        )
    }

    @Test func aFlowListOverSeveralLines() throws {
        let text = "---\nfollowups: [\n  {task: a, due: 2w},  # first\n  {task: b}\n]\n---\n"
        #expect(
            try Self.done(text, line: 3, column: 3)
                == "---\nfollowups: [\n  {task: a, due: 2w, done: true},  # first\n  {task: b}\n]\n---\n")
        #expect(
            try Self.done(text, line: 4, column: 3)
                == "---\nfollowups: [\n  {task: a, due: 2w},  # first\n  {task: b, done: true}\n]\n---\n")
    }

    @Test func aPlainTextWrappedOverTwoLines() throws {
        let text = "---\nfollowups:\n  - Send Lena the long\n    article on on-call\n  - Call Bob\n---\n"
        #expect(
            try Self.done(text, line: 3, column: 5)
                == "---\nfollowups:\n  - {task: Send Lena the long article on on-call, done: true}\n  - Call Bob\n---\n")
    }

    @Test func blockScalars() throws {
        let literal = "---\nfollowups:\n  - |\n    Send slides\n  - Call Bob\n---\n"
        #expect(
            try Self.done(literal, line: 3, column: 5)
                == "---\nfollowups:\n  - {task: \"Send slides\\n\", done: true}\n  - Call Bob\n---\n")
        let inMap = "---\nfollowups:\n  - task: >\n      Send the\n      slides\n\n  - Call Bob\n---\n"
        #expect(
            try Self.done(inMap, line: 3, column: 5)
                == "---\nfollowups:\n  - task: >\n      Send the\n      slides\n    done: true\n\n  - Call Bob\n---\n")
    }

    @Test func anchorsAndAliases() throws {
        let text = "---\nfollowups:\n  - &t {task: Thank Jonas}\n  - Call Bob\nnote: *t\n---\n"
        #expect(
            try Self.done(text, line: 3, column: 5)
                == "---\nfollowups:\n  - &t {task: Thank Jonas, done: true}\n  - Call Bob\nnote: *t\n---\n")
        let alias = "---\nx: &a Call Bob\nfollowups:\n  - *a\n---\n"
        #expect(throws: FrontMatterEditor<Encounter>.Refusal.self) { try Self.done(alias, line: 4, column: 5) }
    }

    @Test func quotedTextsWithIndicatorsAndComments() throws {
        let text = "---\nfollowups:\n  - \"Ask: [which] {team}, #3\"  # ask\n  - {task: 'a, b: c', due: 2w} # x\n---\n"
        #expect(
            try Self.done(text, line: 3, column: 5)
                == "---\nfollowups:\n  - {task: \"Ask: [which] {team}, #3\", done: true}  # ask\n  - {task: 'a, b: c', due: 2w} # x\n---\n"
        )
        #expect(
            try Self.done(text, line: 4, column: 5)
                == "---\nfollowups:\n  - \"Ask: [which] {team}, #3\"  # ask\n  - {task: 'a, b: c', due: 2w, done: true} # x\n---\n"
        )
    }

    /// Found by the editor's fuzz target: a key of a flow map with no colon and no value.
    @Test func aKeyWithoutItsColon() throws {
        #expect(
            try Self.done("---\nfollowups:\n  - {task: Write, due: 2025-01-15, done}\n---\n", line: 3, column: 5)
                == "---\nfollowups:\n  - {task: Write, due: 2025-01-15, done: true}\n---\n")
    }

    @Test func crlfStaysOnEveryLine() throws {
        let text = "---\r\nfollowups:\r\n  - task: a\r\n    due: 2w\r\n  - b\r\n---\r\nBody\r\n"
        #expect(
            try Self.done(text, line: 3, column: 5)
                == "---\r\nfollowups:\r\n  - task: a\r\n    due: 2w\r\n    done: true\r\n  - b\r\n---\r\nBody\r\n")
        #expect(
            try Self.done(text, line: 5, column: 5)
                == "---\r\nfollowups:\r\n  - task: a\r\n    due: 2w\r\n  - {task: b, done: true}\r\n---\r\nBody\r\n")
    }

    @Test func aBlockMapWhoseLastValueIsAList() throws {
        let text = "---\nfollowups:\n  - task: a\n    with:\n      - Bob\n    # about a\n  - b\n---\n"
        #expect(
            try Self.done(text, line: 3, column: 5)
                == "---\nfollowups:\n  - task: a\n    with:\n      - Bob\n    done: true\n    # about a\n  - b\n---\n")
    }
}

@Suite("Editor regressions found by fuzzing")
struct EditorFuzzRegressionTests {
    /// U+FEFF before a key: the parser (through Yams) reads `done`, and so must the editor, or it
    /// adds a second `done`.
    /// An indented `---` is YAML, not the end of the front matter, as parsing reads it.
    @Test func anIndentedDashesLineIsNoDelimiter() throws {
        var editor = FrontMatterEditor<Encounter>("---\ntitle: s\nnote: |\n  ---\ntags: [a]\n---\nBody\n")
        try editor.append(\.tags, ["b"])
        #expect(editor.text == "---\ntitle: s\nnote: |\n  ---\ntags: [a, b]\n---\nBody\n")
    }

    /// A byte-order mark opening the YAML: libyaml skips it without counting it.
    @Test func aByteOrderMarkOpeningTheYAML() throws {
        let text = "---\n\u{FEFF}\nfollowups:\n  - Thank Carl\n  - {task: Send}\n---\n"
        #expect(
            try FollowUpEditTests.done(text, line: 4, column: 5)
                == "---\n\u{FEFF}\nfollowups:\n  - {task: Thank Carl, done: true}\n  - {task: Send}\n---\n")
    }

    /// An empty value with an anchor: the new value goes after the anchor.
    @Test func anAnchoredEmptyValue() throws {
        #expect(
            try FollowUpEditTests.done("---\nfollowups:\n  - {task: Write, done: &d}\n---\n", line: 3, column: 5)
                == "---\nfollowups:\n  - {task: Write, done: &d true}\n---\n")
        #expect(
            try FollowUpEditTests.done("---\nfollowups:\n  - {task: Write, note: &d}\n---\n", line: 3, column: 5)
                == "---\nfollowups:\n  - {task: Write, note: &d, done: true}\n---\n")
    }

    /// An item whose text begins on a line below its dash: the map goes beside the dash.
    @Test func anItemBelowItsDash() throws {
        #expect(
            try FollowUpEditTests.done("---\nfollowups:\n-\n\n  >\n   Call Bob\n---\n", line: 5, column: 3)
                == "---\nfollowups:\n- {task: Call Bob, done: true}\n---\n")
    }

    /// A flow indicator followed by a combining mark is one Swift character but still a `}`.
    @Test func aBraceWithACombiningMark() throws {
        #expect(
            try FollowUpEditTests.done("---\nfollowups:\n  - ue}\u{317}x\n---\n", line: 3, column: 5)
                == "---\nfollowups:\n  - {task: \"ue}\u{317}x\", done: true}\n---\n")
        #expect(YAMLScalar.text("a:\u{317} b") == "a:\u{317} b")
        #expect(YAMLScalar.text("a \u{2003}#b") != "a \u{2003}#b")
    }

    /// A last key with a colon and no value: the colon stays one.
    @Test func aLastKeyWithoutAValue() throws {
        #expect(
            try FollowUpEditTests.done("---\nfollowups:\n  - {task: Write, note: }\n---\n", line: 3, column: 5)
                == "---\nfollowups:\n  - {task: Write, note: , done: true }\n---\n")
    }

    /// `- &task: text` is a map with an empty, anchored key: refused, not turned into a map
    /// the parser reads otherwise.
    @Test func aMapWithAnEmptyKeyIsRefused() throws {
        #expect(throws: FrontMatterEditor<Encounter>.Refusal.self) {
            try FollowUpEditTests.done("---\nfollowups:\n  - &task: Write up\n---\n", line: 3, column: 5)
        }
    }

    /// A front matter that is one flow map gets new keys inside its braces.
    @Test func aFrontMatterWrittenAsOneFlowMap() throws {
        var editor = FrontMatterEditor<Contact>("---\n{name: Ada, circle: close}\n---\nBody\n")
        try editor.set(\.snoozeUntil, "2027-01-06")
        try editor.append(\.emails, ["ada@example.org"])
        #expect(
            editor.text == "---\n{name: Ada, circle: close, snooze_until: 2027-01-06, emails: [ada@example.org]}\n---\nBody\n")
    }

    /// A verbatim tag holds a comma: the value begins after it.
    @Test func aVerbatimTag() throws {
        var editor = FrontMatterEditor<Contact>("---\norg: !<tag:yaml.org,2002:str> Acme # co\n---\n")
        try editor.set(\.org, "Globex")
        #expect(editor.text == "---\norg: !<tag:yaml.org,2002:str> Globex # co\n---\n")
    }

    /// U+FEFF inside a text stays, as the parser reads it.
    @Test func aByteOrderMarkInAPlainItem() throws {
        let text = "---\nfollowups:\n  - Thank Chars\u{FEFF}le\n---\n"
        #expect(
            try FollowUpEditTests.done(text, line: 3, column: 5)
                == "---\nfollowups:\n  - {task: \"Thank Chars\\ufeffle\", done: true}\n---\n")
    }

    @Test func aByteOrderMarkBeforeAKey() throws {
        let text = "---\nfollowups:\n  - {task: Write, \u{FEFF}done: false}\n---\n"
        #expect(
            try FollowUpEditTests.done(text, line: 3, column: 5)
                == "---\nfollowups:\n  - {task: Write, \u{FEFF}done: true}\n---\n")
    }
}
