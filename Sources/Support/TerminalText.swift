/// Text from the journal made safe to print: a name holding `ESC ] 52 ;…` must not write the
/// owner's clipboard, retitle the terminal or hide the lines above it.
///
/// Control characters (C0 but newline and tab, DEL, C1) and the invisible marks that reorder
/// text (bidirectional overrides and isolates) are shown as `\u{1B}`; everything else is kept.
/// A carriage return that ends a line (CSV's `\r\n`) is kept; alone it could overwrite a line.
public enum TerminalText {
    /// `text` with every character a terminal would act on written out as `\u{…}`.
    public static func escaped(_ text: String) -> String {
        guard !isPrintableASCII(text, lineFeeds: true), text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let endsLine = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if needsEscape(scalar) && !endsLine {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A value of the journal shown on one line of output: `escaped`, and its line breaks
    /// too (LF, CR, U+2028, U+2029), so a name holding a newline cannot forge a line of ties'
    /// own output (`due`, `who`, an import's report).
    public static func inline(_ text: String) -> String {
        guard !isPrintableASCII(text, lineFeeds: false),
            text.unicodeScalars.contains(where: { breaksLine($0) || needsEscape($0) })
        else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if breaksLine(scalar) || needsEscape(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Text of several lines, such as a diff of a file: its own line ends (LF, and a CR right
    /// before one) are kept, and every other line break inside a line is shown escaped.
    public static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? inline(String(line.dropLast())) + "\r" : inline(String(line))
        }.joined(separator: "\n")
    }

    package static func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
            || scalar == "\u{B}" || scalar == "\u{C}"
    }

    /// JSON text with the characters `escaped` escapes written as JSON escapes (`\u001B`), so
    /// it stays valid JSON: JSONEncoder leaves DEL, C1 and bidirectional marks as they are.
    public static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar), scalar != "\n" {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether every byte is printable ASCII, a tab or (with `lineFeeds`) a line feed: text
    /// with nothing to escape, told by its bytes without decoding scalars (most of what `ties
    /// due` prints is, thousands of lines).
    package static func isPrintableASCII(_ text: String, lineFeeds: Bool) -> Bool {
        text.utf8.allSatisfy { byte in
            (byte >= 0x20 && byte < 0x7F) || byte == 0x09 || (lineFeeds && byte == 0x0A)
        }
    }

    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
