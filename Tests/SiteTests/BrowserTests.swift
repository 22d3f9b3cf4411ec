import Foundation
import Index
import Site
import TestSupport
import Testing

/// The built site opened from disk in headless Chromium, as its owner opens it.
@Suite("The site in a browser")
struct BrowserTests {
    @Test func searchFindsAContactFromANestedPage() throws {
        let output = try Fixtures.temporaryFolder("browser").appending(path: "site")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        _ = try SiteBuilder.build(Journal.load(from: Fixtures.template), options: .init(output: output, today: Day("2026-11-25")))
        var page = URLComponents(url: output.appending(path: "orgs/tum.html"), resolvingAgainstBaseURL: false)!
        page.queryItems = [URLQueryItem(name: "q", value: "schafer acme")]
        guard let dom = try Chromium.dom(of: page.url!) else {
            Issue.record("chromium is missing: run make test, which installs it")
            return
        }
        // Scripts ran under the page's Content Security Policy, diacritics fold, words combine.
        #expect(
            dom.contains(
                #"<ul id="search-results" aria-live="polite"><li><a href="../contacts/lena-schaefer.html">Lena Schäfer</a>"#))
        #expect(dom.contains("<html lang=\"en\" data-root=\"../\" data-lock=\"Lock\" class=\"js\">"))
    }

    /// The site's search finds what `ties search` finds, for the same queries: umlauts either
    /// way, ß as ss, words of names, orgs, titles and notes together.
    @Test func theSiteSearchFindsWhatTiesSearchFinds() throws {
        let root = Fixtures.journal("german")
        let output = try Fixtures.temporaryFolder("browser").appending(path: "site")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let journal = Journal.load(from: root)
        _ = try SiteBuilder.build(journal, options: .init(output: output, today: Day("2026-12-07")))
        let paths = SitePaths(journal: journal)
        for query in ["weiss", "juergen", "brueckner mia", "koenig", "Geschaftsfuhrerin", "halle gesprochen", "#vertrieb"] {
            var page = URLComponents(url: output.appending(path: "index.html"), resolvingAgainstBaseURL: false)!
            page.queryItems = [URLQueryItem(name: "q", value: query)]
            guard let dom = try Chromium.dom(of: page.url!) else {
                Issue.record("chromium is missing: run make test, which installs it")
                return
            }
            let list = dom.components(separatedBy: "<ul id=\"search-results\"").last?.components(separatedBy: "</ul>").first ?? ""
            let found = Set(
                list.components(separatedBy: "href=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first })
            let expected = Set(journal.search(query).hits.compactMap { paths.page(of: $0.record) })
            #expect(!expected.isEmpty && found == expected, "\(query): the site found \(found), ties search \(expected)")
        }
    }
}
