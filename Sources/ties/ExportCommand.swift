import ArgumentParser
import Authoring
import Foundation
import Index
import Site
import Support

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the journal for other programs.",
        discussion: TiesExitCode.table,
        subcommands: [ICS.self, VCard.self, Sheet.self]
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

                """ + TiesExitCode.help
        )

        @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "file"))
        var output: String?
        @OptionGroup var options: JournalOptions
        @OptionGroup var day: TodayOption

        func run() throws {
            let journal = try options.load()
            try ExportCommand.write(ICalendar(journal: journal, today: day.day(for: journal)).text(), to: output, journal)
        }
    }

    struct VCard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard",
            abstract: "Every contact as a vCard, for an address book.",
            discussion: """
                Each card keeps its UID from one export to the next, so an address book updates the cards instead of doubling them. 'ties import vcard' reads the file back.

                Examples:
                  ties export vcard --output network.vcf
                  ties export vcard --vcard-version 3.0 > network.vcf

                """ + TiesExitCode.help
        )

        @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "file"))
        var output: String?
        @Option(help: ArgumentHelp("4.0 or 3.0.", valueName: "version")) var vcardVersion: VCardWriter.Version = .v4
        @OptionGroup var options: JournalOptions

        func run() throws {
            let journal = try options.load()
            try ExportCommand.write(VCardWriter(version: vcardVersion).text(of: journal.contacts), to: output, journal)
        }
    }

    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Every contact as a row of a spreadsheet.",
            discussion: """
                Columns: name, org, title, emails, phones, circle, last contact, next due, tags; several values in a cell are separated by '; '. RFC 4180 quoting.

                """ + TiesExitCode.help
        )

        @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "file"))
        var output: String?
        @OptionGroup var options: JournalOptions
        @OptionGroup var day: TodayOption

        func run() throws {
            let journal = try options.load()
            let text: String
            do {
                text = try ContactSheet.text(of: journal, today: day.day(for: journal))
            } catch {
                throw CommandFailure(message: "cannot make the CSV: \(error)", exitCode: .problems)
            }
            try ExportCommand.write(text, to: output, journal)
        }
    }

    /// Writes an export to standard output, or atomically to `output` (never over the journal's
    /// own files).
    static func write(_ text: String, to output: String?, _ journal: Journal) throws {
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

extension VCardWriter.Version: ExpressibleByArgument {}
