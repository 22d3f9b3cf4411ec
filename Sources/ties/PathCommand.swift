import ArgumentParser
import Foundation
import Index
import Support

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Who can introduce you: warm paths to a person or an org.",
        discussion: """
            The shortest chains through people you know, each connected to the next (met together, introduced, at one org now), starting with someone you have met: to a person (not counting your own tie to them), or to anyone at an org now. Ranked by the weakest of your ties along the way; at most 5.

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

        var to: String
        var paths: [Path]
    }

    func run() throws {
        let journal = try options.load()
        let target = try journal.resolve(to, among: [.contact, .org])
        let today = day.day(for: journal)
        let paths = journal.warmPaths(to: target, today: today)
        switch format {
        case .json:
            Terminal.printJSON(
                jsonText(
                    Report(to: target.slug, paths: paths.map { .init(via: $0.via.map(\.slug), strength: $0.strength.rawValue) })))
        case .text:
            let name = journal.displayName(of: target) ?? target.slug
            guard !paths.isEmpty else {
                Terminal.print(
                    TerminalText.inline(
                        "No warm path to \(name): nobody you have met is connected to \(target.kind == .org ? "anyone there" : "them")."
                    ))
                return
            }
            let style = Style.standardOutput
            Terminal.print(TerminalText.inline(style.bold("Warm paths to \(name)")))
            for path in paths {
                var steps = ["you"]
                for (index, person) in path.via.enumerated() {
                    let strength = path.strengths[index].rawValue
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
