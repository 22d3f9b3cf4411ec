import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a contact, encounter, publication or goal as a new file.",
        discussion: """
            Writes a new Markdown file with its front matter filled in, in the right folder, under a file name made from the name or title (with -2, -3, … when taken; nothing is ever overwritten), then opens it in $VISUAL or $EDITOR when run on a terminal. Prints the path. Names of people are taken as people type them (a first name, no accents) and checked against the journal: an unknown or ambiguous one is refused.

            Examples:
              ties new contact "Ada Lovelace" --org "Analytical Engines" --circle close
              ties new encounter --with Ada --with "Charles Babbage" --kind coffee
              ties new publication "What our platform got wrong" --kind talk --status submitted
              ties new goal "Move into a staff engineer role" --due 2027-06-30

            """ + TiesExitCode.help,
        subcommands: [Contact.self, Encounter.self, Publication.self, Goal.self]
    )

    /// Options every `ties new` shares.
    struct Common: ParsableArguments {
        @OptionGroup var journal: JournalOptions
        @OptionGroup var day: TodayOption

        @Flag(help: "Do not open the new file in an editor.")
        var noEdit = false

        @Flag(help: "Print the new file as a unified diff and write nothing.") var dryRun = false

        /// Writes the record, prints its path and opens it for editing; with `--dry-run`, prints
        /// the file it would write instead.
        func create(_ record: NewRecord, in journal: Journal? = nil) throws {
            let journal = try journal ?? self.journal.loadForChange()
            do {
                if dryRun {
                    let change = try journal.creation(record)
                    Terminal.print(TerminalText.lines(change.diff), terminator: "")
                    return
                }
                let path = try journal.create(record)
                let url = journal.root.appending(path: path)
                Terminal.print(url.path)
                if !noEdit { Editor.open(url) }
            } catch {
                throw CommandFailure(message: error.description, exitCode: .problems)
            }
        }
    }

    struct Contact: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a person.", discussion: TiesExitCode.table)

        @Argument(help: "The person's name.") var name: String
        @Option(help: "Their organisation.") var org: String?
        @Option(help: "Their title there.") var title: String?
        @Option(help: "Their circle, one of ties.yaml's circles.") var circle: String?
        @Option(help: ArgumentHelp("Who introduced you (a contact).", valueName: "contact")) var via: String?
        @Option(help: ArgumentHelp("When you met (default: today).", valueName: "YYYY-MM-DD")) var met: Day?
        @Option(help: "An email address (repeatable).") var email: [String] = []
        @OptionGroup var common: Common

        func run() throws {
            let today = common.day.today.flatMap { Day($0) }
            try common.create(
                NewRecord(
                    .contact(
                        name: name, org: org, title: title, circle: circle, via: via,
                        met: met ?? today ?? Day.today(), emails: email)))
        }
    }

    struct Encounter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a meeting, call, coffee, event or message.", discussion: TiesExitCode.table)

        @Option(help: ArgumentHelp("Someone you met (repeatable): slug, name or alias.", valueName: "contact"))
        var with: [String] = []
        @Option(help: "coffee, call, video, meeting, lunch, event, email, message, or any word.") var kind: String?
        @Option(help: ArgumentHelp("When (default: today).", valueName: "YYYY-MM-DD[ HH:MM]")) var date: String?
        @Option(help: "A title.") var title: String?
        @Option(name: [.customShort("m"), .long], help: ArgumentHelp("Notes: the file's body.", valueName: "text"))
        var note: String?
        @Option(
            help: ArgumentHelp(
                "Something to do after it (repeatable), due on DATE or a duration after it (2w, 3d) if given.",
                valueName: "text[@YYYY-MM-DD|@2w]"))
        var followup: [String] = []
        @Option(
            help: ArgumentHelp(
                "Someone this encounter introduced you to (repeatable); the others met are the introducers.",
                valueName: "contact"))
        var introduced: [String] = []
        @Option(help: ArgumentHelp("What you gave: an introduction, a tip (repeatable).", valueName: "text")) var gave: [String] =
            []
        @Option(help: ArgumentHelp("What you received (repeatable).", valueName: "text")) var received: [String] = []
        @OptionGroup var common: Common

        func validate() throws {
            if let date, Moment(date) == nil {
                throw ValidationError("--date '\(date)' is not a date; write YYYY-MM-DD or 'YYYY-MM-DD HH:MM'")
            }
            if with.isEmpty && introduced.isEmpty { throw ValidationError("name at least one person with --with") }
            _ = try followups(after: Moment(date ?? "") ?? Moment(day: Day.today()))
        }

        /// `Send slides@2026-12-10` is due on that day, `Send slides@2w` two weeks after the
        /// encounter; text without `@DATE` or `@DURATION` at its end is all task (`ada@example.com`).
        func followups(after date: Moment) throws -> [NewRecord.FollowUpText] {
            try followup.map { text in
                guard let at = text.lastIndex(of: "@"), text[text.index(after: at)...].first?.isNumber == true else {
                    return NewRecord.FollowUpText(task: text)
                }
                let when = String(text[text.index(after: at)...])
                let task = String(text[..<at]).trimmingCharacters(in: .whitespaces)
                let due: Day
                if let day = Day(when) {
                    due = day
                } else if let duration = Cadence(when), duration != .none {
                    guard let day = duration.after(date.day) else {
                        throw ValidationError("--followup '\(text)': '\(when)' is too long; write a date")
                    }
                    due = day
                } else {
                    throw ValidationError(
                        "--followup '\(text)': '\(when)' is neither a date nor a duration; write TEXT@YYYY-MM-DD or TEXT@2w")
                }
                if due < date.day {
                    throw ValidationError(
                        "--followup '\(text)' would be due on \(due), before the encounter on \(date.day); give a later date")
                }
                return NewRecord.FollowUpText(task: task, due: due)
            }
        }

        func run() throws {
            let journal = try common.journal.loadForChange()
            let when = date.flatMap { Moment($0) } ?? Moment(day: common.day.day(for: journal))
            let followups: [NewRecord.FollowUpText]
            do {
                followups = try self.followups(after: when)
            } catch let error as ValidationError {
                throw CommandFailure(message: error.message, exitCode: .usage)
            }
            try common.create(
                NewRecord(
                    .encounter(
                        with: with, kind: kind?.lowercased(), date: when, title: title, note: note, followups: followups,
                        gave: gave, received: received, introduced: introduced)), in: journal)
        }
    }

    struct Publication: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a talk, post, podcast, video, panel, paper…", discussion: TiesExitCode.table)

        @Argument(help: "The title.") var title: String
        @Option(help: "talk, post, podcast, video, panel, workshop, paper, interview, newsletter, …") var kind: String?
        @Option(help: "idea, draft, submitted, accepted, rejected or published.") var status: Index.Publication.Status = .idea
        @Option(help: ArgumentHelp("When it was or will be given or published.", valueName: "YYYY-MM-DD")) var date: Day?
        @Option(help: "Where: a conference, a blog, a podcast.") var venue: String?
        @Option(help: ArgumentHelp("A co-speaker, host or interviewer (repeatable).", valueName: "contact"))
        var with: [String] = []
        @OptionGroup var common: Common

        func run() throws {
            try common.create(
                NewRecord(
                    .publication(
                        title: title, kind: kind?.lowercased(), status: status, date: date,
                        venue: venue, with: with)))
        }
    }

    struct Goal: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a networking goal.", discussion: TiesExitCode.table)

        @Argument(help: "What the goal is.") var title: String
        @Option(help: ArgumentHelp("When it should be reached.", valueName: "YYYY-MM-DD")) var due: Day?
        @OptionGroup var common: Common

        func run() throws {
            let journal = try common.journal.loadForChange()
            let today = common.day.day(for: journal)
            if let due, due < today {
                throw CommandFailure(
                    message: "--due \(due) is in the past (today is \(today)); a new goal needs a day still to come",
                    exitCode: .usage)
            }
            try common.create(NewRecord(.goal(title: title, due: due)), in: journal)
        }
    }
}

extension Publication.Status: ExpressibleByArgument {}

/// Opens a file in the user's editor, when there is a terminal to edit on.
enum Editor {
    static func open(_ url: URL) {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
            let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor variable may carry arguments (`code --wait`): let the shell split it.
        process.arguments = ["-c", "\(editor) \"$1\"", "ties-editor", url.path]
        do {
            try process.runWithDefaultSignals()
            process.waitUntilExit()
        } catch {
            Terminal.standardError.write("ties: could not start the editor '\(editor)': \(error.localizedDescription)\n")
        }
    }
}
