import Index

/// Writes the front matter of a new record by hand, quoting only where YAML needs it, so a new
/// file reads like one a person wrote.
///
/// Fields are named by the property that holds them, so their keys, and the order they are
/// written in, are those the record's schema declares.
struct FrontMatterWriter<R: Record> {
    private var lines: [(order: Int, text: String)] = []

    mutating func field(_ path: PartialKeyPath<R>, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        add(path, YAMLScalar.text(value))
    }

    mutating func list(_ path: PartialKeyPath<R>, _ values: [String]) {
        guard !values.isEmpty else { return }
        add(path, "[\(values.map { YAMLScalar.text($0, inFlow: true) }.joined(separator: ", "))]")
    }

    /// A flow list of items already written as YAML (`{task: …, due: …}` or a scalar).
    mutating func items(_ path: PartialKeyPath<R>, _ items: [String]) {
        guard !items.isEmpty else { return }
        add(path, "[" + items.joined(separator: ", ") + "]")
    }

    /// A map of texts on one line, e.g. `links: {linkedin: https://…}`.
    mutating func map(_ path: PartialKeyPath<R>, _ pairs: [(String, String)]) {
        guard !pairs.isEmpty else { return }
        add(
            path,
            "{"
                + pairs.map { "\(YAMLScalar.text($0.0, inFlow: true)): \(YAMLScalar.text($0.1, inFlow: true))" }.joined(
                    separator: ", ") + "}")
    }

    private mutating func add(_ path: PartialKeyPath<R>, _ value: String) {
        let field = R.schema.field(path)
        let order = R.schema.fields.firstIndex { $0.key == field.key } ?? 0
        lines.append((order, "\(field.key): \(value)"))
    }

    /// The text of a file with this front matter and `body`.
    func file(body: String) -> String {
        "---\n" + text.joined(separator: "\n") + "\n---\n" + body
    }

    /// The lines of the front matter, in the schema's order.
    var text: [String] {
        lines.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.text)
    }

}

/// Texts as YAML scalars, the way a person would write them.
enum YAMLScalar {
    /// `value` as a YAML scalar: plain when that reads back as the same text, else double-quoted.
    ///
    /// Decided on Unicode scalars, as YAML reads them, not on characters: `}` followed by a
    /// combining mark is one character to Swift but still a `}` to a YAML parser.
    static func text(_ value: String, inFlow: Bool = false) -> String {
        let indicators = Set("-?:,[]{}#&*!|>'\"%@`".unicodeScalars)
        let flowIndicators = Set(",[]{}".unicodeScalars)
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return doubleQuoted(value) }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
        var plain =
            !isSpace(first) && !indicators.contains(first) && !isSpace(last) && last != ":"
            && !words.contains(value.lowercased()) && Double(value) == nil
        if plain {
            for (index, scalar) in scalars.enumerated() {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if scalar == "\n" || scalar == "\r" || scalar == "\t" || mustBeEscaped(scalar)
                    || (inFlow && flowIndicators.contains(scalar))
                    || (scalar == ":" && next.map(isSpace) == true) || (isSpace(scalar) && next == "#")
                    || scalar.properties.isWhitespace && scalar != " "
                {
                    plain = false
                    break
                }
            }
        }
        return plain ? value : doubleQuoted(value)
    }

    /// Characters a YAML file may not hold as they are: C0 and C1 controls (but tab, which
    /// quoting keeps), DEL, U+FEFF inside a text, U+2028 and U+2029, and the noncharacters
    /// (U+FFFE, U+FFFF, U+FDD0–U+FDEF, and the last two of every plane).
    static func mustBeEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFEFF, 0x2028, 0x2029, 0xFDD0...0xFDEF: return true
        default: return scalar.value & 0xFFFE == 0xFFFE
        }
    }

    /// `value` in double quotes, escaped.
    static func doubleQuoted(_ value: String) -> String {
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    quoted += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else if mustBeEscaped(scalar) {
                    // YAML forbids these in a file; as an escape they are a value like any other.
                    quoted +=
                        scalar.value > 0xFFFF
                        ? "\\U" + String(scalar.value, radix: 16).leftPadded(to: 8)
                        : "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
