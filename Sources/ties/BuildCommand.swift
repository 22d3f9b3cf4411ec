import ArgumentParser
import Foundation
import Index
import Site
import Support

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the private static site of the journal.",
        discussion: """
            Writes HTML pages (dashboard, contacts, timeline, orgs, publications, goals, tags) into the output folder, 'output' of ties.yaml (default _site) unless --output says otherwise. Open its index.html straight from disk; nothing is loaded from any other host.

            Only files whose content changed are written; pages that no longer exist are removed; files ties did not make are never touched. Problems in the journal are reported as by 'ties check' on stderr, and the site is still built.

            With --public, only the publication log: published talks, posts and podcasts with their public facts and abstracts, feeds, co-speakers by name (linked only when their contact says public: true). No contact data, encounter or note is in it.

            Examples:
              ties build
              ties build --output ~/www/network --today 2026-11-25
              ties build --public --output ~/www/mara.example/talks

            With --encrypt, a password shorter than 8 characters is refused (--weak-password accepts it), and one shorter than 12 gets a warning: anyone with a copy of the site can try passwords offline.

            """ + TiesExitCode.help
    )

    @OptionGroup var options: JournalOptions

    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var output: String?

    @Option(
        help: ArgumentHelp("The day the dashboard is about (default: today in the journal's time zone).", valueName: "YYYY-MM-DD")
    )
    var today: String?

    @Flag(help: "Build only the publication log, for your own website (default output: _public).")
    var `public` = false

    @Flag(
        help: ArgumentHelp(
            "Encrypt every page, the search index and the feeds, to put the site on any host (docs/SECURITY.md).",
            discussion:
                "The password comes from TIES_SITE_PASSWORD, or is asked for on the terminal; never from the command line."))
    var encrypt = false

    @Flag(help: "With --encrypt, accept a password shorter than 8 characters.")
    var weakPassword = false

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError("--today '\(today)' is not a date; write YYYY-MM-DD") }
        if encrypt && `public` {
            throw ValidationError("--public builds what you publish, which is never encrypted; use --encrypt or --public")
        }
    }

    func run() throws {
        let root = try options.locate()
        let password = try encrypt ? SitePassword.obtain() : nil
        if let password {
            switch SitePassword.strength(of: password) {
            case .tooShort where !weakPassword:
                throw CommandFailure(
                    message:
                        "the password has \(password.count) characters; an encrypted site needs at least \(SitePassword.shortest) "
                        + "(\(SitePassword.recommended) or more, or a few words, is better); --weak-password accepts it anyway",
                    exitCode: .usage)
            case .tooShort, .short:
                Terminal.standardError.write(
                    "ties: warning: a password of \(password.count) characters can be guessed by anyone who copies the site; "
                        + "use \(SitePassword.recommended) or more, or a few words\n")
            case .fine: break
            }
        }
        let journal = Journal.loadForCommand(from: root)
        let color = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let result: SiteBuilder.Result
        do {
            result = try SiteBuilder.build(
                journal,
                options: .init(
                    output: output.map { URL(fileURLWithPath: $0).standardizedFileURL }, today: today.flatMap { Day($0) },
                    publicOnly: `public`, password: password))
        } catch {
            let diagnostics = (journal.diagnostics + SiteBuilder.themeDiagnostics(forJournalAt: journal.root)).sorted()
            Terminal.standardError.write(DiagnosticReport.text(diagnostics, color: color, escape: Terminal.colorEscape))
            throw CommandFailure(message: error.description, exitCode: .usage)
        }
        // The theme's problems as the build found them: those of its files, and those of
        // rendering (templates that included one another too deeply on some page).
        let diagnostics = (journal.diagnostics + result.themeDiagnostics).sorted()
        Terminal.standardError.write(DiagnosticReport.text(diagnostics, color: color, escape: Terminal.colorEscape))
        Terminal.print(
            "Built \(English.count(result.pages, "page")) (\(English.count(result.written, "file")) written, \(result.unchanged) unchanged, \(result.removed) removed)."
        )
        Terminal.print("Open \(result.output.appending(path: FixedPage.dashboard.path).path)")
        if diagnostics.contains(where: { $0.severity == .error }) {
            Terminal.standardError.write(
                "The journal has \(DiagnosticReport.tally(diagnostics)); the site shows what could be read.\n")
            throw ExitCode(TiesExitCode.problems.rawValue)
        }
    }
}
