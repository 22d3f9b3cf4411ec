import Foundation
import Index
import Support

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
        // A card inside a card (an AGENT's, as Lotus Notes writes it) is part of the outer one.
        var nested = 0
        for line in lines {
            guard let property = ContentLine.parse(line.text) else { continue }
            switch (property.name, property.value.trimmingCharacters(in: .whitespaces).uppercased()) {
            case ("BEGIN", "VCARD"):
                if card != nil {
                    nested += 1
                } else {
                    card = []
                    start = line.number
                }
            case ("END", "VCARD"):
                if nested > 0 {
                    nested -= 1
                } else if let properties = card {
                    take(properties, line: start, into: &file)
                    card = nil
                }
            default:
                if nested == 0 { card?.append(property) }
            }
        }
        // A card the file never ends (cut short, or its END swallowed by a quoted-printable
        // value) is read as far as it goes, and the report says so.
        if let properties = card {
            let before = file.people.count
            take(properties, line: start, into: &file)
            if file.people.count > before {
                file.people[file.people.count - 1].remarks.append("its card has no END:VCARD; read to the end of the file")
            }
        }
        return file
    }

    /// Properties that hold nothing a networking journal keeps (a photo, the card's own
    /// bookkeeping): left out without a word. Any other property not read is named in the report.
    static let notForAJournal: Set<String> = [
        "VERSION", "PRODID", "UID", "REV", "PHOTO", "LOGO", "SOUND", "KEY", "FN", "N", "CLASS", "SORT-STRING", "NAME",
        "SOURCE", "KIND", "X-ABUID", "X-ABLABEL", "X-ABADR", "X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME", "LABEL",
        "X-MS-OL-DESIGN", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-MS-CARDPICTURE", "X-ID", "X-ETAG", "MAILER", "TZ", "GEO",
        "PRODUCT", "X-EVOLUTION-FILE-AS", "X-EVOLUTION-SPOUSE", "X-EVOLUTION-MANAGER", "X-EVOLUTION-ASSISTANT",
        "X-EVOLUTION-ANNIVERSARY", "X-EVOLUTION-BLOG-URL", "X-EVOLUTION-VIDEO-URL", "X-MOZILLA-HTML", "X-GENERATOR",
        "X-AIM", "X-ICQ", "X-JABBER", "X-MSN", "X-YAHOO", "X-SKYPE", "X-GADUGADU", "X-GROUPWISE", "X-QQ", "X-GOOGLE-TALK",
        "IMPP", "GENDER", "X-GENDER", "ANNIVERSARY", "X-ANNIVERSARY", "RELATED", "X-ABRELATEDNAMES", "X-ABDATE",
        "NICKNAME", "ROLE", "AGENT", "LANG", "FBURL", "CALURI", "CALADRURI", "CLIENTPIDMAP", "MEMBER", "XML", "BEGIN",
        "END", "X-ADDRESSBOOKSERVER-KIND", "X-ADDRESSBOOKSERVER-MEMBER", "X-ABSHOWAS", "X-IMAGETYPE", "X-IMAGEHASH",
        "X-SHAREDPHOTODISPLAYPREF", "X-ABPHOTOIDENTIFIER", "X-PHONETIC-ORG", "X-MAIDENNAME", "X-SPOUSE", "X-MANAGER",
        "X-ASSISTANT", "X-WAB-GENDER", "X-KADDRESSBOOK-X-ANNIVERSARY", "X-KADDRESSBOOK-X-SPOUSENAME",
    ]

    private static func take(_ properties: [ContentLine.Property], line: Int, into file: inout ImportFile) {
        func first(_ name: String) -> ContentLine.Property? { properties.first { $0.name == name } }
        var written = first("FN").map { ContentLine.unescaped($0.value[...]).trimmingCharacters(in: .whitespaces) } ?? ""
        if written.isEmpty, let n = first("N") {
            let parts = ContentLine.components(n.value, separator: ";")
            let given = parts.count > 1 ? parts[1] : ""
            let additional = parts.count > 2 ? parts[2] : ""
            written = [given, additional, parts[0]].filter { !$0.isEmpty }.joined(separator: " ")
        }
        written = written.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard !written.isEmpty else {
            let values = properties.filter { ["EMAIL", "TEL", "ORG", "URL"].contains($0.name) }
                .map { ContentLine.unescaped($0.value[...]).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            file.skipped.append(
                ImportSkip(
                    line: line,
                    reason: "a card with no name (no FN or N)"
                        + (values.isEmpty ? "" : "; its \(values.joined(separator: ", ")) left out: add a name to import it")))
            return
        }
        var person = ImportedPerson(line: line, name: written)
        person.takeName(written)
        person.howMet = nil
        var ignored: [String] = []
        var ignoredNames = Set<String>()
        var emails: [String] = []
        var phones: [String] = []
        var notes: [String] = []
        var categories: [String] = []
        for property in properties {
            let value = ContentLine.unescaped(property.value[...]).replacingOccurrences(of: "\r\n", with: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            switch property.name {
            case "EMAIL" where !value.isEmpty:
                emails.append(value.lowercased().hasPrefix("mailto:") ? String(value.dropFirst(7)) : value)
            case "TEL" where !value.isEmpty:
                phones.append(value.lowercased().hasPrefix("tel:") ? String(value.dropFirst(4)) : value)
            case "ORG":
                let parts = ContentLine.components(property.value, separator: ";").filter { !$0.isEmpty }
                guard let org = parts.first else { continue }
                if let kept = person.org {
                    if kept != org { person.remarks.append("a second org '\(org)' left out (kept '\(kept)')") }
                } else {
                    person.org = org
                }
            case "TITLE" where !value.isEmpty:
                if let kept = person.title {
                    if kept != value { person.remarks.append("a second title '\(value)' left out (kept '\(kept)')") }
                } else {
                    person.title = value
                }
            case "BDAY" where !value.isEmpty:
                guard let birthday = birthday(value, omitYear: property.parameter("X-APPLE-OMIT-YEAR").first) else {
                    person.remarks.append("birthday '\(value)' is not a date ties reads; left out")
                    continue
                }
                if person.birthday == nil {
                    person.birthday = birthday
                } else if person.birthday != birthday {
                    person.remarks.append("a second birthday '\(value)' left out")
                }
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
                let slug = Slug.make(from: resolved)
                person.addLink(label: slug.isEmpty ? "web" : slug, url: value)
            case "NOTE" where !value.isEmpty:
                notes.append(value)
            case "CATEGORIES":
                categories += ContentLine.components(property.value, separator: ",")
            case "ADR":
                // The town and country, where the person is; the street is not for a journal.
                let parts = ContentLine.components(property.value, separator: ";")
                let place = [parts.count > 3 ? parts[3] : "", parts.count > 6 ? parts[6] : ""].filter { !$0.isEmpty }
                if person.location == nil, !place.isEmpty { person.location = place.joined(separator: ", ") }
            case "EMAIL", "TEL", "TITLE", "BDAY":
                continue  // empty
            default:
                if !notForAJournal.contains(property.name), !property.name.hasPrefix("X-"),
                    ignoredNames.insert(property.name).inserted
                {
                    ignored.append(property.name)
                }
            }
        }
        person.emails = ImportedPerson.uniqued(emails) { $0.lowercased() }
        person.phones = ImportedPerson.uniqued(phones) { $0 }
        if !notes.isEmpty { person.notes = notes.joined(separator: "\n\n") }
        person.tags = ImportedPerson.uniqued(categories.compactMap(ImportedPerson.tag)) { $0.lowercased() }
        if !ignored.isEmpty { person.remarks.append("not imported: \(ignored.joined(separator: ", "))") }
        file.people.append(person)
    }

    /// `19840521`, `1984-05-21`, `--0521`, `--05-21`, with any time after a `T` ignored. The
    /// year 1604 (Apple's and CardBook's mark for "no year"), or the year `X-APPLE-OMIT-YEAR`
    /// names, is no year.
    static func birthday(_ text: String, omitYear: String? = nil) -> Birthday? {
        guard let read = readBirthday(text) else { return nil }
        if let year = read.year, year == 1604 || omitYear.flatMap({ Int($0) }) == year {
            return Birthday(String(format: "%02d-%02d", read.month, read.day))
        }
        return read
    }

    private static func readBirthday(_ text: String) -> Birthday? {
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
