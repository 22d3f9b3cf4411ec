import Foundation
import Index
import TestSupport
import Testing

@testable import Site

/// docs/THEMES.md lists the fields of every page as the view models give them: made from the
/// sample journal's site, so the documentation cannot drift from the code.
@Suite("The theme reference")
struct ThemeReferenceTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "docs/THEMES.md")
    static let start = "<!-- fields: generated, do not edit by hand -->\n"
    static let end = "<!-- end of fields -->\n"

    @Test func theFieldsInTheDocsAreTheFieldsThePagesGet() throws {
        let reference = ThemeFiles.reference(for: Journal.load(from: Fixtures.template), today: try #require(Day("2026-11-25")))
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let before = try #require(text.range(of: Self.start))
        let after = try #require(text.range(of: Self.end))
        let documented = String(text[before.upperBound..<after.lowerBound])
        let wanted = "\n" + reference + "\n"
        if ProcessInfo.processInfo.environment["TIES_UPDATE_DOCS"] != nil, documented != wanted {
            try (String(text[..<before.upperBound]) + wanted + String(text[after.lowerBound...])).write(
                to: Self.document, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == wanted, "docs/THEMES.md is out of date: TIES_UPDATE_DOCS=1 swift test --filter ThemeReferenceTests")
        for template in ThemeFiles.pageTemplates.map(\.name) {
            #expect(reference.contains("### `\(template).mustache`"), "\(template) is documented")
        }
    }
}

@Suite("The built-in theme")
struct BuiltInThemeTests {
    @Test func everyBuiltInTemplateCompiles() {
        let files = ThemeFiles.names.filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 20)
        #expect(Theme.builtInTemplates.count == files.count, "\(files.count - Theme.builtInTemplates.count) do not compile")
        #expect(Theme(overrides: nil).diagnostics.isEmpty)
    }

    /// Pages are typed: every template a page can name is a file of the built-in theme, every
    /// other file is a partial the reference lists, and the navigation is the fixed pages in order.
    @Test func everyPageTemplateAndFixedPageIsOneDeclaration() throws {
        let files = Set(ThemeFiles.names.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        let pages = Set(PageTemplate.allCases.map(\.name))
        #expect(pages.isSubset(of: files), "\(pages.subtracting(files))")
        #expect(files.subtracting(pages) == Set(ThemeFiles.partials.map(\.name)))
        #expect(ThemeFiles.pageTemplates.map(\.name) == PageTemplate.allCases.map(\.name))
        let journal = Journal.load(from: Fixtures.template)
        let site = LiveSite(journal: journal, today: Day("2026-11-25")!)
        let page = String(decoding: try #require(site.file(at: "contacts.html")).data, as: UTF8.self)
        let links = page.matches(of: /<a href="([a-z]+\.html)"[^>]*>/).map { String($0.1) }
        let navigation = links.filter { link in FixedPage.allCases.contains { $0.path == link } }
        #expect(Array(navigation.prefix(FixedPage.allCases.count)) == FixedPage.allCases.map(\.path))
        for fixed in FixedPage.allCases { #expect(site.file(at: fixed.path) != nil, "\(fixed.path)") }
    }
}
