import Foundation

/// vCards 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350), one or many per file, as Apple Contacts,
/// Google, Outlook and Thunderbird write them.
public enum VCardReader {
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

    public static func read(_ text: String, path: String) throws(ImportFormatError) -> ImportFile {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = unfolded(text)
        guard lines.contains(where: { $0.text.uppercased().hasPrefix("BEGIN:VCARD") }) else {
            throw ImportFormatError("not a vCard file: no line 'BEGIN:VCARD'", at: SourceLocation(path: path))
        }
        var file = ImportFile()
        var card: [Property]?
        var start = 0
        for line in lines {
            guard let property = parse(line.text) else { continue }
            switch (property.name, property.value.uppercased()) {
            case ("BEGIN", "VCARD"):
                card = []
                start = line.number
            case ("END", "VCARD"):
                if let properties = card { take(properties, line: start, into: &file) }
                card = nil
            default:
                card?.append(property)
            }
        }
        return file
    }

    /// The logical lines, each with the physical line it starts on: folded lines (a line that
    /// starts with a space or tab continues the one before) and 2.1's quoted-printable soft
    /// breaks (`=` at the end) joined.
    static func unfolded(_ text: String) -> [(number: Int, text: String)] {
        var result: [(Int, String)] = []
        var quotedPrintable = false
        for (index, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = String(Substring(raw))
            if line.hasSuffix("\r") { line.removeLast() }
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

    private static func take(_ properties: [Property], line: Int, into file: inout ImportFile) {
        func first(_ name: String) -> Property? { properties.first { $0.name == name } }
        var name = first("FN").map { unescaped($0.value[...]).trimmingCharacters(in: .whitespaces) } ?? ""
        if name.isEmpty, let n = first("N") {
            let parts = components(n.value, separator: ";")
            let given = parts.count > 1 ? parts[1] : ""
            let additional = parts.count > 2 ? parts[2] : ""
            name = [given, additional, parts[0]].filter { !$0.isEmpty }.joined(separator: " ")
        }
        guard !name.isEmpty else {
            file.skipped.append(ImportSkip(line: line, reason: "a card with no name (no FN or N)"))
            return
        }
        var person = ImportedPerson(line: line, name: name)
        person.howMet = nil
        for property in properties {
            let value = unescaped(property.value[...]).replacingOccurrences(of: "\r\n", with: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            switch property.name {
            case "EMAIL" where !value.isEmpty:
                person.emails.append(value.hasPrefix("mailto:") ? String(value.dropFirst(7)) : value)
            case "TEL" where !value.isEmpty:
                person.phones.append(value.hasPrefix("tel:") ? String(value.dropFirst(4)) : value)
            case "ORG":
                let parts = components(property.value, separator: ";").filter { !$0.isEmpty }
                person.org = parts.first
            case "TITLE" where !value.isEmpty:
                person.title = value
            case "BDAY":
                person.birthday = birthday(value)
            case "URL", "X-SOCIALPROFILE":
                guard !value.isEmpty else { continue }
                let label = properties.first { $0.group != nil && $0.group == property.group && $0.name == "X-ABLABEL" }
                    .map { unescaped($0.value[...]).trimmingCharacters(in: CharacterSet(charactersIn: "_$!<>")).lowercased() }
                let type = property.types.first { !["pref", "x-user", "internet"].contains($0) }
                var resolved = label ?? type ?? (value.contains("linkedin.com") ? "linkedin" : "web")
                if value.contains("linkedin.com") { resolved = "linkedin" }
                person.links.append(Contact.Link(label: Slug.make(from: resolved), url: value))
            case "NOTE" where !value.isEmpty:
                person.notes = [person.notes, value].compactMap { $0 }.joined(separator: "\n\n")
            case "CATEGORIES":
                person.tags += components(property.value, separator: ",").filter { !$0.isEmpty }
            default:
                continue  // PHOTO and the rest are not for a journal
            }
        }
        file.people.append(person)
    }

    /// `19840521`, `1984-05-21`, `--0521`, `--05-21`, with any time after a `T` ignored.
    static func birthday(_ text: String) -> Birthday? {
        let date = text.split(separator: "T").first.map(String.init) ?? text
        if date.hasPrefix("--") {
            let digits = date.dropFirst(2).filter(\.isNumber)
            guard digits.count == 4 else { return nil }
            return Birthday("\(digits.prefix(2))-\(digits.suffix(2))")
        }
        let digits = date.filter(\.isNumber)
        if date.contains("-") { return Birthday(date) }
        guard digits.count == 8 else { return nil }
        return Birthday("\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))")
    }
}
