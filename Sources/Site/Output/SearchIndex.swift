import Foundation
import Index

/// `search-index.js`: what the site's search looks through, as a script rather than JSON,
/// because browsers refuse to fetch JSON from pages opened with file://.
enum SearchIndex {
    struct Entry {
        /// Name or title.
        var n: String
        /// Kind, in the interface's language.
        var k: String
        /// Extra words to match: org, aliases, tags, venue.
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
        let t = context.t
        var entries: [Entry] = []
        func add<R: Record>(_ record: R, kind: String, extra: [String?]) {
            guard let page = context.paths.page(of: record.recordID) else { return }
            let words = (extra.compactMap { $0 } + record.aliases + record.tags).joined(separator: " ")
            entries.append(Entry(n: record.displayName, k: kind, x: words, u: address(page)))
        }
        for c in journal.contacts {
            add(
                c, kind: t.contacts,
                extra: [c.title, c.org.map { journal.displayName(of: RecordID(.org, $0.target ?? "")) ?? $0.text }])
        }
        for o in journal.orgs { add(o, kind: t.orgs, extra: [o.industry]) }
        for p in journal.publications { add(p, kind: t.publications, extra: [p.kind, p.venue]) }
        for g in journal.goals { add(g, kind: t.goals, extra: []) }
        for e in journal.encounters { add(e, kind: t.encounters, extra: [e.kind, e.event, e.date.day.description]) }
        // Written here rather than by JSONEncoder: for 100,000 records that took a second of a rebuild.
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(entries.count * 100)
        for (index, entry) in entries.enumerated() {
            json.append(contentsOf: (index == 0 ? "{\"k\":" : ",{\"k\":").utf8)
            appendJSON(entry.k, to: &json)
            json.append(contentsOf: ",\"n\":".utf8)
            appendJSON(entry.n, to: &json)
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
