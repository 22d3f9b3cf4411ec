import ArgumentParser
import Foundation
import Index

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who",
        abstract: "Whom do I know at an organisation, with a tag, or in a circle?",
        discussion: """
            With --org, the people working there now, with their titles and since when; add --former for those who have left (former colleagues are worth staying close to). Filters combine: --org Acme --tag platform is both.

            Examples:
              ties who --org Acme
              ties who --org "Nordlicht Software" --former
              ties who --tag mlops --format json

            """ + TiesExitCode.help
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("An organisation: slug, name or alias.", valueName: "org")) var org: String?
    @Option(help: "A tag.") var tag: String?
    @Option(help: "A circle of ties.yaml.") var circle: String?
    @Flag(help: "With --org: also the people who worked there and left.") var former = false
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions

    func validate() throws {
        if former && org == nil { throw ValidationError("--former goes with --org") }
    }

    struct Entry: Encodable {
        var slug: String
        var name: String
        @NullWhenAbsent var org: String?
        @NullWhenAbsent var title: String?
        var current: Bool
        @NullWhenAbsent var from: String?
        @NullWhenAbsent var to: String?
        @NullWhenAbsent var circle: String?
        var tags: [String]
    }

    func run() throws {
        let journal = try options.load()
        var entries: [Entry] = []
        if let org {
            let id: RecordID
            do {
                id = try journal.find(org, among: [.org])
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
            let orgName = journal.displayName(of: id) ?? id.slug
            let people = former ? journal.affiliations(at: Org.ID(id.slug)) : journal.currentPeople(at: Org.ID(id.slug))
            for affiliation in people {
                guard let contact = journal.contacts[affiliation.contact] else { continue }
                entries.append(
                    Entry(
                        slug: contact.slug, name: contact.name, org: orgName, title: affiliation.title,
                        current: affiliation.isCurrent, from: affiliation.from?.description,
                        to: affiliation.to?.description, circle: contact.circle?.target, tags: contact.tags))
            }
        } else {
            for contact in NameOrder.sorted(journal.contacts) {
                let current = journal.affiliations(of: contact.id).last { $0.isCurrent }
                entries.append(
                    Entry(
                        slug: contact.slug, name: contact.name,
                        org: current.map { journal.displayName(of: $0.org.record) ?? $0.org.slug },
                        title: current?.title ?? contact.title, current: true, from: current?.from?.description,
                        to: nil, circle: contact.circle?.target, tags: contact.tags))
            }
        }
        if let tag {
            let wanted = tag.hasPrefix("#") ? String(tag.dropFirst()).lowercased() : tag.lowercased()
            let tags = Set(journal.contacts.flatMap { $0.tags.map { $0.lowercased() } }).sorted()
            guard tags.contains(wanted) else {
                throw CommandFailure(
                    message: "no contact has the tag '\(tag)'\(Suggestion.clause(Suggestion.nearest(to: wanted, in: tags)))",
                    exitCode: .problems)
            }
            entries = entries.filter { $0.tags.contains { $0.lowercased() == wanted } }
        }
        if let circle {
            guard let known = journal.config.circle(named: circle) else {
                let names = journal.config.circles.map(\.name)
                throw CommandFailure(
                    message:
                        "unknown circle '\(circle)'\(Suggestion.nearest(to: circle, in: names).map { " (did you mean '\($0)'?)" } ?? ""); circles: \(names.joined(separator: ", "))",
                    exitCode: .problems)
            }
            entries = entries.filter { $0.circle == known.name }
        }
        switch format {
        case .json:
            Terminal.printJSON(jsonText(entries))
        case .text:
            let style = Style.standardOutput
            if entries.isEmpty {
                Terminal.print("Nobody matches.")
                return
            }
            var table = TextTable()
            for entry in entries {
                let role = [entry.title, org == nil ? entry.org : nil].compactMap { $0 }.joined(separator: ", ")
                let period: String
                if org != nil {
                    period =
                        entry.current ? (entry.from.map { "since \($0)" } ?? "") : "\(entry.from ?? "?") – \(entry.to ?? "?")"
                } else {
                    period = entry.circle.map { "\($0) circle" } ?? ""
                }
                let former = !entry.current && org != nil
                let dim: (String) -> String = { style.dim($0) }
                let plain: (String) -> String = { $0 }
                table.add([
                    TextTable.Cell(text: entry.name, style: former ? dim : plain),
                    TextTable.Cell(text: role),
                    TextTable.Cell(text: period + (former ? "  (former)" : ""), style: dim),
                ])
            }
            for line in table.lines() { Terminal.print(line) }
        }
    }
}
