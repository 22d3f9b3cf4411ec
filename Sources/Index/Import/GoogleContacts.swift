import Foundation

/// Google Contacts' CSV export ("Google CSV"): `First Name,Middle Name,Last Name,…,Organization
/// Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,…`, several
/// values of one cell separated by ` ::: `. The older layout (`Name,Given Name,…,Group
/// Membership,Organization 1 - Name`) is read too.
public enum GoogleContacts {
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
        var file = ImportFile()
        for (line, fields) in table.rows {
            let parts = ["First Name", "Given Name", "Middle Name", "Additional Name", "Last Name", "Family Name"]
                .compactMap { fields.value($0) }
            let name =
                fields.value("Name")
                ?? (parts.isEmpty ? fields.value("Nickname") ?? fields.value("File As") : parts.joined(separator: " "))
            guard let name, !name.isEmpty else {
                file.skipped.append(ImportSkip(line: line, reason: "no name"))
                continue
            }
            var person = ImportedPerson(line: line, name: name)
            func values(_ pattern: (Int) -> String) -> [String] {
                var found: [String] = []
                var index = 1
                while let cell = fields[pattern(index)] {
                    found += cell.components(separatedBy: ":::").map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { !$0.isEmpty }
                    index += 1
                }
                return found
            }
            person.emails = values { "E-mail \($0) - Value" }
            person.phones = values { "Phone \($0) - Value" }
            person.links = values { "Website \($0) - Value" }.map {
                Contact.Link(label: $0.contains("linkedin.com") ? "linkedin" : "web", url: $0)
            }
            person.org = fields.value("Organization Name") ?? fields.value("Organization 1 - Name")
            person.title = fields.value("Organization Title") ?? fields.value("Organization 1 - Title")
            person.birthday = fields.value("Birthday").flatMap { VCardReader.birthday($0) }
            person.notes = fields.value("Notes")
            let labels = fields.value("Labels") ?? fields.value("Group Membership") ?? ""
            person.tags = labels.components(separatedBy: ":::").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != "* myContacts" && $0 != "* starred" }
                .map { $0.hasPrefix("* ") ? String($0.dropFirst(2)) : $0 }
            person.howMet = nil
            file.people.append(person)
        }
        return file
    }
}
