import Foundation
import Index
import Site
import TestSupport
import Testing

/// Every kind of page as a person sees it, at a desktop width (1280 px) and a phone's (390 px),
/// in headless Chromium with axe-core (Tests/TestSupport/Browser/audit.py): no serious or
/// critical accessibility violation, nothing wider than the screen, no table cell left out.
/// Screenshots of each go to `.build/test-screenshots/` for a person to look at.
@Suite("Every page at both widths")
struct PageAuditTests {
    static let axe = Fixtures.repository.appending(path: ".build/test-deps/axe.min.js")

    @Test(arguments: ["en", "de"])
    func everyKindOfPageIsAccessibleAndWholeOnAPhone(language: String) throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root) }
        let settings = root.appending(path: "ties.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "language: en", with: "language: \(language)").utf8).write(to: settings)
        let site = root.appending(path: "site")
        _ = try SiteBuilder.build(Journal.load(from: root), options: .init(output: site, today: Day("2026-12-07")))
        try audit(site: site, name: "sample-\(language)")
    }

    @Test func aJournalOfManyPeopleToo() throws {
        let root = try Fixtures.copy(Fixtures.journal("network"))
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appending(path: "site")
        _ = try SiteBuilder.build(Journal.load(from: root), options: .init(output: site, today: Day("2026-12-01")))
        try audit(site: site, name: "network")
    }

    /// Audits the fixed pages and the first page of every other kind found in `site`.
    private func audit(site: URL, name: String) throws {
        guard let chromium = Chromium.executable else {
            Issue.record("chromium is missing: run make test, which installs it")
            return
        }
        guard FileManager.default.fileExists(atPath: Self.axe.path) else {
            Issue.record("axe-core is missing at \(Self.axe.path): run make test-deps")
            return
        }
        var pages = FixedPage.allCases.map(\.path)
        for folder in ["contacts", "encounters", "orgs", "goals", "publications", "tags", "timeline"] {
            let files = FileManager.default.enumerator(atPath: site.appending(path: folder).path)?
                .compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted()
            if let first = files?.first { pages.append("\(folder)/\(first)") }
        }
        pages = pages.filter { FileManager.default.fileExists(atPath: site.appending(path: $0).path) }
        let shots = Fixtures.repository.appending(path: ".build/test-screenshots/\(name)")
        let script = Fixtures.repository.appending(path: "Tests/TestSupport/Browser/audit.py").path
        let arguments = [chromium.path, Self.axe.path, shots.path] + pages.map { site.appending(path: $0).absoluteString }
        let result = try #require(
            try Python.run(
                "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                arguments: [script] + arguments, needing: "json"))
        #expect(result.status == 0, "audit.py failed: \(result.output)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: [String: Any]]])
        #expect(report.count == pages.count, "every page was looked at")
        for (url, widths) in report.sorted(by: { $0.key < $1.key }) {
            let page = url.components(separatedBy: "/site/").last ?? url
            for (width, found) in widths.sorted(by: { $0.key < $1.key }) {
                let violations = found["violations"] as? [[String: Any]] ?? []
                #expect(violations.isEmpty, "\(name) \(page) at \(width): \(violations)")
                let hidden = found["hidden"] as? [String] ?? []
                #expect(hidden.isEmpty, "\(name) \(page) at \(width): cells not shown: \(hidden)")
                let pageWidth = found["width"] as? Int ?? 0
                let screen = found["screen"] as? Int ?? 0
                #expect(pageWidth <= screen, "\(name) \(page) at \(width) is \(pageWidth) px wide on a \(screen) px screen")
            }
        }
        print("Screenshots of \(name): \(shots.path)")
    }
}
