import Foundation
import Index
import Support

/// What `ties sync` keeps in step between a contact and a card: name, org, title, e-mails,
/// phones, links, birthday and tags (as `CATEGORIES`). Everything else on a card (photos,
/// addresses, labels, notes) stays on the server untouched.
///
/// Values are kept as written; `key` gives the form they are compared in, so a server that
/// writes a card again (reordered, re-escaped, upper-cased) changes nothing.
public struct CardFields: Sendable, Equatable, Codable {
    public var name: String?
    public var org: String?
    public var title: String?
    public var emails: [String] = []
    public var phones: [String] = []
    public var links: [String] = []
    /// As `Birthday` writes it: `1984-05-21` or `05-21`.
    public var birthday: String?
    public var tags: [String] = []
    /// `NOTE`: with `carddav.notes`, the first paragraph of the contact's notes, sent one way.
    public var note: String?

    public init() {}

    /// A contact's fields.
    public init(_ contact: Contact) {
        name = contact.name
        org = contact.org?.text
        title = contact.title
        emails = contact.emails
        phones = contact.phones
        links = contact.links.map(\.url)
        birthday = contact.birthday?.description
        tags = contact.tags
    }

    /// A card's fields, from its text.
    public init(card text: String) {
        for line in ContentLine.unfolded(text) {
            guard let property = ContentLine.parse(line.text) else { continue }
            let value = ContentLine.unescaped(property.value[...]).trimmingCharacters(in: .whitespaces)
            switch property.name {
            case "FN": if !value.isEmpty { name = value }
            case "ORG":
                let first = ContentLine.components(property.value, separator: ";").first?.trimmingCharacters(in: .whitespaces)
                if let first, !first.isEmpty { org = first }
            case "TITLE": if !value.isEmpty { title = value }
            case "EMAIL": if !value.isEmpty { emails.append(value) }
            case "TEL": if !value.isEmpty { phones.append(value.hasPrefix("tel:") ? String(value.dropFirst(4)) : value) }
            case "URL": if !value.isEmpty { links.append(value.replacingOccurrences(of: "\\:", with: ":")) }
            case "BDAY": birthday = Self.birthday(value)?.description
            case "NOTE": if !value.isEmpty { note = value }
            case "CATEGORIES":
                // Cut as the journal cuts tags (at commas and spaces), so a category of two words
                // is no change between the two sides.
                for category in ContentLine.components(property.value, separator: ",") {
                    tags += category.split(whereSeparator: { $0 == "," || $0 == " " })
                        .map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) }.filter { !$0.isEmpty }
                }
            default: break
            }
        }
    }

    /// `1984-05-21`, `19840521`, `--05-21`, `--0521`, with or without a time after it.
    static func birthday(_ text: String) -> Birthday? {
        var value = text.split(separator: "T").first.map(String.init) ?? text
        if value.hasPrefix("--") {
            value.removeFirst(2)
            if value.count == 4, !value.contains("-") { value = value.prefix(2) + "-" + value.suffix(2) }
            return Birthday(value)
        }
        if value.count == 8, value.allSatisfy { $0.isASCII && $0.isNumber } {
            value = "\(value.prefix(4))-\(value.dropFirst(4).prefix(2))-\(value.suffix(2))"
        }
        return Birthday(value)
    }

    // MARK: Comparing

    public enum Field: String, CaseIterable, Sendable, Codable {
        case name, org, title, emails, phones, links, birthday, tags, note

        var isSet: Bool { [.emails, .phones, .links, .tags].contains(self) }
    }

    /// A field's values as written: one or none for a single field.
    public func values(_ field: Field) -> [String] {
        switch field {
        case .name: return name.map { [$0] } ?? []
        case .org: return org.map { [$0] } ?? []
        case .title: return title.map { [$0] } ?? []
        case .emails: return emails
        case .phones: return phones
        case .links: return links
        case .birthday: return birthday.map { [$0] } ?? []
        case .tags: return tags
        case .note: return note.map { [$0] } ?? []
        }
    }

    public mutating func set(_ field: Field, _ values: [String]) {
        switch field {
        case .name: name = values.first
        case .org: org = values.first
        case .title: title = values.first
        case .emails: emails = values
        case .phones: phones = values
        case .links: links = values
        case .birthday: birthday = values.first
        case .tags: tags = values
        case .note: note = values.first
        }
    }

    /// The form values are compared in: e-mails and tags without case (tags without `#`),
    /// phones as their digits (and a leading `+`), links without a trailing `/`, texts with their
    /// spaces collapsed.
    public static func key(_ value: String, of field: Field) -> String {
        let collapsed = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch field {
        case .emails: return collapsed.lowercased()
        case .tags: return (collapsed.hasPrefix("#") ? String(collapsed.dropFirst()) : collapsed).lowercased()
        case .phones:
            let digits = value.filter { $0.isASCII && $0.isNumber }
            return (value.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? "+" : "") + digits
        case .links: return collapsed.hasSuffix("/") ? String(collapsed.dropLast()) : collapsed
        default: return collapsed
        }
    }

    /// A field's values as keys: a set for lists, one or none for single fields.
    public func keys(_ field: Field) -> [String] {
        var seen = Set<String>()
        return values(field).map { Self.key($0, of: field) }.filter { !$0.isEmpty && seen.insert($0).inserted }.sorted()
    }

    /// Adds another card's values: its lists' new values, and single values this one lacks.
    public mutating func add(_ other: CardFields) {
        for field in Field.allCases where field != .note {
            if field.isSet {
                let have = Set(keys(field))
                set(field, values(field) + other.values(field).filter { !have.contains(Self.key($0, of: field)) })
            } else if values(field).isEmpty {
                set(field, other.values(field))
            }
        }
    }

    /// Equal once compared as `key` compares.
    public func same(as other: CardFields) -> Bool { Field.allCases.allSatisfy { keys($0) == other.keys($0) } }

    /// The first paragraph of notes (headings left out), on one line, at most 500 characters.
    public static func shortNote(_ body: String) -> String? {
        var lines: [String] = []
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if lines.isEmpty { continue } else { break }
            }
            if line.hasPrefix("#") { continue }
            lines.append(line)
        }
        var note = lines.joined(separator: " ")
        // Wiki links as their text: `[[Acme Robotics]]`, `[[hiroshi-tanaka|Hiroshi]]`.
        note = note.replacingOccurrences(of: #"\[\[[^\]|]*\|([^\]]*)\]\]"#, with: "$1", options: .regularExpression)
            .replacingOccurrences(of: #"\[\[([^\]]*)\]\]"#, with: "$1", options: .regularExpression)
        guard !note.isEmpty else { return nil }
        if note.count > 500 {
            note = String(note.prefix(499))
            if let space = note.lastIndex(of: " ") { note = String(note[..<space]) }
            note += "…"
        }
        return note
    }
}
