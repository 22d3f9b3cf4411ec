import Foundation
import Support

/// How diagnostics are shown: compiler-style lines for people and editors, JSON for scripts.
public enum DiagnosticReport {
    /// `path:line:col: error: message [code]`, one line each, in the journal's sorted order.
    public static func text(_ diagnostics: [Diagnostic], color: Bool = false, escape: String = "\u{1B}") -> String {
        diagnostics.map { line(for: $0, color: color, escape: escape) + "\n" }.joined()
    }

    /// One diagnostic's line. `escape` starts each colour sequence: a caller that escapes
    /// control characters afterwards passes a stand-in of its own and puts ESC back.
    public static func line(for diagnostic: Diagnostic, color: Bool = false, escape: String = "\u{1B}") -> String {
        let severity = diagnostic.severity.rawValue
        // One line per problem: a file name or a quoted value holding a line break must not
        // print a line that reads as another problem.
        let location = TerminalText.inline(diagnostic.location.description)
        let message = TerminalText.inline(diagnostic.message)
        guard color else {
            return "\(location): \(severity): \(message) [\(diagnostic.code.rawValue)]"
        }
        let tint = diagnostic.severity == .error ? "\(escape)[1;31m" : "\(escape)[1;35m"
        return
            "\(escape)[1m\(location):\(escape)[0m \(tint)\(severity):\(escape)[0m \(message) \(escape)[2m[\(diagnostic.code.rawValue)]\(escape)[0m"
    }

    /// "2 errors, 1 warning", or "no problems".
    public static func tally(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors == 0 && warnings == 0 { return "no problems" }
        return [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", ")
    }

    /// `{"diagnostics": [{"file", "line", "column", "severity", "code", "message"}], "counts": {…}}`.
    public static func json(_ diagnostics: [Diagnostic], counts: [RecordKind: Int]) -> String {
        struct Entry: Encodable {
            var file: String
            var line: Int
            var column: Int
            var severity: Diagnostic.Severity
            var code: String
            var message: String
        }
        struct Document: Encodable {
            var diagnostics: [Entry]
            var counts: [String: Int]
        }
        let document = Document(
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.location.path, line: $0.location.line, column: $0.location.column,
                    severity: $0.severity, code: $0.code.rawValue, message: $0.message)
            },
            counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.folder, $0.value) }))
        return JSONText.encode(document)
    }
}
