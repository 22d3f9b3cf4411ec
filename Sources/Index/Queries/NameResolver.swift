import Foundation

/// Finds the record a person means by what they typed on the command line.
///
/// References in files must name a record exactly (slug, name or alias, any case), so that a
/// journal means the same thing tomorrow. A person at a terminal types less: `lena`, `schafer`,
/// `Mueller`, `Len`. The resolver tries ever looser readings and stops at the first that finds
/// anything, so an exact name always wins over a prefix of another:
///
/// 1. exact: slug, file name, name or alias, ignoring case;
/// 2. folded: also ignoring accents and width, with letters that do not decompose
///    transliterated (`ß` = `ss`, `ø` = `o`, `ł` = `l`), and German umlauts read either way
///    (`Müller` is `Muller` and `Mueller`);
/// 3. a whole word of a name: a unique first or last name (`schäfer`, `田中`);
/// 4. a prefix of a name or of one of its words (`Len`, `Lena Sch`).
///
/// More than one record at the first tier that finds any is ambiguous: the caller lists them.
/// At tiers 3 and 4 encounters count only when nothing else matches: their titles and file
/// names repeat the names of the people met.
/// Tiers 2 to 4 scan the records once (linear, and only when the exact tier found nothing).
public struct NameResolver {
    /// One of the names a record answers to, folded in the ways tiers 2 to 4 compare.
    private struct Name {
        var keys: [String]
        var words: [[String]]
        /// The keys with spelt-out umlauts reduced (`Mueller` as `muller`), so `Muller` finds a
        /// name written `Mueller`: compared after whole words, as the reduction also makes `Joe`
        /// of `Jo`.
        var reduced: String
        var reducedWords: [String]
    }

    private let journal: Journal
    private let kinds: [RecordKind]

    public init(journal: Journal, kinds: [RecordKind]) {
        self.journal = journal
        self.kinds = kinds
    }

    /// The records `text` may mean, in the order of the first tier that finds any.
    public func candidates(for text: String) -> [RecordID] {
        let exact = exactMatches(text)
        if !exact.isEmpty { return exact }
        let query = NameResolver.keys(of: text)
        guard let primary = query.first, !primary.isEmpty else { return [] }
        var folded: [RecordID] = []
        var words: [RecordID] = []
        var reduced: [RecordID] = []
        var prefixes: [RecordID] = []
        forEachRecord { id, names in
            var word = false
            var reducedMatch = false
            var prefix = false
            for name in names {
                if !Set(name.keys).isDisjoint(with: query) {
                    folded.append(id)
                    return
                }
                for keyWords in name.words {
                    if query.contains(where: { NameResolver.isWordSequence($0, of: keyWords) }) { word = true }
                    if query.contains(where: { NameResolver.isPrefix($0, of: keyWords) }) { prefix = true }
                }
                if query.contains(name.reduced)
                    || query.contains(where: { NameResolver.isWordSequence($0, of: name.reducedWords) })
                {
                    reducedMatch = true
                }
            }
            if word {
                words.append(id)
            } else if reducedMatch {
                reduced.append(id)
            } else if prefix {
                prefixes.append(id)
            }
        }
        if !folded.isEmpty { return folded.sorted() }
        // A part of a name means a person, org, goal or publication before an encounter whose
        // title or file name holds the same word (`anna` is Anna, not "Lunch with Anna").
        for tier in [words, reduced, prefixes] where !tier.isEmpty {
            let named = tier.filter { $0.kind != .encounter }
            return (named.isEmpty ? tier : named).sorted()
        }
        return []
    }

    private func exactMatches(_ text: String) -> [RecordID] {
        var found: [RecordID] = []
        func table<R: Record>(_ kind: R.Type) -> NameTable { NameTable(journal[R.self].array) }
        for kind in kinds {
            switch table(kind.recordType).match(text) {
            case let .one(slug): found.append(RecordID(kind, slug))
            case let .several(slugs): found += slugs.map { RecordID(kind, $0) }
            case .none: break
            }
        }
        return found.sorted()
    }

    /// Calls `body` with each record of the kinds and the names it answers to, folded.
    private func forEachRecord(_ body: (RecordID, [Name]) -> Void) {
        func each<R: Record>(_ kind: R.Type) {
            for record in journal[R.self] {
                var texts = [record.displayName, record.slug]
                if R.kind.slugKeepsFolders, let slash = record.slug.lastIndex(of: "/") {
                    texts.append(String(record.slug[record.slug.index(after: slash)...]))
                }
                texts += record.aliases
                let names = texts.map { text in
                    let keys = NameResolver.keys(of: text)
                    let reduced = NameResolver.reduced(keys[0])
                    return Name(
                        keys: keys, words: keys.map(NameResolver.words), reduced: reduced,
                        reducedWords: NameResolver.words(reduced))
                }
                body(record.recordID, names)
            }
        }
        for kind in kinds { each(kind.recordType) }
    }

