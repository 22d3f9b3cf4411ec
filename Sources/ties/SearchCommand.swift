import ArgumentParser
import Foundation
import Index

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find records by names, orgs, tags, titles and notes.",
        discussion: """
            Every record whose name or title, aliases, tags, org, venue, place or notes contain TEXT, ignoring case and accents (schafer finds Schäfer): one line per record, where it was found, and for notes the file and line. At most 500 are listed.

            Examples:
              ties search kubernetes
              ties search "on-call" --format json

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The text to find.") var text: String
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions

    struct Hit: Encodable {
        var kind, slug, name, place, excerpt: String
        var location: String?
    }

    func validate() throws {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a text to search for") }
    }

    func run() throws {
        let journal = try options.load()
        let (hits, total) = journal.search(text)
        let rows = hits.map {
            Hit(
                kind: $0.record.kind.rawValue, slug: $0.record.slug, name: $0.name, place: $0.place.rawValue, excerpt: $0.excerpt,
                location: $0.location?.description)
        }
        switch format {
        case .json:
            Terminal.printJSON(jsonText(rows))
        case .text:
            guard !rows.isEmpty else {
                Terminal.print("Nothing contains '\(text)'.")
                return
            }
            let style = Style.standardOutput
            var table = TextTable()
            for row in rows {
                let found = row.place == "name" ? "" : "\(row.place): \(row.excerpt)"
                table.add([
                    TextTable.Cell(text: row.kind), TextTable.Cell(text: row.name),
                    TextTable.Cell(text: found + (row.location.map { "  (\($0))" } ?? ""), style: { style.dim($0) }),
                ])
            }
            for line in table.lines() { Terminal.print(line) }
            if total > rows.count { Terminal.print(style.dim("… and \(total - rows.count) more; narrow the search")) }
        }
    }
}
