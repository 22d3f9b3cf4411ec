extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, newlines).
    ///
    /// Most values need no trimming, so this returns them without going through Foundation.
    package var trimmed: String {
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}

extension String {
    /// `lowercased()`, without making a new string when there is nothing to lower: slugs and
    /// most names in links already are.
    package var lowercasedIfNeeded: String {
        utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? lowercased() : self
    }
}

extension String {
    /// The text's lines that are not empty, split at `\n`, `\r\n` or `\r`, as Markdown reads them.
    ///
    /// Splitting bytes instead of characters skips grapheme breaking, which made reading the
    /// notes of every encounter for the contact pages' briefs a tenth of a full build.
    package var nonEmptyLines: [Substring] {
        utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map { Substring($0) }
    }
}
