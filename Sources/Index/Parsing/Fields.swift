import Foundation
import Support
import Yams

/// Typed, located access to one YAML mapping of a front matter, collecting diagnostics.
///
/// Each accessor marks its key as read; `unknownFields()` turns whatever was never read into
/// extra fields, warning where a key looks like a misspelt known one. Values are read from the
/// raw scalar text (Yams' basic resolver), so `date: 2024-03-05` stays the text the owner wrote
/// and `title: no` stays "no".
package struct Fields {
    let path: String
    let yamlLine: Int
    let mapLocation: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    private var entries: [(key: String, keyLocation: SourceLocation, value: Node)] = []
    private var read: Set<String> = []

    /// An empty reader: a file without front matter.
    init(path: String) {
        self.path = path
        self.yamlLine = 1
        self.mapLocation = SourceLocation(path: path)
    }

    /// Parses a front matter; a YAML error or a non-map becomes a diagnostic and an empty reader.
    /// `failed` tells callers to skip diagnostics that would only repeat the first one.
    package static func parse(yaml: String, yamlLine: Int, path: String) -> (fields: Fields, failed: Bool) {
        var fields = Fields(path: path, yamlLine: yamlLine, location: SourceLocation(path: path, line: yamlLine))
        // Text that could hold an alias bomb or nest too deep for Yams is read as events first;
        // other text only when Yams finds it wrong, for every problem at its exact place.
        let unsafe = YAMLPreflight.mayBeUnsafe(yaml)
        if unsafe {
            let problems = YAMLPreflight.problems(yaml, yamlLine: yamlLine, path: path)
            guard problems.isEmpty else {
                fields.diagnostics = problems
                return (fields, true)
            }
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            let problems = unsafe ? [] : YAMLPreflight.problems(yaml, yamlLine: yamlLine, path: path)
            if !problems.isEmpty {
                fields.diagnostics = problems
            } else if let error = error as? YamlError {
                fields.diagnostics.append(fields.diagnostic(for: error, yaml: yaml))
            } else {
                fields.diagnostics.append(.error(.yamlSyntax, "\(error)", at: fields.mapLocation))
            }
            return (fields, true)
        }
        guard let root, !Fields.isNull(root) else { return (fields, false) }
        guard case let .mapping(mapping) = root else {
            fields.diagnostics.append(
                .error(
                    .frontMatterNotMap,
                    "front matter must be fields like 'name: Ada', found \(Fields.describe(root))",
                    at: fields.location(of: root)))
            return (fields, true)
        }
        fields.load(mapping)
        return (fields, false)
    }

    private init(path: String, yamlLine: Int, location: SourceLocation) {
        self.path = path
        self.yamlLine = yamlLine
        self.mapLocation = location
    }

    private init(child mapping: Node.Mapping, of parent: Fields, at location: SourceLocation) {
        self.init(path: parent.path, yamlLine: parent.yamlLine, location: location)
        load(mapping)
    }

    private mutating func load(_ mapping: Node.Mapping) {
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                diagnostics.append(
                    .error(
                        .wrongType, "a field name must be a plain word, found \(Fields.describe(key))",
                        at: location(of: key)))
                continue
            }
            entries.append((scalar.string, location(of: key), value))
        }
    }

    var isEmpty: Bool { entries.isEmpty }
    var keys: [String] { entries.map(\.key) }

    // MARK: Locations and messages

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return mapLocation }
        return SourceLocation(path: path, line: mark.line + yamlLine - 1, column: mark.column)
    }

    private func diagnostic(for error: YamlError, yaml: String) -> Diagnostic {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + yamlLine - 1))" }
            return .error(
                .yamlSyntax, message,
                at: SourceLocation(path: path, line: mark.line + yamlLine - 1, column: mark.column))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            return located(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            var location = SourceLocation(path: path, line: context.mark.line + yamlLine - 1, column: context.mark.column)
            // Point at the second occurrence when the key stands at the start of a line.
            if let first = duplicates.first {
                let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
                let hits = lines.indices.filter { lines[$0].hasPrefix(first + ":") }
                if hits.count > 1 { location = SourceLocation(path: path, line: hits[1] + yamlLine, column: 1) }
            }
            return .error(.duplicateField, "field \(names) appears more than once; keep one", at: location)
        default:
            return .error(.yamlSyntax, "invalid YAML: \(error)", at: mapLocation)
        }
    }

    package static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: return "a text"
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    mutating func error(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation) {
        diagnostics.append(.error(code, message, at: location))
    }

    mutating func warning(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(code, message, at: location))
    }

    // MARK: Raw access

    /// The value of `key`, marking it read; nil when absent or null.
    mutating func node(_ key: String) -> Node? {
        read.insert(key)
        guard let entry = entries.first(where: { $0.key == key }), !Fields.isNull(entry.value) else { return nil }
        return entry.value
    }

    func keyLocation(_ key: String) -> SourceLocation {
        entries.first(where: { $0.key == key })?.keyLocation ?? mapLocation
    }

    // MARK: Typed access

    /// A single text, with where it stands.
    mutating func located(_ key: String) -> (text: String, location: SourceLocation)? {
        guard let node = node(key) else { return nil }
        guard case let .scalar(scalar) = node else {
            error(.wrongType, "field '\(key)' must be a text, found \(Fields.describe(node))", at: location(of: node))
            return nil
        }
        let text = scalar.string.trimmed
        return text.isEmpty ? nil : (text, location(of: node))
    }

    mutating func text(_ key: String) -> String? { located(key)?.text }

    /// A list of texts; a single text counts as a list of one.
    mutating func locatedList(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let node = node(key) else { return [] }
        switch node {
        case let .scalar(scalar):
            let text = scalar.string.trimmed
            return text.isEmpty ? [] : [(text, location(of: node))]
        case let .sequence(sequence):
            var items: [(String, SourceLocation)] = []
            for item in sequence where !Fields.isNull(item) {
                guard case let .scalar(scalar) = item else {
                    error(
                        .wrongType, "each item of '\(key)' must be a text, found \(Fields.describe(item))",
                        at: location(of: item))
                    continue
                }
                let text = scalar.string.trimmed
                if !text.isEmpty { items.append((text, location(of: item))) }
            }
            return items
        default:
            error(
                .wrongType, "field '\(key)' must be a list of texts, found \(Fields.describe(node))",
                at: location(of: node))
            return []
        }
    }

    mutating func list(_ key: String) -> [String] { locatedList(key).map(\.text) }

    package mutating func references(_ key: String) -> [Reference] {
        locatedList(key).map { Reference(Fields.unwrappingWikiLink($0.text), at: $0.location) }
    }

    mutating func reference(_ key: String) -> Reference? {
        located(key).map { Reference(Fields.unwrappingWikiLink($0.text), at: $0.location) }
    }

    /// `"[[Ada Lovelace]]"` → `Ada Lovelace`: Obsidian writes links in properties this way.
    static func unwrappingWikiLink(_ text: String) -> String {
        guard text.hasPrefix("[["), text.hasSuffix("]]"), text.count > 4,
            case let .link(target, _, _)? = WikiLinkSyntax.segments(of: text).first
        else { return text }
        return target
    }

    mutating func day(_ key: String) -> Day? {
        guard let (text, location) = located(key) else { return nil }
        guard let day = Day(text) else {
            error(.invalidDate, "'\(text)' in '\(key)' is not a date; write YYYY-MM-DD", at: location)
            return nil
        }
        return day
    }

    mutating func partialDate(_ key: String) -> PartialDate? {
        guard let (text, location) = located(key) else { return nil }
        guard let date = PartialDate(text) else {
            error(.invalidDate, "'\(text)' in '\(key)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", at: location)
            return nil
        }
        return date
    }

    mutating func cadence(_ key: String) -> Cadence? {
        guard let (text, location) = located(key) else { return nil }
        return cadence(text, at: location, in: "in '\(key)'")
    }

    /// A cadence written as `text`, or an error saying why not; `place` ("in 'cadence'") names
    /// where it was written.
    mutating func cadence(_ text: String, at location: SourceLocation, in place: String) -> Cadence? {
        switch Cadence.parse(text) {
        case let .success(cadence): return cadence
        case .failure(.tooLong):
            error(
                .outOfRange, "'\(text)' \(place) is longer than \(Cadence.longestYears) years; write e.g. 1y or none",
                at: location)
        case .failure(.notACadence):
            error(
                .invalidDuration, "'\(text)' \(place) is not a cadence; write e.g. 30d, 6w, 3m, 1y or none", at: location)
        }
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let (text, location) = located(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(.wrongType, "field '\(key)' must be true or false, found '\(text)'", at: location)
            return nil
        }
    }

    /// The largest figure a field may hold: more than any audience or view count, and small
    /// enough that sums over every record of a journal cannot overflow.
    static let largestFigure = 1_000_000_000_000

    mutating func integer(_ key: String) -> Int? {
        guard let (text, location) = located(key) else { return nil }
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            error(.wrongType, "field '\(key)' must be a whole number, found '\(text)'", at: location)
            return nil
        }
        guard let value = Int(digits), value <= Fields.largestFigure else {
            error(
                .outOfRange, "'\(text)' in '\(key)' is too large; the largest figure ties takes is 1_000_000_000_000",
                at: location)
            return nil
        }
        return value
    }

    /// One of a fixed set of words, case-insensitively, with a "did you mean" when misspelt.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let (text, location) = located(key) else { return nil }
        if let value = T(rawValue: text.lowercased()) { return value }
        let allowed = T.allCases.map(\.rawValue)
        error(
            .invalidValue,
            "'\(text)' is not a valid \(key)\(Suggestion.clause(Suggestion.nearest(to: text, in: allowed))); use one of \(allowed.joined(separator: ", "))",
            at: location)
        return nil
    }

    /// A map of texts, e.g. `links: {linkedin: …, web: …}`, in the order written.
    mutating func textMap(_ key: String) -> [(key: String, value: String, location: SourceLocation)] {
        guard let node = node(key) else { return [] }
        guard case let .mapping(mapping) = node else {
            error(
                .wrongType, "field '\(key)' must be a map like 'name: value', found \(Fields.describe(node))",
                at: location(of: node))
            return []
        }
        var result: [(String, String, SourceLocation)] = []
        for (k, v) in mapping {
            guard case let .scalar(name) = k, case let .scalar(value) = v else {
                if !Fields.isNull(v) {
                    error(.wrongType, "each entry of '\(key)' must be 'name: text'", at: location(of: v))
                }
                continue
            }
            let text = value.string.trimmed
            if !text.isEmpty { result.append((name.string, text, location(of: v))) }
        }
        return result
    }

    /// A list whose items are maps (or, where `scalarKey` is given, texts standing for that key).
    package mutating func records(_ key: String) -> [Fields] {
        guard let node = node(key) else { return [] }
        guard case let .sequence(sequence) = node else {
            error(.wrongType, "field '\(key)' must be a list, found \(Fields.describe(node))", at: location(of: node))
            return []
        }
        var items: [Fields] = []
        for item in sequence where !Fields.isNull(item) {
            switch item {
            case .mapping:
                if let child = child(item) { items.append(child) }
            case let .scalar(scalar):
                var child = Fields(path: path, yamlLine: yamlLine, location: location(of: item))
                child.entries = [("", location(of: item), .scalar(scalar))]
                items.append(child)
            default:
                error(
                    .wrongType, "each item of '\(key)' must be a text or a map, found \(Fields.describe(item))",
                    at: location(of: item))
            }
        }
        return items
    }

    /// A reader for a nested map, or nil when `node` is not a map.
    func child(_ node: Node) -> Fields? {
        guard case let .mapping(mapping) = node else { return nil }
        return Fields(child: mapping, of: self, at: location(of: node))
    }

    /// A list whose items must be maps: an item written as plain text is a `wrong-type` error
    /// naming `example`, the form it should take, and is left out.
    mutating func maps(_ key: String, what: String, example: String) -> [Fields] {
        var items: [Fields] = []
        for item in records(key) {
            if let plain = item.plainText {
                error(.wrongType, "\(what) must be a map like '\(example)', found '\(plain.text)'", at: plain.location)
            } else {
                items.append(item)
            }
        }
        return items
    }

    /// For an item of `records(_:)` written as plain text: that text.
    var plainText: (text: String, location: SourceLocation)? {
        guard entries.count == 1, entries[0].key.isEmpty, case let .scalar(scalar) = entries[0].value else { return nil }
        return (scalar.string.trimmed, mapLocation)
    }

    /// Makes an item of `records(_:)` written as plain text read as a map giving `key` that text.
    mutating func treatPlainText(as key: String) {
        guard plainText != nil else { return }
        entries[0].key = key
    }

    /// Whether `key` is given a value other than null.
    func has(_ key: String) -> Bool {
        entries.contains { $0.key == key && !Fields.isNull($0.value) }
    }

    /// Takes in the diagnostics of a child reader.
    mutating func absorb(_ child: Fields) {
        diagnostics += child.diagnostics
    }

    /// Every field never read, kept as extra fields; a key close to a known one gets a warning.
    mutating func unknownFields() -> [ExtraField] {
        let known = read.sorted()
        var extra: [ExtraField] = []
        for entry in entries where !read.contains(entry.key) && !entry.key.isEmpty {
            if let suggestion = Suggestion.nearest(to: entry.key, in: known) {
                warning(
                    .unknownField, "unknown field '\(entry.key)' (did you mean '\(suggestion)'?); it is kept as an extra field",
                    at: entry.keyLocation)
            }
            extra.append(ExtraField(key: entry.key, value: Fields.value(of: entry.value), location: entry.keyLocation))
        }
        return extra
    }

    static func value(of node: Node) -> FieldValue {
        switch node {
        case let .scalar(scalar): return .text(scalar.string)
        case let .sequence(sequence): return .list(sequence.map(value(of:)))
        case let .mapping(mapping):
            return .map(mapping.map { FieldValue.Entry(key: $0.key.string ?? "\($0.key)", value: value(of: $0.value)) })
        case .alias: return .text("*alias")
        }
    }
}
