/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is YAML between a first line `---` and the next line that is `---` (or `...`).
/// A file that does not start with `---` is all body.
struct FrontMatter {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    /// The file line that the YAML's first line is on (2 when there is front matter).
    var yamlLine: Int
    var body: String
    var bodyLine: Int

    /// Splits `text`; an opening `---` with no closing line is an error at line 1.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isDelimiter(first, allowDots: false) else {
            return .success(FrontMatter(yaml: nil, yamlLine: 1, body: text, bodyLine: 1))
        }
        lines.removeFirst()
        guard let closing = lines.firstIndex(where: { isDelimiter($0, allowDots: true) }) else {
            return .failure(.error(.unterminatedFrontMatter,
                                   "front matter opened with '---' is never closed; add a line '---' after the last field",
                                   at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: closing + 3))
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
