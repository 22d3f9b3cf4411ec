import Foundation
import Index
import Yams

/// Changes a record file's front matter so that only the lines a change needs differ: the
/// owner's comments, key order, quoting, blank lines and body stay byte for byte.
///
/// Each change is a splice of the front matter's text at the places libyaml read
/// (`YAMLSpans`): a value replaced within its span, a pair or an item added after the last one
/// in the collection's own style (flow or block, its indentation, the file's line ending).
/// What it cannot change without changing what the file means (an alias item, a key that is
/// not a word) is refused rather than rewritten. Keys are named by the record's properties, so
/// the schema gives them.
struct FrontMatterEditor<R: Record> {
    /// Why a change could not be made; nothing was changed.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var lines: [String]
    /// The line ending the file uses: new lines are written with it. Each line keeps its own
    /// `\r`, so a file with mixed endings keeps them byte for byte.
    private let newline: String
    /// Index of the closing `---` line; the front matter is lines 1..<closing.
    private var closing: Int

    /// The editor for `text`; a file without front matter gets an empty one.
    init(_ text: String) {
        // Split on the byte: "\r\n" is one Character, so a split on "\n" would miss it.
        newline = text.utf8.contains(0x0D) && text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        // Where parsing splits the file: a first line `---`, then the next `---` or `...`.
        if let first = lines.first, FrontMatter.isDelimiter(Substring(first).utf8, allowDots: false),
            let end = lines.indices.dropFirst().first(where: {
                FrontMatter.isDelimiter(Substring(lines[$0]).utf8, allowDots: true)
            })
        {
            closing = end
        } else {
            let crlf = newline == "\r\n" ? "\r" : ""
            lines.insert(contentsOf: ["---" + crlf, "---" + crlf], at: 0)
            closing = 1
        }
        self.lines = lines
    }

    /// The file's text after the changes.
    var text: String { lines.joined(separator: "\n") }

    // MARK: The front matter as YAML

    /// The front matter's text as parsing reads it: its lines without the last line break
    /// (which decides what a block scalar at the end holds) and without a last `\r`.
    private var yamlText: String {
        guard closing > 1 else { return "" }
        let yaml = lines[1..<closing].joined(separator: "\n")
        return yaml.utf8.last == 0x0D ? String(Substring(yaml.utf8.dropLast())) : yaml
    }

    private func spans() throws(Refusal) -> YAMLSpans {
        do {
            let spans = try YAMLSpans(yamlText)
            if let root = spans.root, spans.nodes[root].kind != .mapping, !spans.nodes[root].isNull {
                throw Refusal(description: "its front matter is not a map")
            }
            return spans
        } catch let failure as YAMLSpans.Failure {
            throw Refusal(description: failure.description)
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(description: "\(error)")
        }
    }

    /// Replaces the front matter's characters `range` with `text`, whose line breaks are
    /// written as the file writes them.
    private mutating func splice(_ spans: YAMLSpans, _ range: Range<Int>, with text: String) {
        let crlf = newline == "\r\n"
        var view = String.UnicodeScalarView()
        view.append(contentsOf: spans.scalars[..<range.lowerBound])
        view.append(contentsOf: (crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).unicodeScalars)
        view.append(contentsOf: spans.scalars[range.upperBound...])
        let yaml = String(view)
        // "\r\n" is one Character: split on the byte, as `init` does.
        var newLines =
            yaml.isEmpty ? [] : yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        if crlf, let last = newLines.indices.last, newLines[last].utf8.last != 0x0D { newLines[last] += "\r" }
        lines.replaceSubrange(1..<closing, with: newLines)
        closing = 1 + newLines.count
    }

    /// Inserts whole lines (`text`, each ended by a line break) after the line where `node`'s
    /// text ends.
    private mutating func insertLines(_ text: String, after node: YAMLSpans.Node, in spans: YAMLSpans) {
        if let next = spans.nextLineStart(from: spans.textEnd(node)) {
            splice(spans, next..<next, with: text)
        } else {
            // The front matter's last line: the new lines follow its line break.
            let end = spans.scalars.count
            splice(spans, end..<end, with: "\n" + text.dropLast())
        }
    }

