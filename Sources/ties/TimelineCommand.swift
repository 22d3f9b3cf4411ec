import ArgumentParser
import Foundation
import Index

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Encounters and publications, newest first, month by month.",
        discussion: """
            The site's timeline in the terminal: every encounter and every dated publication, newest first. --with narrows it to one person (their encounters and the publications they were part of) or one org (encounters with anyone who works or worked there).

            Examples:
              ties timeline --since 2026-01-01
              ties timeline --with lena
              ties timeline --with Acme --format json

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Only from this day on.", valueName: "YYYY-MM-DD")) var since: Day?
    @Option(help: ArgumentHelp("Only with this contact or org: slug, name, alias or a unique part of a name.", valueName: "ref"))
    var with: String?
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions

    func run() throws {
        let journal = try options.load()
        var contact: Contact.ID?
        var org: Org.ID?
        if let with {
            let id = try journal.resolve(with, among: [.contact, .org])
            if id.kind == .contact { contact = Contact.ID(id.slug) } else { org = Org.ID(id.slug) }
        }
        let entries = journal.timeline(since: since, with: contact, at: org)
        switch format {
        case .json:
            Terminal.printJSON(jsonText(entries.map { TimelineItem($0, journal: journal) }))
        case .text:
            guard !entries.isEmpty else {
                Terminal.print("Nothing on the timeline\(since.map { " since \($0)" } ?? "").")
                return
            }
            let style = Style.standardOutput
            var month = ""
            var table = TextTable()
            func flush() {
                for line in table.lines() { Terminal.print(line) }
                table = TextTable()
            }
            for entry in entries {
                let thisMonth = String(entry.day.description.prefix(7))
                if thisMonth != month {
                    flush()
                    if !month.isEmpty { Terminal.print() }
                    Terminal.print(style.bold(thisMonth))
                    month = thisMonth
                }
                let item = TimelineItem(entry, journal: journal)
                let others = item.with.filter { $0.slug != contact?.slug }.map(\.name)
                table.add([
                    TextTable.Cell(text: item.date), TextTable.Cell(text: item.kind),
                    TextTable.Cell(text: item.title),
                    TextTable.Cell(text: others.joined(separator: ", "), style: { style.dim($0) }),
                ])
            }
            flush()
        }
    }
}

/// A row of `ties timeline`, and its JSON.
struct TimelineItem: Encodable {
    struct Person: Encodable {
        var slug: String
        var name: String
    }

    var date: String
    /// `encounter` or `publication`.
    var type: String
    var kind: String
    var slug: String
    var title: String
    var with: [Person]

    init(_ entry: TimelineEntry, journal: Journal) {
        func people(_ references: [Reference]) -> [Person] {
            references.map { reference in
                let slug = reference.target ?? ""
                return Person(
                    slug: slug, name: reference.target.flatMap { journal.contacts[Contact.ID($0)]?.name } ?? reference.text)
            }
        }
        switch entry {
        case let .encounter(encounter):
            date = encounter.date.description
            type = "encounter"
            kind = encounter.kind ?? "encounter"
            slug = encounter.slug
            title = encounter.displayName
            with = people(encounter.with)
        case let .publication(publication):
            date = publication.date?.description ?? ""
            type = "publication"
            kind = [publication.kind, publication.status == .published ? nil : publication.status.rawValue].compactMap { $0 }
                .joined(separator: ", ")
            slug = publication.slug
            title = publication.title
            with = people(publication.with)
        }
    }
}
