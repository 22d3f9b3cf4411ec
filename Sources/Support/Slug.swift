import Foundation

/// Slugs: lower-case ASCII words joined by `-`, safe as file names and URLs.
public enum Slug {
    /// `Jürgen Weiß` → `jurgen-weiss`, `Ōtani Shōhei` → `otani-shohei`; other scripts are
    /// transliterated to Latin first. Never empty: falls back to `x`.
    public static func make(from text: String) -> String {
        if isSlug(text) { return text }
        var latin = text
        if latin.unicodeScalars.contains(where: { !$0.isASCII }) {
            // Letters that are not a base letter with a mark, so folding keeps them.
            for (letter, ascii) in [
                ("ß", "ss"), ("ø", "o"), ("Ø", "O"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("đ", "d"),
                ("Đ", "D"), ("ł", "l"), ("Ł", "L"), ("ı", "i"), ("þ", "th"), ("Þ", "TH"),
            ] {
                latin = latin.replacingOccurrences(of: letter, with: ascii)
            }
            latin = latin.applyingTransform(.toLatin, reverse: false) ?? latin
            latin = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        }
        var slug = ""
        var pendingDash = false
        for scalar in latin.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "x" : slug
    }

    /// The longest file name a slug makes in the site, in bytes: file systems allow 255, and
    /// a page's name gets `-2`, `.html` and, while it is written, a temporary prefix and suffix.
    public static let longest = 160

    /// `slug` as it is when it fits in `longest` bytes; else its start and a hash of the whole,
    /// so two long names that begin alike still get two names, the same on every build.
    public static func fitted(_ slug: String) -> String {
        guard slug.utf8.count > longest else { return slug }
        var hash = StableHash()
        hash.combine(slug)
        var start = String(decoding: slug.utf8.prefix(longest - 17), as: UTF8.self)
        while start.hasSuffix("-") { start.removeLast() }
        return start + "-" + hash.hex
    }

    /// Whether `text` is already what `make` makes of it: most file names are.
    public static func isSlug(_ text: some StringProtocol) -> Bool {
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// Whether every part of `path` between slashes `isSlug` and fits in `longest` bytes, in
    /// one pass: a record in a subfolder (`2025/2025-01-01-coffee`) needs no split to tell.
    public static func isSlugInEveryPart(_ path: String) -> Bool {
        var previous = UInt8(ascii: "-")
        var length = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/") where previous != UInt8(ascii: "-"):
                previous = UInt8(ascii: "-")
                length = 0
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
            length += 1
            guard length <= longest else { return false }
        }
        return previous != UInt8(ascii: "-")
    }

    /// `slug`, or `slug-2`, `slug-3`, … for the first one not in `taken` (compared without
    /// case, as file systems may), which then holds it.
    package static func unique(_ slug: String, among taken: inout Set<String>) -> String {
        let found = firstFree(slug) { taken.contains($0.lowercased()) }
        taken.insert(found.lowercased())
        return found
    }

    /// `base`, or `base-2`, `base-3`, … the first that `isTaken` does not hold; the number is
    /// found by doubling and halving, so 4,000 people of one name (or 4,000 `web` links) do
    /// not each try every number before theirs. Where some numbers in between are free, one of
    /// them may be taken instead of the lowest: any free name does.
    package static func firstFree(_ base: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(base) else { return base }
        var high = 2
        while isTaken("\(base)-\(high)") { high *= 2 }
        var low = high / 2
        while low + 1 < high {
            let middle = (low + high) / 2
            if isTaken("\(base)-\(middle)") { low = middle } else { high = middle }
        }
        return "\(base)-\(high)"
    }
}
