/// A problem found in a journal, located precisely enough for an editor to jump to it.
///
/// Loading never stops at the first problem: every file is read and every problem becomes a
/// diagnostic, so one bad file never hides the others. Codes are stable and documented in
/// docs/FORMAT.md; scripts may rely on them, messages may be reworded.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable, Comparable, Codable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ code: Code, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public static func error(_ code: Code, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code, message, at: location)
    }

    public static func warning(_ code: Code, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location)
    }

    /// Sorted by file, line and column, then errors before warnings, code and message: a total
    /// order, so output is the same on every run whatever order parallel parsing finished in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        return a.message < b.message
    }
}

public extension Diagnostic {
    /// Stable identifiers of every kind of problem. The raw value is what users see in `[code]`.
    enum Code: String, Sendable, CaseIterable, Codable {
        case unreadableFile = "unreadable-file"
        case notUTF8 = "not-utf8"
        case unterminatedFrontMatter = "unterminated-front-matter"
        case yamlSyntax = "yaml-syntax"
        case duplicateField = "duplicate-field"
        case frontMatterNotMap = "front-matter-not-map"
        case wrongType = "wrong-type"
        case invalidDate = "invalid-date"
        case invalidDuration = "invalid-duration"
        case invalidValue = "invalid-value"
        case missingField = "missing-field"
        case unknownField = "unknown-field"
        case duplicateSlug = "duplicate-slug"
        case unknownReference = "unknown-reference"
        case selfReference = "self-reference"
        case ambiguousReference = "ambiguous-reference"
        case unknownCircle = "unknown-circle"
        case emptyJournal = "empty-journal"
        case outOfRange = "out-of-range"
        case fileTooLarge = "file-too-large"
        case tooComplex = "too-complex"
        case linkOutside = "link-outside"
        case templateSyntax = "template-syntax"
        case unknownThemeFile = "unknown-theme-file"
        case possibleDuplicate = "possible-duplicate"
        case mergeConflict = "merge-conflict"
        case mergeDriverMissing = "merge-driver-missing"
    }
}

/// A diagnostic can travel as an error where one problem ends an operation (e.g. reading a file).
extension Diagnostic: Error {}
