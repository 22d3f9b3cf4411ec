import Foundation
import Index
import Support

/// `search-index.js`: what the site's search looks through, as a script rather than JSON,
/// because browsers refuse to fetch JSON from pages opened with file://.
enum SearchIndex {
    struct Entry: Sendable {
        /// Name or title.
        var n: String
        /// Kind, one of it, in the interface's language.
        var k: String
        /// What tells records of one name apart: a contact's title and org, an encounter's day.
        var d: String
        /// What the search compares the words of a query with: each word of every field and of
        /// the notes once, as search keys (`TextFolding.searchKey`), as `ties search` reads them.
        var x: String
        /// Page, relative to the site's root.
        var u: String
    }

    static func script(
        for context: SiteContext, reusing previous: SearchWords = SearchWords()
    ) -> (
        script: Data, words: SearchWords
    ) {
        let (json, words) = jsonBytes(for: context, reusing: previous)
        var script = Data("window.tiesSearch = ".utf8)
        script.reserveCapacity(json.count + 24)
        script.append(contentsOf: json)
        script.append(contentsOf: ";\n".utf8)
        return (script, words)
    }

    /// `jsonBytes` as a string.
    static func json(
        for context: SiteContext, reusing previous: SearchWords = SearchWords(), page address: (String) -> String = { $0 }
    ) -> (json: String, words: SearchWords) {
        let (json, words) = jsonBytes(for: context, reusing: previous, page: address)
        return (String(decoding: json, as: UTF8.self), words)
    }

    /// The entries as a JSON array, and each record's words for the next build; `previous`
    /// holds the last build's words, used where a record's texts are the same; `page` gives
    /// the address of a page from its path (an encrypted build's opaque names).
    static func jsonBytes(
        for context: SiteContext, reusing previous: SearchWords = SearchWords(), page address: (String) -> String = { $0 }
    ) -> (json: [UInt8], words: SearchWords) {
        let journal = context.journal.whole
        let v = context.vocabulary
        /// The entries of one kind's records, on all cores, in the journal's order.
        func entries<R: Record>(
            _ type: R.Type, detail: @escaping @Sendable (R) -> [String?]
        ) -> [(entry: Entry, key: SearchWords.Key)] {
            let kept = journal.keptFingerprints(R.self)
            return journal[R.self].withUnsafeBufferPointer { records in
                nonisolated(unsafe) let records = records
                return parallelResults(count: records.count) { range, set in
                    var key: [UInt8] = []
                    var seen = Set<String>()
                    let writer = BinaryWriter(sharesStrings: false)
                    for index in range {
                        // In place: a copy of a record would retain every field of it.
                        let id = records[index].recordID
                        guard let page = context.paths.page(of: id) else { continue }
                        let wordsKey = SearchWords.Key(kept?[index] ?? records[index].fingerprint(using: writer))
                        set(
                            index,
                            (
                                Entry(
                                    n: context.displayName(of: id) ?? records[index].displayName, k: v.kindName(R.kind),
                                    d: detail(records[index]).compactMap { $0 }.joined(separator: " · "),
                                    x: previous.words[wordsKey]
                                        ?? words(
                                            of: SearchFields.texts(of: records[index]) + [records[index].body], key: &key,
                                            seen: &seen),
                                    u: page),
                                wordsKey
                            ))
                    }
                }
                .compactMap { $0 }
            }
        }
        let dates = context.dates
        var all = entries(Contact.self) { c in
            [c.title, c.org.map { journal.displayName(of: RecordID(.org, $0.target ?? "")) ?? $0.text }]
        }
        all += entries(Org.self) { o in [o.industry] }
        all += entries(Publication.self) { p in [p.kind.map(v.publicationKind), p.date.map(dates.short), p.venue] }
        all += entries(Goal.self) { g in [v.status(g.status)] }
        all += entries(Encounter.self) { e in [dates.short(e.date.day), e.kind.map(v.encounterKind), e.event] }
        var kept = SearchWords()
        kept.words.reserveCapacity(all.count)
        for (entry, key) in all { kept.words[key] = entry.x }
        // Addresses last: `address` (an encrypted build's names) is not for other threads.
        let entries = all.map { entry, _ in
            var entry = entry
            entry.u = address(entry.u)
            return entry
        }
        // Written here rather than by JSONEncoder: for 100,000 records that took a second of a rebuild.
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(entries.count * 100)
        for (index, entry) in entries.enumerated() {
            json.append(contentsOf: (index == 0 ? "{\"k\":" : ",{\"k\":").utf8)
            appendJSON(entry.k, to: &json)
            json.append(contentsOf: ",\"n\":".utf8)
            appendJSON(entry.n, to: &json)
            json.append(contentsOf: ",\"d\":".utf8)
            appendJSON(entry.d, to: &json)
            json.append(contentsOf: ",\"u\":".utf8)
            appendJSON(entry.u, to: &json)
            json.append(contentsOf: ",\"x\":".utf8)
            appendJSON(entry.x, to: &json)
            json.append(UInt8(ascii: "}"))
        }
        json.append(UInt8(ascii: "]"))
        return (json, kept)
    }

    /// Every word of `texts` once, as search keys, in the order first found: each text folded
    /// whole (`TextFolding.searchKey`, into `key`) and cut at spaces.
    static func words(of texts: [String], key: inout [UInt8], seen: inout Set<String>) -> String {
        var out: [UInt8] = []
        // Strings, not slices: a word of up to 15 bytes is a small string, made without memory
        // of its own, and hashed at once rather than a byte at a time.
        seen.removeAll(keepingCapacity: true)
        for text in texts {
            TextFolding.searchKey(text, into: &key)
            key.withUnsafeBufferPointer { bytes in
                var start = 0
                var index = 0
                while index <= bytes.count {
                    let end =
                        index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09
                        || bytes[index] == 0x0D
                    if end {
                        if index > start {
                            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                            if seen.insert(String(decoding: word, as: UTF8.self)).inserted {
                                if !out.isEmpty { out.append(0x20) }
                                out.append(contentsOf: word)
                            }
                        }
                        start = index + 1
                    }
                    index += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string, with `<` written as `\u003c` so that no text can end the script early
    /// (`</script>`), were it ever inlined into a page.
    static func appendJSON(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape (nearly all) are copied whole.
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where needsEscape[Int(bytes[index])] {
                let byte = bytes[index]
                json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscaped(byte, to: &json)
                start = index + 1
            }
            json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        json.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to json: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            json.append(UInt8(ascii: "\\"))
            json.append(byte)
        case UInt8(ascii: "\n"): json.append(contentsOf: "\\n".utf8)
        case UInt8(ascii: "\r"): json.append(contentsOf: "\\r".utf8)
        case UInt8(ascii: "\t"): json.append(contentsOf: "\\t".utf8)
        default:
            json.append(contentsOf: "\\u00".utf8)
            json.append(hexDigits[Int(byte >> 4)])
            json.append(hexDigits[Int(byte & 0xF)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Which bytes `appendEscaped` writes: controls, `"`, `\\` and `<`.
    private static let needsEscape: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == Int(UInt8(ascii: "\"")) || byte == Int(UInt8(ascii: "\\")) || byte == Int(UInt8(ascii: "<"))
    }
}
