import Foundation
import Index

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
        if let google = GoogleContacts.distinctiveColumn(in: table.header) {
            throw ImportFormatError(
                "not a LinkedIn Connections export but a Google Contacts one (it has a column '\(google)'); use 'ties import google'",
                at: SourceLocation(path: path, line: table.headerLine))
        }
        let read: Set<String> = Set(header)
        var file = ImportFile()
        for (line, fields) in table.rows {
            let name = oneLine([fields.value("First Name"), fields.value("Last Name")].compactMap { $0 }.joined(separator: " "))
            guard !name.isEmpty else {
                let rest = ["URL", "Email Address", "Company"].compactMap { fields.value($0) }
                file.skipped.append(
                    ImportSkip(
                        line: line,
                        reason: "no name: a deactivated or hidden profile"
                            + (rest.isEmpty ? "" : " (\(rest.joined(separator: ", ")) left out)")))
                continue
            }
            var person = ImportedPerson(line: line, name: name)
            person.takeName(name)
            person.emails = fields.value("Email Address").map { [$0] } ?? []
            if let url = fields.value("URL") { person.addLink(label: "linkedin", url: url) }
            person.org = fields.value("Company").map(oneLine)
            person.title = fields.value("Position").map(oneLine)
            if let connected = fields.value("Connected On") {
                if let day = connectedOn(connected) {
                    person.met = day
                } else {
                    person.remarks.append("Connected On '\(connected)' is not a date ties reads; left out")
                }
            }
            person.howMet = "LinkedIn"
            let others = table.header.filter { !read.contains($0) && fields.value($0) != nil }
            if !others.isEmpty { person.remarks.append("not imported: \(others.joined(separator: ", "))") }
            person.isProfessionalProfile = true
            file.people.append(person)
        }
        return file
    }

    /// A value with its line breaks as spaces: a company or position has one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// `05 Oct 2020` as LinkedIn writes it, `2020-10-05`, `15-Jan-24` and `15-Jan-2024` as a
    /// spreadsheet saves it, and `Jan 15, 2024`; a two-digit year is 2000 and after.
    static func connectedOn(_ text: String) -> Day? {
        if let day = Day(text) { return day }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "." || $0 == "/" })
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        func month(_ word: Substring) -> Int? {
            guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
            return months.firstIndex(of: String(word.prefix(3)).lowercased()).map { $0 + 1 }
        }
        guard parts.count == 3 else { return nil }
        let (day, monthNumber, yearText): (Int?, Int?, Substring) =
            month(parts[1]) != nil ? (Int(parts[0]), month(parts[1]), parts[2]) : (Int(parts[1]), month(parts[0]), parts[2])
        guard let day, let monthNumber, let year = Int(yearText), yearText.count == 2 || yearText.count == 4 else { return nil }
        return Day(year: yearText.count == 2 ? 2000 + year : year, month: monthNumber, day: day)
    }
}
