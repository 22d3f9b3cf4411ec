import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct RenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a contact, org, goal or publication, and every reference to it.",
        discussion: """
            Like a rename in an IDE: the record gets the new name and a file named after it, keeps the old name as an alias, and every reference to it by its old name or slug is rewritten, in front matter and in wiki links ([[Old Name]], [[old-slug|shown text]] keeps its shown text). References by an alias stay as they are: the alias still names it. All files change, or none.

            Examples:
              ties rename lena "Lena Weber"
              ties rename "Acme Robotics" "Acme Automation" --dry-run

            """ + TiesExitCode.help)

    @Argument(help: ArgumentHelp("The record: slug, name, alias or a unique part of a name.", valueName: "ref")) var ref: String
    @Argument(help: ArgumentHelp("Its new name or title.", valueName: "new-name")) var newName: String
    @Flag(help: "Print the change as a unified diff and write nothing.") var dryRun = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        let journal = try options.loadForChange()
        let id = try journal.resolve(ref, among: [.contact, .org, .goal, .publication])
        let oldName = journal.displayName(of: id) ?? id.slug
        try JournalChange.perform(dryRun: dryRun, { () throws(EditRefusal) in try journal.rename(id, to: newName) }) { change in
            var lines = [
                TerminalText.inline("Renamed '\(oldName)' to '\(newName.trimmingCharacters(in: .whitespaces))'.")
            ]
            let removed = change.files.filter { $0.new == nil }.map(\.path)
            let created = change.files.filter { $0.old == nil }.map(\.path)
            if let from = removed.first, let to = created.first { lines.append(TerminalText.inline("  \(from) → \(to)")) }
            let edited = change.files.filter { $0.old != nil && $0.new != nil }.map(\.path)
            if !edited.isEmpty {
                lines.append(
                    TerminalText.inline(
                        "  \(edited.count) file\(edited.count == 1 ? "" : "s") changed: \(edited.joined(separator: ", "))"))
            }
            return lines.joined(separator: "\n")
        }
    }
}
