import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct InsightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "What the network is for: tie strength, hubs and brokers, gateways, give and take, goals, regularity.",
        discussion: """
            Strong, weak and dormant ties (from how often and how lately you met), dormant ties worth reviving, who introduced most people and who connects otherwise separate groups (betweenness), whom you know at each org and your former colleagues who now work elsewhere (me.roles in ties.yaml), what you gave and received, internal and external contacts (me.org), each goal's people and last activity, and how many contacts per circle are on cadence. docs/FORMAT.md gives every formula.

            Examples:
              ties insights
              ties insights --format json --today 2026-12-01

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func run() throws {
        let journal = try options.load()
        let insights = NetworkInsights(
            journal, today: day.day(for: journal), memo: ParseCache.forJournal(at: journal.root)?.betweenness)
        switch format {
        case .json: Terminal.printJSON(jsonText(InsightsReport(insights)))
        case .text:
            Terminal.print(InsightsText(journal: journal, insights: insights, style: .standardOutput).text, terminator: "")
        }
    }
}

/// The JSON of `ties insights`: every list sorted, ties broken by slug.
struct InsightsReport: Encodable {
    struct TieRow: Encodable {
        var slug, strength: String
        var encounters: Int
        /// `null` for a contact never met.
        @NullWhenAbsent var last: String?
    }

    struct Broker: Encodable {
        var slug: String
        var betweenness: Double
    }

    struct Introducer: Encodable {
        var slug: String
        var introduced: Int
    }

    struct Gateway: Encodable {
        var org: String
        var current, former: [String]
    }

    struct Reciprocity: Encodable {
        var slug: String
        var gave, received: Int
    }

    struct GoalRow: Encodable {
        var slug: String
        var contacts: [String]
        /// `null` for a goal with no activity yet.
        @NullWhenAbsent var last: String?
        var stale: Bool
    }

    struct CadenceRow: Encodable {
        var circle: String
        var onCadence, total: Int

        enum CodingKeys: String, CodingKey {
            case circle
            case onCadence = "on_cadence"
            case total
        }
    }

    var today: String
    var ties: [TieRow]
    var revive: [String]
    var brokers: [Broker]
    var introducers: [Introducer]
    var gateways: [Gateway]
    var reciprocity: [Reciprocity]
    var goals: [GoalRow]
    var cadence: [CadenceRow]

    init(_ insights: NetworkInsights) {
        today = insights.today.description
        ties = insights.ties.map {
            TieRow(slug: $0.contact.slug, strength: $0.strength.rawValue, encounters: $0.encounters, last: $0.last?.description)
        }
        revive = insights.revive.map(\.slug)
        brokers = insights.brokers.map { Broker(slug: $0.contact.slug, betweenness: $0.betweenness) }
        introducers = insights.introducers.map { Introducer(slug: $0.contact.slug, introduced: $0.introduced) }
        gateways = insights.gateways.map {
            Gateway(org: $0.org.slug, current: $0.current.map(\.slug), former: $0.former.map(\.slug))
        }
        reciprocity = insights.reciprocity.map { Reciprocity(slug: $0.contact.slug, gave: $0.gave, received: $0.received) }
        goals = insights.goals.map {
            GoalRow(slug: $0.goal.slug, contacts: $0.contacts.map(\.slug), last: $0.last?.description, stale: $0.stale)
        }
        cadence = insights.cadence.map { CadenceRow(circle: $0.circle, onCadence: $0.onCadence, total: $0.total) }
    }
}

/// The text of `ties insights`, section by section.
struct InsightsText {
    let journal: Journal
    let insights: NetworkInsights
    let style: Style

    private func name(_ id: Contact.ID) -> String { journal.contacts[id]?.name ?? id.slug }
    private func orgName(_ id: Org.ID) -> String { journal.orgs[id]?.name ?? id.slug }

    var text: String {
        var out: [String] = []
        func heading(_ text: String) {
            if !out.isEmpty { out.append("") }
            out.append(style.bold(text))
        }
        func table(_ rows: [[String]]) {
            var table = TextTable()
            for row in rows { table.add(row.map { TextTable.Cell(text: $0) }) }
            out += table.lines()
        }
        let counts = TieStrength.allCases.map { "\(insights.strengthCounts[$0] ?? 0) \($0.rawValue)" }
        heading("Ties: " + counts.joined(separator: ", "))
        table(
            insights.strengthByCircle.map { entry in
                [entry.circle.isEmpty ? "no circle" : entry.circle]
                    + TieStrength.allCases.map { "\(entry.counts[$0] ?? 0) \($0.rawValue)" }
            })
        if !insights.revive.isEmpty {
            heading("Worth reviving (\(insights.revive.count))")
            let ties = Dictionary(insights.ties.map { ($0.contact, $0) }, uniquingKeysWith: { a, _ in a })
            table(
                insights.revive.prefix(20).map { id in
                    let tie = ties[id]
                    return [name(id), "\(tie?.encounters ?? 0) encounters", "last \(tie?.last?.description ?? "?")"]
                })
        }
        if !insights.introducers.isEmpty {
            heading("Introduced you to most people")
            table(insights.introducers.prefix(10).map { [name($0.contact), "\($0.introduced)"] })
        }
        if !insights.brokers.isEmpty {
            heading("Brokers: they connect groups that would not meet otherwise")
            table(insights.brokers.prefix(10).map { [name($0.contact), String(format: "%.2f", $0.betweenness)] })
        }
        if !insights.gateways.isEmpty {
            heading("Gateways")
            for gateway in insights.gateways.prefix(15) {
                var parts: [String] = []
                if !gateway.current.isEmpty { parts.append("now " + gateway.current.map(name).joined(separator: ", ")) }
                if !gateway.former.isEmpty {
                    parts.append("former colleagues " + gateway.former.map(name).joined(separator: ", "))
                }
                out.append("  \(orgName(gateway.org)): \(parts.joined(separator: "; "))")
            }
        }
        heading("Give and take: gave \(insights.gaveInAll), received \(insights.receivedInAll)")
        table(insights.reciprocity.prefix(10).map { [name($0.contact), "gave \($0.gave)", "received \($0.received)"] })
        if !insights.onlyReceived.isEmpty {
            out.append("  only received from (give first): " + insights.onlyReceived.map(name).joined(separator: ", "))
        }
        if insights.internalContacts + insights.externalContacts > 0 {
            heading("Beyond the daily work: \(insights.internalContacts) internal, \(insights.externalContacts) external")
            table(
                insights.quarters.map { quarter in
                    let share = quarter.encounters == 0 ? 0 : quarter.external * 100 / quarter.encounters
                    return [
                        quarter.name, "\(quarter.encounters) encounter\(quarter.encounters == 1 ? "" : "s")",
                        "\(share)% with external people",
                    ]
                })
        }
        if !insights.goals.isEmpty {
            heading("Goals")
            for goal in insights.goals {
                let title = journal.goals[goal.goal]?.title ?? goal.goal.slug
                let last = goal.last.map { "last \($0)" } ?? "no activity yet"
                out.append(
                    "  \(title): \(English.count(goal.contacts.count, "person", "people")), \(last)\(goal.stale ? style.yellow("  (stale)") : "")"
                )
                if !goal.orgs.isEmpty { out.append(style.dim("    at " + goal.orgs.map(orgName).joined(separator: ", "))) }
            }
        }
        if !insights.cadence.isEmpty {
            heading("On cadence")
            table(
                insights.cadence.map { share in
                    let circle = share.circle.isEmpty ? "no circle" : share.circle
                    let months = insights.cadenceByMonth.map { month in
                        let row = month.shares.first { $0.circle == share.circle }
                        return row.map { $0.total == 0 ? "-" : "\($0.onCadence * 100 / $0.total)%" } ?? "-"
                    }
                    return [
                        circle, "\(share.onCadence) of \(share.total) now", "last 12 months: " + months.joined(separator: " "),
                    ]
                })
        }
        // Each entry is one line: a line break in a value is shown escaped, never a line of its own.
        return out.map(TerminalText.inline).joined(separator: "\n") + "\n"
    }
}
