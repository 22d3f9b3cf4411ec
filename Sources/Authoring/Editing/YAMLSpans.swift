import CYaml
import Index

/// A YAML text as libyaml reads it, with where each node begins and ends: what an in-place
/// edit needs and Yams' composed nodes do not keep (a value's end, whether a collection is
/// written in flow style, where a scalar's text starts after its anchor and tag).
///
/// Offsets count Unicode scalars, as libyaml's marks do; `\r\n` is two.
struct YAMLSpans {
    enum Kind: Equatable {
        case scalar
        case sequence
        case mapping
        case alias
    }

    enum Style: Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
        /// A collection in `[…]` or `{…}`.
        case flow
        /// A collection of `- ` items or `key: value` lines.
        case block
        case alias
    }

    struct Node {
        var kind: Kind
        var style: Style
        /// The scalar's value (empty for collections).
        var value: String
        /// Where the node begins, its anchor and tag included (where Yams' mark points).
        var start: Int
        /// Where its own text begins, after an anchor and a tag.
        var contentStart: Int
        /// Just after its text: a flow collection's closing bracket, a scalar's last character
        /// (a block scalar's last content line, its line break included); for a block
        /// collection, its last value's end.
        var end: Int
        /// libyaml's line and column of `start`, from 0.
        var line: Int
        var column: Int
        /// Items of a sequence; a mapping's keys and values, alternating.
        var children: [Int] = []
        /// Whether the node is inside a flow collection, where `,[]{}` end a plain scalar.
        var inFlow: Bool
        var anchor: String?
        /// An empty value written without its colon (`{task: x, done}`): a value put there
        /// needs one.
        var lacksColon = false
        /// Whether it has an anchor or a tag.
        var hasProperties = false

        var isBlockScalar: Bool { style == .literal || style == .folded }
        /// An empty plain scalar: a key written with no value.
        var isEmpty: Bool { kind == .scalar && style == .plain && value.isEmpty }
        var isNull: Bool { kind == .scalar && style == .plain && ["", "~", "null", "Null", "NULL"].contains(value) }
    }

    let scalars: [Unicode.Scalar]
    private(set) var nodes: [Node] = []
    private(set) var root: Int?

    struct Failure: Error { var description: String }

    /// libyaml skips a byte-order mark at the start of its input without counting it in its
    /// marks' offsets: they are one behind the text then.
    private var leadingMark = 0

    init(_ text: String) throws(Failure) {
        scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { leadingMark = 1 }
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure(description: "libyaml could not start") }
        defer { yaml_parser_delete(&parser) }
        var open: [Int] = []
        var failure: Failure?
        bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
                    failure = Failure(
                        description: "its front matter is not valid YAML: \(problem) at line \(parser.problem_mark.line + 2)")
                    return
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                if open.count > YAMLPreflight.deepestNesting {
                    failure = Failure(description: "its front matter nests too deep to edit")
                    return
                }
                take(event, open: &open)
            }
        }
        if let failure { throw failure }
    }

    private mutating func take(_ event: yaml_event_t, open: inout [Int]) {
        let start = Int(event.start_mark.index) + leadingMark
        let end = Int(event.end_mark.index) + leadingMark
        let line = Int(event.start_mark.line)
        let column = Int(event.start_mark.column)
        let inFlow = open.last.map { nodes[$0].style == .flow || nodes[$0].inFlow } ?? false
        var node: Node
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let style: Style =
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            var value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            // Yams decodes values with Foundation, which drops one U+FEFF at their start: the
            // parser reads `\u{FEFF}done` as `done`, and so must the editor.
            if value.unicodeScalars.first == "\u{FEFF}" { value.unicodeScalars.removeFirst() }
            let hasProperties = scalar.anchor != nil || scalar.tag != nil
            let anchor = scalar.anchor.map { String(cString: $0) }
            node = Node(
                kind: .scalar, style: style, value: value, start: start, contentStart: start, end: end, line: line,
                column: column, inFlow: inFlow, anchor: anchor)
            if hasProperties { node.contentStart = skipProperties(from: start, to: end) }
            if value.isEmpty && style == .plain {
                // An empty value's marks point at whatever follows; it has no text of its own,
                // but its anchor or tag (`done: &a`) has.
                node.contentStart = hasProperties ? endOfProperties(from: start) : start
                node.end = node.contentStart
                node.hasProperties = hasProperties
            }
            if node.isBlockScalar { node.end = lineAfterContent(node.contentStart, end) }
            append(node, open: open)
        case YAML_ALIAS_EVENT:
            node = Node(
                kind: .alias, style: .alias, value: "", start: start, contentStart: start, end: end, line: line,
                column: column, inFlow: inFlow)
            append(node, open: open)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let flow =
                isMapping
                ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tagPointer = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            node = Node(
                kind: isMapping ? .mapping : .sequence, style: flow ? .flow : .block, value: "", start: start,
                contentStart: start, end: end, line: line, column: column, inFlow: inFlow,
                anchor: anchorPointer.map { String(cString: $0) })
            if anchorPointer != nil || tagPointer != nil { node.contentStart = skipProperties(from: start, to: scalars.count) }
            append(node, open: open)
            open.append(nodes.count - 1)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let index = open.popLast() else { return }
            if nodes[index].style == .flow {
                nodes[index].end = end
            } else if let last = nodes[index].children.last {
                nodes[index].end = nodes[last].end
            }
        default:
            return
        }
    }

    private mutating func append(_ node: Node, open: [Int]) {
        var node = node
        if node.isEmpty, !node.hasProperties, let parent = open.last, nodes[parent].kind == .mapping,
            nodes[parent].children.count % 2 == 1,
            let key = nodes[parent].children.last
        {
            // `key:` with nothing after it: the value's place is just after the colon.
            var index = nodes[key].end
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            if index < scalars.count, scalars[index] == ":" {
                index += 1
            } else {
                index = nodes[key].end
                node.lacksColon = true
            }
            node.start = index
            node.contentStart = index
            node.end = index
        }
        nodes.append(node)
        let index = nodes.count - 1
        if let parent = open.last { nodes[parent].children.append(index) } else if root == nil { root = index }
    }

    /// Past `&anchor` and `!tag` (and the space, line breaks and comments after them).
    private func skipProperties(from start: Int, to end: Int) -> Int {
        skipSpace(from: endOfProperties(from: start), to: end)
    }

    /// Just after the last `&anchor` or `!tag` that starts at `start` (a flow indicator or a
    /// space ends one; spaces, line breaks and comments may stand between them).
    private func endOfProperties(from start: Int) -> Int {
        var index = start
        var end = start
        while index < scalars.count, scalars[index] == "&" || scalars[index] == "!" {
            index += 1
            if index < scalars.count, scalars[index] == "<" {
                // A verbatim tag, `!<tag:yaml.org,2002:str>`, may hold a comma.
                while index < scalars.count, scalars[index] != ">" { index += 1 }
                index = min(index + 1, scalars.count)
            }
            while index < scalars.count, !Self.isSpace(scalars[index]), !",[]{}".unicodeScalars.contains(scalars[index]) {
                index += 1
            }
            end = index
            index = skipSpace(from: index, to: scalars.count)
        }
        return end
    }

    private func skipSpace(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            if Self.isSpace(scalars[index]) {
                index += 1
            } else if scalars[index] == "#" {
                while index < end, scalars[index] != "\n" { index += 1 }
            } else {
                break
            }
        }
        return index
    }

    /// A block scalar's end: the start of the line after its last line that has text, so the
    /// blank lines and the next line's indentation libyaml read past stay outside.
    private func lineAfterContent(_ start: Int, _ end: Int) -> Int {
        var last = min(end, scalars.count) - 1
        while last > start, Self.isSpace(scalars[last]) { last -= 1 }
        return nextLineStart(from: last + 1) ?? scalars.count
    }

    /// The start of the line after the one `offset` is on, or nil on the last line.
    func nextLineStart(from offset: Int) -> Int? {
        var index = offset
        while index < scalars.count {
            if scalars[index] == "\n" { return index + 1 }
            index += 1
        }
        return nil
    }

    /// Where the line `offset` is on starts.
    func lineStart(of offset: Int) -> Int {
        var index = min(offset, scalars.count)
        while index > 0, scalars[index - 1] != "\n" { index -= 1 }
        return index
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    // MARK: Finding

    /// The root mapping's value under `key`, with its key node.
    func entry(_ key: String) -> (key: Node, value: Node)? {
        guard let root, nodes[root].kind == .mapping else { return nil }
        return pair(key, in: nodes[root])
    }

    func pair(_ key: String, in mapping: Node) -> (key: Node, value: Node)? {
        let children = mapping.children
        var index = 0
        while index + 1 < children.count {
            let keyNode = nodes[children[index]]
            if keyNode.kind == .scalar, keyNode.value == key { return (keyNode, nodes[children[index + 1]]) }
            index += 2
        }
        return nil
    }

    /// The node that begins at file line `line` and column `column` (both from 1), as parsing
    /// located it; the front matter's first line is the file's line 2.
    func node(atFileLine line: Int, column: Int, where accept: (Node) -> Bool = { _ in true }) -> (node: Node, parent: Node?)? {
        var parentOf: [Int: Int] = [:]
        for (index, node) in nodes.enumerated() { for child in node.children { parentOf[child] = index } }
        for (index, node) in nodes.enumerated() where node.line + 2 == line && node.column + 1 == column && accept(node) {
            return (node, parentOf[index].map { nodes[$0] })
        }
        return nil
    }

    /// The last character of `node` that is not a space: where a line after it can go.
    func textEnd(_ node: Node) -> Int {
        var end = node.end
        while end > node.contentStart, Self.isSpace(scalars[end - 1]) { end -= 1 }
        return end
    }

    func text(_ from: Int, _ to: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        return String(view)
    }
}
