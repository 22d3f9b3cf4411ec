/// Writes front matter by hand, field by field in a fixed order, quoting only where YAML needs it,
/// so a new file reads like one a person wrote.
struct FrontMatterWriter {
    private(set) var lines: [String] = []

    mutating func field(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        lines.append("\(key): \(FrontMatterWriter.scalar(value))")
    }

    mutating func list(_ key: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        lines.append("\(key): [\(values.map { FrontMatterWriter.scalar($0, inFlow: true) }.joined(separator: ", "))]")
    }

    /// The text of a file with this front matter and `body`.
    func file(body: String) -> String {
        "---\n" + lines.joined(separator: "\n") + "\n---\n" + body
    }

    /// `value` as a YAML scalar: plain when that reads back as the same text, else double-quoted.
    static func scalar(_ value: String, inFlow: Bool = false) -> String {
        let indicators = Set("-?:,[]{}#&*!|>'\"%@`")
        let flowIndicators = Set(",[]{}")
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let plain =
            value.first.map { !$0.isWhitespace && !indicators.contains($0) } == true
            && value.last.map { !$0.isWhitespace && $0 != ":" } == true
            && !value.contains(where: { $0.isNewline || $0 == "\t" || (inFlow && flowIndicators.contains($0)) })
            && !value.contains(": ") && !value.contains(" #")
            && !words.contains(value.lowercased())
            && Double(value) == nil
        if plain { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 {
                    quoted += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
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
