import CCmark
import Foundation
import Support

/// What ties needs from a body, read from cmark's syntax tree: the first `# heading` and the
/// wiki links outside code.
///
/// Working on the tree rather than on raw text means `[[x]]` inside a code span or a code block
/// is never taken for a link.
struct MarkdownBody {
    var firstHeading: String?
    var wikiLinks: [WikiLink] = []
    /// A body with more than `mostWikiLinks` links: where the first one too many stands.
    package var diagnostics: [Diagnostic] = []

    /// More links than any note has reason to hold; past it a body is a list, not a note, and
    /// each further link would cost memory and a lookup for nothing.
    static let mostWikiLinks = 10_000

    init(_ body: String, firstLine: Int, path: String) {
        guard body.contains(where: { !$0.isWhitespace }) else { return }
        var lines: [ArraySlice<UInt8>]?
        var counted = (line: 0, byte: 0, column: 1)
        guard let document = body.withCString({ cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }) else { return }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }

        var headingDepth = 0
        var headingText = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING, firstHeading == nil, cmark_node_get_heading_level(node) == 1 {
                if event == CMARK_EVENT_ENTER {
                    headingDepth += 1
                } else {
                    headingDepth -= 1
                    let trimmed = headingText.trimmed
                    if !trimmed.isEmpty { firstHeading = trimmed }
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if headingDepth > 0, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE,
                let literal = cmark_node_get_literal(node)
            {
                headingText += String(cString: literal)
            } else if headingDepth > 0, type == CMARK_NODE_SOFTBREAK {
                headingText += " "
            }
            if type == CMARK_NODE_TEXT, diagnostics.isEmpty, let literal = cmark_node_get_literal(node) {
                let text = String(cString: literal)
                let matches = MarkdownBody.wikiLinkMatches(in: text)
                guard !matches.isEmpty else { continue }
                collectLinks(
                    matches, node: node, lines: &lines, counted: &counted, body: body, firstLine: firstLine, path: path)
            }
        }
        if headingDepth > 0 { firstHeading = headingText.trimmed }
    }

    private mutating func collectLinks(
        _ matches: [(target: String, label: String?, raw: String)], node: OpaquePointer, lines: inout [ArraySlice<UInt8>]?,
        counted: inout (line: Int, byte: Int, column: Int), body: String, firstLine: Int, path: String
    ) {
        if lines == nil {
            lines = Array(body.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        }
        guard let lines else { return }
        // cmark counts lines from the body's start and columns in bytes.
        let startLine = Int(cmark_node_get_start_line(node))
        let startByte = Int(cmark_node_get_start_column(node))
        var searchLine = startLine
        var searchByte = max(0, startByte - 1)
        // Columns are counted on from the previous link (`counted`, kept from node to node), not
        // from the line's start: a line of 100,000 links takes one pass, not 100,000.
        func column(ofByte byte: Int, line: Int) -> Int {
            guard line >= 1, line - 1 < lines.count else { return 1 }
            if counted.line != line || counted.byte > byte { counted = (line, 0, 1) }
            let text = lines[line - 1]
            let end = min(max(0, byte), text.count)
            var column = counted.column
            var index = text.startIndex + min(counted.byte, end)
            while index < text.startIndex + end {
                if text[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            counted = (line, end, column)
            return column
        }
        let nodeLocation = SourceLocation(
            path: path, line: startLine + firstLine - 1, column: column(ofByte: startByte - 1, line: startLine))
        for match in matches {
            // Find the raw `[[target` in the source from where the previous link ended; the
            // literal may differ from the source (escapes, entities), so fall back to the node.
            var location = nodeLocation
            let needle = Array(("[[" + match.raw).utf8)
            var lineIndex = searchLine
            var fromByte = searchByte
            while lineIndex >= 1, lineIndex - 1 < lines.count, lineIndex <= startLine + 20 {
                if let found = MarkdownBody.find(needle, in: lines[lineIndex - 1], from: fromByte) {
                    location = SourceLocation(
                        path: path, line: lineIndex + firstLine - 1,
                        column: column(ofByte: found, line: lineIndex))
                    searchLine = lineIndex
                    searchByte = found + 2
                    break
                }
                lineIndex += 1
                fromByte = 0
            }
            guard wikiLinks.count < MarkdownBody.mostWikiLinks else {
                diagnostics.append(
                    .error(
                        .tooComplex,
                        "the body has more than \(MarkdownBody.mostWikiLinks) wiki links; the links from here on are not read",
                        at: location))
                return
            }
            wikiLinks.append(WikiLink(match.target, label: match.label, at: location))
        }
    }

    /// The `[[…]]` spans of a text: target (before `|` and `#`), label (after `|`), raw inner text.
    static func wikiLinkMatches(in text: String) -> [(target: String, label: String?, raw: String)] {
        WikiLinkSyntax.segments(of: text).compactMap {
            if case let .link(target, label, raw) = $0 { return (target, label, raw) }
            return nil
        }
    }

    /// The index of `needle` in `haystack` at or after `start` (an offset from the slice's start).
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
        let base = haystack.startIndex
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = base + start
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i - base }
            }
            i += 1
        }
        return nil
    }
}
