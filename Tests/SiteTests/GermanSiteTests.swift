import Foundation
import Index
import TestSupport
import Testing

@testable import Site

/// A journal kept in German (`Tests/Fixtures/german`) gets a German site: every word the
/// interface adds, and the values ties knows (kinds, statuses, cadences, numbers), in German.
@Suite("A German site")
struct GermanSiteTests {
    /// Words of the English tables that the German ones do not have: none may be on a German page.
    static func englishOnlyWords() throws -> Set<String> {
        func words(_ value: some Encodable) throws -> Set<String> {
            let data = try JSONEncoder().encode(value)
            var found = Set<String>()
            func collect(_ any: Any) {
                if let text = any as? String {
                    for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 3 {
                        found.insert(String(word))
                    }
                } else if let map = any as? [String: Any] {
                    map.values.forEach(collect)
                } else if let list = any as? [Any] {
                    list.forEach(collect)
                }
            }
            collect(try JSONSerialization.jsonObject(with: data))
            return found
        }
        func vocabulary(_ v: Vocabulary) -> [String] {
            Publication.Status.allCases.map { v.status($0) } + Goal.Status.allCases.map { v.status($0) }
                + v.units.values.flatMap { [$0.one, $0.many] } + [
                    v.noCadence, v.encounter, v.untitled("", Day(dayNumber: 0), DateText(.en)),
                ]
        }
        let english = try words(Labels.english).union(words(vocabulary(.english)))
            .union([
                "coffee", "meeting", "message", "call", "talk", "post", "podcast", "article", "workshop", "errors", "warnings",
            ])
        // German borrows some (Podcast, Workshop): they are German words too.
        let german = try words(Labels.german).union(words(vocabulary(.german)))
            .union(words(Array(Vocabulary.german.publicationKinds.values) + Array(Vocabulary.german.encounterKinds.values)))
        return english.subtracting(german)
    }

    @Test func noPageHasAWordOfTheEnglishTables() throws {
        let site = try Fixtures.temporaryFolder("german").appending(path: "site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        _ = try SiteBuilder.build(
            Journal.load(from: Fixtures.journal("german")), options: .init(output: site, today: Day("2026-12-07")))
        let english = try Self.englishOnlyWords()
        #expect(english.contains("coffee") && english.contains("submitted") && english.contains("none"))
        // The text a person reads, and the words a screen reader says (labels, titles).
        let script = """
            import html.parser, json, os, re, sys
            class Text(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.words = []; self.skip = 0
                def handle_starttag(self, tag, attrs):
                    if tag in ("script", "style"): self.skip += 1
                    for name, value in attrs:
                        if name in ("aria-label", "title", "placeholder", "data-label", "alt") and value:
                            self.words.append(value)
                def handle_endtag(self, tag):
                    if tag in ("script", "style"): self.skip -= 1
                def handle_data(self, data):
                    if not self.skip: self.words.append(data)
            english = set(json.loads(sys.argv[2]))
            found = {}
            for folder, _, files in os.walk(sys.argv[1]):
                for name in files:
                    if not name.endswith(".html"): continue
                    path = os.path.join(folder, name)
                    parser = Text(); parser.feed(open(path, encoding="utf-8").read())
                    for word in re.findall(r"[^\\W\\d_]+", " ".join(parser.words).lower()):
                        if word in english: found.setdefault(os.path.relpath(path, sys.argv[1]), set()).add(word)
            print(json.dumps({page: sorted(words) for page, words in sorted(found.items())}))
            """
        let list = String(decoding: try JSONEncoder().encode(english.sorted()), as: UTF8.self)
        let result = try #require(try Python.run(script, arguments: [site.path, list], needing: "html.parser"))
        #expect(result.status == 0)
        #expect(result.output == "{}\n", "English words on German pages: \(result.output)")
    }

    @Test func kindsStatusesCadencesAndNumbersAreGerman() throws {
        let site = try Fixtures.temporaryFolder("german").appending(path: "site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        _ = try SiteBuilder.build(
            Journal.load(from: Fixtures.journal("german")), options: .init(output: site, today: Day("2026-12-07")))
        func page(_ path: String) throws -> String { try String(contentsOf: site.appending(path: path), encoding: .utf8) }
        let publications = try page("publications.html")
        for word in ["Vortrag", "Beitrag", "Idee", "Entwurf", "eingereicht", "angenommen"] {
            #expect(publications.contains(word), "\(word) on the publications page")
        }
        let timeline = try page("timeline.html") + page("timeline/2026.html")
        #expect(timeline.contains("Kaffee am 2. Okt. 2026") && timeline.contains("Nachricht") && timeline.contains("Treffen"))
        #expect(try page("contacts/lukas-brandt.html").contains("kein Rhythmus"))
        #expect(try page("contacts/juergen-weiss.html").contains("monatlich"))
        let feed = try page("feed.xml")
        #expect(feed.contains("<title>Katrin Vogel: Publikationen</title>") && feed.contains("Vortrag bei Logistiktag Bremen"))
    }

    /// Jürgen writes `ex-kollegen`, Ayşe `Ex-Kollegen`: one tag, one page, both people on it.
    @Test func tagsThatDifferOnlyInCaseAreOneTag() throws {
        let site = try Fixtures.temporaryFolder("german").appending(path: "site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let journal = Journal.load(from: Fixtures.journal("german"))
        _ = try SiteBuilder.build(journal, options: .init(output: site, today: Day("2026-12-07")))
        let pages = try FileManager.default.contentsOfDirectory(atPath: site.appending(path: "tags").path).sorted()
        #expect(pages == ["ex-kollegen.html", "vertrieb.html"])
        let page = try String(contentsOf: site.appending(path: "tags/ex-kollegen.html"), encoding: .utf8)
        #expect(page.contains("Jürgen Weiß") && page.contains("Ayşe Yılmaz"))
        #expect(journal.recordsByTag().keys.sorted() == ["Ex-Kollegen", "Vertrieb"], "as written, of equally many the first")
        let ayse = try String(contentsOf: site.appending(path: "contacts/ayse-yilmaz.html"), encoding: .utf8)
        #expect(ayse.contains("href=\"../tags/ex-kollegen.html\""))
    }

    @Test func theServeBannerCountsInGerman() {
        let diagnostics = [
            Diagnostic(.error, .yamlSyntax, "x", at: SourceLocation(path: "contacts/a.md")),
            Diagnostic(.warning, .unknownCircle, "y", at: SourceLocation(path: "contacts/b.md")),
            Diagnostic(.warning, .unknownCircle, "z", at: SourceLocation(path: "contacts/c.md")),
        ]
        let banner = LiveOverlay(generation: "g", diagnostics: diagnostics, language: "de").banner
        #expect(banner.contains("1 Fehler, 2 Warnungen"))
        #expect(banner.contains("Warnung</span>") && !banner.contains("warning</span>"))
    }
}
