/// The exit codes of every command: one table, shown at the end of each command's `--help`
/// and in the README (a test checks that both say the same).
enum TiesExitCode: Int32, CaseIterable {
    /// The command did what was asked (a search that finds nothing did too).
    case success = 0
    /// The journal, or what was asked of it, has a problem: errors in files (`check`, `build`;
    /// warnings too with `--strict`), a name that means nothing or several records, a value
    /// the journal does not know, a change refused or not written, a port in use.
    case problems = 1
    /// The command line is wrong (an unknown command or option, a malformed value), or no
    /// journal was found.
    case usage = 2

    var meaning: String {
        switch self {
        case .success: return "done"
        case .problems:
            return
                "a problem in the journal or in what was asked of it: errors in files (check, build; with --strict, warnings too), a name that means no record or several, a value the journal does not know, a change refused or not written, a port in use"
        case .usage: return "bad invocation: an unknown command or option, a malformed value, or no journal found"
        }
    }

    /// The table after a blank line, to end a command's `--help`.
    static var help: String { "\n" + table }

    /// The table as `--help` and the README show it.
    static var table: String {
        "Exit codes (the same for every command):\n" + allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }
}
