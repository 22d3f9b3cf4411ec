import ArgumentParser
import Authoring
import Foundation
import Index
import Site

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in the journal, like a compiler.",
        discussion: """
            Prints one line per problem, 'path:line:col: error: message [code]', so editors can jump to it, then a summary. All files are read: one bad file never hides the others.

            Examples:
              ties check
              ties check --journal ~/network --strict
              ties check --format json | jq '.diagnostics[] | select(.severity == "error")'

            """ + TiesExitCode.help
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: JournalOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    func run() throws {
        // The agenda holds every diagnostic and the counts, and comes from its cache when no file
        // changed: a warm check is a `stat` of each file.
        let root = try options.locate()
        let journal = Agenda.load(from: root, cache: ParseCache.forJournal(at: root))
        KeptUntilExit.keep(journal)
        var found = journal.diagnostics + SiteBuilder.themeDiagnostics(forJournalAt: root)
        if MergeDriverSetup.isMissing(in: root) {
            found.append(
                .warning(
                    .mergeDriverMissing,
                    "this clone lacks the merge driver .gitattributes asks for (git does not copy .git/config): "
                        + "run 'ties merge-driver --install'",
                    at: SourceLocation(path: ".gitattributes")))
        }
        let diagnostics = found.sorted()
        switch format {
        case .json:
            Terminal.printJSON(DiagnosticReport.json(diagnostics, counts: journal.counts))
        case .text:
            let color = Terminal.colorOnStandardOutput
            Terminal.print(DiagnosticReport.text(diagnostics, color: color, escape: Terminal.colorEscape), terminator: "")
            let counts = journal.counts
            let records = RecordKind.allCases.map { kind in
                "\(counts[kind] ?? 0) \(counts[kind] == 1 ? kind.rawValue : kind.folder)"
            }.joined(separator: ", ")
            Terminal.print("\(records): \(DiagnosticReport.tally(diagnostics))")
        }
        let failing = diagnostics.contains { $0.severity == .error || strict }
        if failing { throw ExitCode(TiesExitCode.problems.rawValue) }
    }
}
