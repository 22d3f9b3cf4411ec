import Foundation
import Index
import Support

/// `search-index.js`: what the site's search looks through, as a script rather than JSON,
/// because browsers refuse to fetch JSON from pages opened with file://.
enum SearchIndex {
    struct Entry {
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

    static func script(for context: SiteContext) -> String {
        "window.tiesSearch = " + json(for: context) + ";\n"
    }

    /// The entries as a JSON array; `page` gives the address of a page from its path (an
    /// encrypted build's opaque names).
    static func json(for context: SiteContext, page address: (String) -> String = { $0 }) -> String {
        let journal = context.journal.whole
        let v = context.vocabulary
        var entries: [Entry] = []
        func add<R: Record>(_ record: R, detail: [String?]) {
            guard let page = context.paths.page(of: record.recordID) else { return }
            var keys = Set<String>()
            var words: [String] = []
            for text in SearchFields.of(record).map(\.text) + [record.body] {
                for word in text.split(whereSeparator: \.isWhitespace) {
                    let key = String(decoding: TextFolding.searchKey(word), as: UTF8.self)
                    if !key.isEmpty, keys.insert(key).inserted { words.append(key) }
                }
            }
            let name = context.displayName(of: record.recordID) ?? record.displayName
            entries.append(
                Entry(
                    n: name, k: v.kindName(R.kind), d: detail.compactMap { $0 }.joined(separator: " · "),
                    x: words.joined(separator: " "), u: address(page)))
        }
        for c in journal.contacts {
            add(c, detail: [c.title, c.org.map { journal.displayName(of: RecordID(.org, $0.target ?? "")) ?? $0.text }])
        }
        for o in journal.orgs { add(o, detail: [o.industry]) }
        for p in journal.publications {
            add(p, detail: [p.kind.map(v.publicationKind), p.date.map(context.dates.short), p.venue])
        }
        for g in journal.goals { add(g, detail: [v.status(g.status)]) }
        for e in journal.encounters {
            add(e, detail: [context.dates.short(e.date.day), e.kind.map(v.encounterKind), e.event])
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
        return String(decoding: json, as: UTF8.self)
    }

    /// A JSON string, with `<` written as `\u003c` so that no text can end the script early
    /// (`</script>`), were it ever inlined into a page.
    static func appendJSON(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                json.append(UInt8(ascii: "\\"))
                json.append(byte)
            case UInt8(ascii: "\n"): json.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): json.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): json.append(contentsOf: "\\t".utf8)
            case UInt8(ascii: "<"), 0..<0x20:
                json.append(contentsOf: "\\u00".utf8)
                json.append(hexDigits[Int(byte >> 4)])
                json.append(hexDigits[Int(byte & 0xF)])
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
