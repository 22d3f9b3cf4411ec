import ArgumentParser
import Authoring
import Foundation
import Index
import Support

/// The `ties` command: a plain-text, git-friendly networking journal.
struct Ties: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ties",
        abstract: "A plain-text, git-friendly networking journal.",
        discussion: """
            A journal is a folder of Markdown files with YAML front matter: contacts/, encounters/, publications/, orgs/ and goals/, with ties.yaml at its root. Commands find it like git finds a repository: --journal DIR, else $TIES_JOURNAL, else the nearest folder upwards holding ties.yaml.

            Examples:
              ties init ~/network --example   a new journal with sample records
              ties check                      every problem, like a compiler
              ties due                        who and what is due
              ties new encounter --with Ada   log a coffee, a call, a meeting
              ties show ada                   a contact, org or goal
              ties who --org Acme --former    whom you know at Acme
              ties pubs                       talks, posts, podcasts
              ties build                      the private site
              ties build --public             the publication log for your website
              ties serve --open               the site, live while you edit
              ties theme copy contact         change the look of a page (docs/THEMES.md)

            """ + TiesExitCode.help,
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            CheckCommand.self,
            BuildCommand.self,
            ServeCommand.self,
            DueCommand.self,
            WeekCommand.self,
            SnoozeCommand.self,
            DoneCommand.self,
            NewCommand.self,
            ShowCommand.self,
            WhoCommand.self,
            TimelineCommand.self,
            InsightsCommand.self,
            PathCommand.self,
            GreetCommand.self,
            IntroCommand.self,
            SetCommand.self,
            SyncCommand.self,
            MergeDriverCommand.self,
            BriefCommand.self,
            SearchCommand.self,
            RenameCommand.self,
            MergeCommand.self,
            PubsCommand.self,
            ImportCommand.self, ExportCommand.self,
            ThemeCommand.self,
        ]
    )
}

/// Options every command that reads a journal shares.
struct JournalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The journal's folder (default: $TIES_JOURNAL, else the nearest folder upwards with ties.yaml).", valueName: "dir"))
    var journal: String?

    func locate() throws -> URL {
        do {
            return try JournalLocator.locate(explicit: journal)
        } catch {
            throw CommandFailure(message: error.description, exitCode: .usage)
        }
    }

    /// Loads the journal for a command that answers questions: its errors go to stderr as a
    /// one-line note (`ties check` lists them), and the answer uses what could be read.
    func load() throws -> Journal {
        let journal = Journal.loadForCommand(from: try locate())
        noteErrors(journal.errors.count)
        return journal
    }

    /// Loads the journal for a command that changes it, after taking the journal's lock: a
    /// second command changing the journal at the same time waits, then reads what this one
    /// wrote, so no update is lost. The lock is held until the process ends.
    func loadForChange() throws -> Journal {
        let root = try locate()
        do {
            Self.lock = try JournalLock(root: root) {
                Terminal.standardError.write("ties: waiting for another ties command that is changing this journal…\n")
            }
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
        let journal = Journal.loadForCommand(from: root)
        noteErrors(journal.errors.count)
        return journal
    }

    nonisolated(unsafe) private static var lock: JournalLock?

    /// Loads the agenda, as `ties due` reads it: from its cache when nothing changed.
    func loadAgenda() throws -> Agenda {
        let root = try locate()
        let agenda = Agenda.load(from: root, cache: ParseCache.forJournal(at: root))
        KeptUntilExit.keep(agenda)
        noteErrors(agenda.errors.count)
        return agenda
    }

    private func noteErrors(_ errors: Int) {
        if errors > 0 {
            Terminal.standardError.write(
                "ties: note: the journal has \(errors) error\(errors == 1 ? "" : "s"); run 'ties check' to see them\n")
        }
    }
}

/// An error a command reports itself, with the exit code it stands for.
struct CommandFailure: Error {
    var message: String
    var exitCode: TiesExitCode
}

@main
enum Main {
    static func main() {
        // A write past the file-size limit then fails with EFBIG, which ties reports and cleans
        // up after (the temporary file goes, the old file stays), instead of killing ties.
        signal(SIGXFSZ, SIG_IGN)
        // Caches being written on other threads are finished, however the command ends.
        atexit { CacheFile.finishWrites() }
        rejectUnknownCommand()
        do {
            var command = try Ties.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            // Messages that list things put each on a line; the values in them are one line each
            // (`TerminalText.inline` where they are quoted), and no other line break gets through.
            Terminal.standardError.write("ties: \(TerminalText.lines(failure.message))\n")
            exit(failure.exitCode.rawValue)
        } catch let code as ExitCode where code.rawValue == TiesExitCode.problems.rawValue {
            exit(code.rawValue)
        } catch {
            // Parse errors, --help and --version: ArgumentParser's own text; its usage code
            // (64) becomes ours (2).
            let code = Ties.exitCode(for: error)
            let message = Ties.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Terminal.print(message) }
                exit(0)
            }
            Terminal.standardError.write(message + "\n")
            exit(TiesExitCode.usage.rawValue)
        }
    }

    /// `ties chek` says "did you mean 'check'?" rather than only that an argument is unexpected.
    private static func rejectUnknownCommand() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let word = arguments.first, !word.hasPrefix("-") else { return }
        let names = Ties.configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(word) else { return }
        let hint = Suggestion.nearest(to: word, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        Terminal.standardError.write("ties: unknown command '\(word)'\(hint); see 'ties --help'\n")
        exit(TiesExitCode.usage.rawValue)
    }
}

extension Journal {
    /// How every command loads a journal: with the user's parse cache, and never freed.
    static func loadForCommand(from root: URL) -> Journal {
        let journal = Journal.load(from: root, cache: ParseCache.forJournal(at: root))
        KeptUntilExit.keep(journal)
        return journal
    }
}

/// Values a command is done with but that are not freed: the process ends right after, and
/// the system takes its memory back at once, where freeing a large journal object by object
/// took a tenth of `ties due` on 100,000 records.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) { values.append(value) }
}
