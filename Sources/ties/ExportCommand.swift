import ArgumentParser
import Foundation
import Index
import Site

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the journal for other programs.",
        subcommands: [ICS.self]
    )

    struct ICS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "An iCalendar file of follow-ups, contact due dates, birthdays and greetings.",
            discussion: """
                Import it into a calendar, or let the calendar subscribe to the file: event UIDs stay the same from one export to the next, so events move instead of doubling. Overdue items are placed on today.

                Examples:
                  ties export ics --output ~/calendars/network.ics
                  ties export ics > network.ics

                Exit codes: 0 success; 1 the file could not be written; 2 bad invocation or no journal.
                """
        )

        @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "file"))
        var output: String?
        @OptionGroup var options: JournalOptions
        @OptionGroup var day: TodayOption

        func run() throws {
            let journal = try options.load()
            let text = ICalendar(journal: journal, today: day.day(for: journal)).text()
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            let url = URL(fileURLWithPath: output).standardizedFileURL
            if let refusal = journal.refusal(toWrite: url) {
                throw CommandFailure(message: refusal, exitCode: .usage)
            }
            do {
                try AtomicFile.replace(url.path, contents: Data(text.utf8))
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
            Terminal.print(url.path)
        }
    }
}
