import ArgumentParser
import Foundation
import Index
import Support

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Who can introduce you: warm paths to a person or an org.",
        discussion: """
            To an org: first the people you know there now, with your tie and when you last met them (strong ties first); then introductions. The shortest chains through people you know, each connected to the next (met together, introduced, at one org now), starting with someone you have met: to a person (not counting your own tie to them), or to anyone at an org now. Ranked by the weakest of your ties along the way; at most 5.

            Examples:
              ties path --to "Lena Schäfer"
              ties path --to Acme --format json

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("The person or org: slug, name, alias or a unique part of a name.", valueName: "ref"))
    var to: String
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    struct Report: Encodable {
        struct Path: Encodable {
            var via: [String]
            var strength: String
        }

        /// Someone at the org now, with the owner's tie.
        struct Known: Encodable {
            var slug: String
            var name: String
            var strength: String
            @NullWhenAbsent var last: String?
            @NullWhenAbsent var daysSince: Int?

            enum CodingKeys: String, CodingKey {
                case slug, name, strength, last
                case daysSince = "days_since"
            }
        }

        var to: String
        /// For an org: the people you know there now (empty for a person).
        var known: [Known]
        /// Every shortest path, to a person or to anyone at the org (the people known there too).
        var paths: [Path]
        /// For an org: paths that start with someone who does not work there.
        var introductions: [Path]
    }

    func run() throws {
        let journal = try options.load()
        let target = try journal.resolve(to, among: [.contact, .org])
        let today = day.day(for: journal)
        let graph = PeopleGraph(journal)
        let paths = journal.warmPaths(to: target, today: today, graph: graph)
        let known = target.kind == .org ? journal.peopleKnown(at: Org.ID(target.slug), today: today) : []
        let introductions =
            target.kind == .org ? journal.warmPaths(to: target, today: today, graph: graph, introductionsOnly: true) : paths
        let name = journal.displayName(of: target) ?? target.slug
        switch format {
        case .json:
            Terminal.printJSON(
                jsonText(
                    Report(
                        to: target.slug,
                        known: known.map { tie in
                            .init(
                                slug: tie.contact.slug, name: journal.contacts[tie.contact]?.name ?? tie.contact.slug,
                                strength: tie.strength.rawValue, last: tie.last?.description,
                                daysSince: tie.last.map { $0.days(until: today) })
                        },
                        paths: paths.map { .init(via: $0.via.map(\.slug), strength: $0.strength.rawValue) },
                        introductions: introductions.map { .init(via: $0.via.map(\.slug), strength: $0.strength.rawValue) })))
        case .text:
            let style = Style.standardOutput
            if !known.isEmpty {
                Terminal.print(
                    TerminalText.inline(style.bold("You know \(English.count(known.count, "person", "people")) at \(name)")))
                for tie in known {
                    let since =
                        tie.last.map { "last met \($0), \(English.ago(days: $0.days(until: today)))" } ?? "never met"
                    Terminal.print(
                        TerminalText.inline(
                            "  \(journal.contacts[tie.contact]?.name ?? tie.contact.slug) (\(tie.strength.rawValue))"
                                + style.dim("  \(since)")))
                }
            }
            guard !introductions.isEmpty else {
                if !known.isEmpty {
                    Terminal.print(
                        style.dim(
                            known.allSatisfy { $0.encounters > 0 }
                                ? "You have met everyone ties knows there: no introduction needed."
                                : "No introductions: nobody you have met is connected to the others there."))
                    return
                }
                Terminal.print(
                    TerminalText.inline(
                        "No warm path to \(name): nobody you have met is connected to \(target.kind == .org ? "anyone there" : "them")."
                    ))
                return
            }
            Terminal.print(
                TerminalText.inline(style.bold(target.kind == .org ? "Introductions to \(name)" : "Warm paths to \(name)")))
            for path in introductions {
                var steps = ["you"]
                for (index, person) in path.via.enumerated() {
                    let strength = journal.encounterDays(of: person).isEmpty ? "never met" : path.strengths[index].rawValue
                    let at = target.kind == .org && index == path.via.count - 1 ? ", \(name)" : ""
                    steps.append("\(journal.contacts[person]?.name ?? person.slug) (\(strength)\(at))")
                }
                if target.kind == .contact {
                    // The person sought, with where they work now.
                    let orgs = journal.affiliations(of: Contact.ID(target.slug)).filter(\.isCurrent)
                        .map { journal.displayName(of: $0.org.record) ?? $0.org.slug }
                    steps.append(name + (orgs.isEmpty ? "" : " (\(orgs.joined(separator: ", ")))"))
                }
                Terminal.print(
                    TerminalText.inline(
                        "  " + steps.joined(separator: " → ") + style.dim("  weakest tie: \(path.strength.rawValue)")))
            }
        }
    }
}
