import Foundation
import Support

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
    private let journal: Journal
    private let kinds: [RecordKind]

    public init(journal: Journal, kinds: [RecordKind]) {
        self.journal = journal
        self.kinds = kinds
    }

    /// The records `text` may mean, in the order of the first tier that finds any.
    public func candidates(for text: String) -> [RecordID] {
        if let file = fileMatch(text) { return [file] }
        let exact = exactMatches(text)
        if !exact.isEmpty { return exact }
        let query = NameResolver.keys(of: text)
        guard let primary = query.first, !primary.isEmpty else { return [] }
        var folded: [RecordID] = []
        var words: [RecordID] = []
        var reduced: [RecordID] = []
        var prefixes: [RecordID] = []
        forEachRecord { id, texts in
            var word = false
            var reducedMatch = false
            var prefix = false
            for text in texts {
                let keys = NameResolver.keys(of: text)
                if keys.contains(where: query.contains) {
                    folded.append(id)
                    return
                }
                for key in keys {
                    for typed in query {
                        if TextFolding.containsAtWord(key, typed, wholeWords: true) { word = true }
                        if TextFolding.containsAtWord(key, typed, wholeWords: false) { prefix = true }
                    }
                }
                // Spelt-out umlauts reduced (`Mueller` as `muller`), so `Muller` finds a name
                // written `Mueller`: after whole words, as the reduction also makes `Jo` of `Joe`.
                let lessened = NameResolver.reduced(keys[0])
                if query.contains(where: { TextFolding.containsAtWord(lessened, $0, wholeWords: true) }) { reducedMatch = true }
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

    private func exactMatches(_ text: String) -> [RecordID] { journal.records(named: text, among: kinds) }

    /// The record in the file `text` names, relative to the journal's root, with or without
    /// `.md` (`contacts/lena.md`, `encounters/2024/03-05-coffee`): what an editor or a shell's
    /// completion gives, and never ambiguous.
    private func fileMatch(_ text: String) -> RecordID? {
        var path = text.hasPrefix("./") ? String(text.dropFirst(2)) : text
        if path.hasSuffix(".md") { path.removeLast(3) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1, let kind = RecordKind(folder: String(parts[0])), kinds.contains(kind),
            !parts.contains(where: \.isEmpty)
        else { return nil }
        let slug = kind.slugKeepsFolders ? parts.dropFirst().joined(separator: "/") : String(parts[parts.count - 1])
        func exists<R: Record>(_ type: R.Type) -> Bool {
            journal[R.self][R.ID(slug)].map { $0.path == path + ".md" } ?? false
        }
        return exists(kind.recordType) ? RecordID(kind, slug) : nil
    }

    /// Calls `body` with each record of the kinds and the names it answers to: its name or
    /// title, slug, file name and aliases.
    private func forEachRecord(_ body: (RecordID, [String]) -> Void) {
        func each<R: Record>(_ kind: R.Type) {
            // In place: a copy of each record would retain all it holds, for nothing.
            journal[R.self].withUnsafeBufferPointer { records in
                for index in records.indices {
                    let slug = records[index].slug
                    var texts = [records[index].displayName, slug]
                    if R.kind.slugKeepsFolders, let slash = slug.lastIndex(of: "/") {
                        texts.append(String(slug[slug.index(after: slash)...]))
                    }
                    body(RecordID(R.kind, slug), texts + records[index].aliases)
                }
            }
        }
        for kind in kinds { each(kind.recordType) }
    }

    /// The ways a text is compared once folded: plain (`muller`) and with umlauts spelt out
    /// (`mueller`).
    static func keys(of text: String) -> [String] {
        let plain = fold(text, spellUmlauts: false)
        // Umlauts are two bytes from 0xC3: no such byte, nothing to spell out.
        guard text.utf8.contains(0xC3) else { return [plain] }
        let spelt = fold(text, spellUmlauts: true)
        return spelt == plain ? [plain] : [plain, spelt]
    }

    /// A folded text with spelt-out umlauts reduced to their vowel: `mueller` → `muller`.
    static func reduced(_ folded: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(folded.utf8.count)
        for byte in folded.utf8 {
            if byte == UInt8(ascii: "e"), let previous = bytes.last,
                previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == UInt8(ascii: "u")
            {
                continue
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lower case, no accents, no width, letters that do not decompose transliterated, and
    /// every run of spaces and punctuation one space (`TextFolding`).
    static func fold(_ text: String, spellUmlauts: Bool) -> String {
        TextFolding.fold(text, spellUmlauts: spellUmlauts, words: true)
    }

    /// `fold` keeping punctuation and spaces as they are, for searching text.
    static func letters(_ text: String, spellUmlauts: Bool = false) -> String {
        TextFolding.fold(text, spellUmlauts: spellUmlauts)
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
        func candidates<R: Record>(_ kind: R.Type) -> [String] { NameTable.candidates(of: self[R.self].array) }
        throw .notFound(text, suggestion: Suggestion.nearest(to: text, in: kinds.flatMap { candidates($0.recordType) }))
    }

    /// The record whose slug, name or alias is exactly `text` (ignoring case), as a reference in
    /// a file would name it; nil when none or several.
    func record(named text: String, among kinds: [RecordKind]) -> RecordID? {
        let found = records(named: text, among: kinds)
        return found.count == 1 ? found[0] : nil
    }

    /// Every record of `kinds` whose slug, name or alias is exactly `text` (ignoring case), sorted.
    package func records(named text: String, among kinds: [RecordKind]) -> [RecordID] {
        var found: [RecordID] = []
        for kind in kinds {
            // Each kind named, so that the scan is compiled for its type: code generic over the
            // kind copied each record it read.
            let match: NameTable.Match
            switch kind {
            case .contact: match = NameTable.match(text, in: contacts)
            case .encounter: match = NameTable.match(text, in: encounters)
            case .publication: match = NameTable.match(text, in: publications)
            case .org: match = NameTable.match(text, in: orgs)
            case .goal: match = NameTable.match(text, in: goals)
            }
            switch match {
            case let .one(slug): found.append(RecordID(kind, slug))
            case let .several(slugs): found += slugs.map { RecordID(kind, $0) }
            case .none: break
            }
        }
        return found.sorted()
    }
}
