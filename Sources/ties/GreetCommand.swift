import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct GreetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greet",
        abstract: "Tick off this year's greeting for many people at once, and see who is left.",
        discussion: """
            With names: writes one encounter of kind 'greeting' titled with the greeting's words and year ('Season's greetings 2026') with everyone named, dated today (or the occasion's day when recording a past year's round). It counts as being in touch with each of them, but a greeting to many people does not make them know one another. People already greeted this round are left out and named. Without names: who the round is for, grouped by circle, and who is left.

            A greeting counts for the round of a year when it is sent from 45 days before the occasion to 15 days after it, and its title names the greeting, or it is of kind 'greeting' or 'card' and near only that one greeting of ties.yaml. 'ties due' and the dashboard no longer list a greeting for people who had it.

            Examples:
              ties greet                              who is left for this year's greeting
              ties greet jonas "Lena Schäfer" mei     mark it sent to three people
              ties greet --occasion "New Year" --year 2027 ada --dry-run

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("People the greeting was sent to: slug, name or alias.", valueName: "contact"))
    var names: [String] = []
    @Option(help: ArgumentHelp("The year of the round (default: the round nearest today).", valueName: "YYYY")) var year: Int?
    @Option(help: ArgumentHelp("Which greeting of ties.yaml, by its words (default: the one nearest today).", valueName: "what"))
    var occasion: String?
    @Option(help: "Output format of the list: text or json.") var format: Format = .text
    @Flag(help: "Print the new encounter as a unified diff and write nothing.") var dryRun = false
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func validate() throws {
        if let year, !(1...9999).contains(year) { throw ValidationError("--year \(year) is not a year; write YYYY") }
    }

    func run() throws {
        let journal = try names.isEmpty ? options.load() : options.loadForChange()
        let today = day.day(for: journal)
        guard !journal.config.greetings.isEmpty else {
            throw CommandFailure(
                message: "ties.yaml has no greetings; add one, e.g. greetings: [{what: Season's greetings, date: 12-15}]",
                exitCode: .problems)
        }
        guard let greeting = journal.greeting(named: occasion, today: today) else {
            let words = journal.config.greetings.map(\.what)
            throw CommandFailure(
                message: "ties.yaml has no greeting '\(occasion ?? "")'"
                    + Suggestion.clause(Suggestion.nearest(to: occasion ?? "", in: words))
                    + "; greetings: \(words.joined(separator: ", "))",
                exitCode: .problems)
        }
        let round = year ?? greeting.occasionYear(of: today) ?? nextYear(of: greeting, after: today)
        if names.isEmpty {
            try list(journal.status(of: greeting, year: round), journal: journal)
        } else {
            try send(greeting, year: round, journal: journal, today: today)
        }
    }

    private func nextYear(of greeting: JournalConfig.Greeting, after today: Day) -> Int {
        (greeting.day(in: today.year) ?? today) >= today ? today.year : today.year + 1
    }

    private func send(_ greeting: JournalConfig.Greeting, year: Int, journal: Journal, today: Day) throws {
        guard let occasionDay = greeting.day(in: year) else { return }
        // Today when today counts for the round; a past round on its day; a round to come is refused.
        let date: Day
        if greeting.occasionYear(of: today) == year {
            date = today
        } else if occasionDay <= today {
            date = occasionDay
        } else {
            throw CommandFailure(
                message: "the \(greeting.what) of \(year) (\(occasionDay)) is more than "
                    + "\(JournalConfig.Greeting.sentFromDaysBefore) days away; a greeting counts for it from "
                    + "\(occasionDay.adding(days: -JournalConfig.Greeting.sentFromDaysBefore)); nothing was written",
                exitCode: .usage)
        }
        let round = GreetingRound(what: greeting.what, year: year)
        let sent = journal.greetingsSent()
        var people: [String] = []
        var already: [String] = []
        var seen = Set<Contact.ID>()
        for name in names {
            let id = Contact.ID(try journal.resolve(name, among: [.contact]).slug)
            guard seen.insert(id).inserted, let contact = journal.contacts[id] else { continue }
            if sent[id]?.contains(round) == true { already.append(contact.name) } else { people.append(id.slug) }
        }
        if !already.isEmpty {
            Terminal.standardError.write(
                "ties: note: \(TerminalText.inline(already.joined(separator: ", "))) had the \(greeting.what) of \(year) already\n"
            )
        }
        guard !people.isEmpty else {
            Terminal.print("Nothing to write: everyone named had the \(greeting.what) of \(year).")
            return
        }
        let record = NewRecord(
            .encounter(with: people, kind: "greeting", date: Moment(day: date), title: "\(greeting.what) \(year)"))
        do {
            if dryRun {
                Terminal.print(TerminalText.lines(try journal.creation(record).diff), terminator: "")
                return
            }
            let path = try journal.create(record)
            Terminal.print(
                TerminalText.inline(
                    "\(greeting.what) \(year): sent to \(English.count(people.count, "person", "people")) (\(path))"))
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
    }

    private func list(_ status: GreetingStatus, journal: Journal) throws {
        switch format {
        case .json: Terminal.printJSON(jsonText(GreetReport(status)))
        case .text:
            let style = Style.standardOutput
            var out =
                "\(status.round.what) \(status.round.year) (\(status.day)): \(status.sent) of \(status.sent + status.left) sent, "
                + "\(status.left) left\n"
            for group in status.groups {
                let left = group.people.filter { !$0.sent }
                let done = group.people.count - left.count
                out +=
                    "\n" + style.bold("\(group.circle ?? "no circle")") + style.dim("  \(done) of \(group.people.count) sent")
                    + "\n"
                for person in left { out += "  \(person.name)  " + style.dim(person.contact.slug) + "\n" }
            }
            if status.left == 0 && status.sent > 0 { out += "\nEveryone has had it.\n" }
            Terminal.print(TerminalText.lines(out), terminator: "")
        }
    }
}

/// The JSON of `ties greet` without names: `{"greeting", "year", "date", "sent", "left", "groups"}`.
struct GreetReport: Encodable {
    struct Person: Encodable {
        var slug: String
        var name: String
        @NullWhenAbsent var circle: String?
        var sent: Bool
    }

    struct Group: Encodable {
        @NullWhenAbsent var circle: String?
        var people: [Person]
    }

    var greeting: String
    var year: Int
    var date: String
    var sent: [Person]
    var left: [Person]
    var groups: [Group]

    init(_ status: GreetingStatus) {
        greeting = status.round.what
        year = status.round.year
        date = status.day.description
        groups = status.groups.map { group in
            Group(
                circle: group.circle,
                people: group.people.map { Person(slug: $0.contact.slug, name: $0.name, circle: group.circle, sent: $0.sent) })
        }
        sent = groups.flatMap { $0.people.filter(\.sent) }
        left = groups.flatMap { $0.people.filter { !$0.sent } }
    }
}
