extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, newlines).
    ///
    /// Most values need no trimming, so this returns them without going through Foundation.
    package var trimmed: String {
        let text = String(self)
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
