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
}
