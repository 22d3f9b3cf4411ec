import Foundation
import Index
import Support

/// The publication log as feeds: Atom (RFC 4287) and JSON Feed 1.1, of published items only.
///
/// Feeds carry public facts only (title, kind, venue, date, links, the `abstract`, co-speakers by
/// name or by the public link they allow), in private and public builds alike, since feeds are
/// what gets shared. With `url` in ties.yaml every link is absolute; without it, relative to the
/// feed. Entries are dated at midnight UTC of their day and the feed by its newest entry, so the
/// same journal gives the same bytes.
struct Feeds {
    let journal: Journal
    let paths: SitePaths
    /// The published items, newest first: made once for both feeds.
    let entries: [Entry]

    /// `page`: where a publication's page is in this build, e.g. `publications/2025/talk.html`.
    init(journal: Journal, paths: SitePaths, page: (Publication) -> String?) {
        self.journal = journal
        self.paths = paths
        self.entries = Self.entries(of: journal, page: page)
    }

    struct Entry {
        var id: String
        var title: String
        var date: Day
        var link: String
        var external: String?
        var kind: String?
        var summary: String
        var people: [(name: String, url: String?)]
    }

    private static func entries(of journal: Journal, page: (Publication) -> String?) -> [Entry] {
        let base = journal.config.url ?? ""
        // "Talk at DevConf", "Vortrag bei DevConf": in the journal's language.
        let words = Vocabulary.for(journal.config.language)
        let dated = journal.publications.compactMap { publication in
            publication.status == .published ? publication.date.map { (date: $0, publication: publication) } : nil
        }
        return dated.sorted { ($1.date, $1.publication.slug) < ($0.date, $0.publication.slug) }
            .map { date, publication in
                let external = publication.url.flatMap(SafeURL.href)
                let own = page(publication).map { base + $0 }
                let kind = publication.kind.map(words.publicationKind).map { $0.prefix(1).uppercased() + $0.dropFirst() }
                let summary =
                    publication.abstract
                    ?? [kind, publication.venue.map { "\(words.at) \($0)" }].compactMap { $0 }.joined(separator: " ")
                return Entry(
                    id: Feeds.uuid("\(journal.config.title)\n\(publication.slug)"), title: publication.title,
                    date: date,
                    link: own ?? external ?? base, external: external, kind: publication.kind,
                    summary: summary.isEmpty ? publication.title : summary,
                    people: publication.with.compactMap { reference in
                        guard let id = reference.id(Contact.self), let contact = journal.contacts[id] else {
                            return (reference.text, nil)
                        }
                        return (contact.name, Feeds.publicLink(of: contact))
                    })
            }
    }

    /// A contact's link for public eyes: only when they allow it with `public: true`.
    static func publicLink(of contact: Contact) -> String? {
        guard contact.isPublic else { return nil }
        let link = contact.links.first { $0.label.lowercased() == "web" } ?? contact.links.first
        return link.flatMap { SafeURL.href($0.url) }
    }

    var title: String {
        "\(journal.config.owner ?? journal.config.title): \(Labels.for(journal.config.language).publications)"
    }

    func atom(logPage: String) -> String {
        let base = journal.config.url ?? ""
        let updated = entries.first.map { timestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(journal.config.language.rawValue)">
            <title>\(x(title))</title>
            <id>\(Feeds.uuid("\(journal.config.title)\nfeed"))</id>
            <updated>\(updated)</updated>
            <author><name>\(x(journal.config.owner ?? journal.config.title))</name></author>
            <link rel="self" type="application/atom+xml" href="\(x(base + "feed.xml"))"/>
            <link rel="alternate" type="text/html" href="\(x(base + logPage))"/>
            <generator>ties</generator>

            """
        for entry in entries {
            xml += "<entry>\n<title>\(x(entry.title))</title>\n<id>\(entry.id)</id>\n"
            xml += "<updated>\(timestamp(entry.date))</updated>\n<published>\(timestamp(entry.date))</published>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(x(entry.link))\"/>\n"
            if let external = entry.external, external != entry.link {
                xml += "<link rel=\"related\" href=\"\(x(external))\"/>\n"
            }
            if let kind = entry.kind { xml += "<category term=\"\(x(kind))\"/>\n" }
            for person in entry.people {
                xml +=
                    "<contributor><name>\(x(person.name))</name>\(person.url.map { "<uri>\(x($0))</uri>" } ?? "")</contributor>\n"
            }
            xml += "<summary>\(x(entry.summary))</summary>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    func json(logPage: String) -> String {
        struct Author: Encodable {
            var name: String
            var url: String?
        }
        struct Item: Encodable {
            var id: String
            var url: String
            var externalURL: String?
            var title: String
            var contentText: String
            var datePublished: String
            var tags: [String]?
            var authors: [Author]?

            enum CodingKeys: String, CodingKey {
                case id, url, title, tags, authors
                case externalURL = "external_url", contentText = "content_text", datePublished = "date_published"
            }
        }
        struct Feed: Encodable {
            var version = "https://jsonfeed.org/version/1.1"
            var title: String
            var homePageURL: String?
            var feedURL: String?
            var language: String
            var authors: [Author]
            var items: [Item]

            enum CodingKeys: String, CodingKey {
                case version, title, language, authors, items
                case homePageURL = "home_page_url", feedURL = "feed_url"
            }
        }
        let base = journal.config.url
        let feed = Feed(
            title: title, homePageURL: base.map { $0 + logPage }, feedURL: base.map { $0 + "feed.json" },
            language: journal.config.language.rawValue, authors: [Author(name: journal.config.owner ?? journal.config.title)],
            items: entries.map { entry in
                Item(
                    id: entry.id, url: entry.link, externalURL: entry.external != entry.link ? entry.external : nil,
                    title: entry.title,
                    contentText: entry.summary, datePublished: timestamp(entry.date), tags: entry.kind.map { [$0] },
                    authors: entry.people.isEmpty ? nil : entry.people.map { Author(name: $0.name, url: $0.url) })
            })
        return JSONText.encode(feed)
    }

    private func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }

    private func x(_ text: String) -> String { HTML.escapeXML(text) }

    /// A name-based UUID (FNV-1a over the text, twice): stable entry ids, no clock, no randomness.
    static func uuid(_ text: String) -> String {
        let a = FNV1a.hex(text)
        let b = FNV1a.hex(String(text.reversed()) + "ties")
        let hex = Array(a + b)
        func part(_ range: Range<Int>) -> String { String(hex[range]) }
        return "urn:uuid:\(part(0..<8))-\(part(8..<12))-8\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
    }
}
