import ArgumentParser
import Foundation
import Index
import Support

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Who is overdue, what follow-ups are due, whose birthday is coming.",
        discussion: """
            Overdue contacts: those with a relationship to keep (a circle, a cadence of their own, or at least one encounter), one cadence (their own, else their circle's, else default_cadence) after the last encounter with them, or after 'met'; one in a circle never met is due now. Snoozed ones (snooze_until) and 'cadence: none' are left out. A connection never met (an import) is not overdue: --all lists them as people to get to know. Follow-ups not done and due within the window, overdue ones first. Birthdays and the greetings of ties.yaml within the window; a greeting to several people is one line, and --all names them.

            Examples:
              ties due
              ties due --within 30d
              ties due --format json | jq '.contacts[].name'

            """ + TiesExitCode.help
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    @Option(help: ArgumentHelp("How far ahead to look for follow-ups and occasions: 14d, 4w, 2m.", valueName: "duration"))
    var within: Cadence = .every(14, .day)

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Also list the people to get to know (never met, in no circle), and everyone a greeting goes to.")
    var all = false

    func validate() throws {
        if within == .none { throw ValidationError("--within must be a duration like 14d, 4w or 2m") }
    }

    func run() throws {
        let agenda = try options.loadAgenda()
        let today = day.day(in: agenda.config)
        let days = today.days(until: within.after(today) ?? today)
        let contacts = agenda.overdueContacts(on: today)
        let followUps = agenda.openFollowUps(on: today, within: days)
        let occasions = agenda.occasions(on: today, within: days)
        let newcomers = all ? agenda.toGetToKnow(on: today) : []
        switch format {
        case .json:
            Terminal.printJSON(
                jsonText(
                    DueReport(
                        today: today, contacts: contacts, followUps: followUps, occasions: occasions,
                        toGetToKnow: all ? newcomers : nil)))
        case .text:
            printText(days: days, contacts: contacts, followUps: followUps, occasions: occasions, newcomers: newcomers)
        }
    }

    private func printText(
        days: Int, contacts: [DueContact], followUps: [OpenFollowUp], occasions: [Occasion], newcomers: [DueContact]
    ) {
        let style = Style.standardOutput
        if contacts.isEmpty && followUps.isEmpty && occasions.isEmpty && newcomers.isEmpty {
            Terminal.print("Nothing is due in the next \(English.count(days, "day")). Enjoy your day.")
            return
        }
        if !contacts.isEmpty {
            Terminal.print(style.bold("Get in touch (\(contacts.count))"))
            let width = min(28, contacts.map { displayWidth($0.name) }.max() ?? 0)
            for item in contacts {
                let overdue = item.daysOverdue == 0 ? "due today" : "\(English.count(item.daysOverdue, "day")) overdue"
                let last = item.last.map { "last \($0)" } ?? "never met"
                Terminal.print(
                    "  \(padded(TerminalText.inline(item.name), width))  \(style.red(padded(overdue, 18)))  \(style.dim("\(last), every \(item.cadence)"))"
                )
            }
        }
        if !followUps.isEmpty {
            if !contacts.isEmpty { Terminal.print() }
            Terminal.print(style.bold("Follow-ups (\(followUps.count))"))
            for item in followUps {
                let when =
                    item.daysOverdue > 0
                    ? style.red("\(English.count(item.daysOverdue, "day")) overdue")
                    : item.daysOverdue == 0 ? style.yellow("due today") : English.inDays(-item.daysOverdue)
                Terminal.print(
                    TerminalText.inline("  \(item.due)  \(item.task)  \(when)  \(style.dim("— \(item.encounterName)"))"))
            }
        }
        if !occasions.isEmpty {
            if !contacts.isEmpty || !followUps.isEmpty { Terminal.print() }
            let lines = OccasionLine.lines(occasions, everyName: all)
            Terminal.print(style.bold("Occasions (\(lines.count))"))
            for line in lines {
                let when = line.inDays == 0 ? style.yellow("today") : English.inDays(line.inDays)
                Terminal.print(TerminalText.inline("  \(line.date)  \(line.text)  \(when)"))
            }
        }
        if !newcomers.isEmpty {
            if !contacts.isEmpty || !followUps.isEmpty || !occasions.isEmpty { Terminal.print() }
            Terminal.print(style.bold("To get to know (\(newcomers.count))"))
            let width = min(28, newcomers.map { displayWidth($0.name) }.max() ?? 0)
            for item in newcomers {
                Terminal.print(
                    TerminalText.inline(
                        "  \(padded(item.name, width))  \(style.dim(item.last.map { "connected \($0)" } ?? "never met"))"))
            }
        }
    }
}

