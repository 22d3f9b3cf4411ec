import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep the journal's contacts and a CardDAV address book in step, both ways.",
        discussion: """
            Set up in ties.yaml: 'carddav: {url: https://…, username: …}', the address book's URL or the server's (the address book is then found through /.well-known/carddav); optionally 'circles:' or 'tags:' to send only those contacts, and 'password_command:' (e.g. 'pass show carddav'). The password comes from TIES_CARDDAV_PASSWORD, else from that command; never from a file of the journal.

            Name, org, title, e-mails, phones, links, birthday and tags go both ways, merged field by field against the last sync: a change on one side is taken, lists gain what either side added, and a value changed differently on both sides keeps the journal's (a conflict: reported, and logged in .ties/carddav/conflicts.log). Everything else on a card stays on the server. Each synced contact gets a 'uid:'. Cards the journal did not know become contacts; a card deleted on the phone leaves the contact's file, marked 'card_deleted'. The sync state is kept in .ties/, which git ignores. Everything is read first; then the journal is written all at once, then the address book, each card conditionally on what was read.

            Examples:
              TIES_CARDDAV_PASSWORD=… ties sync --dry-run
              ties sync --format json

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Flag(help: "Print the plan and the journal's diff, and write nothing anywhere.") var dryRun = false
    @Flag(help: "Go on when the address book became empty or many cards would be deleted.") var force = false
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func run() throws {
        let journal = try options.loadForChange()
        guard let settings = journal.config.carddav else {
            throw CommandFailure(
                message: "ties.yaml has no 'carddav:'; add e.g. carddav: {url: https://dav.example.com/, username: mara}",
                exitCode: .problems)
        }
        let password = try Self.password(settings)
        let sync = CardDAVSync(
            journal: journal, settings: settings, password: password,
            options: .init(dryRun: dryRun, force: force, today: day.day(for: journal)))
        let report: CardDAVSync.Report
        do {
            report = try sync.run()
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
        switch format {
        case .json: Terminal.printJSON(jsonText(report))
        case .text: print(report)
        }
    }

    /// `TIES_CARDDAV_PASSWORD`, else the first line `password_command` prints.
    static func password(_ settings: JournalConfig.CardDAV) throws -> String? {
        if let password = ProcessInfo.processInfo.environment["TIES_CARDDAV_PASSWORD"] { return password }
        guard let command = settings.passwordCommand else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw CommandFailure(message: "password_command could not start: \(error.localizedDescription)", exitCode: .problems)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure(
                message: "password_command '\(command)' failed (exit \(process.terminationStatus))", exitCode: .problems)
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }

    private func print(_ report: CardDAVSync.Report) {
        var out = ""
        func section(_ title: String, _ entries: [CardDAVSync.Entry]) {
            guard !entries.isEmpty else { return }
            out += "\(title) (\(entries.count))\n"
            for entry in entries {
                out +=
                    "  \(entry.name)" + (entry.file.isEmpty ? "" : "  \(entry.file)")
                    + (entry.fields.isEmpty ? "" : "  (\(entry.fields.joined(separator: ", ")))") + "\n"
            }
        }
        if dryRun {
            out += "Would sync with \(report.addressBook):\n"
        }
        section("New in the journal", report.pulled.created)
        section("Changed in the journal", report.pulled.updated)
        section("New in the address book", report.pushed.created)
        section("Changed in the address book", report.pushed.updated)
        section("Deleted from the address book", report.pushed.deleted)
        section("Deleted in the address book, kept in the journal (card_deleted)", report.kept)
        section("Left as they are, the file could not be changed in place", report.failed)
        if !report.conflicts.isEmpty {
            out += "Conflicts, the journal's value kept (\(report.conflicts.count))\n"
            for conflict in report.conflicts {
                out +=
                    "  \(conflict.name)  \(conflict.field): kept '\(conflict.journal)'; the address book had '\(conflict.server)'\n"
            }
        }
        let changes =
            report.pulled.created.count + report.pulled.updated.count + report.pushed.created.count + report.pushed.updated.count
            + report.pushed.deleted.count + report.kept.count
        if changes == 0 { out += "In step: \(English.count(report.unchanged, "contact")) unchanged.\n" }
        if dryRun && !report.diff.isEmpty { out += "\n" + report.diff }
        Terminal.print(TerminalText.lines(out), terminator: "")
    }
}