    /// Spaces as wide as the column of `offset` (a key or a dash).
    private static func indent(_ spans: YAMLSpans, _ offset: Int) -> String {
        String(repeating: " ", count: offset - spans.lineStart(of: offset))
    }

    /// The range that holds `node`'s own text: after its anchor and tag, up to its end (for a
    /// block scalar, its line break included).
    private static func range(_ node: YAMLSpans.Node) -> Range<Int> { node.contentStart..<node.end }

    /// `text` as it replaces `node`: a block scalar's lines end with a line break it must keep.
    private static func replacement(_ text: String, for node: YAMLSpans.Node, in spans: YAMLSpans) -> String {
        node.isBlockScalar && node.end > 0 && spans.scalars[node.end - 1] == "\n" ? text + "\n" : text
    }

    /// Writes `written` (YAML) as the value of an entry whose key is `key` and whose value is
    /// the scalar `value`.
    private mutating func replaceValue(_ value: YAMLSpans.Node, with written: String, spans: YAMLSpans) {
        if value.isEmpty {
            // After its anchor or tag, which stay; after the colon, or with one if it has none.
            let at = value.hasProperties ? value.end : value.start
            splice(spans, at..<value.end, with: (value.lacksColon ? ": " : " ") + written)
        } else {
            splice(spans, Self.range(value), with: Self.replacement(written, for: value, in: spans))
        }
    }

    /// Adds `field: value` (both written as YAML) to `mapping`, or replaces the field's value.
    private mutating func setField(
        _ field: String, _ value: String, in mapping: YAMLSpans.Node, spans: YAMLSpans, name: String
    ) throws(Refusal) {
        if let existing = spans.pair(field, in: mapping) {
            guard existing.value.kind == .scalar else {
                throw Refusal(description: "'\(field)' of an item of '\(name)' is not a single value")
            }
            replaceValue(existing.value, with: value, spans: spans)
            return
        }
        try insertFields([(field, value)], in: mapping, spans: spans, name: name)
    }

    /// Adds `field: value` pairs (values written as YAML) after the last of `mapping`, in one
    /// splice: before a flow map's `}`, or as lines indented as a block map's first key.
    private mutating func insertFields(
        _ pairs: [(field: String, value: String)], in mapping: YAMLSpans.Node, spans: YAMLSpans, name: String
    ) throws(Refusal) {
        if mapping.style == .flow {
            let text = pairs.map { "\(YAMLScalar.text($0.field, inFlow: true)): \($0.value)" }.joined(separator: ", ")
            if let last = mapping.children.last {
                let lastValue = spans.nodes[last]
                let at = lastValue.isEmpty ? lastValue.end : spans.textEnd(lastValue)
                // After a colon with no value (`{a: }`), a space keeps the colon a colon: `a:,`
                // would be a key `a:`.
                let bare = lastValue.isEmpty && !lastValue.lacksColon && !lastValue.hasProperties
                splice(spans, at..<at, with: (bare ? " , " : ", ") + text)
            } else {
                let at = mapping.contentStart + 1
                splice(spans, at..<at, with: text)
            }
        } else {
            guard let firstKey = mapping.children.first else { throw Refusal(description: "'\(name)' is empty") }
            let indent = Self.indent(spans, spans.nodes[firstKey].start)
            insertLines(pairs.map { indent + "\(YAMLScalar.text($0.field)): \($0.value)\n" }.joined(), after: mapping, in: spans)
        }
    }

