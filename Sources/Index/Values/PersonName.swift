/// A person's name as identity compares it, and as an import cleans it.
///
/// Two spellings are one name when they fold alike the way the name resolver folds them
/// (case, accents, `ü`/`ue`, `ß`/`ss`, `ł`/`l`, punctuation), without honorifics (`Dr.`,
/// `Prof.`, `Frau`), credentials (`MBA`, `PhD`, after a comma or at the end) and middle
/// initials (`Priya K. Raman`). Import matching, `ties new` and `ties check`'s
/// `possible-duplicate` all compare names through `identityKey`.
public enum PersonName {
    static let honorifics: Set<String> = [
        "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "herr", "frau", "hr", "fr", "mag",
        "dipl", "ing", "med", "rer", "nat", "phil", "monsieur", "madame", "mme", "mlle", "sr", "sra", "srta", "don",
        "dona", "doctor", "rev",
    ]
    /// Credentials as they follow a comma; at the end without one, only `trailingCredentials`
    /// (`Ma` and `Rn` are names too).
    static let credentials: Set<String> = [
        "mba", "phd", "ph", "d", "msc", "bsc", "ma", "ba", "md", "cpa", "cfa", "pmp", "esq", "mag", "llm", "jd", "dphil",
        "meng", "beng", "dipl", "ing", "frm", "acca", "cissp", "cism", "pe", "rn", "mph", "edd", "dba", "mfa", "psm",
        "csm", "shrm", "cp", "scp", "phr", "sphr", "cfp", "caia", "fca", "aca", "ceng", "frsa", "mcse", "ccie",
    ]

    static let trailingCredentials: Set<String> = [
        "mba", "phd", "msc", "bsc", "cpa", "cfa", "pmp", "esq", "llm", "dphil", "cissp", "meng", "mph",
    ]

    /// The key two names of one person share. Empty for a name of nothing but honorifics.
    public static func identityKey(_ name: String) -> String {
        // Credentials after a comma go first: `Patrick Huber, MBA`, `Dr. Ana Ruiz, PhD, PMP`.
        var words = NameResolver.fold(withoutCredentialSuffix(name), spellUmlauts: false).split(separator: " ").map(String.init)
        while words.count > 1, honorifics.contains(words[0]) { words.removeFirst() }
        while words.count > 2, words.suffix(2) == ["ph", "d"] { words.removeLast(2) }
        while words.count > 1, let last = words.last, trailingCredentials.contains(last) { words.removeLast() }
        if words.count > 2 {
            // Middle initials: one letter between the first and the last word.
            words = [words[0]] + words[1..<(words.count - 1)].filter { $0.count > 1 } + [words[words.count - 1]]
        }
        return NameResolver.reduced(words.joined(separator: " "))
    }

    /// The name without what follows a comma when that is credentials (`, MBA`, `, PhD, PMP`).
    static func withoutCredentialSuffix(_ name: String) -> String {
        guard let comma = name.firstIndex(of: ",") else { return name }
        let rest = name[name.index(after: comma)...]
        let words = NameResolver.fold(String(rest), spellUmlauts: false).split(separator: " ")
        guard !words.isEmpty, words.allSatisfy({ credentials.contains(String($0)) || isCredentialLike(rest, String($0)) })
        else { return name }
        return String(name[..<comma])
    }

    /// Letters written in capitals in the original (`CSPO`, `MSc`): a credential though not
    /// one of the list.
    private static func isCredentialLike(_ original: Substring, _ folded: String) -> Bool {
        guard folded.count <= 6 else { return false }
        let letters = original.filter(\.isLetter)
        return !letters.isEmpty && letters.filter(\.isUppercase).count * 2 >= letters.count
            && original.split(whereSeparator: { $0 == " " || $0 == "," }).count <= 4
    }

    /// An imported name without decorations: credentials after a comma, and emoji and other
    /// pictographs anywhere (`Sandra Keller 🚀`, `Lisa Berger 🌱`). Nil when nothing was taken.
    public static func undecorated(_ name: String) -> String? {
        var text = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where !isDecoration(scalar) { text.append(scalar) }
        var cleaned = withoutCredentialSuffix(String(text))
        cleaned = cleaned.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = cleaned.last, last == "," || last == "|" || last == "-" || last == "·" {
            cleaned.removeLast()
            cleaned = cleaned.trimmingTrailingSpaces()
        }
        guard !cleaned.isEmpty, cleaned != name else { return nil }
        return cleaned
    }

    private static func isDecoration(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0xFE0F, 0x200D, 0x20E3: return true  // variation selector, joiner, keycap
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF: return true
        default: return scalar.properties.generalCategory == .otherSymbol
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
