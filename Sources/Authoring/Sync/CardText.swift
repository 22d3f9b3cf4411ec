import Foundation
import Index
import Support

/// Writes `CardFields` into a card: a new vCard 3.0 (what every server reads), or the server's
/// own card with only the properties whose values changed replaced, removed or added, so what
/// ties does not model (photos, addresses, labels, parameters such as `TYPE=WORK`) stays.
enum CardText {
    static func new(_ fields: CardFields, uid: String) -> String {
        var lines = ["BEGIN:VCARD", "VERSION:3.0", "UID:" + ContentLine.escaped(uid)]
        lines += properties(for: fields, only: Set(CardFields.Field.allCases))
        lines.append("END:VCARD")
        return lines.map(ContentLine.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// `card` with the fields of `changed` set to `fields`' values.
    static func updated(_ card: String, to fields: CardFields, changed: Set<CardFields.Field>) -> String {
        guard !changed.isEmpty else { return card }
        var lines: [String] = []
        var groupsDropped = Set<String>()
        var kept: [CardFields.Field: Set<String>] = [:]
        for line in ContentLine.unfolded(card) {
            guard let property = ContentLine.parse(line.text), let field = field(of: property.name) else {
                lines.append(line.text)
                continue
            }
            guard changed.contains(field) else {
                lines.append(line.text)
                continue
            }
            if property.name == "N" { continue }  // written again with FN
            let value = ContentLine.unescaped(property.value[...]).trimmingCharacters(in: .whitespaces)
            let wanted = Set(fields.keys(field))
            if field.isSet && field != .tags {
                let key = CardFields.key(
                    field == .phones && value.hasPrefix("tel:") ? String(value.dropFirst(4)) : value, of: field)
                if wanted.contains(key), kept[field, default: []].insert(key).inserted {
                    lines.append(line.text)
                } else if let group = group(of: line.text) {
                    groupsDropped.insert(group)
                }
            }
            // Single fields and CATEGORIES are written again below.
        }
        // Labels of grouped properties that went (`item1.X-ABLabel` with `item1.URL`).
        lines.removeAll { line in group(of: line).map(groupsDropped.contains) ?? false }
        let endIndex = lines.lastIndex { $0.uppercased().hasPrefix("END:VCARD") }
        var added: [String] = []
        for field in CardFields.Field.allCases where changed.contains(field) {
            if field.isSet && field != .tags {
                var missing = CardFields()
                missing.set(
                    field, fields.values(field).filter { !(kept[field]?.contains(CardFields.key($0, of: field)) ?? false) })
                added += properties(for: missing, only: [field])
            } else {
                added += properties(for: fields, only: [field])
            }
        }
        lines.insert(contentsOf: added, at: endIndex ?? lines.count)
        return lines.map(ContentLine.folded).joined(separator: "\r\n") + "\r\n"
    }

    private static func field(of name: String) -> CardFields.Field? {
        switch name {
        case "FN", "N": return .name
        case "ORG": return .org
        case "TITLE": return .title
        case "EMAIL": return .emails
        case "TEL": return .phones
        case "URL": return .links
        case "BDAY": return .birthday
        case "CATEGORIES": return .tags
        case "NOTE": return .note
        default: return nil
        }
    }

    /// `item1` of `item1.URL:…`.
    private static func group(of line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let head = line[..<colon].split(separator: ";").first ?? ""
        guard let dot = head.firstIndex(of: ".") else { return nil }
        return head[..<dot].lowercased()
    }

    private static func properties(for fields: CardFields, only: Set<CardFields.Field>) -> [String] {
        var lines: [String] = []
        if only.contains(.name), let name = fields.name {
            lines.append("FN:" + ContentLine.escaped(name))
            let words = name.split(separator: " ").map(String.init)
            let family = words.count > 1 ? words.last ?? name : name
            let given = words.count > 1 ? words.dropLast().joined(separator: " ") : ""
            lines.append("N:\(ContentLine.escaped(family));\(ContentLine.escaped(given));;;")
        }
        if only.contains(.org), let org = fields.org { lines.append("ORG:" + ContentLine.escaped(org)) }
        if only.contains(.title), let title = fields.title { lines.append("TITLE:" + ContentLine.escaped(title)) }
        if only.contains(.emails) {
            for email in fields.emails { lines.append("EMAIL;TYPE=INTERNET:" + ContentLine.escaped(email)) }
        }
        if only.contains(.phones) { for phone in fields.phones { lines.append("TEL:" + ContentLine.escaped(phone)) } }
        if only.contains(.links) { for link in fields.links { lines.append("URL:" + ContentLine.escaped(link)) } }
        if only.contains(.birthday), let birthday = fields.birthday {
            lines.append("BDAY:" + (birthday.count == 5 ? "--" + birthday : birthday))
        }
        if only.contains(.note), let note = fields.note { lines.append("NOTE:" + ContentLine.escaped(note)) }
        if only.contains(.tags), !fields.tags.isEmpty {
            lines.append("CATEGORIES:" + fields.tags.map(ContentLine.escaped).joined(separator: ","))
        }
        return lines
    }
}
