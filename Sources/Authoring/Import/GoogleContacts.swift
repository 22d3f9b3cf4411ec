import Foundation
import Index
import Support

/// Google Contacts' CSV export ("Google CSV"): `First Name,Middle Name,Last Name,…,Organization
/// Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,…`, several
/// values of one cell separated by ` ::: `. The older layout (`Name,Given Name,…,Group
/// Membership,Organization 1 - Name`) is read too.
public enum GoogleContacts {
    /// A column only Google's exports have, or nil: what tells them from other CSV files.
    static func distinctiveColumn(in header: [String]) -> String? {
        header.first { column in
            ["Labels", "Group Membership", "Organization Name", "Organization 1 - Name", "Given Name", "Family Name", "Notes"]
                .contains(column)
                || (column.hasSuffix(" - Value")
                    && ["E-mail ", "Phone ", "Website ", "Address ", "Relation ", "Event "].contains { column.hasPrefix($0) })
        }
    }

    public static func read(_ text: String, path: String) throws(ImportFormatError) -> ImportFile {
        let table: CSVRows?
        do throws(ImportFormatError) {
            if let current = try CSVRows(text, headerWith: ["First Name", "Last Name"]) {
                table = current
            } else {
                table = try CSVRows(text, headerWith: ["Given Name", "Family Name"])
            }
        } catch {
            throw ImportFormatError(error.message, at: SourceLocation(path: path, line: error.location.line))
        }
        guard let table else {
            throw ImportFormatError(
                "not a Google Contacts export: no header line 'First Name,Middle Name,Last Name,…'",
                at: SourceLocation(path: path))
        }
        if let linkedIn = ["Connected On", "Position"].first(where: table.header.contains)
            ?? (table.header.contains("URL") ? "URL" : nil)
        {
            throw ImportFormatError(
                "not a Google Contacts export but a LinkedIn one (it has a column '\(linkedIn)'); use 'ties import linkedin'",
                at: SourceLocation(path: path, line: table.headerLine))
        }
        guard distinctiveColumn(in: table.header) != nil else {
            throw ImportFormatError(
                "not a Google Contacts export: its header has none of Google's columns ('E-mail 1 - Value', 'Phone 1 - Value', 'Organization Name', 'Labels', 'Notes', …)",
                at: SourceLocation(path: path, line: table.headerLine))
        }
        var file = ImportFile()
        for (line, fields) in table.rows {
            var read: Set<String> = []
            func value(_ column: String) -> String? {
                read.insert(column)
                return fields.value(column)
            }
            let parts = ["First Name", "Given Name", "Middle Name", "Additional Name", "Last Name", "Family Name"]
                .compactMap { value($0) }
            let nickname = value("Nickname")
            let fileAs = value("File As")
            let name = value("Name") ?? (parts.isEmpty ? nickname ?? fileAs : parts.joined(separator: " "))
            func values(_ pattern: (Int) -> String) -> [String] {
                var found: [String] = []
                var index = 1
                while let cell = fields[pattern(index)] {
                    read.insert(pattern(index))
                    found += cell.components(separatedBy: ":::").map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { !$0.isEmpty }
                    index += 1
                }
                return found
            }
            let emails = values { "E-mail \($0) - Value" }
            guard let name, !name.isEmpty else {
                let rest = emails + values { "Phone \($0) - Value" }
                file.skipped.append(
                    ImportSkip(
                        line: line,
                        reason: "no name"
                            + (rest.isEmpty ? "" : "; its \(rest.joined(separator: ", ")) left out: add a name to import it")))
                continue
            }
            var person = ImportedPerson(line: line, name: name)
            person.takeName(name)
            person.emails = emails
            person.phones = values { "Phone \($0) - Value" }
            var index = 1
            while let cell = fields["Website \(index) - Value"] {
                let label = value("Website \(index) - Label").map {
                    Slug.make(from: $0.trimmingCharacters(in: CharacterSet(charactersIn: "* ")))
                }
                read.insert("Website \(index) - Value")
                for url in cell.components(separatedBy: ":::").map({ $0.trimmingCharacters(in: .whitespaces) }) where !url.isEmpty
                {
                    let generic: Set<String> = [
                        "", "website", "homepage", "home-page", "home", "work", "other", "profile", "blog",
                    ]
                    let own = label.flatMap { generic.contains($0) ? nil : $0 }
                    person.addLink(label: url.contains("linkedin.com") ? "linkedin" : own ?? "web", url: url)
                }
                index += 1
            }
            person.org = value("Organization Name") ?? value("Organization 1 - Name")
            person.title = value("Organization Title") ?? value("Organization 1 - Title")
            if let birthday = value("Birthday") {
                if let day = VCardReader.birthday(birthday) {
                    person.birthday = day
                } else {
                    person.remarks.append("birthday '\(birthday)' is not a date ties reads; left out")
                }
            }
            let place = [value("Address 1 - City"), value("Address 1 - Country")].compactMap { $0 }
            person.location =
                place.isEmpty ? value("Address 1 - Formatted").map(LinkedInConnections.oneLine) : place.joined(separator: ", ")
            person.notes = value("Notes")
            let labels = value("Labels") ?? value("Group Membership") ?? ""
            for label in labels.components(separatedBy: ":::") {
                let trimmed = label.trimmingCharacters(in: .whitespaces)
                // Google's own groups: every contact is in them.
                guard !trimmed.isEmpty, trimmed != "*", trimmed != "* myContacts", trimmed != "* starred" else { continue }
                person.addTag(trimmed.hasPrefix("* ") ? String(trimmed.dropFirst(2)) : trimmed)
            }
            person.howMet = nil
            // What the row says that has no place in a contact's file, so the report can name it.
            let others = table.header.filter { column in
                !read.contains(column) && fields.value(column) != nil && !column.hasSuffix(" - Label")
                    && !column.hasSuffix(" - Type")
                    && !column.contains("Yomi")
            }
            if !others.isEmpty { person.remarks.append("not imported: \(others.joined(separator: ", "))") }
            file.people.append(person)
        }
        return file
    }
}
