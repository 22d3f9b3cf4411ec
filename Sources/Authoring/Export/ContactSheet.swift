import CSV
import Foundation
import Index

/// Every contact as a row of a spreadsheet, RFC 4180 quoting by CSV.swift: `ties export csv`.
public enum ContactSheet {
    static let header = ["name", "org", "title", "emails", "phones", "circle", "last contact", "next due", "tags"]

    /// A cell a spreadsheet shows as text: one that begins with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return would be read as a formula (`=HYPERLINK(…)` sending other cells away),
    /// so it gets a leading `'`, as OWASP recommends against CSV injection. Names and orgs
    /// come from imported files, which anyone can write. A phone number such as `+49 30 1234`
    /// becomes `'+49 30 1234`: shown as written, where a spreadsheet would drop the plus.
    public static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// The CSV text, CRLF line ends, several values of a cell joined by `; `. `today` is the
    /// next due day of a kept contact never met, as `ties due` says.
    public static func text(of journal: Journal, today: Day) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for contact in journal.contacts {
            let org = contact.org.map { reference in
                reference.id(Org.self).flatMap { journal.orgs[$0]?.name } ?? reference.text
            }
            try writer.write(
                row: [
                    contact.name, org ?? "", contact.title ?? "", contact.emails.joined(separator: "; "),
                    contact.phones.joined(separator: "; "), contact.circle?.target ?? contact.circle?.text ?? "",
                    journal.lastContact(with: contact)?.description ?? "",
                    journal.nextDue(of: contact, today: today)?.description ?? "",
                    contact.tags.joined(separator: "; "),
                ].map(inert))
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
