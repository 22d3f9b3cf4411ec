/// A value as JSON, keys in their order, indented: what `ties theme fields` prints.
extension Value {
    public func json(indent: String = "  ") -> String {
        var output = ""
        write(into: &output, indent: indent, level: 0)
        return output
    }

    private func write(into output: inout String, indent: String, level: Int) {
        let inner = String(repeating: indent, count: level + 1)
        let outer = String(repeating: indent, count: level)
        switch self {
        case .null: output += "null"
        case .bool(let truth): output += truth ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += number.isFinite ? String(number) : "null"
        case .text(let text): Value.quote(text, into: &output)
        case .list(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                item.write(into: &output, indent: indent, level: level + 1)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += outer + "]"
        case .map(let fields):
            guard fields.count > 0 else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, (key, item)) in zip(fields.keys, fields.values).enumerated() {
                output += inner
                Value.quote(key, into: &output)
                output += ": "
                item.write(into: &output, indent: indent, level: level + 1)
                output += index == fields.count - 1 ? "\n" : ",\n"
            }
            output += outer + "}"
        }
    }

    private static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
