/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is YAML between a first line `---` and the next line that is `---` (or `...`).
/// A file that does not start with `---` is all body.
package struct FrontMatter {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    /// The file line that the YAML's first line is on (2 when there is front matter).
    var yamlLine: Int
    var body: String
    var bodyLine: Int

    /// Splits `text`; an opening `---` with no closing line is an error at line 1.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let utf8 = text.utf8
        guard utf8.starts(with: "---".utf8) else { return .success(FrontMatter(yaml: nil, yamlLine: 1, body: text, bodyLine: 1)) }
        var lineStart = utf8.startIndex
        var line = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let content = utf8[lineStart..<lineEnd]
            if line == 1 {
                guard isDelimiter(content, allowDots: false) else { break }
                yamlStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            } else if isDelimiter(content, allowDots: true), let yamlStart {
                let yaml = String(text[yamlStart..<(lineStart > yamlStart ? utf8.index(before: lineStart) : lineStart)])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: String(text[bodyStart...]), bodyLine: line + 1))
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            line += 1
        }
        guard yamlStart != nil else { return .success(FrontMatter(yaml: nil, yamlLine: 1, body: text, bodyLine: 1)) }
        return .failure(
            .error(
                .unterminatedFrontMatter,
                "front matter opened with '---' is never closed; add a line '---' after the last field",
                at: SourceLocation(path: path, line: 1, column: 1)))
    }

    /// Whether a line is `---` (or `...` with `allowDots`), with nothing before it and only
    /// spaces, tabs (and a CR) after it: the in-place editor splits files by this rule too.
    package static func isDelimiter(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            guard line[previous] == 0x20 || line[previous] == 0x09 || line[previous] == 0x0D else { break }
            end = previous
        }
        let content = line[line.startIndex..<end]
        return content.elementsEqual("---".utf8) || (allowDots && content.elementsEqual("...".utf8))
    }
}
