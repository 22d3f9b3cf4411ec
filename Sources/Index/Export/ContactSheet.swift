import CSV
import Foundation

/// Every contact as a row of a spreadsheet, RFC 4180 quoting by CSV.swift: `ties export csv`.
public enum ContactSheet {
    static let header = ["name", "org", "title", "emails", "phones", "circle", "last contact", "next due", "tags"]

    /// The CSV text, CRLF line ends, several values of a cell joined by `; `.
    public static func text(of journal: Journal) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for contact in journal.contacts {
            let org = contact.org.map { reference in
                reference.id(Org.self).flatMap { journal.orgs[$0]?.name } ?? reference.text
            }
            try writer.write(row: [
                contact.name, org ?? "", contact.title ?? "", contact.emails.joined(separator: "; "),
                contact.phones.joined(separator: "; "), contact.circle?.target ?? contact.circle?.text ?? "",
                journal.lastContact(with: contact)?.description ?? "", journal.nextDue(of: contact)?.description ?? "",
                contact.tags.joined(separator: "; "),
            ])
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
