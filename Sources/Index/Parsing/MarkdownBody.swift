import CCmark

/// What ties needs from a body, read from cmark's syntax tree: the first `# heading` and the
/// wiki links outside code.
///
/// Working on the tree rather than on raw text means `[[x]]` inside a code span or a code block
/// is never taken for a link.
struct MarkdownBody {
    var firstHeading: String?
    var wikiLinks: [WikiLink] = []

    init(_ body: String, firstLine: Int, path: String) {
        guard body.contains(where: { !$0.isWhitespace }) else { return }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
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
                    let trimmed = headingText.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty { firstHeading = trimmed }
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if headingDepth > 0, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE,
               let literal = cmark_node_get_literal(node) {
                headingText += String(cString: literal)
            } else if headingDepth > 0, type == CMARK_NODE_SOFTBREAK {
                headingText += " "
            }
            if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                let text = String(cString: literal)
                guard text.contains("[[") else { continue }
                collectLinks(in: text, node: node, lines: lines, firstLine: firstLine, path: path)
            }
        }
        if headingDepth > 0 { firstHeading = headingText.trimmingCharacters(in: .whitespaces) }
    }

    private mutating func collectLinks(in text: String, node: OpaquePointer, lines: [Substring], firstLine: Int,
                                       path: String) {
        // cmark counts lines from the body's start and columns in bytes.
        let startLine = Int(cmark_node_get_start_line(node))
        let startByte = Int(cmark_node_get_start_column(node))
        var searchLine = startLine
        var searchByte = max(0, startByte - 1)
        for match in MarkdownBody.wikiLinkMatches(in: text) {
            // Find the raw `[[target` in the source from where the previous link ended; the
            // literal may differ from the source (escapes, entities), so fall back to the node.
            var location = SourceLocation(path: path, line: startLine + firstLine - 1,
                                          column: MarkdownBody.column(ofByte: startByte - 1, in: lines, line: startLine))
            var lineIndex = searchLine
            var fromByte = searchByte
            while lineIndex - 1 < lines.count, lineIndex <= startLine + 20 {
                let utf8 = Array(lines[lineIndex - 1].utf8)
                if let found = MarkdownBody.find(Array(("[[" + match.raw).utf8), in: utf8, from: fromByte) {
                    location = SourceLocation(path: path, line: lineIndex + firstLine - 1,
                                              column: MarkdownBody.column(ofByte: found, in: lines, line: lineIndex))
                    searchLine = lineIndex
                    searchByte = found + 2
                    break
                }
                lineIndex += 1
                fromByte = 0
            }
            wikiLinks.append(WikiLink(match.target, label: match.label, at: location))
        }
    }

    /// The `[[…]]` spans of a text: target (before `|` and `#`), label (after `|`), raw inner text.
    static func wikiLinkMatches(in text: String) -> [(target: String, label: String?, raw: String)] {
        var result: [(String, String?, String)] = []
        var rest = text[...]
        while let open = rest.range(of: "[[") {
            var afterOpen = rest[open.upperBound...]
            // `[[[a]]`: the last two brackets of a run open the link.
            while afterOpen.first == "[" { afterOpen = afterOpen.dropFirst() }
            guard let close = afterOpen.range(of: "]]") else { break }
            var inner = afterOpen[..<close.lowerBound]
            // `[[[a]]` or `[[a [[b]]`: the innermost opening counts.
            if let nested = inner.range(of: "[[", options: .backwards) {
                inner = inner[nested.upperBound...]
            }
            rest = afterOpen[close.upperBound...]
            guard !inner.contains("\n") else { continue }
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            var target = String(parts[0])
            if let hash = target.firstIndex(where: { $0 == "#" || $0 == "^" }) { target = String(target[..<hash]) }
            target = target.trimmingCharacters(in: .whitespaces)
            let label = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            guard !target.isEmpty else { continue }
            result.append((target, label?.isEmpty == true ? nil : label, String(inner)))
        }
        return result
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<i + needle.count].elementsEqual(needle) { return i }
        }
        return nil
    }

    /// 1-based column in Unicode scalars of a 0-based byte offset in a body line.
    private static func column(ofByte byte: Int, in lines: [Substring], line: Int) -> Int {
        guard line - 1 < lines.count, line >= 1 else { return 1 }
        let utf8 = lines[line - 1].utf8
        let prefix = utf8.prefix(max(0, byte))
        return (String(decoding: prefix, as: UTF8.self).unicodeScalars.count) + 1
    }
}

import Foundation
