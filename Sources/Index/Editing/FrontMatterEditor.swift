import Foundation
import Yams

/// Changes a record file's front matter so that only the lines a change needs differ: the
/// owner's comments, key order, quoting, blank lines and body stay byte for byte.
///
/// It works on the file's lines, guided by where Yams found each top-level key and value; a
/// value it cannot change in place (a multi-line scalar, a list written in a style it does not
/// know) is refused rather than rewritten. Keys are named by the record's properties, so the
/// schema gives them.
struct FrontMatterEditor<R: Record> {
    /// Why a change could not be made; nothing was changed.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var lines: [String]
    /// The line ending the file uses (`\r\n` kept where it is).
    private let newline: String
    /// Index of the closing `---` line; the front matter is lines 1..<closing.
    private var closing: Int

    /// The editor for `text`; a file without front matter gets an empty one.
    init(_ text: String) {
        // Split on the byte: "\r\n" is one Character, so a split on "\n" would miss it.
        newline = text.utf8.contains(0x0D) && text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        if newline == "\r\n" { lines = lines.map { $0.utf8.last == 0x0D ? String($0.dropLast()) : $0 } }
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.indices.dropFirst().first(where: {
                let line = lines[$0].trimmingCharacters(in: .whitespaces)
                return line == "---" || line == "..."
            })
        {
            closing = end
        } else {
            lines.insert(contentsOf: ["---", "---"], at: 0)
            closing = 1
        }
        self.lines = lines
    }

    /// The file's text after the changes.
    var text: String { lines.joined(separator: newline) }

    // MARK: Where the keys are

    private struct Entry {
        var key: String
        /// Index in `lines` of the key's line.
        var line: Int
        /// Index in `lines` of the entry's last line (a block value's last item).
        var last: Int
        var value: Node
    }

