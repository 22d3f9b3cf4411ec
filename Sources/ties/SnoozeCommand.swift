import ArgumentParser
import Authoring
import Foundation
import Index

struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Keep a contact out of 'ties due' until a day.",
        discussion: """
            Sets 'snooze_until' in the contact's file, changing only that line: for someone on parental leave, a sabbatical, or who asked for a break.

            Examples:
              ties snooze ada --until 2027-03-01
              ties snooze "Jonas Müller" --for 6w --dry-run

            """ + TiesExitCode.help)

    @Argument(help: ArgumentHelp("The contact: slug, name or alias.", valueName: "contact")) var contact: String
    @Option(help: ArgumentHelp("The first day to be due again.", valueName: "YYYY-MM-DD")) var until: Day?
    @Option(name: .customLong("for"), help: ArgumentHelp("How long from today: 10d, 6w, 3m, 1y.", valueName: "duration"))
    var duration: Cadence?
    @Flag(help: "Print the change as a unified diff and write nothing.") var dryRun = false
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func validate() throws {
        if (until == nil) == (duration == nil) { throw ValidationError("give either --until DATE or --for DURATION") }
        if duration == Cadence.none { throw ValidationError("--for needs a duration like 6w") }
    }

    func run() throws {
        let journal = try options.loadForChange()
        let id: RecordID
        do {
            id = try journal.find(contact, among: [.contact])
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
        guard let record = journal.contacts[Contact.ID(id.slug)] else { return }
        let today = day.day(for: journal)
        guard let end = until ?? duration?.after(today) else {
            throw CommandFailure(message: "--for \(duration?.description ?? "") is too long", exitCode: .usage)
        }
        if end <= today {
            throw CommandFailure(
                message:
                    "--until \(end) is not after today (\(today)): a snooze ends on a day still to come; nothing was written",
                exitCode: .usage)
        }
        try JournalChange.perform(dryRun: dryRun, { () throws(EditRefusal) in try journal.snooze(record, until: end) }) { _ in
            "\(record.name) is snoozed until \(end) (\(record.path))"
        }
    }
}
