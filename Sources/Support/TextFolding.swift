import Foundation

/// Text folded for comparing the way people read it: lower case, no accents, no width, letters
/// that do not decompose transliterated (`ß` = `ss`, `ø` = `o`, `ł` = `l`), and German umlauts
/// optionally spelt out (`ü` = `ue`).
///
/// One pass over the text's scalars. Foundation's `folding(options:)` costs microseconds a
/// call, which made looking up a name in 100,000 records take seconds; here each letter outside
/// ASCII is looked up in a table folded once, with Foundation, per letter of the scripts names
/// are written in (Latin, Greek, Cyrillic), and any other letter is lower-cased as it is.
package enum TextFolding {
    /// Folds `text`; with `words`, every run of spaces, punctuation and symbols is one space and
    /// the ends are trimmed (`Jean-Luc  O'Brien` → `jean luc o brien`).
    package static func fold(_ text: String, spellUmlauts: Bool = false, words: Bool = false) -> String {
        if let ascii = foldASCII(text, words: words) { return ascii }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(text.unicodeScalars, spellUmlauts: spellUmlauts, words: words, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds `scalars` into UTF-8 bytes: a string built a scalar at a time was most of a search.
    private static func fold(
        _ scalars: some Sequence<Unicode.Scalar>, spellUmlauts: Bool, words: Bool, into out: inout [UInt8]
    ) {
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            if words && isSeparator(scalar) {
                pendingSpace = !out.isEmpty
                return
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if scalar.value < 0x80 {
                out.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(truncatingIfNeeded: value + 0x20)) : scalar)
            } else if spellUmlauts, let spelt = umlauts[value] {
                for letter in spelt.unicodeScalars { append(letter) }
            } else if let folded = table[value] {
                for letter in folded.unicodeScalars { append(letter) }
            } else if (0xFF01...0xFF5E).contains(value) {
                // Full-width ASCII.
                let ascii = value - 0xFEE0
                append(Unicode.Scalar(UInt8(truncatingIfNeeded: ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)))
            } else {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark: continue
                default: for letter in scalar.properties.lowercaseMapping.unicodeScalars { append(letter) }
                }
            }
        }
    }

    /// `fold` for ASCII text, on its bytes; nil for any other text.
    private static func foldASCII(_ text: String, words: Bool) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lowered = lower(byte)
                if words && !((0x30...0x39).contains(lowered) || (0x61...0x7A).contains(lowered)) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(lowered)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `needle` is in `haystack` (both folded with `words`) starting where a word starts
    /// and, with `wholeWords`, ending where one ends: `lena sch` starts a word of
    /// `lena schafer`; `van der berg` is whole words of `hans van der berg`.
    package static func containsAtWord(_ haystack: String, _ needle: String, wholeWords: Bool) -> Bool {
        let space = UInt8(ascii: " ")
        let needle = Array(needle.utf8)
        guard !needle.isEmpty else { return false }
        var haystack = haystack
        return haystack.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var start = 0
            while start <= bytes.count - needle.count {
                if start == 0 || bytes[start - 1] == space {
                    var offset = 0
                    while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
                    let end = start + needle.count
                    if offset == needle.count, !wholeWords || end == bytes.count || bytes[end] == space { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// Whether `text`, once folded, holds `folded` (a text folded already). The text's bytes
    /// are compared first, without case and making no new string: what they hold, the folded
    /// text holds (folding lowers ASCII and leaves the folded needle's letters as they are).
    /// Only text beyond ASCII that does not hold it so is folded and compared again.
    package static func matches(_ text: some StringProtocol, folded: String) -> Bool {
        let needle = Array(folded.utf8)
        guard !needle.isEmpty else { return true }
        var ascii = true
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= needle.count else {
                ascii = !bytes.contains { $0 >= 0x80 }
                return false
            }
            let last = bytes.count - needle.count
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { ascii = false }
                if index <= last, lower(byte) == needle[0] {
                    var offset = 1
                    while offset < needle.count, lower(bytes[index + offset]) == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                index += 1
            }
            return false
        }
        if let found, found || ascii { return found }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(text.unicodeScalars, spellUmlauts: false, words: false, into: &out)
        return out.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// Text as search compares it: folded, and with German umlauts spelt out reduced to their
    /// vowel, so that `Müller`, `Mueller` and `muller` are one (`e` after `a`, `o` or `u` is
    /// dropped: the same is done to the text searched, so `blue` is still found as `blue`). The
    /// site's search (script.js) folds the same way.
    package static func searchKey(_ text: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        searchKey(text, into: &out)
        return out
    }

    /// `searchKey` into `out`, which is emptied first and keeps its capacity: one buffer serves
    /// every text of a search.
    package static func searchKey(_ text: some StringProtocol, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        let ascii: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            out.reserveCapacity(bytes.count)
            for byte in bytes { appendReduced(lower(byte), to: &out) }
            return true
        }
        if ascii == true { return }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        fold(text.unicodeScalars, spellUmlauts: false, words: false, into: &folded)
        out.reserveCapacity(folded.count)
        for byte in folded { appendReduced(byte, to: &out) }
    }

    @inline(__always) private static func appendReduced(_ byte: UInt8, to out: inout [UInt8]) {
        if byte == UInt8(ascii: "e"), let previous = out.last,
            previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == UInt8(ascii: "u")
        {
            return
        }
        out.append(byte)
    }

    /// A word of a search, ready to be looked for in many texts: whether a text's search key
    /// holds it is found in one pass over an ASCII text's bytes, folding and reducing them on
    /// the way (Knuth–Morris–Pratt), without writing the key out; other text is folded first.
    package struct SearchWord: Sendable {
        package let key: [UInt8]
        private let fallback: [Int]

        package init(key: [UInt8]) {
            self.key = key
            var fallback = [Int](repeating: 0, count: key.count)
            var length = 0
            var index = 1
            while index < key.count {
                if key[index] == key[length] {
                    length += 1
                    fallback[index] = length
                    index += 1
                } else if length > 0 {
                    length = fallback[length - 1]
                } else {
                    index += 1
                }
            }
            self.fallback = fallback
        }

        /// Whether `searchKey(text)` holds the word; `scratch` serves text beyond ASCII.
        package func isIn(_ text: some StringProtocol, scratch: inout [UInt8]) -> Bool {
            guard !key.isEmpty else { return true }
            let found: Bool? =
                text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                    var state = 0
                    var previous: UInt8 = 0
                    for byte in bytes {
                        guard byte < 0x80 else { return nil }
                        let letter = TextFolding.lower(byte)
                        if letter == UInt8(ascii: "e"),
                            previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == UInt8(ascii: "u")
                        {
                            continue
                        }
                        previous = letter
                        while state > 0 && key[state] != letter { state = fallback[state - 1] }
                        if key[state] == letter {
                            state += 1
                            if state == key.count { return true }
                        }
                    }
                    return false
                } ?? nil
            if let found { return found }
            TextFolding.searchKey(text, into: &scratch)
            return TextFolding.contains(scratch, key)
        }
    }

    /// Whether `haystack` holds `needle`, both search keys.
    package static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    @inline(__always) fileprivate static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// Whether `haystack` holds `needle`'s bytes in a row: both already folded.
    package static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { contains($0, Array(needle.utf8)) }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var match = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    match = false
                    break
                }
                if match { return true }
            }
            index += 1
        }
        return false
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value
            return !((0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value))
        }
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static let umlauts: [UInt32: String] = [
        0xE4: "ae", 0xF6: "oe", 0xFC: "ue", 0xC4: "ae", 0xD6: "oe", 0xDC: "ue",
    ]

    /// Letters that do not decompose into a base letter and a mark, so folding would keep them.
    private static let transliterated: [Character: String] = [
        "ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th",
    ]

    /// Every letter of Latin-1, Latin Extended A and B, Greek, Cyrillic and Latin Extended
    /// Additional (Vietnamese), folded once.
    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let character = Character(scalar)
                if let ascii = transliterated[character] {
                    table[value] = ascii
                    continue
                }
                let folded = String(character).folding(
                    options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                if folded != String(character) { table[value] = folded }
            }
        }
        return table
    }()
}
