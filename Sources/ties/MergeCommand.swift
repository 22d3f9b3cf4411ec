import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Make two contact (or org) files of one person one.",
        discussion: """
            KEEP's file gains what only DROP's holds: lists (emails, phones, aliases, links, tags, roles, goals) are united; DROP's name becomes an alias; a value only DROP has is copied; a value both have and that differs stays KEEP's, and DROP's is reported. DROP's notes are appended under a heading, every reference to DROP in the journal then names KEEP, and DROP's file is removed. All files change, or none.

            Examples:
              ties merge jonas-mueller jonas-muller
              ties merge "Acme Robotics" acme-robotics-gmbh --dry-run

            """ + TiesExitCode.help)

    @Argument(help: ArgumentHelp("The record to keep.", valueName: "keep")) var keep: String
    @Argument(help: ArgumentHelp("The record to merge into it and remove.", valueName: "drop")) var drop: String
    @Flag(help: "Print the change as a unified diff and write nothing.") var dryRun = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        let journal = try options.loadForChange()
        let keepID = try journal.resolve(keep, among: [.contact, .org])
        let dropID = try journal.resolve(drop, among: [keepID.kind])
        try JournalChange.perform(dryRun: dryRun, { () throws(EditRefusal) in try journal.merge(keep: keepID, drop: dropID) }) {
            change in
            let edited = change.files.filter { $0.old != nil && $0.new != nil }.count
            return TerminalText.inline(
                "Merged \(journal.path(of: dropID) ?? dropID.slug) into \(journal.path(of: keepID) ?? keepID.slug)"
                    + " (\(edited) file\(edited == 1 ? "" : "s") changed, 1 removed).")
        }
    }
}
