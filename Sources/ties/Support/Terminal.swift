import Authoring
import Foundation
import Index
import Support

/// Output to the terminal: whether colour suits it, and writing with control characters from
/// the journal escaped.
///
/// Every line a command prints goes through `print` or `Stream.write`, which escape what a
/// terminal would act on (`TerminalText`). Colour is written as `colorEscape`, a stand-in no
/// journal can contain (a private-use character and a number drawn for this run), turned into ESC only
/// after the escaping: a name cannot forge colour, and colour survives.
enum Terminal {
    struct Stream {
        let handle: FileHandle
        func write(_ text: String) { handle.write(Data(Terminal.printable(text).utf8)) }
    }

    static let standardError = Stream(handle: .standardError)

    /// What `Style` and coloured diagnostics write where ESC belongs.
    static let colorEscape = "\u{E000}\(UInt64.random(in: 0...UInt64.max))\u{E001}"

    /// Prints text for people to standard output, escaped; buffered, as `print` is, since
    /// `ties who` on a large journal prints a line per contact.
    static func print(_ text: String = "", terminator: String = "\n") {
        Swift.print(printable(text + terminator), terminator: "")
    }

    /// Sends what `print` buffered: for a command that runs on, whose output a program reads
    /// line by line (`ties serve`).
    static func flush() { fflush(nil) }

    /// Prints JSON to standard output, with the characters a terminal acts on as JSON escapes.
    static func printJSON(_ json: String) {
        Swift.print(TerminalText.escapedJSON(json), terminator: "")
    }

    static func printable(_ text: String) -> String {
        // Printable ASCII holds neither anything to escape nor colour.
        if TerminalText.isPrintableASCII(text, lineFeeds: true) { return text }
        let escaped = TerminalText.escaped(text)
        // A scalar scan: Foundation's `contains` of a string was a tenth of `ties who`.
        return escaped.unicodeScalars.contains("\u{E000}")
            ? escaped.replacingOccurrences(of: colorEscape, with: "\u{1B}") : escaped
    }

    /// Colour only for a terminal, and never when NO_COLOR is set (no-color.org) or TERM is dumb.
    static var colorOnStandardOutput: Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
