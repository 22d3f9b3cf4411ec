import Foundation
import Index
import Support

/// Every contact as a vCard (4.0 by default, or 3.0), for an address book: `ties export vcard`.
///
/// Each card has a `UID` made from the contact's slug, so a re-export updates the same cards.
/// Links are written as grouped `URL`s with Apple's `X-ABLabel`, which keeps their labels
/// through a round trip (`ties import vcard` reads them back).
public struct VCardWriter {
    public enum Version: String, CaseIterable, Sendable { case v4 = "4.0", v3 = "3.0" }

    public let version: Version

    public init(version: Version = .v4) { self.version = version }

    public func text(of contacts: some Sequence<Contact>) -> String {
        var lines: [String] = []
        for contact in contacts { lines += card(contact) }
        return lines.map(ContentLine.folded).joined(separator: "\r\n") + (lines.isEmpty ? "" : "\r\n")
    }

    func card(_ contact: Contact) -> [String] {
        var lines = ["BEGIN:VCARD", "VERSION:\(version.rawValue)"]
        lines.append("UID:" + Self.uid(of: contact.slug))
        lines.append("FN:" + ContentLine.escaped(contact.name))
        let words = contact.name.split(separator: " ").map(String.init)
        let family = words.count > 1 ? words.last ?? contact.name : contact.name
        let given = words.count > 1 ? words.dropLast().joined(separator: " ") : ""
        lines.append("N:\(ContentLine.escaped(family));\(ContentLine.escaped(given));;;")
        if let org = contact.org?.text { lines.append("ORG:" + ContentLine.escaped(org)) }
        if let title = contact.title { lines.append("TITLE:" + ContentLine.escaped(title)) }
        for email in contact.emails { lines.append("EMAIL:" + ContentLine.escaped(email)) }
        for phone in contact.phones { lines.append("TEL:" + ContentLine.escaped(phone)) }
        if let birthday = contact.birthday {
            let text = birthday.description
            lines.append(
                "BDAY:"
                    + (birthday.year == nil
                        ? (version == .v4 ? "--" + text.replacingOccurrences(of: "-", with: "") : "--" + text) : text))
        }
        for (index, link) in contact.links.enumerated() {
            lines.append("item\(index + 1).URL:" + ContentLine.escaped(link.url))
            lines.append("item\(index + 1).X-ABLabel:" + ContentLine.escaped(link.label))
        }
        if !contact.tags.isEmpty { lines.append("CATEGORIES:" + contact.tags.map(ContentLine.escaped).joined(separator: ",")) }
        lines.append("END:VCARD")
        return lines
    }

    /// `urn:uuid:` and a UUID made from the slug: the same card on every export.
    static func uid(of slug: String) -> String {
        var first = StableHash()
        first.combine("ties vcard")
        first.combine(slug)
        var second = StableHash()
        second.combine(slug)
        second.combine("ties vcard uid")
        let hex = String(format: "%016llx%016llx", first.value, second.value)
        let characters = Array(hex)
        func part(_ range: Range<Int>) -> String { String(characters[range]) }
        return "urn:uuid:\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
    }
}
