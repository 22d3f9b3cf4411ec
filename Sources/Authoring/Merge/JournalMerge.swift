import Foundation
import Index
import Support
import Yams

/// The three-way merge of one journal file that git's merge driver asks for (`ties
/// merge-driver`): the front matter by key, the body by `git merge-file`.
///
/// The result is ours, changed only where theirs changed something ours did not: a key theirs
/// changed is taken with its own lines; lists of values (tags, aliases, e-mails, phones, goals,
/// `with`) take what either side added and drop what either removed; lists of records (roles,
/// follow-ups, metrics) merge by item; maps (links, circles) by label. A key both sides changed
/// differently keeps ours inside conflict markers with theirs, for a person to resolve (`ties
/// check` reports them).
public enum JournalMerge {
    public struct Result: Sendable {
        public var text: String
        /// Places left with conflict markers: 0 is a clean merge.
        public var conflicts: Int
    }

    public static func merge(base: String, ours: String, theirs: String, path: String, markerSize: Int = 7) -> Result {
        if ours == theirs { return Result(text: ours, conflicts: 0) }
        if base == ours { return Result(text: theirs, conflicts: 0) }
        if base == theirs { return Result(text: ours, conflicts: 0) }
        // ties.yaml is all YAML: merged as a front matter without a body.
        let isSettings = !path.lowercased().hasSuffix(".md")
        func wrapped(_ text: String) -> String {
            isSettings ? "---\n" + text + (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "---\n" : text
        }
        let marker = max(markerSize, 3)
        // A Markdown file without front matter on some side (a README, a note): line by line.
        let hasFrontMatter = { (text: String) in text.hasPrefix("---\n") || text.hasPrefix("---\r\n") }
        if !isSettings && !(hasFrontMatter(base) && hasFrontMatter(ours) && hasFrontMatter(theirs)) {
            return lineMerge(base: base, ours: ours, theirs: theirs, marker: marker)
        }
        guard
            let merged = try? frontMatter(
                base: FrontMatterEditor<Contact>(wrapped(base)), ours: FrontMatterEditor<Contact>(wrapped(ours)),
                theirs: FrontMatterEditor<Contact>(wrapped(theirs)), marker: marker)
        else {
            // A front matter that is no YAML map on some side: the whole file, line by line.
            return lineMerge(base: base, ours: ours, theirs: theirs, marker: marker)
        }
        var text = merged.text
        var conflicts = merged.conflicts
        if isSettings {
            // Unwrap: drop the added first and last delimiter lines.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.first == "---" { lines.removeFirst() }
            if let last = lines.lastIndex(where: { $0 == "---" }) { lines.remove(at: last) }
            text = lines.joined(separator: "\n")
            if ours.hasSuffix("\n") && !text.hasSuffix("\n") { text += "\n" }
        } else {
            let bodies = (
                FrontMatterEditor<Contact>(base).body, FrontMatterEditor<Contact>(ours).body,
                FrontMatterEditor<Contact>(theirs).body
            )
            let body: String
            if bodies.1 == bodies.2 || bodies.0 == bodies.2 {
                body = bodies.1
            } else if bodies.0 == bodies.1 {
                body = bodies.2
            } else {
                let result = lineMerge(base: bodies.0, ours: bodies.1, theirs: bodies.2, marker: marker)
                body = result.text
                conflicts += result.conflicts
            }
            let oursBody = FrontMatterEditor<Contact>(text).body
            text = String(decoding: Array(text.utf8.dropLast(oursBody.utf8.count)), as: UTF8.self) + body
        }
        return Result(text: text, conflicts: conflicts)
    }

    // MARK: The front matter

    /// A value as text to compare: scalars by their text, collections item by item in order.
    private static func canonical(_ node: Node?) -> String? {
        guard let node else { return nil }
        switch node {
        case let .scalar(scalar): return Fields.isNull(node) ? "~" : "s:" + scalar.string
        case let .sequence(sequence): return "[" + sequence.map { canonical($0) ?? "" }.joined(separator: "\u{1}") + "]"
        case let .mapping(mapping):
            return "{" + mapping.map { (canonical($0.key) ?? "") + "=" + (canonical($0.value) ?? "") }.joined(separator: "\u{1}")
                + "}"
        case .alias: return "*"
        }
    }

    private static func frontMatter(
        base: FrontMatterEditor<Contact>, ours: FrontMatterEditor<Contact>, theirs: FrontMatterEditor<Contact>, marker: Int
    ) throws -> (text: String, conflicts: Int) {
        let baseFields = Dictionary(try base.fields().map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let oursFields = try ours.fields()
        let theirsFields = try theirs.fields()
        let oursByKey = Dictionary(oursFields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let theirsByKey = Dictionary(theirsFields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var keys = oursFields.map(\.key)
        for key in theirsFields.map(\.key) where !keys.contains(key) { keys.append(key) }
        var editor = ours
        var clashes: [(key: String, ours: String, theirs: String)] = []
        for key in keys {
            let b = baseFields[key]
            let o = oursByKey[key]
            let t = theirsByKey[key]
            let (cb, co, ct) = (canonical(b), canonical(o), canonical(t))
            if co == ct || ct == cb { continue }
            if co == cb {
                if let text = try theirs.entryText(key) {
                    try editor.replaceEntry(key, with: text)
                } else {
                    try editor.removeEntry(key)
                }
                continue
            }
            // Changed on both sides, differently.
            // Lists (a list removed whole is an empty one).
            if let oursItems = items(o), let theirsItems = items(t), let baseItems = items(b), o != nil || t != nil {
                if try mergeList(key, base: baseItems, ours: oursItems, theirs: theirsItems, into: &editor) { continue }
            }
            if case let .mapping(oursMap)? = o, case let .mapping(theirsMap)? = t {
                var baseMap: Node.Mapping?
                if case let .mapping(map)? = b { baseMap = map }
                if try mergeMap(
                    key, base: baseMap, ours: oursMap, theirs: theirsMap, oursText: try ours.entryText(key), into: &editor)
                {
                    continue
                }
            }
            clashes.append((key, try ours.entryText(key) ?? "", try theirs.entryText(key) ?? ""))
        }
        // Conflicts last: once markers are in, the front matter is no YAML to edit.
        var placeholders: [(String, String)] = []
        for (index, clash) in clashes.enumerated() {
            let placeholder = "\(clash.key): __ties_conflict_\(index)__\n"
            try editor.replaceEntry(clash.key, with: placeholder)
            let open = String(repeating: "<", count: marker)
            let middle = String(repeating: "=", count: marker)
            let close = String(repeating: ">", count: marker)
            placeholders.append(
                (String(placeholder.dropLast()), "\(open) ours\n\(clash.ours)\(middle)\n\(clash.theirs)\(close) theirs"))
        }
        var text = editor.text
        let crlf = text.contains("\r\n")
        for (placeholder, marked) in placeholders {
            text = text.replacingOccurrences(
                of: placeholder, with: crlf ? marked.replacingOccurrences(of: "\n", with: "\r\n") : marked)
        }
        return (text, clashes.count)
    }

    /// The items of a list, none for an absent or empty value, nil for anything else.
    private static func items(_ node: Node?) -> [Node]? {
        guard let node, !Fields.isNull(node) else { return [] }
        if case let .sequence(items) = node { return Array(items) }
        return nil
    }

    /// A list both sides changed: values as a set (what either added is added, what either
    /// removed removed), records by item. False when it cannot be done in place.
    private static func mergeList(
        _ key: String, base: [Node], ours: [Node], theirs: [Node], into editor: inout FrontMatterEditor<Contact>
    ) throws -> Bool {
        let folded = { (node: Node) in (canonical(node) ?? "").lowercased() }
        let baseSet = Set(base.map(folded))
        let theirsSet = Set(theirs.map(folded))
        let oursSet = Set(ours.map(folded))
        let added = theirs.filter { !baseSet.contains(folded($0)) && !oursSet.contains(folded($0)) }
        let removed = Set(base.map(folded)).subtracting(theirsSet).intersection(oursSet)
        let allScalars = (base + ours + theirs).allSatisfy { if case .scalar = $0 { return true } else { return false } }
        if allScalars {
            let remaining = ours.filter { !removed.contains(folded($0)) }.compactMap(\.string)
            if !removed.isEmpty {
                _ = try editor.removeListItems(
                    key: key, where: { removed.contains("s:" + $0.lowercased()) }, remaining: remaining)
            }
            try editor.append(key: key, added.compactMap(\.string))
            return true
        }
        // Records: the merged items, written again as a block list of flow items.
        let merged = ours.filter { !removed.contains(folded($0)) } + added
        guard let items = merged.map(flow).allNonNil() else { return false }
        try editor.replaceEntry(key, with: "\(key):\n" + items.map { "  - \($0)\n" }.joined())
        return true
    }

    /// A map both sides changed (links, circles): label by label; false when one label was
    /// changed differently on both.
    private static func mergeMap(
        _ key: String, base: Node.Mapping?, ours: Node.Mapping, theirs: Node.Mapping, oursText: String?,
        into editor: inout FrontMatterEditor<Contact>
    ) throws -> Bool {
        func pairs(_ map: Node.Mapping?) -> [(String, Node)] {
            (map ?? Node.Mapping([])).compactMap { p in p.key.string.map { ($0, p.value) } }
        }
        let b = Dictionary(pairs(base), uniquingKeysWith: { first, _ in first })
        let t = Dictionary(pairs(theirs), uniquingKeysWith: { first, _ in first })
        var merged = pairs(ours)
        for (label, value) in pairs(theirs) where canonical(b[label]) != canonical(value) {
            if let index = merged.firstIndex(where: { $0.0 == label }) {
                if canonical(merged[index].1) == canonical(b[label]) {
                    merged[index].1 = value
                } else if canonical(merged[index].1) != canonical(value) {
                    return false
                }
            } else if b[label] == nil {
                merged.append((label, value))
            }
        }
        for (label, value) in pairs(base) where t[label] == nil {
            if let index = merged.firstIndex(where: { $0.0 == label }), canonical(merged[index].1) == canonical(value) {
                merged.remove(at: index)
            }
        }
        guard let values = merged.map({ flow($0.1) }).allNonNil() else { return false }
        let labels = merged.map { YAMLScalar.text($0.0, inFlow: true) }
        let block = (oursText ?? "").split(separator: "\n").count > 1
        if block {
            try editor.replaceEntry(key, with: "\(key):\n" + zip(labels, values).map { "  \($0): \($1)\n" }.joined())
        } else {
            try editor.replaceEntry(
                key, with: "\(key): {" + zip(labels, values).map { "\($0): \($1)" }.joined(separator: ", ") + "}\n")
        }
        return true
    }

    /// A node as flow YAML on one line, or nil for one that cannot be (a block scalar's lines).
    private static func flow(_ node: Node) -> String? {
        switch node {
        case let .scalar(scalar):
            if scalar.string.contains(where: \.isNewline) { return YAMLScalar.doubleQuoted(scalar.string) }
            guard scalar.style == .plain else { return YAMLScalar.doubleQuoted(scalar.string) }
            // As written: `2019` stays a plain 2019, not a quoted text.
            let safe =
                !scalar.string.isEmpty && !scalar.string.contains(where: { ",[]{}#".contains($0) })
                && !scalar.string.contains(": ") && scalar.string.trimmingCharacters(in: .whitespaces) == scalar.string
            return safe ? scalar.string : YAMLScalar.text(scalar.string, inFlow: true)
        case let .sequence(items):
            guard let values = items.map(flow).allNonNil() else { return nil }
            return "[" + values.joined(separator: ", ") + "]"
        case let .mapping(map):
            var parts: [String] = []
            for pair in map {
                guard let key = pair.key.string, let value = flow(pair.value) else { return nil }
                parts.append("\(YAMLScalar.text(key, inFlow: true)): \(value)")
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .alias: return nil
        }
    }

    // MARK: Lines

    /// `git merge-file --diff3`: the body, or a whole file whose front matter is no map.
    static func lineMerge(base: String, ours: String, theirs: String, marker: Int) -> Result {
        guard
            let folder = try? FileManager.default.url(
                for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: FileManager.default.temporaryDirectory,
                create: true)
        else { return Result(text: ours, conflicts: 1) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["ours", "base", "theirs"].map { folder.appending(path: $0) }
        for (file, text) in zip(files, [ours, base, theirs]) { try? Data(text.utf8).write(to: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "merge-file", "-p", "--diff3", "--marker-size=\(marker)", "-L", "ours", "-L", "base", "-L", "theirs"]
            + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Result(text: ours, conflicts: 1)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = Int(process.terminationStatus)
        guard status >= 0, status < 128 else { return Result(text: ours, conflicts: 1) }
        return Result(text: String(decoding: data, as: UTF8.self), conflicts: status)
    }
}

extension Array {
    /// The elements, when none is nil.
    fileprivate func allNonNil<T>() -> [T]? where Element == T? {
        var result: [T] = []
        for element in self {
            guard let element else { return nil }
            result.append(element)
        }
        return result
    }
}
