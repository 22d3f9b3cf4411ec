import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark an open follow-up done.",
        discussion: """
            Finds the open follow-up whose task is TEXT, or else contains it (ignoring case and accents), and marks it done in its encounter's file, changing only that item: '{task: …, due: …}' gets 'done: true'; a follow-up written as plain text becomes '{task: …, done: true}'. When several match, they are listed with their encounters and nothing is changed.

            Examples:
              ties done "send the slides"
              ties done intro --dry-run

            """ + TiesExitCode.help)

    @Argument(help: ArgumentHelp("Words of the follow-up's task.", valueName: "text")) var text: String
    @Flag(help: "Print the change as a unified diff and write nothing.") var dryRun = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        let journal = try options.loadForChange()
        let found = journal.openFollowUps(matching: text)
        guard let match = found.first else {
            throw CommandFailure(message: "no open follow-up contains '\(text)'", exitCode: .problems)
        }
        guard found.count == 1 else {
            var message = "'\(text)' is in \(found.count) open follow-ups; give more of the task:"
            for item in found {
                message +=
                    "\n"
                    + TerminalText.inline("  \(item.followup.task)  — \(item.encounter.displayName) (\(item.followup.location))")
            }
            throw CommandFailure(message: message, exitCode: .problems)
        }
        try JournalChange.perform(dryRun: dryRun, { () throws(EditRefusal) in try journal.markDone(match) }) { _ in
            TerminalText.inline("Done: \(match.followup.task) — \(match.encounter.displayName) (\(match.encounter.path))")
        }
    }
}
