import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring people in from LinkedIn, Google Contacts or vCard files; meetings from a calendar, threads from mail.",
        discussion: """
            New people become contact files like those 'ties new contact' writes; people the journal knows (by a profile address, an email, or the name as 'ties show' finds it) only gain what their file lacks. A value that differs from the journal's is reported, never written over. A new employer or title from LinkedIn becomes a job change in 'roles' (from an address book only with --job-changes); a job the journal has as ended is never recorded again. Nothing you wrote is removed, and only the lines that change are touched. Importing the same file again changes nothing. docs/IMPORT.md says how each format's fields are read.

            """ + TiesExitCode.help,
        subcommands: [LinkedIn.self, Google.self, VCard.self, ICS.self, Mail.self]
    )

    struct Mail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mail",
            abstract: "Mail you exchanged with contacts, as encounters: from an mbox file or a Maildir folder, headers only.",
            discussion: """
                Reads only headers (From, To, Cc, Date, Message-ID, In-Reply-To, References, Subject), never bodies, of an mbox file (Thunderbird, Gmail Takeout, mutt) or a Maildir folder (mbsync, offlineimap, notmuch), streaming. Your addresses are 'me.emails' in ties.yaml. Each thread you wrote in with contacts (found by any of their e-mails) becomes one encounter of kind 'email', dated by its last message, with 'uid: mail:<first message id>': a thread that grows moves its date on, and a second run changes nothing. Newsletters and bulk mail (List-Id, Precedence: bulk, noreply@ senders, more than 20 recipients) never count; threads you only received are listed, not counted, unless --received. People you wrote with who are no contacts are listed with their address and how many messages, so you can add the ones that matter.

                Examples:
                  ties import mail ~/Mail/Archive.mbox --since 2026-01-01 --dry-run
                  ties import mail ~/.mail/work --format json | jq '.unknown[:10]'
                """)
        @Argument(help: ArgumentHelp("mbox files or Maildir folders.", valueName: "path")) var paths: [String]
        @Option(help: ArgumentHelp("Only mail on or after this day.", valueName: "YYYY-MM-DD")) var since: Day?
        @Flag(help: "Count threads you only received, never answered.") var received = false
        @OptionGroup var options: ImportOptions

        func run() throws {
            let journal = try options.journal.loadForChange()
            let plan: (change: JournalChange, report: MailImport.Report)
            do {
                plan = try MailImport(
                    journal: journal,
                    options: .init(since: since, received: received)
                ).plan(paths)
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
            if !options.dryRun {
                do {
                    try plan.change.apply()
                } catch {
                    throw CommandFailure(message: error.description, exitCode: .problems)
                }
            }
            let report = plan.report
            switch options.format {
            case .json: Terminal.printJSON(jsonText(report))
            case .text:
                var out = "Read \(English.count(report.messages, "message")) (\(report.bulk) bulk, \(report.undated) undated"
                out += since == nil ? ")\n" : ", \(report.beforeSince) before \(since?.description ?? "")\n"
                let verb = options.dryRun ? "Would create" : "Created"
                if !report.created.isEmpty {
                    out += "\(verb) \(English.count(report.created.count, "encounter"))\n"
                    for item in report.created { out += "  \(item.file)  \(item.name)\n" }
                }
                if !report.updated.isEmpty {
                    out += "\(options.dryRun ? "Would update" : "Updated") \(English.count(report.updated.count, "encounter"))\n"
                    for item in report.updated { out += "  \(item.file)  \(item.fields.joined(separator: ", "))\n" }
                }
                out += "Unchanged: \(report.unchanged)\n"
                for item in report.failed { out += "Not updated: \(item.file): \(item.fields.joined(separator: "; "))\n" }
                if !report.received.isEmpty {
                    out += "Only received, not counted (--received counts them): \(report.received.count)\n"
                    for item in report.received.prefix(20) { out += "  \(item.date)  \(item.from): \(item.subject)\n" }
                }
                if !report.unknown.isEmpty {
                    out += "Not in the journal (\(report.unknown.count)), most messages first:\n"
                    for person in report.unknown.prefix(30) {
                        out += "  \(person.messages)  \(person.name.map { "\($0) " } ?? "")<\(person.email)>\n"
                    }
                }
                if options.dryRun && !report.diff.isEmpty { out += "\n" + report.diff }
                Terminal.print(TerminalText.lines(out), terminator: "")
            }
        }
    }

    struct LinkedIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "linkedin",
            abstract: "Connections.csv from LinkedIn's data export.",
            discussion: "Example: ties import linkedin ~/Downloads/Connections.csv --dry-run")
        @Argument(help: ArgumentHelp("LinkedIn's Connections.csv.", valueName: "file")) var file: String
        @OptionGroup var options: ImportOptions

        func run() throws { try options.run(files: [file], LinkedInConnections.read) }
    }

    struct Google: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "google",
            abstract: "A Google Contacts CSV export (\"Google CSV\").",
            discussion: "Example: ties import google contacts.csv")
        @Argument(help: ArgumentHelp("The exported CSV file.", valueName: "file")) var file: String
        @OptionGroup var options: ImportOptions

        func run() throws { try options.run(files: [file], GoogleContacts.read) }
    }

    struct VCard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard",
            abstract: "vCard files (2.1, 3.0, 4.0) from Apple Contacts, Google, Outlook or Thunderbird.",
            discussion: "Example: ties import vcard ~/Downloads/*.vcf")
        @Argument(help: ArgumentHelp("One or more .vcf files.", valueName: "file")) var files: [String]
        @OptionGroup var options: ImportOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one .vcf file") }
        }

        func run() throws { try options.run(files: files, VCardReader.read) }
    }

    struct ICS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Past meetings with your contacts from a calendar export (iCalendar).",
            discussion: """
                Each past event that a contact attended (found by email) becomes an encounter with its date, title, 'kind: meeting', the people and the place; a repeating event gives one per past occurrence. The event's UID is kept in the encounter's 'uid', so importing the calendar again adds only what is new. Cancelled events and events you declined (your addresses are 'me.emails' in ties.yaml) are skipped; events with no known attendee are counted, not imported.

                Example: ties import ics ~/Downloads/calendar.ics --since 2025-01-01
                """)
        @Argument(help: ArgumentHelp("The exported .ics file.", valueName: "file")) var file: String
        @Option(help: ArgumentHelp("Only events on or after this day.", valueName: "YYYY-MM-DD")) var since: Day?
        @OptionGroup var options: ImportOptions

        func run() throws {
            let journal = try options.journal.loadForChange()
            let text = try ImportOptions.text(of: file)
            let read: (events: [CalendarEvent], skipped: [ImportSkip])
            do {
                read = try CalendarReader.readAll(text, path: file, timeZone: journal.config.timezone)
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
            let plan = journal.planCalendarImport(
                read.events, skipped: read.skipped, today: options.day.day(for: journal), since: since)
            try options.finish(plan, calendar: true)
        }
    }
}

