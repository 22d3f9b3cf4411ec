import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct IntroCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intro",
        abstract: "Record an introduction you make between two people, double opt-in.",
        discussion: """
            'ties intro A --to B' records that you mean to introduce A to B: an encounter of kind 'introduction' with both, with 'intro_state: proposed'. Move it along with --state: asked-a (you asked A whether they would like to meet B), asked-b, introduced, declined, outcome (with --outcome saying what came of it). Only the state lines of its file change. Once they are introduced, the introduction counts as given in the give and take of both, they know each other in the people graph (and so in warm paths), and it shows on both contacts' pages and in 'ties show'. Open ones (proposed, asked-a, asked-b) are listed in 'ties week' when the next step is yours. Without names, lists every introduction you make, open ones first.

            Examples:
              ties intro ada --to "Ben Ng"
              ties intro ada --to ben --state asked-a
              ties intro ada --to ben --state outcome --outcome "Ben hired Ada" --dry-run
              ties intro

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The person you introduce: slug, name or alias.", valueName: "contact")) var person: String?
    @Option(help: ArgumentHelp("Whom you introduce them to.", valueName: "contact")) var to: String?
    @Option(help: "proposed, asked-a, asked-b, introduced, declined or outcome (default: proposed for a new one).")
    var state: IntroductionState?
    @Option(help: ArgumentHelp("What came of it.", valueName: "text")) var outcome: String?
    @Option(help: "Output format of the list: text or json.") var format: Format = .text
    @Flag(help: "Print the change as a unified diff and write nothing.") var dryRun = false
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func validate() throws {
        if (person == nil) != (to == nil) { throw ValidationError("name both people: ties intro A --to B") }
        if person == nil && (state != nil || outcome != nil) { throw ValidationError("--state and --outcome need A --to B") }
    }

    func run() throws {
        guard let person, let to else { return try list() }
        let journal = try options.loadForChange()
        let today = day.day(for: journal)
        let a = Contact.ID(try journal.resolve(person, among: [.contact]).slug)
        let b = Contact.ID(try journal.resolve(to, among: [.contact]).slug)
        let existing = journal.introductionsMade(with: a).last { Set([$0.a, $0.b]) == Set([a, b]) }
        let newState = state ?? (outcome != nil ? .outcome : existing?.state ?? .proposed)
        let names = [a, b].map { journal.contacts[$0]?.name ?? $0.slug }
        let gift =
            journal.config.language == .de ? "Vorstellung: \(names[0]) ↔ \(names[1])" : "Introduction: \(names[0]) ↔ \(names[1])"
        try JournalChange.perform(
            dryRun: dryRun,
            { () throws(EditRefusal) in
                try journal.introduce(a, to: b, state: newState, outcome: outcome, today: today, gift: gift)
            }
        ) { change in
            let path = change.files.first?.path ?? existing.map { "\($0.encounter)" } ?? ""
            return TerminalText.inline("Introduction of \(names[0]) to \(names[1]): \(newState.rawValue) (\(path))")
        }
    }

    private func list() throws {
        let journal = try options.load()
        let made = journal.introductionsMade.sorted { x, y in
            (x.state.isOpen ? 0 : 1, y.date, x.encounter.slug) < (y.state.isOpen ? 0 : 1, x.date, y.encounter.slug)
        }
        let name = { (id: Contact.ID) in journal.contacts[id]?.name ?? id.slug }
        switch format {
        case .json:
            Terminal.printJSON(
                jsonText(
                    IntroReport(
                        introductions: made.map {
                            .init(
                                a: $0.a.slug, b: $0.b.slug, state: $0.state.rawValue, since: $0.date.description,
                                outcome: $0.outcome, encounter: $0.encounter.slug)
                        })))
        case .text:
            guard !made.isEmpty else {
                Terminal.print("No introductions you made yet: ties intro A --to B records one.")
                return
            }
            let style = Style.standardOutput
            var out = ""
            for item in made {
                let state = item.state.isOpen ? style.yellow(item.state.rawValue) : item.state.rawValue
                out += "\(item.date)  \(name(item.a)) → \(name(item.b))  \(state)"
                out += item.outcome.map { "  " + style.dim($0) } ?? ""
                out += "\n"
            }
            Terminal.print(TerminalText.lines(out), terminator: "")
        }
    }
}

/// The JSON of `ties intro` without names: `{"introductions": [{"a", "b", "state", "since", "outcome", "encounter"}]}`.
struct IntroReport: Encodable {
    struct Item: Encodable {
        var a: String
        var b: String
        var state: String
        var since: String
        @NullWhenAbsent var outcome: String?
        var encounter: String
    }

    var introductions: [Item]
}

extension IntroductionState: ExpressibleByArgument {
    /// `asked-a` as people type it: `asked_a`, `askedA`, `"asked A"`.
    public init?(argument: String) {
        let key = argument.lowercased().filter { $0.isLetter }
        guard let state = Self.allCases.first(where: { $0.rawValue.filter { $0.isLetter } == key }) else { return nil }
        self = state
    }
}
