import Foundation
import TestSupport
import Testing
import Yams

@testable import Authoring
@testable import Index

/// Every shape YAML can give a front matter, under every in-place edit: the edited file reads
/// back as the edit applied to what the original read as, and every byte outside the edited
/// item stays as it was.
@Suite("In-place edits on generated front matter")
struct FrontMatterEditPropertyTests {
    /// A value as YAML means it, whatever its style: what an edit must preserve.
    indirect enum Value: Equatable, CustomStringConvertible {
        case text(String)
        case list([Value])
        case map([String: Value])

        init(_ node: Node) {
            switch node {
            case let .scalar(scalar): self = .text(scalar.string)
            case let .sequence(sequence): self = .list(sequence.map(Value.init))
            case let .mapping(mapping):
                var map: [String: Value] = [:]
                for (key, value) in mapping { map[key.string ?? "?"] = Value(value) }
                self = .map(map)
            case let .alias(alias): self = .text("*\(alias)")
            }
        }

        var description: String {
            switch self {
            case let .text(text): return text.debugDescription
            case let .list(items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
            case let .map(map): return "{" + map.keys.sorted().map { "\($0): \(map[$0]!)" }.joined(separator: ", ") + "}"
            }
        }
    }

    typealias Generator = SplitMix64

    static let tasks = [
        "Send slides", "Ask: which team?", "Intro [Ada] to {Bob}, maybe", "Call #2 with Bob", "Thank Jürgen Weiß",
        "say \"hi\" to 'em", "one", "blockone", "Review the long article on on-call rotations",
    ]

    /// One follow-up as YAML in a block list (`- ` and what follows it, further lines indented
    /// by `indent`), or nil when the shape cannot stand there.
    static func item(_ task: String, shape: Int, index: Int, indent: String, flow: Bool, g: inout Generator) -> String? {
        let anchor = g.int(0..<6) == 0 ? "&f\(index) " : ""
        let comment = !flow && g.int(0..<3) == 0 ? "  # note \(index)" : ""
        switch shape {
        case 0: return anchor + YAMLScalar.text(task, inFlow: flow) + comment
        case 1: return anchor + YAMLScalar.doubleQuoted(task) + comment
        case 2:
            guard !task.contains("'") || true else { return nil }
            return anchor + "'" + task.replacingOccurrences(of: "'", with: "''") + "'" + comment
        case 3:
            var pairs = ["task: \(YAMLScalar.text(task, inFlow: true))"]
            if g.bool() { pairs.append("due: 2026-12-\(10 + index)") }
            if g.bool() { pairs.append("done: false") }
            if g.bool() { pairs.shuffle(using: &g) }
            return anchor + "{" + pairs.joined(separator: ", ") + "}" + comment
        case 4:
            guard !flow else { return nil }
            var lines = ["task: \(YAMLScalar.text(task))" + comment]
            if g.bool() { lines.append("due: 2w") }
            if g.bool() { lines.append("done: no") }
            if g.bool() { lines.append("with:\n\(indent)  - Bob") }
            // An anchor before the first key names the key; on a line of its own, the map.
            let mapAnchor = anchor.isEmpty ? "" : anchor + "\n" + indent
            return (g.bool() ? anchor : mapAnchor) + lines.joined(separator: "\n" + indent)
        case 5:
            // Plain text wrapped over two lines, where plain text can be written at all.
            guard !flow, YAMLScalar.text(task) == task, task.contains(" ") else { return nil }
            let words = task.split(separator: " ")
            let half = words.count / 2
            return anchor + words[..<half].joined(separator: " ") + "\n" + indent + words[half...].joined(separator: " ")
        case 6:
            guard !flow, !task.hasPrefix(" ") else { return nil }
            return anchor + (g.bool() ? "|" : ">") + "\n" + indent + task
        default:
            // A block map whose task is a block scalar.
            guard !flow else { return nil }
            return anchor + "task: |\n" + indent + "  " + task + "\n" + indent + "due: 3d"
        }
    }

    /// A whole encounter file with `count` follow-ups in one style.
    static func file(_ g: inout Generator) -> (text: String, count: Int) {
        let flow = g.int(0..<4) == 0
        let count = g.int(1..<5)
        var items: [String] = []
        for index in 0..<count {
            let task = g.pick(tasks)
            var written: String?
            while written == nil {
                written = item(task, shape: g.int(0..<8), index: index, indent: flow ? "  " : "    ", flow: flow, g: &g)
            }
            items.append(written!)
        }
        var front: [String] = ["title: Coffee # with Bob", "date: 2026-11-02", "with: [Bob, \"Ada, Countess\"]"]
        if flow {
            let multiLine = g.bool()
            front.append(
                multiLine
                    ? "followups: [\n  " + items.joined(separator: ",\n  ") + "\n]"
                    : "followups: [" + items.joined(separator: ", ") + "]")
        } else {
            let indentless = g.int(0..<3) == 0
            let prefix = indentless ? "" : "  "
            let shifted = items.map { $0.replacingOccurrences(of: "\n    ", with: "\n" + prefix + "  ") }
            front.append("followups:\n" + shifted.map { prefix + "- " + $0 }.joined(separator: "\n"))
        }
        if g.bool() { front.append("tags:\n  - work   # from work\n  - 'travel agent'") }
        if g.bool() { front.shuffle(using: &g) }
        var text = "---\n" + front.joined(separator: "\n") + "\n---\nNotes about [[Bob]].\n"
        if g.int(0..<4) == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return (text, count)
    }

    static func frontMatter(_ text: String) -> [String: Value] {
        let normalized = Self.lf(text)
        let parts = normalized.components(separatedBy: "\n---\n")
        let yaml = String(parts[0].dropFirst(4))
        guard let node = try? Yams.compose(yaml: yaml), case let .map(map) = Value(node) else { return [:] }
        return map
    }

    /// The front matter's text as the editor gives it to libyaml, and where it starts.
    static func yaml(_ text: String) -> (start: Int, text: String) {
        let scalars = Array(text.unicodeScalars)
        let start = scalars.firstIndex(of: "\n")! + 1
        var end = start
        while end + 3 < scalars.count,
            !(scalars[end] == "-" && scalars[end + 1] == "-" && scalars[end + 2] == "-" && scalars[end - 1] == "\n")
        {
            end += 1
        }
        var last = end - 1
        if last > start, scalars[last - 1] == "\r" { last -= 1 }
        return (start, String(String.UnicodeScalarView(scalars[start..<max(last, start)])))
    }

    static func lf(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
    }

    static func body(_ text: String) -> String {
        let normalized = Self.lf(text)
        return normalized.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
    }

    /// The follow-ups' items' places, as the real parser locates them.
    static func locations(_ text: String) -> [Index.SourceLocation] {
        let file = JournalFile(absolutePath: "/dev/null", path: "encounters/e.md", kind: .encounter, slug: "e")
        guard case let .encounter(encounter) = RecordParser.parse(Self.lf(text), file: file).record else { return [] }
        return encounter.followups.map(\.location)
    }

    @Test func markingEachFollowUpDoneChangesThatItemAlone() throws {
        var g = Generator(seed: 2026_12_07)
        var cases = 0
        for _ in 0..<400 {
            let (text, count) = Self.file(&g)
            let before = Self.frontMatter(text)
            guard case let .list(items)? = before["followups"], items.count == count else {
                Issue.record("the generator wrote a file YAML reads otherwise:\n\(text)")
                continue
            }
            let locations = Self.locations(text)
            #expect(locations.count == count, "\(text)")
            for (index, location) in locations.enumerated() {
                var editor = FrontMatterEditor<Encounter>(text)
                do {
                    try editor.set("done", "true", inItemAt: location, of: \.followups, plainKey: "task")
                } catch {
                    // Only an alias may be refused, and no generated item is one.
                    Issue.record("refused item \(index) of:\n\(text)\n\(error)")
                    continue
                }
                let after = editor.text
                var expected = before
                var list = items
                switch list[index] {
                case let .text(task): list[index] = Value.map(["task": Value.text(task), "done": Value.text("true")])
                case var .map(map):
                    map["done"] = .text("true")
                    list[index] = .map(map)
                case .list: Issue.record("a follow-up read as a list")
                }
                expected["followups"] = .list(list)
                #expect(Self.frontMatter(after) == expected, "item \(index) of:\n\(text)\nbecame:\n\(after)")
                #expect(Self.body(after) == Self.body(text))
                // Outside the item: the bytes before it and after its last line are the original's.
                let (headLength, yaml) = Self.yaml(text)
                let spans = try YAMLSpans(yaml)
                if let node = spans.node(atFileLine: location.line, column: location.column)?.node {
                    let prefix = String(String.UnicodeScalarView(Array(text.unicodeScalars)[..<(headLength + node.start)]))
                    #expect(after.hasPrefix(prefix), "before item \(index) changed:\n\(after)")
                    let tailStart =
                        node.inFlow ? node.end : (spans.nextLineStart(from: spans.textEnd(node)) ?? spans.scalars.count)
                    let suffix = String(String.UnicodeScalarView(Array(text.unicodeScalars)[(headLength + tailStart)...]))
                    #expect(after.hasSuffix(suffix), "after item \(index) changed:\n\(text)\nbecame:\n\(after)")
                }
                if case .encounter(let encounter) = RecordParser.parse(
                    Self.lf(after),
                    file: JournalFile(absolutePath: "/dev/null", path: "encounters/e.md", kind: .encounter, slug: "e")
                ).record {
                    #expect(encounter.followups.enumerated().allSatisfy { $0.offset == index ? $0.element.done : true })
                } else {
                    Issue.record("the edited file is no encounter:\n\(after)")
                }
                cases += 1
            }
        }
        #expect(cases > 800)
    }

    @Test func listsMapsAndValuesEditedInEveryStyle() throws {
        var g = Generator(seed: 7)
        let emailStyles = [
            "emails: [a@example.org]", "emails:\n  - a@example.org  # work", "emails:\n- a@example.org",
            "emails: a@example.org # old", "emails:", "emails: ~", "emails: [\n  a@example.org,\n]",
            "emails: &mail [a@example.org]", "emails: []",
        ]
        let linkStyles = [
            "links: {linkedin: https://x.example/in/a}", "links:\n  linkedin: https://x.example/in/a # profile",
            "links:", "links: {}", "links: {\n  linkedin: 'https://x.example/in/a'\n}",
        ]
        let orgStyles = [
            "org: Acme", "org: 'Acme, Inc.'  # since 2021", "org: \"Acme\"", "org:", "org: >\n  Acme\n  Robotics",
            "org: Acme\n  Robotics",
        ]
        for _ in 0..<300 {
            var front = [g.pick(emailStyles), g.pick(linkStyles), g.pick(orgStyles), "name: Ada Lovelace"]
            front.shuffle(using: &g)
            var text = "---\n" + front.joined(separator: "\n") + "\n---\nBody.\n"
            if g.bool() { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            let before = Self.frontMatter(text)
            var editor = FrontMatterEditor<Contact>(text)
            try editor.append(\.emails, ["b@example.org, with a comma", "c@example.org"])
            try editor.add(\.links, label: "web", value: "https://ada.example/#me")
            try editor.set(\.org, "Globex: the company")
            try editor.set(\.title, "CTO")
            let after = Self.frontMatter(editor.text)
            var expected = before
            var emails: [Value]
            switch before["emails"] {
            case let .list(items)?: emails = items
            case let .text(text)? where !["", "~", "null"].contains(text): emails = [.text(text)]
            default: emails = []
            }
            emails += [.text("b@example.org, with a comma"), .text("c@example.org")]
            expected["emails"] = .list(emails)
            var links: [String: Value] = [:]
            if case let .map(map)? = before["links"] { links = map }
            links["web"] = .text("https://ada.example/#me")
            expected["links"] = .map(links)
            expected["org"] = .text("Globex: the company")
            expected["title"] = .text("CTO")
            #expect(after == expected, "\(text)\nbecame:\n\(editor.text)")
            #expect(Self.body(editor.text) == Self.body(text))
            #expect(editor.text.hasPrefix("---\n") || editor.text.hasPrefix("---\r\n"))
            if text.contains("\r\n") {
                #expect(
                    !editor.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare line feed in:\n\(editor.text)"
                )
            }
        }
    }

    /// `ties rename` and `ties merge` rewrite or remove a reference where the parser located it,
    /// in every way a list of names can be written.
    @Test func referencesRenamedAndRemovedInEveryStyle() throws {
        var g = Generator(seed: 42)
        let names = ["Jonas Müller", "Ada, Countess", "Bob: the builder", "Lena #1", "Cy"]
        func written(_ name: String, flow: Bool, g: inout Generator) -> String {
            switch g.int(0..<4) {
            case 0: return YAMLScalar.text(name, inFlow: flow)
            case 1: return YAMLScalar.doubleQuoted(name)
            case 2: return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            default: return (g.bool() ? "&r\(g.int(0..<99)) " : "") + YAMLScalar.doubleQuoted(name)
            }
        }
        var cases = 0
        for _ in 0..<300 {
            let count = g.int(1..<5)
            var people = (0..<count).map { _ in g.pick(names) }
            let target = g.int(0..<count)
            people[target] = "Jonas Müller"
            let style = g.int(0..<3)
            let items = people.map { written($0, flow: style != 2, g: &g) }
            let list: String
            switch style {
            case 0: list = "with: [" + items.joined(separator: ", ") + "]"
            case 1: list = "with: [\n    " + items.joined(separator: ",\n    ") + "  # people\n]"
            default: list = "with:\n" + items.map { "  - " + $0 + (g.bool() ? "  # met" : "") }.joined(separator: "\n")
            }
            var text = "---\ntitle: Coffee\n" + list + "\ndate: 2026-11-02\n---\nBody.\n"
            if g.int(0..<4) == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            let file = JournalFile(absolutePath: "/dev/null", path: "encounters/e.md", kind: .encounter, slug: "e")
            guard case let .encounter(encounter) = RecordParser.parse(Self.lf(text), file: file).record else {
                Issue.record("not an encounter:\n\(text)")
                continue
            }
            let location = encounter.with[target].location
            let before = Self.frontMatter(text)
            guard case let .list(values)? = before["with"] else { continue }

            var renamed = FrontMatterEditor<Encounter>(text)
            try renamed.replaceReference(at: location, with: "Jonas Q. Müller-Weiß, Jr.")
            var expected = before
            var list2 = values
            list2[target] = .text("Jonas Q. Müller-Weiß, Jr.")
            expected["with"] = .list(list2)
            #expect(Self.frontMatter(renamed.text) == expected, "rename \(target) in:\n\(text)\nbecame:\n\(renamed.text)")

            var removed = FrontMatterEditor<Encounter>(text)
            try removed.removeListItem(at: location)
            var without = values
            without.remove(at: target)
            let after = Self.frontMatter(removed.text)["with"]
            #expect(
                after == .list(without) || (without.isEmpty && (after == nil || after == .text(""))),
                "remove \(target) in:\n\(text)\nbecame:\n\(removed.text)")
            #expect(Self.body(removed.text) == Self.body(text) && Self.body(renamed.text) == Self.body(text))
            cases += 1
        }
        #expect(cases == 300)
    }
}
