import ArgumentParser
import Foundation
import Index

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Who is overdue, what follow-ups are due, whose birthday is coming.",
        discussion: """
            Overdue contacts: one cadence (their own, else their circle's, else default_cadence) after the last encounter with them, or after 'met'; snoozed ones (snooze_until) and 'cadence: none' are left out. Follow-ups not done and due within the window, overdue ones first. Birthdays and the greetings of ties.yaml within the window.

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
        switch format {
        case .json:
            Terminal.printJSON(jsonText(DueReport(today: today, contacts: contacts, followUps: followUps, occasions: occasions)))
        case .text:
            printText(days: days, contacts: contacts, followUps: followUps, occasions: occasions)
        }
    }

    private func printText(days: Int, contacts: [DueContact], followUps: [OpenFollowUp], occasions: [Occasion]) {
        let style = Style.standardOutput
        if contacts.isEmpty && followUps.isEmpty && occasions.isEmpty {
            Terminal.print("Nothing is due in the next \(days) days. Enjoy your day.")
            return
        }
        if !contacts.isEmpty {
            Terminal.print(style.bold("Get in touch (\(contacts.count))"))
            let width = min(28, contacts.map { displayWidth($0.name) }.max() ?? 0)
            for item in contacts {
                let overdue = item.daysOverdue == 0 ? "due today" : "\(item.daysOverdue) days overdue"
                let last = item.last.map { "last \($0)" } ?? "never met"
                Terminal.print(
                    "  \(padded(item.name, width))  \(style.red(padded(overdue, 18)))  \(style.dim("\(last), every \(item.cadence)"))"
                )
            }
        }
        if !followUps.isEmpty {
            if !contacts.isEmpty { Terminal.print() }
            Terminal.print(style.bold("Follow-ups (\(followUps.count))"))
            for item in followUps {
                let when =
                    item.daysOverdue > 0
                    ? style.red("\(item.daysOverdue) days overdue")
                    : item.daysOverdue == 0 ? style.yellow("due today") : "in \(-item.daysOverdue) days"
                Terminal.print("  \(item.due)  \(item.task)  \(when)  \(style.dim("— \(item.encounterName)"))")
            }
        }
        if !occasions.isEmpty {
            if !contacts.isEmpty || !followUps.isEmpty { Terminal.print() }
            Terminal.print(style.bold("Occasions (\(occasions.count))"))
            for item in occasions {
                let when = item.inDays == 0 ? style.yellow("today") : "in \(item.inDays) days"
                Terminal.print("  \(item.date)  \(item.name) — \(item.what.text)  \(when)")
            }
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

    var today: String
    var contacts: [ContactEntry]
    var followups: [FollowUpEntry]
    var occasions: [OccasionEntry]

    init(today: Day, contacts: [DueContact], followUps: [OpenFollowUp], occasions: [Occasion]) {
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
