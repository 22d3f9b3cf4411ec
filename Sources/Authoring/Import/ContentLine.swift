import Foundation
import Index

/// The content lines vCard (RFC 6350) and iCalendar (RFC 5545) files share:
/// `group.NAME;PARAM=value:text`, folded, escaped, and in vCard 2.1 quoted-printable. Read here
/// for the imports, written here for `ties export vcard` and `ties export ics`.
public enum ContentLine {
    /// A TEXT value escaped as both RFCs say (`\\` `\;` `\,`, line breaks as `\n`); control
    /// characters but tab, which neither allows, are left out.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case _ where character.unicodeScalars.contains(where: isControl):
                continue
            default: result.append(character)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// A content line folded into lines of at most 75 octets, never inside a UTF-8 sequence,
    /// each continuation starting with a space.
    public static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }

    /// One property: `item1.EMAIL;TYPE=work:ada@example.org`.
    struct Property {
        var group: String?
        var name: String
        var parameters: [(name: String, value: String)]
        var value: String

        func parameter(_ wanted: String) -> [String] {
            parameters.filter { $0.name == wanted }.flatMap { $0.value.split(separator: ",").map { String($0).lowercased() } }
        }

        /// 2.1 writes types bare: `TEL;WORK;VOICE:…`.
        var types: [String] { parameter("TYPE") + parameters.filter { $0.value.isEmpty }.map { $0.name.lowercased() } }
    }

    /// The logical lines, each with the physical line it starts on: folded lines (a line that
    /// starts with a space or tab continues the one before) and 2.1's quoted-printable soft
    /// breaks (`=` at the end) joined.
    static func unfolded(_ text: String) -> [(number: Int, text: String)] {
        var result: [(Int, String)] = []
        var quotedPrintable = false
        for (index, raw) in lines(text).enumerated() {
            let line = raw
            if let last = result.indices.last, line.first == " " || line.first == "\t", !quotedPrintable {
                result[last].1 += line.dropFirst()
            } else if let last = result.indices.last, quotedPrintable {
                result[last].1 += line
            } else {
                result.append((index + 1, line))
            }
            if let current = result.last?.1 {
                let upper = current.prefix(while: { $0 != ":" }).uppercased()
                quotedPrintable = upper.contains("QUOTED-PRINTABLE") && current.hasSuffix("=")
                if quotedPrintable, let last = result.indices.last { result[last].1.removeLast() }
            }
        }
        return result
    }

    /// The physical lines, ended by LF, CR LF, or CR alone; iOS 5 wrote CR CR LF, one line end.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case 0x0A:
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            case 0x0D:
                // CR LF, CR CR LF: one end of line; a CR alone ends one too.
                while bytes.first == 0x0D, bytes.dropFirst().first == 0x0A || bytes.dropFirst().first == 0x0D {
                    bytes = bytes.dropFirst()
                }
                if bytes.first == 0x0A { bytes = bytes.dropFirst() }
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            default:
                current.append(byte)
            }
        }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }

    static func parse(_ line: String) -> Property? {
        guard let colon = colonOutsideQuotes(line) else { return nil }
        let head = line[..<colon]
        var value = String(line[line.index(after: colon)...])
        var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty else { return nil }
        var name = parts.removeFirst()
        var group: String?
        if let dot = name.lastIndex(of: ".") {
            group = String(name[..<dot])
            name = String(name[name.index(after: dot)...])
        }
        let parameters = parts.map { part -> (String, String) in
            guard let equals = part.firstIndex(of: "=") else { return (part.uppercased(), "") }
            return (
                part[..<equals].uppercased(),
                part[part.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            )
        }
        let encoding = parameters.first { $0.0 == "ENCODING" }?.1.uppercased()
        if encoding == "QUOTED-PRINTABLE" || parameters.contains(where: { $0.0 == "QUOTED-PRINTABLE" }) {
            value = quotedPrintable(value)
        }
        return Property(group: group, name: name.uppercased(), parameters: parameters, value: value)
    }

    private static func colonOutsideQuotes(_ line: String) -> String.Index? {
        var quoted = false
        for index in line.indices {
            if line[index] == "\"" { quoted.toggle() } else if line[index] == ":", !quoted { return index }
        }
        return nil
    }

    /// `=C3=BC` → `ü`: the bytes of 2.1's quoted-printable values, read as UTF-8 (Latin-1 if not).
    static func quotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "="), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// A value with its escapes read: `\,` `\;` `\\` and `\n`.
    static func unescaped(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Splits a structured value (`N`, `ORG`) at unescaped `;`, or a list (`CATEGORIES`) at `,`.
    static func components(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = Substring()
        var start = text.startIndex
        var escaped = false
        for index in text.indices {
            if escaped {
                escaped = false
            } else if text[index] == "\\" {
                escaped = true
            } else if text[index] == separator {
                current = text[start..<index]
                parts.append(unescaped(current))
                start = text.index(after: index)
            }
        }
        parts.append(unescaped(text[start...]))
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

}
