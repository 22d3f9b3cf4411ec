import ArgumentParser
import Foundation
import Index

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show any record or tag: a contact, org, goal, publication or encounter, with what links to it.",
        discussion: """
            REF is a record's file (contacts/lena.md), a slug, a name or an alias as people type them: any case, with or without accents (schafer, Schäfer, Schaefer), a unique first or last name, or a unique start of a name. When it may mean several records they are listed, and nothing is shown. #TAG (or a tag's name that is no record's) lists what carries the tag.

            Examples:
              ties show lena
              ties show "Acme Robotics"
              ties show staff-engineer-role
              ties show 2025-11-03-coffee-lena
              ties show contacts/lena-schaefer.md
              ties show '#conference'

            """ + TiesExitCode.help
    )

    @Argument(help: "A record (its file, slug, name, alias or a unique part of a name) or #tag.") var ref: String
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func run() throws {
        let journal = try options.load()
        var page = ShowPage(journal: journal, today: day.day(for: journal), style: .standardOutput)
        if ref.hasPrefix("#") {
            let tags = journal.recordsByTag()
            let tag = String(ref.dropFirst())
            guard let (name, ids) = tags.first(where: { Journal.tagKey($0.key) == Journal.tagKey(tag) }) else {
                throw CommandFailure(
                    message:
                        "no record has the tag '\(tag)'\(Suggestion.clause(Suggestion.nearest(to: tag, in: tags.keys.sorted())))",
                    exitCode: .problems)
            }
            page.tag(name, ids)
        } else {
            let id: RecordID
            do {
                id = try journal.find(ref)
            } catch {
                // A tag's name alone, when no record answers to it.
                let tags = journal.recordsByTag()
                guard case .notFound = error,
                    let (name, ids) = tags.first(where: { Journal.tagKey($0.key) == Journal.tagKey(ref) })
                else {
                    throw CommandFailure(message: error.description, exitCode: .problems)
                }
                page.tag(name, ids)
                Terminal.print(page.text, terminator: "")
                return
            }
            page.record(id)
        }
        Terminal.print(page.text, terminator: "")
    }
}
