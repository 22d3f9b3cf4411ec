/// The first pass over a template: its text and tags in order, each tag with its place, and the
/// spec's standalone lines already taken out (a line holding only a section tag, a comment, a
/// partial… and white space renders as nothing, not as an empty line).
struct Lexer {
    enum Kind: Equatable {
        case variable, unescaped, section, inverted, close, comment, partial, delimiters, parent, block
    }

    enum Token {
        /// Text holding at most one line end, at its end.
        case text([UInt8])
        /// The start of a line of the template: where indentation goes.
        case lineStart
        case tag(Tag)
    }

    struct Tag {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        /// For a standalone partial, parent or block: the white space before it, which indents
        /// every line it renders (a block's own content may say otherwise); nil when not standalone.
        var indent: [UInt8]?
    }

    private let source: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var index = 0
    private var line = 1
    private var lineStartIndex = 0

    init(_ source: [UInt8]) { self.source = source }

    /// The tokens of the template, or the first problem in it.
    static func tokens(of source: [UInt8]) throws(TemplateError) -> [Token] {
        var lexer = Lexer(source)
        let lines = try lexer.lines()
        var tokens: [Token] = []
        tokens.reserveCapacity(lines.count * 3)
        for var line in lines {
            Lexer.removeStandalone(&line)
            tokens += line
        }
        return tokens
    }

    /// The template cut into lines, each a list of tokens beginning with `.lineStart` and, but
    /// for the last, ending with text that ends with a line end.
    private mutating func lines() throws(TemplateError) -> [[Token]] {
        var lines: [[Token]] = []
        var current: [Token] = [.lineStart]
        var textStart = index
        func flushText(upTo end: Int) {
            if end > textStart { current.append(.text(Array(source[textStart..<end]))) }
        }
        while index < source.count {
            if source[index] == UInt8(ascii: "\n") {
                index += 1
                flushText(upTo: index)
                lines.append(current)
                current = [.lineStart]
                line += 1
                lineStartIndex = index
                textStart = index
            } else if matches(open, at: index) {
                flushText(upTo: index)
                let tag = try readTag()
                current.append(.tag(tag))
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: index)
        // After a final line end there is no line to indent.
        if current.count > 1 { lines.append(current) }
        return lines
    }

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        guard position + delimiter.count <= source.count else { return false }
        for offset in delimiter.indices where source[position + offset] != delimiter[offset] { return false }
        return true
    }

    /// The last column counted: the next is counted on from it, so a line of a million tags
    /// is read once.
    private var counted = (line: 0, position: 0, column: 1)

    /// The column, in characters, of the byte at `position` of the current line.
    private mutating func column(of position: Int) -> Int {
        if counted.line != line || counted.position > position || counted.position < lineStartIndex {
            counted = (line, lineStartIndex, 1)
        }
        var count = counted.column
        for byte in source[counted.position..<position] where byte & 0xC0 != 0x80 { count += 1 }
        counted = (line, position, count)
        return count
    }

    private mutating func error(_ message: String, at position: Int) -> TemplateError {
        TemplateError(line: line, column: column(of: position), message: message)
    }

    private mutating func readTag() throws(TemplateError) -> Tag {
        let start = index
        let tagLine = line
        let tagColumn = column(of: start)
        index += open.count
        var kind = Kind.variable
        var closing = close
        if index < source.count {
            switch source[index] {
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "="): kind = .delimiters
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "&"): kind = .unescaped
            case UInt8(ascii: "{"):
                kind = .unescaped
                closing = [UInt8(ascii: "}")] + close
            default: break
            }
            if kind != .variable { index += 1 }
        }
        var end = index
        while end < source.count && !matches(closing, at: end) {
            // A comment may run over several lines; no other tag may.
            if source[end] == UInt8(ascii: "\n") && kind != .comment {
                throw error("a tag is never closed with '\(String(decoding: close, as: UTF8.self))'", at: start)
            }
            end += 1
        }
        guard end < source.count else {
            throw error("a tag is never closed with '\(String(decoding: close, as: UTF8.self))'", at: start)
        }
        let content = source[index..<end]
        for byte in content where byte == UInt8(ascii: "\n") {
            line += 1
            _ = byte
        }
        if kind == .comment, let lastLineEnd = content.lastIndex(of: UInt8(ascii: "\n")) { lineStartIndex = lastLineEnd + 1 }
        index = end + closing.count
        var name = String(decoding: content, as: UTF8.self).trimmingWhitespace()
        if kind == .delimiters {
            guard name.hasSuffix("="), name.count >= 2 else {
                throw TemplateError(line: tagLine, column: tagColumn, message: "a tag that sets delimiters must end with '='")
            }
            let parts = name.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw TemplateError(
                    line: tagLine, column: tagColumn,
                    message: "a tag that sets delimiters must hold two delimiters apart, as in {{=<% %>=}}")
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
            name = ""
        } else if kind != .comment && name.isEmpty {
            throw TemplateError(line: tagLine, column: tagColumn, message: "a tag names nothing")
        }
        return Tag(kind: kind, name: name, line: tagLine, column: tagColumn)
    }

    /// Takes a standalone line's white space and line end out, keeping the indentation of a
    /// partial or parent for it to indent with. One tag alone on a line is standalone; so are
    /// the pairs the inheritance spec names: `{{<p}}{{/p}}`, `{{<p}}{{$b}}`, `{{/b}}{{/p}}` and
    /// `{{$b}}{{/b}}` (which keeps its line end).
    static func removeStandalone(_ line: inout [Token]) {
        var tags: [Int] = []
        var indentation: [UInt8] = []
        for (position, token) in line.enumerated() {
            switch token {
            case .lineStart: continue
            case .text(let bytes):
                let isLast = position == line.count - 1
                guard isBlank(bytes, lineEndAllowed: isLast) else { return }
                if tags.isEmpty && !isLast { indentation += bytes }
            case .tag(let tag):
                guard standaloneKinds.contains(tag.kind) else { return }
                tags.append(position)
            }
        }
        var keepsLineEnd = false
        switch tags.count {
        case 1: break
        case 2:
            guard case .tag(let first) = line[tags[0]], case .tag(let second) = line[tags[1]], tags[1] == tags[0] + 1
            else { return }
            switch (first.kind, second.kind) {
            case (.parent, .close), (.parent, .block), (.close, .close): break
            case (.block, .close): keepsLineEnd = true
            default: return
            }
        default: return
        }
        var kept: [Token] = []
        for (position, token) in line.enumerated() {
            switch token {
            case .lineStart: continue  // the line renders as nothing, so has no start to indent
            case .text(let bytes):
                if keepsLineEnd, position == line.count - 1, let end = lineEnd(of: bytes) { kept.append(.text(end)) }
            case .tag(var tag):
                if tag.kind == .partial || tag.kind == .parent { tag.indent = indentation }
                if tag.kind == .block { tag.indent = indentation }
                kept.append(.tag(tag))
            }
        }
        line = kept
    }

    private static let standaloneKinds: [Kind] = [.section, .inverted, .close, .comment, .partial, .delimiters, .parent, .block]

    private static func isBlank(_ bytes: [UInt8], lineEndAllowed: Bool) -> Bool {
        for (position, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "\r") where lineEndAllowed && position == bytes.count - 2 && bytes.last == UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "\n") where lineEndAllowed && position == bytes.count - 1: continue
            default: return false
            }
        }
        return true
    }

    private static func lineEnd(of bytes: [UInt8]) -> [UInt8]? {
        if bytes.last != UInt8(ascii: "\n") { return nil }
        return bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\r") ? [13, 10] : [10]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
