import Foundation

/// Output to the terminal: whether colour suits it, and writing to stderr.
enum Terminal {
    struct Stream {
        let handle: FileHandle
        func write(_ text: String) { handle.write(Data(text.utf8)) }
    }

    static let standardError = Stream(handle: .standardError)

    /// Colour only for a terminal, and never when NO_COLOR is set (no-color.org) or TERM is dumb.
    static var colorOnStandardOutput: Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
