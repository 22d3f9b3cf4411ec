import Foundation
import Index

/// `search-index.js`: what the site's search looks through, as a script rather than JSON,
/// because browsers refuse to fetch JSON from pages opened with file://.
enum SearchIndex {
    struct Entry: Encodable {
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
        let journal = context.journal
        let t = context.t
        var entries: [Entry] = []
        func add<R: Record>(_ record: R, kind: String, extra: [String?]) {
            guard let page = context.paths.page(of: record.id) else { return }
            let words = (extra.compactMap { $0 } + record.aliases + record.tags).joined(separator: " ")
            entries.append(Entry(n: record.displayName, k: kind, x: words, u: page))
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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // `</` cannot end a script here, but a page could include this file inline one day.
        return "window.tiesSearch = " + json.replacingOccurrences(of: "</", with: "<\\/") + ";\n"
    }
}
