import CYaml

/// Reads a front matter's YAML as libyaml's events before Yams composes it, and stops it there
/// when composing it would be wrong or dangerous.
///
/// One pass, no recursion, memory bounded by the nesting limit, so any text however hostile
/// gets an answer: its syntax errors (at the offending character, control characters
/// included), every duplicate key (Yams reports only the first), nesting deeper than
/// `deepestNesting` (Yams composes recursively, so depth costs stack), and aliases that expand
/// to more than `mostValues` values (a few hundred bytes of `&a [*b, *b, …]` mean billions,
/// which every later walk over the tree would visit).
package enum YAMLPreflight {
    /// Deeper than any front matter has reason to be; shallow enough for any thread's stack.
    package static let deepestNesting = 64
    /// The values a front matter may hold once its aliases are expanded.
    static let mostValues = 100_000

    /// Whether `yaml` could hold aliases or nest deeper than `deepestNesting`, found by a scan
    /// of its bytes that never says no wrongly: a nesting level takes an opening bracket or one
    /// more character of indentation (spaces, or `-`/`?` of a list on the same line). Text that
    /// cannot is composed straight away, and read as events only if Yams finds it wrong.
    static func mayBeUnsafe(_ yaml: String) -> Bool {
        var brackets = 0
        var deepestLead = 0
        var lead = 0
        var leading = true
        for byte in yaml.utf8 {
            switch byte {
            case UInt8(ascii: "*"): return true
            case UInt8(ascii: "["), UInt8(ascii: "{"): brackets += 1
            case UInt8(ascii: "\n"):
                leading = true
                lead = 0
                continue
            default: break
            }
            if leading {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == 0x09 {
                    lead += 1
                    deepestLead = max(deepestLead, lead)
                } else {
                    leading = false
                }
            }
        }
        return brackets + deepestLead + 2 >= deepestNesting
    }

    /// The problems of `yaml`, located in the file: `yamlLine` is the file line of its first line.
    /// Empty when Yams may compose it.
    static func problems(_ yaml: String, yamlLine: Int, path: String) -> [Diagnostic] {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return [] }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var scan = Scan(path: path, yamlLine: yamlLine, bytes: bytes)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    scan.problems.append(scan.syntaxError(parser))
                    return scan.problems
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return scan.problems }
                if let stop = scan.take(event) {
                    scan.problems.append(stop)
                    return scan.problems
                }
            }
        }
    }

    /// What the events so far have opened.
    private struct Scan {
        let path: String
        let yamlLine: Int
        let bytes: UnsafeBufferPointer<UInt8>
        var problems: [Diagnostic] = []

        /// An open sequence or mapping: its anchor, the values in it so far (aliases expanded),
        /// and for a mapping the keys seen and whether the next value is a key.
        struct Collection {
            var anchor: String?
            var values = 1
            var isMapping: Bool
            var keys: Set<String> = []
            var expectingKey = true
        }
        var open: [Collection] = []
        /// Values anchored so far, aliases within them expanded.
        var anchored: [String: Int] = [:]
        var total = 0

        /// Takes one event; returns the problem that ends the scan, if any.
        mutating func take(_ event: yaml_event_t) -> Diagnostic? {
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                // Changed in place: a copy of the collection would copy its keys for every key.
                if let last = open.indices.last, open[last].isMapping, open[last].expectingKey {
                    let key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    if !open[last].keys.insert(key).inserted {
                        problems.append(
                            .error(.duplicateField, "field '\(key)' appears more than once; keep one", at: location))
                    }
                }
                return add(values: 1, anchor: YAMLPreflight.text(scalar.anchor), at: location)
            case YAML_ALIAS_EVENT:
                // An alias to an anchor not (yet) defined is left for Yams to report.
                let name = YAMLPreflight.text(event.data.alias.anchor) ?? ""
                return add(values: anchored[name] ?? 1, anchor: nil, at: location)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = YAMLPreflight.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                if open.count >= YAMLPreflight.deepestNesting {
                    return .error(
                        .tooComplex,
                        "the front matter nests lists and maps more than \(YAMLPreflight.deepestNesting) levels deep; flatten it",
                        at: location)
                }
                total += 1
                open.append(Collection(anchor: anchor, isMapping: isMapping))
                return nil
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                // Its values were counted into the total one by one; the parent takes them whole.
                guard let closed = open.popLast() else { return nil }
                return add(values: closed.values, anchor: closed.anchor, at: location, counted: true)
            default:
                return nil
            }
        }

        /// Counts a finished value (a scalar, an alias's expansion, a closed collection) into
        /// its parent and the total.
        private mutating func add(
            values: Int, anchor: String?, at location: SourceLocation, counted: Bool = false
        ) -> Diagnostic? {
            if let anchor { anchored[anchor] = values }
            if let parent = open.indices.last {
                open[parent].values = min(open[parent].values + values, YAMLPreflight.mostValues + 1)
                if open[parent].isMapping { open[parent].expectingKey.toggle() }
            }
            if !counted { total += values }
            guard total > YAMLPreflight.mostValues else { return nil }
            return .error(
                .tooComplex,
                "the front matter expands to more than \(YAMLPreflight.mostValues) values (through its aliases); write the values out or use fewer aliases",
                at: location)
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(path: path, line: Int(mark.line) + yamlLine, column: Int(mark.column) + 1)
        }

        /// libyaml's error, at its place: a reader error (a control character, bad UTF-8) has a
        /// byte offset rather than a mark, turned here into line and column.
        func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            if parser.error == YAML_READER_ERROR {
                let offset = min(Int(parser.problem_offset), bytes.count)
                var line = 0
                var lineStart = 0
                for index in 0..<offset where bytes[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
                var message = "invalid YAML: \(problem)"
                if parser.problem_value >= 0 {
                    message += " (U+\(String(UInt32(parser.problem_value), radix: 16, uppercase: true).leftPadded(to: 4)))"
                }
                return .error(.yamlSyntax, message, at: SourceLocation(path: path, line: line + yamlLine, column: column))
            }
            var message = "invalid YAML: \(problem)"
            if let context = parser.context {
                message += " (\(String(cString: context)) at line \(Int(parser.context_mark.line) + yamlLine))"
            }
            return .error(.yamlSyntax, message, at: location(parser.problem_mark))
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