    /// The top-level entries, or nil when the front matter is not a map Yams can read.
    private func entries() throws(Refusal) -> [Entry] {
        let yaml = lines[1..<closing].joined(separator: "\n")
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            throw Refusal(description: "its front matter is not valid YAML: \(error)")
        }
        guard let root else { return [] }
        guard case let .mapping(mapping) = root else { throw Refusal(description: "its front matter is not a map") }
        var found: [Entry] = []
        for (key, value) in mapping {
            guard let name = key.string, let mark = key.mark else { continue }
            found.append(Entry(key: name, line: mark.line, last: mark.line, value: value))
        }
        found.sort { $0.line < $1.line }
        for index in found.indices {
            let next = index + 1 < found.count ? found[index + 1].line : closing
            var last = found[index].line
            for line in found[index].line + 1..<max(next, found[index].line + 1) {
                let content = lines[line]
                let trimmed = content.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if content.first == " " || content.first == "\t" || content.hasPrefix("-") { last = line }
            }
            found[index].last = last
        }
        return found
    }

    private func entry(_ key: String) throws(Refusal) -> Entry? { try entries().first { $0.key == key } }

    /// The top-level keys and their values, in the order written.
    func fields() throws(Refusal) -> [(key: String, value: Node)] { try entries().map { ($0.key, $0.value) } }

    /// The body: everything after the closing `---` line.
    var body: String { lines[(closing + 1)...].joined(separator: newline) }

    // MARK: Changes

    /// Adds `key: value` at the end of the front matter, if the key is not there.
    mutating func add(_ path: PartialKeyPath<R>, _ value: String) throws(Refusal) {
        let key = R.schema.key(path)
        guard try entry(key) == nil else { return }
        insert(["\(key): \(YAMLScalar.text(value))"], at: closing)
    }

    /// Sets a single-line value, keeping what follows it on its line (a comment).
    mutating func set(_ path: PartialKeyPath<R>, _ value: String) throws(Refusal) {
        try set(key: R.schema.key(path), value)
    }

    /// `set` for a key by name, such as a field the schema does not know; `yaml` is the value
    /// as YAML to write when it is to be copied as another file wrote it (`true`, `2019-05`).
    mutating func set(key: String, _ value: String, yaml: String? = nil) throws(Refusal) {
        let written = yaml ?? YAMLScalar.text(value)
        guard let entry = try entry(key) else {
            insert(["\(key): \(written)"], at: closing)
            return
        }
        guard entry.last == entry.line, case .scalar = entry.value else {
            throw Refusal(description: "'\(key)' is not a value on one line")
        }
        let line = lines[entry.line]
        guard let colon = line.range(of: ":") else { throw Refusal(description: "'\(key)' has no ':'") }
        let rest = line[colon.upperBound...]
        // The comment keeps its place: the spaces before it stay as they were.
        var comment = ""
        if let start = Self.commentStart(in: rest) {
            var spaces = start
            while spaces > rest.startIndex, rest[rest.index(before: spaces)] == " " || rest[rest.index(before: spaces)] == "\t" {
                spaces = rest.index(before: spaces)
            }
            comment = String(rest[spaces...])
        }
        lines[entry.line] = String(line[..<colon.upperBound]) + " " + written + comment
    }

    /// Appends texts to a list, in the style the list is written in; a single value becomes a
    /// list of it and the new ones.
    mutating func append(_ path: PartialKeyPath<R>, _ values: [String]) throws(Refusal) {
        try append(key: R.schema.key(path), values)
    }

    mutating func append(key: String, _ values: [String]) throws(Refusal) {
        guard !values.isEmpty else { return }
        let items = values.map { YAMLScalar.text($0, inFlow: true) }
        guard let entry = try entry(key) else {
            insert(["\(key): [\(items.joined(separator: ", "))]"], at: closing)
            return
        }
        try appendItems(items, blockItems: values.map { YAMLScalar.text($0) }, to: entry)
    }

    /// Appends `label: value` to a map such as `links`, in the style it is written in.
    mutating func add(_ path: PartialKeyPath<R>, label: String, value: String) throws(Refusal) {
        try add(key: R.schema.key(path), label: label, value: value)
    }

    mutating func add(key: String, label: String, value: String) throws(Refusal) {
        let pair = "\(YAMLScalar.text(label, inFlow: true)): \(YAMLScalar.text(value, inFlow: true))"
        guard let entry = try entry(key) else {
            insert(["\(key): {\(pair)}"], at: closing)
            return
        }
        switch entry.value {
        case let .mapping(mapping) where isFlow(entry.value):
            try insertBeforeClosing("}", of: entry, ", " + pair, empty: mapping.isEmpty ? pair : nil)
        case let .mapping(mapping):
            guard let first = mapping.first?.key.mark else { throw Refusal(description: "'\(key)' is empty") }
            let indent = String(repeating: " ", count: max(first.column - 1, 2))
            insert([indent + "\(YAMLScalar.text(label)): \(YAMLScalar.text(value))"], at: entry.last + 1)
        case .scalar where Fields.isNull(entry.value):
            lines[entry.line] = "\(key): {\(pair)}"
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
        guard let entry = try entry(key) else {
            insert(["\(key):"] + items.map { "  - " + $0 }, at: closing)
            return
        }
        try appendItems(items, blockItems: items, to: entry)
    }

    /// Adds `field: value` to the item of the list at `path` that `matches`, in its style.
    mutating func add(
        _ field: String, _ value: String, toItemOf path: PartialKeyPath<R>, where matches: ([String: String]) -> Bool
    ) throws(Refusal) -> Bool {
        let key = R.schema.key(path)
        guard let entry = try entry(key), case let .sequence(sequence) = entry.value else { return false }
        for item in sequence {
            guard case let .mapping(mapping) = item, let mark = item.mark else { continue }
            var fields: [String: String] = [:]
            for (k, v) in mapping { if let k = k.string, let v = v.string { fields[k] = v } }
            guard matches(fields) else { continue }
            let line = mark.line
            if isFlow(item) {
                guard let close = lines[line].lastIndex(of: "}") else {
                    throw Refusal(description: "an item of '\(key)' spans lines")
                }
                lines[line].insert(contentsOf: ", \(field): \(YAMLScalar.text(value, inFlow: true))", at: close)
            } else {
                let firstKey = mapping.first?.key.mark
                let indent = String(repeating: " ", count: max((firstKey?.column ?? 5) - 1, 0))
                var last = firstKey?.line ?? line
                for (_, v) in mapping { if let vl = v.mark?.line, vl > last { last = vl } }
                insert([indent + "\(field): \(YAMLScalar.text(value))"], at: last + 1)
            }
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
        guard let entry = try entry(key), case let .sequence(sequence) = entry.value,
            let item = sequence.first(where: {
                $0.mark.map { $0.line + 1 == location.line && $0.column == location.column } ?? false
            }),
            let mark = item.mark
        else { throw Refusal(description: "no item of '\(key)' at \(location)") }
        let written = value
        switch item {
        case let .mapping(mapping):
            if let existing = mapping.first(where: { $0.key.string == field })?.value, let at = existing.mark {
                try replaceScalar(atLine: at.line, column: at.column, with: written)
            } else if isFlow(item) {
                guard let close = lines[mark.line].lastIndex(of: "}") else {
                    throw Refusal(description: "an item of '\(key)' spans lines")
                }
                lines[mark.line].insert(contentsOf: ", \(field): \(written)", at: close)
            } else {
                let firstKey = mapping.first?.key.mark
                let indent = String(repeating: " ", count: max((firstKey?.column ?? 5) - 1, 0))
                var last = firstKey?.line ?? mark.line
                for (_, v) in mapping { if let line = v.mark?.line, line > last { last = line } }
                insert([indent + "\(field): \(value)"], at: last + 1)
            }
        case let .scalar(scalar):
            let map = "{\(plainKey): \(YAMLScalar.text(scalar.string, inFlow: true)), \(field): \(written)}"
            try replaceScalar(atLine: mark.line, column: mark.column, with: map)
        default:
            throw Refusal(description: "an item of '\(key)' is neither a text nor a map")
        }
    }

    /// Replaces the one-line scalar that starts at `column` of line `line` (Yams' marks): up to
    /// the next `,` `]` `}` outside quotes in a flow collection, else to a comment or the end.
    private mutating func replaceScalar(atLine line: Int, column: Int, with text: String) throws(Refusal) {
        let content = lines[line]
        guard column >= 1, column - 1 <= content.count else { throw Refusal(description: "a value is not where it was read") }
        let start = content.index(content.startIndex, offsetBy: column - 1)
        let inFlow = content[..<start].contains { $0 == "[" || $0 == "{" }
        var end = content.endIndex
        var quote: Character?
        var index = start
        while index < content.endIndex {
            let character = content[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if index == start, character == "\"" || character == "'" {
                quote = character
            } else if inFlow, character == "," || character == "]" || character == "}" {
                end = index
                break
            } else if character == "#", index > start, content[content.index(before: index)] == " " {
                // The spaces before the comment stay as they are.
                end = index
                while end > start, content[content.index(before: end)] == " " { end = content.index(before: end) }
                break
            }
            index = content.index(after: index)
        }
        lines[line] = String(content[..<start]) + text + String(content[end...])
    }

    /// Replaces the reference that parsing located at `location` (a one-line scalar of the
    /// front matter, possibly in a flow list or map) with `text`, quoted as its place needs.
    mutating func replaceReference(at location: SourceLocation, with text: String) throws(Refusal) {
        let line = location.line - 1
        guard line >= 1, line < closing else { throw Refusal(description: "no reference at \(location)") }
        let content = lines[line]
        let start = content.unicodeScalars.index(
            content.unicodeScalars.startIndex, offsetBy: max(location.column - 1, 0),
            limitedBy: content.unicodeScalars.endIndex)
        guard let start else { throw Refusal(description: "no reference at \(location)") }
        let inFlow = content.unicodeScalars[..<start].contains { $0 == "[" || $0 == "{" }
        let column = content.distance(from: content.startIndex, to: String.Index(start, within: content) ?? start) + 1
        // A quoted value stays quoted, in its quotes.
        let written: String
        switch content.unicodeScalars[start] {
        case "\"": written = YAMLScalar.doubleQuoted(text)
        case "'": written = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default: written = YAMLScalar.text(text, inFlow: inFlow)
        }
        try replaceScalar(atLine: line, column: column, with: written)
    }

    /// Removes the item of a list that parsing located at `location`: from a flow list with
    /// its comma, from a block list with its line.
    mutating func removeListItem(at location: SourceLocation) throws(Refusal) {
        let line = location.line - 1
        guard line >= 1, line < closing else { throw Refusal(description: "no item at \(location)") }
        let scalars = Array(lines[line].unicodeScalars)
        let start = location.column - 1
        guard start >= 0, start < scalars.count else { throw Refusal(description: "no item at \(location)") }
        let before = scalars[..<start]
        if !before.contains(where: { $0 == "[" }) {
            guard before.allSatisfy({ $0 == " " || $0 == "-" || $0 == "\t" }), before.contains("-") else {
                throw Refusal(description: "the value at \(location) is not an item of a list")
            }
            lines.remove(at: line)
            closing -= 1
            return
        }
        // The item's end: the next `,` or `]` outside quotes.
        var end = start
        var quote: Unicode.Scalar?
        while end < scalars.count {
            let scalar = scalars[end]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if end == start, scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "," || scalar == "]" {
                break
            }
            end += 1
        }
        guard end < scalars.count else { throw Refusal(description: "the list at \(location) spans lines") }
        var from = start
        var to = end
        if scalars[end] == "," {
            to = end + 1
            while to < scalars.count, scalars[to] == " " { to += 1 }
        } else {
            // The last item: take the comma before it instead, if any.
            var back = start
            while back > 0, scalars[back - 1] == " " { back -= 1 }
            if back > 0, scalars[back - 1] == "," { from = back - 1 }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[..<from])
        result.append(contentsOf: scalars[to...])
        lines[line] = String(result)
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
        while lines.count > closing + 1, lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        lines.append("")
        lines += markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last != "" { lines.append("") }
    }

    // MARK: Helpers

    /// Whether a list or map is written in flow style, `[a, b]` or `{k: v}`: told from the text,
    /// as Yams does not keep the style of what it composed.
    private func isFlow(_ node: Node) -> Bool {
        guard let mark = node.mark, mark.line < lines.count else { return false }
        let line = lines[mark.line]
        let offset = max(mark.column - 1, 0)
        guard offset < line.count else { return false }
        let character = line[line.index(line.startIndex, offsetBy: offset)]
        return character == "[" || character == "{"
    }

    private mutating func appendItems(_ flowItems: [String], blockItems: [String], to entry: Entry) throws(Refusal) {
        switch entry.value {
        case let .sequence(sequence) where isFlow(entry.value):
            try insertBeforeClosing(
                "]", of: entry, ", " + flowItems.joined(separator: ", "),
                empty: sequence.isEmpty ? flowItems.joined(separator: ", ") : nil)
        case let .sequence(sequence):
            guard let first = sequence.first?.mark else { throw Refusal(description: "'\(entry.key)' is empty") }
            let dash = lines[first.line].firstIndex(of: "-").map {
                lines[first.line].distance(from: lines[first.line].startIndex, to: $0)
            }
            let prefix = String(lines[first.line].prefix(dash ?? 2)) + "- "
            insert(blockItems.map { prefix + $0 }, at: entry.last + 1)
        case .scalar where Fields.isNull(entry.value):
            lines[entry.line] = "\(entry.key): [\(flowItems.joined(separator: ", "))]"
        case .scalar:
            guard entry.last == entry.line, let colon = lines[entry.line].range(of: ":") else {
                throw Refusal(description: "'\(entry.key)' is not a value on one line")
            }
            let line = lines[entry.line]
            let rest = line[colon.upperBound...]
            let commentAt = Self.commentStart(in: rest)
            let value = rest[..<(commentAt ?? rest.endIndex)].trimmingCharacters(in: .whitespaces)
            let comment = commentAt.map { " " + String(rest[$0...]) } ?? ""
            lines[entry.line] =
                String(line[..<colon.upperBound]) + " [" + ([value] + flowItems).joined(separator: ", ") + "]" + comment
        default:
            throw Refusal(description: "'\(entry.key)' is not a list")
        }
    }

    /// Inserts `text` before the last `closer` of a flow value on its entry's lines.
    private mutating func insertBeforeClosing(
        _ closer: Character, of entry: Entry, _ text: String, empty: String?
    )
        throws(Refusal)
    {
        for line in stride(from: entry.last, through: entry.line, by: -1) {
            let content = lines[line]
            let searchEnd = Self.commentStart(in: content[...]) ?? content.endIndex
            guard let close = content[..<searchEnd].lastIndex(of: closer) else { continue }
            lines[line].insert(contentsOf: empty ?? text, at: close)
            return
        }
        throw Refusal(description: "'\(entry.key)' has no closing '\(closer)'")
    }

    private mutating func insert(_ new: [String], at index: Int) {
        lines.insert(contentsOf: new, at: index)
        if index <= closing { closing += new.count }
    }

    /// Where a ` #` comment starts in `text`, outside quotes.
    private static func commentStart(in text: Substring) -> String.Index? {
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return index
            }
            previous = character
        }
        return nil
    }
}