    /// Appends items (written as YAML) to the list `sequence`, in its style.
    private mutating func appendItems(
        flow flowItems: [String], block blockItems: [String], to value: YAMLSpans.Node, spans: YAMLSpans, key: String
    ) throws(Refusal) {
        switch (value.kind, value.style) {
        case (.sequence, .flow):
            if let last = value.children.last {
                let at = spans.textEnd(spans.nodes[last])
                splice(spans, at..<at, with: ", " + flowItems.joined(separator: ", "))
            } else {
                let at = value.contentStart + 1
                splice(spans, at..<at, with: flowItems.joined(separator: ", "))
            }
        case (.sequence, _):
            guard let first = value.children.first else { throw Refusal(description: "'\(key)' is empty") }
            // The dash before the first item, on its line.
            var dash = spans.nodes[first].start
            let lineStart = spans.lineStart(of: dash)
            while dash > lineStart, spans.scalars[dash] != "-" { dash -= 1 }
            guard spans.scalars[dash] == "-" else { throw Refusal(description: "'\(key)' is a list ties cannot add to") }
            let indent = Self.indent(spans, dash)
            insertLines(blockItems.map { indent + "- " + $0 + "\n" }.joined(), after: value, in: spans)
        case (.scalar, _) where value.isNull:
            replaceValue(value, with: "[" + flowItems.joined(separator: ", ") + "]", spans: spans)
        case (.scalar, _):
            // A single value becomes a list of it and the new ones; as written, where that can stand in a list.
            let written = spans.text(value.contentStart, value.end)
            let old =
                value.style == .plain && YAMLScalar.text(value.value, inFlow: true) == written
                    || value.style == .doubleQuoted || value.style == .singleQuoted
                ? written : YAMLScalar.text(value.value, inFlow: true)
            replaceValue(value, with: "[" + ([old] + flowItems).joined(separator: ", ") + "]", spans: spans)
        default:
            throw Refusal(description: "'\(key)' is not a list")
        }
    }

    /// Adds `key: value` at the end of the front matter.
    /// A front matter written as one flow map (`{name: Ada, circle: close}`) gets the pair
    /// inside its braces: a line after them would not be YAML.
    private mutating func addLine(_ key: String, _ written: String) {
        if let spans = try? spans(), let root = spans.root, spans.nodes[root].kind == .mapping,
            spans.nodes[root].style == .flow
        {
            let quotedOrCollection = written.first.map { "{[\"'".contains($0) } ?? false
            let inFlow =
                quotedOrCollection || !written.contains(where: { ",[]{}".contains($0) })
                ? written : YAMLScalar.doubleQuoted(written)
            if (try? setField(key, inFlow, in: spans.nodes[root], spans: spans, name: key)) != nil { return }
        }
        insert(["\(YAMLScalar.text(key)): \(written)" + (newline == "\r\n" ? "\r" : "")], at: closing)
    }

