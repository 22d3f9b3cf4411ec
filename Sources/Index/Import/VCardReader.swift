import Foundation

/// vCards 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350), one or many per file, as Apple Contacts,
/// Google, Outlook and Thunderbird write them.
public enum VCardReader {
    public static func read(_ text: String, path: String) throws(ImportFormatError) -> ImportFile {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = ContentLine.unfolded(text)
        guard lines.contains(where: { $0.text.uppercased().hasPrefix("BEGIN:VCARD") }) else {
            throw ImportFormatError("not a vCard file: no line 'BEGIN:VCARD'", at: SourceLocation(path: path))
        }
        var file = ImportFile()
        var card: [ContentLine.Property]?
        var start = 0
        for line in lines {
            guard let property = ContentLine.parse(line.text) else { continue }
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

    private static func take(_ properties: [ContentLine.Property], line: Int, into file: inout ImportFile) {
        func first(_ name: String) -> ContentLine.Property? { properties.first { $0.name == name } }
        var name = first("FN").map { ContentLine.unescaped($0.value[...]).trimmingCharacters(in: .whitespaces) } ?? ""
        if name.isEmpty, let n = first("N") {
            let parts = ContentLine.components(n.value, separator: ";")
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
            let value = ContentLine.unescaped(property.value[...]).replacingOccurrences(of: "\r\n", with: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            switch property.name {
            case "EMAIL" where !value.isEmpty:
                person.emails.append(value.hasPrefix("mailto:") ? String(value.dropFirst(7)) : value)
            case "TEL" where !value.isEmpty:
                person.phones.append(value.hasPrefix("tel:") ? String(value.dropFirst(4)) : value)
            case "ORG":
                let parts = ContentLine.components(property.value, separator: ";").filter { !$0.isEmpty }
                person.org = parts.first
            case "TITLE" where !value.isEmpty:
                person.title = value
            case "BDAY":
                person.birthday = birthday(value)
            case "URL", "X-SOCIALPROFILE":
                guard !value.isEmpty else { continue }
                let label = properties.first { $0.group != nil && $0.group == property.group && $0.name == "X-ABLABEL" }
                    .map {
                        ContentLine.unescaped($0.value[...]).trimmingCharacters(in: CharacterSet(charactersIn: "_$!<>"))
                            .lowercased()
                    }
                let type = property.types.first { !["pref", "x-user", "internet"].contains($0) }
                var resolved = label ?? type ?? (value.contains("linkedin.com") ? "linkedin" : "web")
                if value.contains("linkedin.com") { resolved = "linkedin" }
                person.links.append(Contact.Link(label: Slug.make(from: resolved), url: value))
            case "NOTE" where !value.isEmpty:
                person.notes = [person.notes, value].compactMap { $0 }.joined(separator: "\n\n")
            case "CATEGORIES":
                person.tags += ContentLine.components(property.value, separator: ",").filter { !$0.isEmpty }
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