    /// The ways a text is compared once folded: plain (`muller`) and with umlauts spelt out
    /// (`mueller`).
    static func keys(of text: String) -> [String] {
        let plain = fold(text, spellUmlauts: false)
        let spelt = fold(text, spellUmlauts: true)
        return spelt == plain ? [plain] : [plain, spelt]
    }

    /// A folded text with spelt-out umlauts reduced to their vowel: `mueller` → `muller`.
    static func reduced(_ folded: String) -> String {
        guard folded.contains("e") else { return folded }
        return folded.replacingOccurrences(of: "ae", with: "a").replacingOccurrences(of: "oe", with: "o")
            .replacingOccurrences(of: "ue", with: "u")
    }

    /// Lower case, no accents, no width, letters that do not decompose transliterated, and
    /// every run of spaces and punctuation one space.
    static func fold(_ text: String, spellUmlauts: Bool) -> String {
        words(letters(text, spellUmlauts: spellUmlauts)).joined(separator: " ")
    }

    /// Lower case, no accents, no width, and letters that do not decompose transliterated
    /// (`ß` = `ss`, `ø` = `o`, `ł` = `l`); punctuation and spaces as they are.
    static func letters(_ text: String, spellUmlauts: Bool = false) -> String {
        var latin = text.lowercased()
        guard latin.utf8.contains(where: { $0 >= 0x80 }) else { return latin }
        latin = latin.precomposedStringWithCanonicalMapping
        if spellUmlauts {
            for (letter, spelt) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue")] {
                latin = latin.replacingOccurrences(of: letter, with: spelt)
            }
        }
        for (letter, ascii) in [
            ("ß", "ss"), ("ẞ", "ss"), ("ø", "o"), ("æ", "ae"), ("œ", "oe"), ("đ", "d"), ("ł", "l"), ("ı", "i"), ("þ", "th"),
        ] {
            latin = latin.replacingOccurrences(of: letter, with: ascii)
        }
        return latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }

    /// The words of a folded text: split at spaces and punctuation (`jonas-mueller`, `O'Brien`).
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation || $0.isSymbol }).map(String.init)
    }

    /// Whether `query` is one word of `words`, or several in a row (`van der berg`).
    static func isWordSequence(_ query: String, of words: [String]) -> Bool {
        let wanted = query.split(separator: " ")
        guard !wanted.isEmpty, wanted.count <= words.count else { return false }
        for start in 0...(words.count - wanted.count) where zip(words[start...], wanted).allSatisfy({ $0 == $1 }) {
            return true
        }
        return false
    }

    /// Whether `query` begins the name at one of its words: `len`, `lena sch`, `sch`.
    static func isPrefix(_ query: String, of words: [String]) -> Bool {
        for start in words.indices where words[start...].joined(separator: " ").hasPrefix(query) { return true }
        return false
    }
}

public extension Journal {
    /// Resolves what a person typed on the command line to a record of one of `kinds`, the way
    /// `NameResolver` reads names: exact, then folded, then a whole word, then a prefix.
    ///
    /// Throws `LookupError` with a "did you mean" when nothing matches, or the candidates when
    /// several do.
    func find(_ text: String, among kinds: [RecordKind] = RecordKind.allCases) throws(LookupError) -> RecordID {
        let found = NameResolver(journal: self, kinds: kinds).candidates(for: text)
        if found.count == 1 { return found[0] }
        if found.count > 1 {
            throw .ambiguous(text, found.map { LookupError.Candidate(id: $0, name: displayName(of: $0) ?? $0.slug) })
        }
        func candidates<R: Record>(_ kind: R.Type) -> [String] { NameTable(self[R.self].array).candidates }
        throw .notFound(text, suggestion: Suggestion.nearest(to: text, in: kinds.flatMap { candidates($0.recordType) }))
    }

    /// The record whose slug, name or alias is exactly `text` (ignoring case), as a reference in
    /// a file would name it; nil when none or several.
    func record(named text: String, among kinds: [RecordKind]) -> RecordID? {
        var found: [RecordID] = []
        func table<R: Record>(_ kind: R.Type) -> NameTable { NameTable(self[R.self].array) }
        for kind in kinds {
            switch table(kind.recordType).match(text) {
            case let .one(slug): found.append(RecordID(kind, slug))
            case let .several(slugs): found += slugs.map { RecordID(kind, $0) }
            case .none: break
            }
        }
        return found.count == 1 ? found[0] : nil
    }
}