/// A line of `ties due`'s occasions: a birthday, or a greeting to one person or, as one line,
/// to several ("season's greetings to 30 people").
struct OccasionLine {
    var date: Day
    var inDays: Int
    var text: String

    /// Greetings of one day and one kind to more than one person become one line, naming them
    /// when there are three at most or when `everyName`.
    static func lines(_ occasions: [Occasion], everyName: Bool) -> [OccasionLine] {
        // Each line, and for a greeting the names it goes to, in the occasions' order.
        var lines: [(line: OccasionLine, greeting: String?, names: [String])] = []
        var lineOfGreeting: [String: Int] = [:]
        for item in occasions {
            guard case let .greeting(what) = item.what else {
                lines.append(
                    (OccasionLine(date: item.date, inDays: item.inDays, text: "\(item.name) — \(item.what.text)"), nil, []))
                continue
            }
            let key = "\(item.date) \(what)"
            if let index = lineOfGreeting[key] {
                lines[index].names.append(item.name)
            } else {
                lineOfGreeting[key] = lines.count
                lines.append((OccasionLine(date: item.date, inDays: item.inDays, text: ""), what, [item.name]))
            }
        }
        return lines.map { entry in
            guard let what = entry.greeting else { return entry.line }
            var line = entry.line
            let names = entry.names
            line.text =
                names.count == 1
                ? "\(names[0]) — \(what)"
                : "\(what) — "
                    + (names.count <= 3 || everyName
                        ? names.joined(separator: ", ") : "\(names.count) people (ties due --all names them)")
            return line
        }
    }
}

/// The JSON of `ties due`: `{"today", "contacts", "followups", "occasions"}`.
struct DueReport: Encodable {
    struct ContactEntry: Encodable {
        var slug: String
        var name: String
        @NullWhenAbsent var last: String?
        var due: String
        var daysOverdue: Int

        enum CodingKeys: String, CodingKey {
            case slug, name, last, due
            case daysOverdue = "days_overdue"
        }
    }

    struct FollowUpEntry: Encodable {
        var encounter: String
        var task: String
        var due: String
        var daysOverdue: Int

        enum CodingKeys: String, CodingKey {
            case encounter, task, due
            case daysOverdue = "days_overdue"
        }
    }

    struct OccasionEntry: Encodable {
        var slug: String
        var name: String
        var what: String
        var date: String
        var inDays: Int

        enum CodingKeys: String, CodingKey {
            case slug, name, what, date
            case inDays = "in_days"
        }
    }

    struct NewcomerEntry: Encodable {
        var slug: String
        var name: String
        @NullWhenAbsent var met: String?
    }

    var today: String
    var contacts: [ContactEntry]
    var followups: [FollowUpEntry]
    var occasions: [OccasionEntry]
    /// With `--all`: the people to get to know.
    var toGetToKnow: [NewcomerEntry]?

    enum CodingKeys: String, CodingKey {
        case today, contacts, followups, occasions
        case toGetToKnow = "to_get_to_know"
    }

    init(today: Day, contacts: [DueContact], followUps: [OpenFollowUp], occasions: [Occasion], toGetToKnow: [DueContact]?) {
        self.toGetToKnow = toGetToKnow?.map { NewcomerEntry(slug: $0.slug, name: $0.name, met: $0.last?.description) }
        self.today = today.description
        self.contacts = contacts.map {
            ContactEntry(
                slug: $0.slug, name: $0.name, last: $0.last?.description, due: $0.due.description, daysOverdue: $0.daysOverdue)
        }
        self.followups = followUps.map {
            FollowUpEntry(encounter: $0.encounter, task: $0.task, due: $0.due.description, daysOverdue: $0.daysOverdue)
        }
        self.occasions = occasions.map {
            OccasionEntry(slug: $0.slug, name: $0.name, what: $0.what.text, date: $0.date.description, inDays: $0.inDays)
        }
    }
}
