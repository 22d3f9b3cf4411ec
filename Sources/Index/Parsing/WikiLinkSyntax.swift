import Support

/// The syntax of Obsidian-style wiki links: `[[target]]`, `[[target|label]]`, `[[target#heading]]`.
///
/// One definition for both reading links (the Index) and rendering them (the Site), so the two
/// can never disagree about what is a link.
public enum WikiLinkSyntax {
    /// Whether `text` can be the target of a wiki link as written: `]]` and `[[` would end or
    /// open a link, `|` starts the shown text, `#` a heading and `^` a block; a line break
    /// ends it.
    package static func canBeTarget(_ text: String) -> Bool {
        !(text.contains("]]") || text.contains("[[")
            || text.contains(where: { $0 == "|" || $0 == "#" || $0 == "^" || $0.isNewline }))
    }

    public enum Segment: Hashable, Sendable {
        case text(String)
        /// `target` is trimmed and without `#heading` or `^block`; `raw` is everything between the brackets.
        case link(target: String, label: String?, raw: String)
    }

    /// A text cut into plain text and links, in order; text that only looks like a link
    /// (`[[]]`, `[[a` with no end, a link broken over lines) stays text.
    public static func segments(of text: String) -> [Segment] {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return [.text(text)] }
        var segments: [Segment] = []
        var textStart = 0
        var index = 0
        func flush(until end: Int) {
            if end > textStart { segments.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        while let open = MarkdownBody.find([0x5B, 0x5B], in: bytes[...], from: index) {
            var innerStart = open + 2
            // `[[[a]]`: the last two brackets of a run open the link.
            while innerStart < bytes.count, bytes[innerStart] == 0x5B { innerStart += 1 }
            guard let close = MarkdownBody.find([0x5D, 0x5D], in: bytes[...], from: innerStart) else { break }
            index = close + 2
            var openAt = innerStart - 2
            var inner = bytes[innerStart..<close]
            // `[[a [[b]]`: the innermost opening counts.
            if let nested = lastOpening(in: inner) {
                openAt = nested
                inner = inner[(nested + 2)...]
            }
            guard !inner.contains(0x0A) else { continue }
            let raw = String(decoding: inner, as: UTF8.self)
            var target = raw[...]
            var label: String?
            if let bar = target.firstIndex(of: "|") {
                label = target[target.index(after: bar)...].trimmed
                target = target[..<bar]
            }
            if let anchor = target.firstIndex(where: { $0 == "#" || $0 == "^" }) { target = target[..<anchor] }
            let name = target.trimmed
            guard !name.isEmpty else { continue }
            flush(until: openAt)
            segments.append(.link(target: name, label: label?.isEmpty == true ? nil : label, raw: raw))
            textStart = index
        }
        flush(until: bytes.count)
        return segments
    }

    private static func lastOpening(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.endIndex - 2
        while index >= bytes.startIndex {
            if bytes[index] == 0x5B && bytes[index + 1] == 0x5B { return index }
            index -= 1
        }
        return nil
    }
}
