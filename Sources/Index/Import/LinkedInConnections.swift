import Foundation

/// LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your data): a `Notes:`
/// preamble, a blank line, then `First Name,Last Name,URL,Email Address,Company,Position,Connected On`.
public enum LinkedInConnections {
    static let header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]

    public static func read(_ text: String, path: String) throws(ImportFormatError) -> ImportFile {
        let table: CSVRows?
        do throws(ImportFormatError) {
            table = try CSVRows(text, headerWith: ["First Name", "Last Name", "URL"])
        } catch {
            throw ImportFormatError(error.message, at: SourceLocation(path: path, line: error.location.line))
        }
        guard let table else {
            throw ImportFormatError(
                "not a LinkedIn Connections export: no header line '\(header.joined(separator: ","))'",
                at: SourceLocation(path: path))
        }
        var file = ImportFile()
        for (line, fields) in table.rows {
            let name = oneLine([fields.value("First Name"), fields.value("Last Name")].compactMap { $0 }.joined(separator: " "))
            guard !name.isEmpty else {
                file.skipped.append(ImportSkip(line: line, reason: "no name: a deactivated or hidden profile"))
                continue
            }
            var person = ImportedPerson(line: line, name: name)
            person.emails = fields.value("Email Address").map { [$0] } ?? []
            person.links = fields.value("URL").map { [Contact.Link(label: "linkedin", url: $0)] } ?? []
            person.org = fields.value("Company").map(oneLine)
            person.title = fields.value("Position").map(oneLine)
            person.met = fields.value("Connected On").flatMap(connectedOn)
            person.howMet = "LinkedIn"
            file.people.append(person)
        }
        return file
    }

    /// A value with its line breaks as spaces: a company or position has one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// `05 Oct 2020` (and `2020-10-05`, which some exports have).
    static func connectedOn(_ text: String) -> Day? {
        if let day = Day(text) { return day }
        let parts = text.split(separator: " ")
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
            let month = months.firstIndex(of: String(parts[1].prefix(3)).lowercased())
        else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }
}
