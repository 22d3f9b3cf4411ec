import ArgumentParser
import Dispatch
import Foundation
import Index
import Site
import Support

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the private site on this machine, live while you edit.",
        discussion: """
            Loads the journal once and serves its site from memory on the loopback interface only (127.0.0.1 and ::1, never another address). The first line printed is the address to open; it holds a random token that the browser keeps as a cookie, and every request without it is refused (docs/SECURITY.md).

            Saving a file of the journal (or of its theme/) reloads what changed, and open pages reload themselves. Problems are printed here and shown as a banner on every page until they are fixed; a file that breaks never stops the server. Ctrl-C stops it.

            Nothing is written to the journal or the output folder ('ties build' makes the files); only the parse cache is kept up to date, as by every command.

            Examples:
              ties serve
              ties serve --port 0 --open
              ties serve --today 2026-11-25

            """ + TiesExitCode.help
    )

    @OptionGroup var options: JournalOptions

    @Option(help: ArgumentHelp("The port to listen at; 0 for any free port.", valueName: "n"))
    var port: Int = 4321

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @Option(
        help: ArgumentHelp("The day the dashboard is about (default: today in the journal's time zone).", valueName: "YYYY-MM-DD")
    )
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError("--today '\(today)' is not a date; write YYYY-MM-DD") }
        if !(0...65535).contains(port) {
            throw ValidationError("--port \(port) is not a port; use 1 to 65535, or 0 for any free one")
        }
    }

    func run() throws {
        let root = try options.locate()
        var live = LiveJournal(root: root, cache: ParseCache.forJournal(at: root))
        let site = LiveSite(journal: live.journal, today: today.flatMap { Day($0) })
        let watcher: JournalWatcher
        do {
            watcher = try JournalWatcher(root: root, ignoring: [live.journal.config.output])
        } catch {
            throw CommandFailure(message: String(describing: error), exitCode: .problems)
        }
        if !watcher.unwatched.isEmpty {
            Terminal.standardError.write(
                "ties: warning: \(watcher.unwatched.count) folders are not watched, the system's limit of watches reached "
                    + "(fs.inotify.max_user_watches); changes in \(watcher.unwatched.prefix(3).joined(separator: ", ")) are not seen\n"
            )
        }
        let requestedPort = UInt16(port)
        let server: LiveServer
        do {
            server = try LiveServer.start(site: site, port: requestedPort)
        } catch .portInUse(let port, let suggestion) {
            let next = suggestion.map { "; \($0) is free: ties serve --port \($0)" } ?? ""
            throw CommandFailure(message: "port \(port) is in use\(next) (or --port 0 for any free port)", exitCode: .problems)
        } catch .cannotListen(let reason) {
            throw CommandFailure(message: "cannot listen on 127.0.0.1: \(reason)", exitCode: .problems)
        }
        Terminal.print("Serving \(live.journal.config.title) at \(server.url)")
        Terminal.print(
            server.servesIPv6
                ? "The same ?token= opens http://localhost:\(server.port)/ and http://[::1]:\(server.port)/ too."
                : "Only 127.0.0.1 is served: this machine has no IPv6 on loopback.")
        Terminal.print("Watching \(root.path) for changes; Ctrl-C stops.")
        Terminal.flush()
        var shown = site.diagnostics
        report(shown, previous: nil)
        if open { Self.openInBrowser(server.url) }

        let stop = StopSignal()
        while !stop.requested {
            let changed = watcher.next(timeout: 0.25, debounce: 0.01)
            guard !changed.isEmpty, !stop.requested else { continue }
            guard let reload = server.reload(changed, into: &live) else { continue }
            let what = reload.files.count == 1 ? reload.files[0] : "\(max(reload.files.count, 1)) files"
            Terminal.print("\(Self.clock()) \(what) changed: reloaded in \(reload.milliseconds) ms")
            Terminal.flush()
            let diagnostics = site.diagnostics
            if diagnostics != shown {
                report(diagnostics, previous: shown)
                shown = diagnostics
            }
        }
        server.stop()
        Terminal.print("Stopped.")
        Terminal.flush()
    }

    /// The journal's problems on stderr as `ties check` prints them, when they change.
    private func report(_ diagnostics: [Diagnostic], previous: [Diagnostic]?) {
        let color = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if diagnostics.isEmpty {
            if previous != nil { Terminal.standardError.write("No problems left.\n") }
            return
        }
        Terminal.standardError.write(DiagnosticReport.text(diagnostics, color: color, escape: Terminal.colorEscape))
        Terminal.standardError.write("The journal has \(DiagnosticReport.tally(diagnostics)); the pages show them too.\n")
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
            process.arguments = [url]
        #else
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.runWithDefaultSignals()
        } catch {
            Terminal.standardError.write(
                "ties: warning: could not open a browser (\(error.localizedDescription)); open the address above\n")
        }
    }
}