    /// The top-level keys and their values, in the order written.
    func fields() throws(Refusal) -> [(key: String, value: Node)] {
        let yaml = lines[1..<closing].joined(separator: "\n")
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            throw Refusal(description: "its front matter is not valid YAML: \(error)")
        }
        guard let root else { return [] }
        guard case let .mapping(mapping) = root else { throw Refusal(description: "its front matter is not a map") }
        var found: [(key: String, value: Node, line: Int)] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            found.append((name, value, key.mark?.line ?? 0))
        }
        return found.sorted { $0.line < $1.line }.map { ($0.key, $0.value) }
    }

    /// The body: everything after the closing `---` line.
    var body: String { lines[(closing + 1)...].joined(separator: "\n") }

    // MARK: Changes

    /// Adds `key: value` at the end of the front matter, if the key is not there.
    mutating func add(_ path: PartialKeyPath<R>, _ value: String) throws(Refusal) {
        let key = R.schema.key(path)
        guard try spans().entry(key) == nil else { return }
        addLine(key, YAMLScalar.text(value))
    }

    /// Sets a single value, keeping what follows it on its line (a comment).
    mutating func set(_ path: PartialKeyPath<R>, _ value: String) throws(Refusal) {
        try set(key: R.schema.key(path), value)
    }

    /// `set` for a key by name, such as a field the schema does not know; `yaml` is the value
    /// as YAML to write when it is to be copied as another file wrote it (`true`, `2019-05`).
    mutating func set(key: String, _ value: String, yaml: String? = nil) throws(Refusal) {
        let written = yaml ?? YAMLScalar.text(value)
        let spans = try spans()
        guard let entry = spans.entry(key) else {
            addLine(key, written)
            return
        }
        guard entry.value.kind == .scalar else { throw Refusal(description: "'\(key)' is not a single value") }
        replaceValue(entry.value, with: written, spans: spans)
    }

    /// Appends texts to a list, in the style the list is written in; a single value becomes a
    /// list of it and the new ones.
    mutating func append(_ path: PartialKeyPath<R>, _ values: [String]) throws(Refusal) {
        try append(key: R.schema.key(path), values)
    }

    mutating func append(key: String, _ values: [String]) throws(Refusal) {
        guard !values.isEmpty else { return }
        let items = values.map { YAMLScalar.text($0, inFlow: true) }
        let spans = try spans()
        guard let entry = spans.entry(key) else {
            addLine(key, "[\(items.joined(separator: ", "))]")
            return
        }
        try appendItems(flow: items, block: values.map { YAMLScalar.text($0) }, to: entry.value, spans: spans, key: key)
    }

    /// Appends `label: value` to a map such as `links`, in the style it is written in.
    mutating func add(_ path: PartialKeyPath<R>, label: String, value: String) throws(Refusal) {
        try add(key: R.schema.key(path), label: label, value: value)
    }

    /// Appends several `label: value` pairs to a map such as `links` at once (one read of the
    /// front matter, however many: a card of thousands of URLs stays linear).
    mutating func add(_ path: PartialKeyPath<R>, pairs: [(label: String, value: String)]) throws(Refusal) {
        try add(key: R.schema.key(path), pairs: pairs)
    }

    mutating func add(key: String, label: String, value: String) throws(Refusal) {
        try add(key: key, pairs: [(label, value)])
    }

    mutating func add(key: String, pairs: [(label: String, value: String)]) throws(Refusal) {
        guard !pairs.isEmpty else { return }
        let spans = try spans()
        let flow =
            "{"
            + pairs.map { "\(YAMLScalar.text($0.label, inFlow: true)): \(YAMLScalar.text($0.value, inFlow: true))" }
            .joined(separator: ", ") + "}"
        guard let entry = spans.entry(key) else {
            addLine(key, flow)
            return
        }
        switch entry.value.kind {
        case .mapping:
            for pair in pairs where spans.pair(pair.label, in: entry.value) != nil {
                throw Refusal(description: "'\(key)' already has '\(pair.label)'")
            }
            let inFlow = entry.value.style == .flow
            try insertFields(
                pairs.map { ($0.label, YAMLScalar.text($0.value, inFlow: inFlow)) }, in: entry.value, spans: spans, name: key)
        case .scalar where entry.value.isNull:
            replaceValue(entry.value, with: flow, spans: spans)
        default:
            throw Refusal(description: "'\(key)' is not a map")
        }
    }

    /// Adds items written as flow maps (`{org: Acme, title: CTO}`) to a list of maps such as
    /// `roles`.
    mutating func append(_ path: PartialKeyPath<R>, maps: [[(String, String)]]) throws(Refusal) {
        try append(key: R.schema.key(path), maps: maps)
    }

    /// With `yaml`, the values are YAML as they are to be written (copied from another file).
    mutating func append(key: String, maps: [[(String, String)]], yaml: Bool = false) throws(Refusal) {
        guard !maps.isEmpty else { return }
        let items = maps.map { pairs in
            "{" + pairs.map { "\($0.0): \(yaml ? $0.1 : YAMLScalar.text($0.1, inFlow: true))" }.joined(separator: ", ") + "}"
        }
        let spans = try spans()
        guard let entry = spans.entry(key) else {
            let crlf = newline == "\r\n" ? "\r" : ""
            insert(["\(key):" + crlf] + items.map { "  - " + $0 + crlf }, at: closing)
            return
        }
        try appendItems(flow: items, block: items, to: entry.value, spans: spans, key: key)
    }

    /// Adds `field: value` to the item of the list at `path` that `matches`, in its style.
    mutating func add(
        _ field: String, _ value: String, toItemOf path: PartialKeyPath<R>, where matches: ([String: String]) -> Bool
    ) throws(Refusal) -> Bool {
        let key = R.schema.key(path)
        let spans = try spans()
        guard let entry = spans.entry(key), entry.value.kind == .sequence else { return false }
        for index in entry.value.children {
            let item = spans.nodes[index]
            guard item.kind == .mapping else { continue }
            var fields: [String: String] = [:]
            var child = 0
            while child + 1 < item.children.count {
                let k = spans.nodes[item.children[child]]
                let v = spans.nodes[item.children[child + 1]]
                if k.kind == .scalar, v.kind == .scalar { fields[k.value] = v.value }
                child += 2
            }
            guard matches(fields) else { continue }
            try setField(
                field, YAMLScalar.text(value, inFlow: item.style == .flow || item.inFlow), in: item, spans: spans, name: key)
            return true
        }
        return false
    }

    /// Sets `field: value` in the item of the list at `path` that starts at `location` (as
    /// parsing reported it): a map item gets the field or has its value replaced; an item
    /// written as plain text becomes the map `{plainKey: text, field: value}` in its place.
    /// `value` is YAML as it is to be written (`true`), not a text to quote.
    mutating func set(
        _ field: String, _ value: String, inItemAt location: SourceLocation, of path: PartialKeyPath<R>, plainKey: String
    ) throws(Refusal) {
        let key = R.schema.key(path)
        let spans = try spans()
        guard let entry = spans.entry(key), entry.value.kind == .sequence,
            let index = entry.value.children.first(where: {
                spans.nodes[$0].line + 2 == location.line && spans.nodes[$0].column + 1 == location.column
            })
        else { throw Refusal(description: "no item of '\(key)' at \(location)") }
        let item = spans.nodes[index]
        switch item.kind {
        case .mapping:
            // A map with an empty key (`- &a: text`) is read by parsing as something else than
            // a map of fields: not changed, rather than changed into what it is not.
            let keys = stride(from: 0, to: item.children.count, by: 2).map { spans.nodes[item.children[$0]] }
            guard !keys.contains(where: { $0.kind != .scalar || $0.value.isEmpty }) else {
                throw Refusal(description: "the item of '\(key)' at \(location) has a key that is empty or not a word")
            }
            try setField(field, value, in: item, spans: spans, name: key)
        case .scalar:
            let map = "{\(plainKey): \(YAMLScalar.text(item.value, inFlow: true)), \(field): \(value)}"
            // An item whose text begins on a line after its dash (`-` then `  >` below) gets
            // the map beside the dash: a flow map on the next line may not be indented enough.
            var dash = item.start - 1
            while dash >= 0, YAMLSpans.isSpace(spans.scalars[dash]) { dash -= 1 }
            if item.contentStart == item.start, dash >= 0, spans.scalars[dash] == "-",
                spans.scalars[(dash + 1)..<item.start].contains("\n")
            {
                splice(spans, (dash + 1)..<item.end, with: Self.replacement(" " + map, for: item, in: spans))
            } else {
                splice(spans, Self.range(item), with: Self.replacement(map, for: item, in: spans))
            }
        case .alias:
            throw Refusal(description: "the item of '\(key)' at \(location) is an alias of another; change the one it names")
        case .sequence:
            throw Refusal(description: "an item of '\(key)' is neither a text nor a map")
        }
    }

    /// Replaces the reference that parsing located at `location` (a scalar of the front
    /// matter, possibly in a flow list or map) with `text`, quoted as its place needs.
    mutating func replaceReference(at location: SourceLocation, with text: String) throws(Refusal) {
        let spans = try spans()
        guard let found = spans.node(atFileLine: location.line, column: location.column, where: { $0.kind == .scalar })
        else { throw Refusal(description: "no reference at \(location)") }
        let node = found.node
        // A quoted value stays quoted, in its quotes.
        let written: String
        switch node.style {
        case .doubleQuoted: written = YAMLScalar.doubleQuoted(text)
        case .singleQuoted where !text.contains(where: \.isNewline):
            written = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .plain: written = YAMLScalar.text(text, inFlow: node.inFlow)
        default: written = YAMLScalar.doubleQuoted(text)
        }
        splice(spans, Self.range(node), with: Self.replacement(written, for: node, in: spans))
    }

    /// Removes the item of a list that parsing located at `location`: from a flow list with
    /// its comma, from a block list with its lines.
    mutating func removeListItem(at location: SourceLocation) throws(Refusal) {
        let spans = try spans()
        guard let found = spans.node(atFileLine: location.line, column: location.column),
            let list = found.parent, list.kind == .sequence,
            let position = list.children.firstIndex(where: { spans.nodes[$0].start == found.node.start })
        else { throw Refusal(description: "the value at \(location) is not an item of a list") }
        let item = found.node
        if list.style == .flow {
            let scalars = spans.scalars
            func skipBlanks(_ index: Int) -> Int {
                var index = index
                while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
                return index
            }
            // The item's own line in a list over several lines: it goes whole, with its comma
            // and its comment, and the comments of the other items stay.
            let lineStart = spans.lineStart(of: item.start)
            let alone = spans.text(lineStart, item.start).allSatisfy { $0 == " " || $0 == "\t" }
            var after = skipBlanks(item.end)
            let trailingComma = after < scalars.count && scalars[after] == ","
            if trailingComma { after = skipBlanks(after + 1) }
            let restOfLineEmpty =
                after >= scalars.count || scalars[after] == "\n" || scalars[after] == "\r" || scalars[after] == "#"
            if alone, trailingComma || position == list.children.count - 1, restOfLineEmpty, lineStart > 0 {
                let end = spans.nextLineStart(from: item.end) ?? scalars.count
                // Without a comma of its own, the last item takes the one before it.
                if !trailingComma, position > 0 {
                    let comma = skipBlanks(spans.textEnd(spans.nodes[list.children[position - 1]]))
                    if comma < lineStart, scalars[comma] == "," {
                        // From that comma to the end of the item's line, keeping what lies between
                        // (the previous item's comment and line break).
                        splice(spans, comma..<end, with: spans.text(comma + 1, lineStart))
                        return
                    }
                }
                splice(spans, lineStart..<end, with: "")
            } else if position + 1 < list.children.count {
                splice(spans, item.start..<spans.nodes[list.children[position + 1]].start, with: "")
            } else if trailingComma {
                splice(spans, item.start..<after, with: "")
            } else if position > 0 {
                splice(spans, spans.textEnd(spans.nodes[list.children[position - 1]])..<item.end, with: "")
            } else {
                splice(spans, item.start..<item.end, with: "")
            }
            return
        }
        // A block item: its lines, from its dash to the end of its text's last line.
        let lineStart = spans.lineStart(of: item.start)
        let before = spans.text(lineStart, item.start)
        guard before.unicodeScalars.allSatisfy({ $0 == " " || $0 == "-" || $0 == "\t" }), before.contains("-") else {
            throw Refusal(description: "the value at \(location) shares its line with another item")
        }
        if let end = spans.nextLineStart(from: spans.textEnd(item)) {
            splice(spans, lineStart..<end, with: "")
        } else {
            // The last line: its line break before it goes with it.
            splice(spans, max(lineStart - 1, 0)..<spans.scalars.count, with: "")
        }
    }

    // MARK: Whole entries (the merge driver)

    /// The text of the entry `key`: from the start of its key's line to the end of its value's
    /// last line (a comment after the value included), with `\n` line breaks; nil when absent.
    func entryText(_ key: String) throws(Refusal) -> String? {
        let spans = try spans()
        guard let entry = spans.entry(key) else { return nil }
        let start = spans.lineStart(of: entry.key.start)
        let end = spans.nextLineStart(from: spans.textEnd(entry.value)) ?? spans.scalars.count
        var text = spans.text(start, end).replacingOccurrences(of: "\r\n", with: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// Replaces the entry `key` with `text` (whole lines, as `entryText` gives them), or adds it
    /// at the end of the front matter when there is none.
    mutating func replaceEntry(_ key: String, with text: String) throws(Refusal) {
        let spans = try spans()
        guard let entry = spans.entry(key) else {
            let end = spans.scalars.count
            if end == 0 {
                splice(spans, 0..<0, with: String(text.dropLast()))
            } else {
                splice(spans, end..<end, with: (spans.scalars[end - 1] == "\n" ? "" : "\n") + text.dropLast())
            }
            return
        }
        let start = spans.lineStart(of: entry.key.start)
        if let end = spans.nextLineStart(from: spans.textEnd(entry.value)) {
            splice(spans, start..<end, with: text)
        } else {
            splice(spans, start..<spans.scalars.count, with: String(text.dropLast()))
        }
    }

    /// Removes the entry `key` with its lines.
    mutating func removeEntry(_ key: String) throws(Refusal) {
        let spans = try spans()
        guard let entry = spans.entry(key) else { return }
        let start = spans.lineStart(of: entry.key.start)
        if let end = spans.nextLineStart(from: spans.textEnd(entry.value)) {
            splice(spans, start..<end, with: "")
        } else {
            splice(spans, max(start - 1, 0)..<spans.scalars.count, with: "")
        }
    }

    /// Removes every item of the list `key` whose value `matches`, each as `removeListItem`
    /// removes one; a list written as one text (`tags: "#a, #b"`) is written again as a flow
    /// list of the items kept (`remaining`). Returns how many were removed.
    mutating func removeListItems(
        key: String, where matches: (String) -> Bool, remaining: [String]
    ) throws(Refusal) -> Int {
        var removed = 0
        while true {
            let spans = try spans()
            guard let entry = spans.entry(key) else { return removed }
            if entry.value.kind == .scalar {
                // The caller removes only what the contact's list holds.
                guard !entry.value.isNull else { return removed }
                let items = remaining.map { YAMLScalar.text($0, inFlow: true) }
                try set(key: key, "", yaml: "[\(items.joined(separator: ", "))]")
                return removed + 1
            }
            guard entry.value.kind == .sequence,
                let child = entry.value.children.first(where: {
                    spans.nodes[$0].kind == .scalar && matches(spans.nodes[$0].value)
                })
            else { return removed }
            let node = spans.nodes[child]
            try removeListItem(at: SourceLocation(path: "", line: node.line + 2, column: node.column + 1))
            removed += 1
        }
    }

    /// Rewrites the target of the wiki link that starts (`[[`) at `location` in the body to
    /// `target`, keeping any `#heading`, `|shown text` and the space around the target; false
    /// when no link is there as parsing saw it.
    mutating func replaceWikiLinkTarget(at location: SourceLocation, with target: String) -> Bool {
        let line = location.line - 1
        guard line > closing, line < lines.count else { return false }
        let scalars = Array(lines[line].unicodeScalars)
        let open = location.column - 1
        guard open >= 0, open + 1 < scalars.count, scalars[open] == "[", scalars[open + 1] == "[" else { return false }
        var close = open + 2
        while close + 1 < scalars.count, !(scalars[close] == "]" && scalars[close + 1] == "]") { close += 1 }
        guard close + 1 < scalars.count else { return false }
        let inner = scalars[(open + 2)..<close]
        let end = inner.firstIndex { $0 == "|" || $0 == "#" || $0 == "^" } ?? close
        var first = open + 2
        while first < end, scalars[first].properties.isWhitespace { first += 1 }
        var last = end
        while last > first, scalars[last - 1].properties.isWhitespace { last -= 1 }
        guard first < last else { return false }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[..<first])
        result.append(contentsOf: target.unicodeScalars)
        result.append(contentsOf: scalars[last...])
        lines[line] = String(result)
        return true
    }

    /// Appends lines of Markdown at the end of the body, after one blank line.
    mutating func appendToBody(_ markdown: String) {
        while lines.count > closing + 1, lines.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
            lines.removeLast()
        }
        let crlf = newline == "\r\n" ? "\r" : ""
        if let last = lines.indices.last, last > closing, !lines[last].hasSuffix("\r") { lines[last] += crlf }
        lines.append(crlf)
        lines += markdown.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + crlf }
        lines.append("")
    }

    // MARK: Helpers

    private mutating func insert(_ new: [String], at index: Int) {
        lines.insert(contentsOf: new, at: index)
        if index <= closing { closing += new.count }
    }
}