struct ImportOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var journal: JournalOptions
    @Flag(help: "Report what would change, and write nothing.") var dryRun = false
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var day: TodayOption
    @Flag(
        help:
            "Record another org or title as a job change even from an address book (Google, vCard); LinkedIn's always is.")
    var jobChanges = false

    /// The largest import file read: far more than any address book (LinkedIn's 30,000
    /// connections are 3 MiB), small enough to hold in memory with what parsing makes of it.
    static let largestFile = 64 << 20

    /// A file's text: UTF-8, else Latin-1 (older Outlook exports).
    static func text(of path: String) throws -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= largestFile else {
            throw CommandFailure(
                message: "\(path): \(size / 1_048_576) MiB is more than an import takes (64 MiB); split the file",
                exitCode: .problems)
        }
        guard let data = FileManager.default.contents(atPath: URL(fileURLWithPath: path).path) else {
            throw CommandFailure(message: "cannot read \(path)", exitCode: .problems)
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw CommandFailure(message: "\(path): not a text file", exitCode: .problems)
        }
        return text
    }

    func run(files: [String], _ read: (String, String) throws(ImportFormatError) -> ImportFile) throws {
        let journal = try journal.loadForChange()
        var imported = ImportFile()
        for path in files {
            let text = try Self.text(of: path)
            do {
                var file = try read(text, path)
                if files.count > 1 {
                    for index in file.people.indices { file.people[index].file = path }
                    for index in file.skipped.indices { file.skipped[index].file = path }
                }
                imported.people += file.people
                imported.skipped += file.skipped
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
        }
        try finish(journal.planImport(imported, today: day.day(for: journal), jobChanges: jobChanges), calendar: false)
    }

    /// Writes the plan's files (unless `--dry-run`) and prints its report.
    func finish(_ plan: ImportPlan, calendar: Bool) throws {
        if !dryRun {
            do {
                try plan.apply()
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
        }
        switch format {
        case .json: Terminal.printJSON(jsonText(ImportJSON(plan.report, calendar: calendar)))
        case .text: printText(plan.report, calendar: calendar)
        }
    }

    private func printText(_ report: ImportReport, calendar: Bool) {
        let style = Style.standardOutput
        let verb = dryRun ? "Would create" : "Created"
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        if !report.created.isEmpty {
            Terminal.print(style.bold("\(verb) \(plural(report.created.count, calendar ? "encounter" : "contact"))"))
            for item in report.created { Terminal.print(TerminalText.inline("  \(item.file)  \(item.name)")) }
        }
        if !report.updated.isEmpty {
            Terminal.print(style.bold("\(dryRun ? "Would update" : "Updated") \(plural(report.updated.count, "contact"))"))
            for item in report.updated {
                let job = item.jobChange.map { "; job change: \($0)" } ?? ""
                Terminal.print(TerminalText.inline("  \(item.file)  \(item.name): \(item.fields.joined(separator: ", "))\(job)"))
            }
        }
        if !report.differences.isEmpty {
            Terminal.print(style.bold("Kept as the journal has it (\(plural(report.differences.count, "difference")))"))
            for item in report.differences {
                let place = "\(item.importFile.map { "\($0):" } ?? "line ")\(item.line)"
                Terminal.print(
                    TerminalText.inline(
                        "  \(item.file)  \(item.name): \(item.field) is '\(item.journal)', \(place) says '\(item.imported)'"))
            }
        }
        Terminal.print("Unchanged: \(report.unchanged)")
        if calendar { Terminal.print("Events with no known attendee, not imported: \(report.withoutKnownAttendee)") }
        if !report.unknownAttendees.isEmpty {
            Terminal.print(style.bold("People in past events the journal does not know (\(report.unknownAttendees.count))"))
            for person in report.unknownAttendees {
                let meetings = "\(person.events) event\(person.events == 1 ? "" : "s")"
                Terminal.print(TerminalText.inline("  \(person.name.map { "\($0) " } ?? "")<\(person.email)>  \(meetings)"))
            }
        }
        if !report.skipped.isEmpty {
            Terminal.print(
                style.bold("Skipped \(plural(report.skipped.count, "entry"))".replacingOccurrences(of: "entrys", with: "entries"))
            )
            for item in report.skipped {
                Terminal.print(TerminalText.inline("  \(item.file.map { "\($0):" } ?? "line ")\(item.line): \(item.reason)"))
            }
        }
        if !report.notes.isEmpty {
            Terminal.print(style.bold("Notes (\(report.notes.count))"))
            for item in report.notes {
                Terminal.print(TerminalText.inline("  \(item.file.map { "\($0):" } ?? "line ")\(item.line): \(item.reason)"))
            }
        }
        if dryRun { Terminal.print(style.dim("Nothing was written (--dry-run).")) }
    }
}

/// The JSON of `ties import`: `{"created", "updated", "unchanged", "skipped", "differences", "notes"}`.
struct ImportJSON: Encodable {
    struct Created: Encodable {
        var file: String
        var name: String
    }

    struct Updated: Encodable {
        var file: String
        var name: String
        var fields: [String]
        var jobChange: String?

        enum CodingKeys: String, CodingKey {
            case file, name, fields
            case jobChange = "job_change"
        }
    }

    struct Skipped: Encodable {
        var line: Int
        /// Only when several files were imported at once.
        var file: String?
        var reason: String
    }

    struct Difference: Encodable {
        var line: Int
        var importFile: String?
        var file: String
        var name: String
        var field: String
        var journal: String
        var imported: String

        enum CodingKeys: String, CodingKey {
            case line, file, name, field, journal, imported
            case importFile = "import_file"
        }
    }

    var created: [Created]
    var updated: [Updated]
    var unchanged: Int
    var skipped: [Skipped]
    var differences: [Difference]
    var notes: [Skipped]
    struct Attendee: Encodable {
        var name: String?
        var email: String
        var events: Int
    }
    /// For a calendar: people in past events the journal does not know.
    var unknownAttendees: [Attendee]?
    /// For a calendar: events no contact attended.
    var noKnownAttendee: Int?

    enum CodingKeys: String, CodingKey {
        case created, updated, unchanged, skipped, differences, notes
        case noKnownAttendee = "no_known_attendee"
        case unknownAttendees = "unknown_attendees"
    }

    init(_ report: ImportReport, calendar: Bool) {
        noKnownAttendee = calendar ? report.withoutKnownAttendee : nil
        created = report.created.map { Created(file: $0.file, name: $0.name) }
        updated = report.updated.map { Updated(file: $0.file, name: $0.name, fields: $0.fields, jobChange: $0.jobChange) }
        unchanged = report.unchanged
        skipped = report.skipped.map { Skipped(line: $0.line, file: $0.file, reason: $0.reason) }
        notes = report.notes.map { Skipped(line: $0.line, file: $0.file, reason: $0.reason) }
        unknownAttendees =
            calendar ? report.unknownAttendees.map { Attendee(name: $0.name, email: $0.email, events: $0.events) } : nil
        differences = report.differences.map {
            Difference(
                line: $0.line, importFile: $0.importFile, file: $0.file, name: $0.name, field: $0.field, journal: $0.journal,
                imported: $0.imported)
        }
    }
}
