import Authoring
import Foundation
import Index
import TestSupport
import Testing

@testable import Site

/// Builds a journal into a fresh folder and returns the folder.
private func build(_ journal: Journal, today: String = "2026-11-25", into output: URL? = nil) throws -> (URL, SiteBuilder.Result)
{
    let folder = try output ?? Fixtures.temporaryFolder("site").appending(path: "out")
    let result = try SiteBuilder.build(journal, options: .init(output: folder, today: Day(today)))
    return (folder, result)
}

private func read(_ folder: URL, _ path: String) throws -> String {
    try String(contentsOf: folder.appending(path: path), encoding: .utf8)
}

@Suite("The sample journal's site")
struct SampleSiteTests {
    static let journal = Journal.load(from: Fixtures.template)

    @Test func everyInternalLinkLeadsToAPage() throws {
        let (site, result) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(result.pages > 90)
        #expect(try SiteChecker.brokenLinks(in: site) == [])
    }

    @Test func everyPageIsPrivateAndSelfContained() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(try read(site, "robots.txt").contains("Disallow: /"))
        for page in SiteChecker.files(in: site) where page.hasSuffix(".html") {
            let html = try read(site, page)
            #expect(html.contains(#"<meta name="robots" content="noindex, nofollow">"#), "\(page)")
            // Only links a person clicks may leave the site; nothing is loaded from elsewhere.
            let loads = html.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
            #expect(loads.allSatisfy { !SiteChecker.isExternal($0) && !$0.hasPrefix("//") }, "\(page): \(loads)")
            #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"), "\(page)")
            #expect(!html.contains("@import"), "\(page)")
        }
        #expect(!(try read(site, "style.css")).contains("url("))
    }

    @Test func pagesParseAsHTML5WithoutErrors() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        guard let errors = try SiteChecker.parseErrors(in: site) else {
            Issue.record("python3-html5lib is missing: run make test, which installs it")
            return
        }
        #expect(errors == [])
    }

    @Test func headingsAreInOrderOnEveryPage() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let heading = try NSRegularExpression(pattern: "<h([1-6])[ >]")
        for page in SiteChecker.files(in: site) where page.hasSuffix(".html") {
            let html = try read(site, page)
            let levels = heading.matches(in: html, range: NSRange(html.startIndex..., in: html))
                .compactMap { Range($0.range(at: 1), in: html).flatMap { Int(html[$0]) } }
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, "\(page): \(levels)")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "\(page): h\(previous) then h\(next)")
            }
            #expect(html.contains("<main id=\"main\">") && html.contains("<nav ") && html.contains("<header "), "\(page)")
        }
    }

    @Test func outputFileNamesAreASCII() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        for path in SiteChecker.files(in: site) {
            #expect(path.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " }, "\(path)")
        }
        #expect(FileManager.default.fileExists(atPath: site.appending(path: "contacts/hiroshi-tanaka.html").path))
    }

    @Test func contactPageShowsTimelineBacklinksIntroductionsAndGiveAndTake() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let jonas = try read(site, "contacts/jonas-mueller.html")
        // The timeline, newest first.
        let walk = try #require(jonas.range(of: "2026/2026-05-06-walk-jonas.html"))
        let coffee = try #require(jonas.range(of: "2024/2024-10-08-coffee-jonas-lena.html"))
        #expect(walk.lowerBound < coffee.lowerBound)
        // Whom he introduced me to.
        #expect(jonas.contains("Introduced me to"))
        for name in ["Lena Schäfer", "田中 宏", "Priya Raman"] { #expect(jonas.contains(name)) }
        // Backlinks: the org page and a publication mention him.
        #expect(jonas.contains("Mentioned in"))
        #expect(jonas.contains("../orgs/acme-robotics.html\">Acme Robotics</a>"))
        // Give and take, roles and notes.
        #expect(jonas.contains("Heads-up that Acme plans staff roles"))
        #expect(jonas.contains("Head of Platform"))
        #expect(jonas.contains("<p>Ex-Kollege aus dem Plattform-Team"))
        let lena = try read(site, "contacts/lena-schaefer.html")
        #expect(lena.contains("Introduced by"))
        #expect(lena.contains("../contacts/jonas-mueller.html\">Jonas Müller</a>"))
        // Unknown fields are shown.
        #expect(try read(site, "contacts/tom-okafor.html").contains("favourite_topic"))
    }

    @Test func dashboardShowsWhatIsDue() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let index = try read(site, "index.html")
        #expect(index.contains("Send panel questions to Sofía"))
        #expect(!index.contains("Thank Jonas for the intro"), "done follow-ups are not open")
        #expect(index.contains(#"birthday: <a href="contacts/lena-schaefer.html">Lena Schäfer</a>"#))
        #expect(index.contains("<svg class=\"heatmap\""))
        #expect(index.components(separatedBy: "<rect ").count - 1 >= 365)
    }

    @Test func orgPageSplitsCurrentAndFormerPeople() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let nordlicht = try read(site, "orgs/nordlicht.html")
        let former = try #require(nordlicht.range(of: "Former people"))
        let claire = try #require(nordlicht.range(of: "Claire Dubois"))
        let anna = try #require(nordlicht.range(of: "Anna Becker"))
        #expect(anna.lowerBound < former.lowerBound)
        #expect(claire.lowerBound > former.lowerBound)
    }

    @Test func timelineHasAPagePerYear() throws {
        let (site, _) = try build(Self.journal)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        for year in [2024, 2025, 2026] {
            #expect(FileManager.default.fileExists(atPath: site.appending(path: "timeline/\(year).html").path))
        }
        let year = try read(site, "timeline/2025.html")
        #expect(year.contains("October 2025"))
        #expect(year.contains("id=\"m2025-10\""))
        #expect(!year.contains("id=\"m2026-11\""))
    }

    @Test func germanInterface() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let config = try String(contentsOf: root.appending(path: "ties.yaml"), encoding: .utf8)
        try Data(config.replacingOccurrences(of: "language: en", with: "language: de").utf8).write(
            to: root.appending(path: "ties.yaml"))
        let (site, _) = try build(Journal.load(from: root))
        let index = try read(site, "index.html")
        #expect(index.contains("<html lang=\"de\""))
        #expect(index.contains("Kontakt fällig"))
        #expect(try read(site, "timeline/2025.html").contains("Oktober 2025"))
    }
}

@Suite("Due dates on the site")
struct SiteDueTests {
    /// The site and `ties due` answer "when next?" alike: a contact kept (a circle) but never met
    /// is due from today, one neither kept nor met has no due date.
    @Test func aKeptContactNeverMetIsDueTodayAsTiesDueSays() throws {
        let root = try Fixtures.temporaryFolder("kept")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "ties.yaml": "title: Kept\ncircles:\n  close: 1m\n",
                "contacts/nina-new.md": "---\nname: Nina New\ncircle: close\n---\n",
                "contacts/sam-stranger.md": "---\nname: Sam Stranger\n---\n",
            ], under: root)
        let journal = Journal.load(from: root)
        #expect(journal.agenda.overdueContacts(on: Day("2026-11-25")!).map(\.slug) == ["nina-new"])
        let (site, _) = try build(journal)
        #expect(try read(site, "contacts/nina-new.html").contains("Next due</dt><dd>25 November 2026</dd>"))
        #expect(try !read(site, "contacts/sam-stranger.html").contains("Next due"))
        let list = try read(site, "contacts.html")
        #expect(
            list.contains(
                #"Nina New</a></td><td data-label="Organisation"></td><td data-label="Circle">close</td><td data-label="Tie">weak</td><td data-label="Last contact">never</td><td data-label="Next due">25 Nov 2026</td>"#
            ))
        #expect(
            list.contains(
                #"Sam Stranger</a></td><td data-label="Organisation"></td><td data-label="Circle"></td><td data-label="Tie">weak</td><td data-label="Last contact">never</td><td data-label="Next due">—</td>"#
            ))
        let sheet = try ContactSheet.text(of: journal, today: Day("2026-11-25")!)
        #expect(sheet.contains("Nina New,,,,,close,,2026-11-25,"))
    }
}

@Suite("A contact's page and ties brief")
struct ContactPageBriefTests {
    /// The page lists what the brief lists: every open follow-up from their encounters, and
    /// their birthday and yearly greetings soon, for every contact of the sample journal.
    @Test func theContactPageShowsTheBriefsFollowUpsAndOccasions() throws {
        let journal = Journal.load(from: Fixtures.template)
        let today = Day("2026-11-25")!
        let site = LiveSite(journal: journal, today: today)
        var followUpsSeen = 0
        var greetingsSeen = 0
        for contact in journal.contacts {
            let brief = ContactBrief(contact, journal: journal, today: today)
            let page = String(decoding: try #require(site.file(at: "contacts/\(contact.slug).html")).data, as: UTF8.self)
            let section =
                page.components(separatedBy: #"<h2 id="followups">"#).dropFirst().first?
                .components(separatedBy: "</section>").first ?? ""
            for item in brief.openFollowUps {
                #expect(section.contains(HTML.escape(item.task)), "\(contact.slug): \(item.task)")
                followUpsSeen += 1
            }
            #expect(brief.openFollowUps.isEmpty == section.isEmpty, "\(contact.slug): a section only with follow-ups")
            for occasion in brief.occasions {
                if case let .greeting(text) = occasion.what {
                    #expect(page.contains(HTML.escape(text)), "\(contact.slug): \(text)")
                    greetingsSeen += 1
                }
            }
        }
        #expect(followUpsSeen > 0 && greetingsSeen > 0, "the sample journal has both")
    }
}

@Suite("A publication's page and ties show")
struct PublicationPageShowTests {
    /// What `ties show` prints of a publication the page shows too: when it was submitted, its
    /// latest figures and its abstract.
    @Test func thePublicationPageShowsSubmittedFiguresAndTheAbstract() throws {
        let journal = Journal.load(from: Fixtures.template)
        let site = LiveSite(journal: journal, today: Day("2026-11-25")!)
        var checked = (submitted: 0, views: 0, abstract: 0)
        for publication in journal.publications {
            guard let path = publication.path.split(separator: "/").dropFirst().joined(separator: "/").split(separator: ".").first
            else { continue }
            let page = String(decoding: try #require(site.file(at: "publications/\(path).html")).data, as: UTF8.self)
            if publication.submitted != nil {
                #expect(page.contains("<dt>Submitted</dt>"), "\(publication.slug)")
                checked.submitted += 1
            }
            if let views = publication.latestMetrics.views {
                #expect(page.contains("<dt>Views</dt><dd>\(views)</dd>"), "\(publication.slug)")
                checked.views += 1
            }
            if let abstract = publication.abstract {
                #expect(page.contains(#"<h2 id="abstract">Abstract</h2><p class="abstract">\#(HTML.escape(abstract))</p>"#))
                checked.abstract += 1
            }
        }
        #expect(checked.submitted > 0 && checked.views > 0 && checked.abstract > 0, "\(checked)")
    }
}

@Suite("Hostile input")
struct HostileSiteTests {
    @Test func journalContentIsEscapedAndCannotLeaveTheOutputFolder() throws {
        let root = try Fixtures.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "ties.yaml": "title: \"<b>Mine</b>\"\n",
                "contacts/x<script>.md": """
                ---
                name: "<script>alert('name')</script>"
                emails: ["\\"><img src=x onerror=alert(1)>"]
                links: {web: "javascript:alert(1)", site: "https://ok.example/?a=1&b=2"}
                org: "<i>Evil</i> Corp"
                tags: ["<t>"]
                ---
                Hello <iframe src="https://evil.example"></iframe> [click](javascript:alert(2)) [[Jürgen Weiß]]
                """,
                "contacts/Jürgen Weiß.md": "---\nname: Jürgen Weiß\n---\n",
                "contacts/jurgen-weiss.md": "---\nname: Jürgen W.\n---\n",
                "encounters/2024/a b&c.md":
                    "---\ndate: 2024-01-02\ntitle: \"</title><script>x()</script>\"\nwith: [\"<script>alert('name')</script>\"]\n---\n",
            ], under: root)
        let journal = Journal.load(from: root)
        let (site, _) = try build(journal, into: root.appending(path: "_site"))
        let files = SiteChecker.files(in: site)
        #expect(files.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && !$0.contains("..") }, "\(files)")
        #expect(files.contains("contacts/jurgen-weiss.html") && files.contains("contacts/jurgen-weiss-2.html"))
        #expect(files.contains("encounters/2024/a-b-c.html"))
        for page in files where page.hasSuffix(".html") {
            let html = try read(site, page)
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(!html.contains("<img src=x"), "\(page)")
            #expect(!html.contains("<iframe"), "\(page)")
            #expect(!html.contains("href=\"javascript:"), "\(page)")
            #expect(!html.contains("<i>Evil"), "\(page)")
            #expect(!html.contains("<b>Mine"), "\(page)")
        }
        let contact = try read(site, "contacts/x-script.html")
        #expect(contact.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
        #expect(contact.contains("href=\"https://ok.example/?a=1&amp;b=2\""))
        let broken = try SiteChecker.brokenLinks(in: site)
        #expect(broken == [], "\(broken)")
        let search = try read(site, "search-index.js")
        #expect(!search.contains("</script>"))
    }

    @Test func rawHTMLReachesTheSiteOnlyWhenAllowed() throws {
        let root = try Fixtures.temporaryFolder("unsafe")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            ["ties.yaml": "unsafe_html: true\n", "contacts/a.md": "---\nname: A\n---\nHi <mark>there</mark>\n"],
            under: root)
        let (site, _) = try build(Journal.load(from: root), into: root.appending(path: "_site"))
        #expect(try read(site, "contacts/a.html").contains("<mark>there</mark>"))
    }
}

@Suite("Themes")
struct ThemeTests {
    @Test func aJournalsThemeFilesReplaceTheBuiltInOnes() throws {
        let root = try Fixtures.copy(Fixtures.journal("linked"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Fixtures.write(
            [
                "theme/style.css": "body { color: rebeccapurple; }\n",
                "theme/tag.mustache": "{{<layout}}{{$main}}<h1>Tagged {{tag}}</h1>{{/main}}{{/layout}}",
                "theme/contact.mustache": "{{#broken}",
                "theme/notes.txt": "not part of a theme",
            ], under: root)
        let (site, result) = try build(Journal.load(from: root), into: root.appending(path: "_site"))
        #expect(try read(site, "style.css") == "body { color: rebeccapurple; }\n")
        #expect(
            result.themeDiagnostics.map { DiagnosticReport.line(for: $0) } == [
                "theme/contact.mustache:1:1: error: a tag is never closed with '}}'; the built-in template is used [template-syntax]",
                "theme/notes.txt:1:1: warning: not a file of the theme; expected one of README.md, contact.mustache, "
                    + "contacts.mustache, due.mustache, encounter-row.mustache, encounter.mustache, facts.mustache, goal.mustache, "
                    + "goals.mustache, index.mustache, layout.mustache, lock.mustache, network.mustache, occasion-row.mustache, org.mustache, "
                    + "orgs.mustache, person.mustache, "
                    + "public-index.mustache, public-layout.mustache, public-publication.mustache, publication-row.mustache, "
                    + "publication.mustache, publications.mustache, record-footer.mustache, script.js, style.css, "
                    + "tag.mustache, timeline.mustache, unlock.js [unknown-theme-file]",
            ])
        // The broken template falls back to the built-in one.
        #expect(try read(site, "contacts/ada.html").contains("<h1>Ada Lovelace</h1>"))
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "notes.txt").path))
    }
}

@Suite("Writing the output folder")
struct SiteOutputTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let journal = Journal.load(from: Fixtures.template)
        let (first, _) = try build(journal)
        let (second, _) = try build(journal)
        defer {
            try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
        }
        #expect(try Snapshot(of: first) == Snapshot(of: second))
    }

    @Test func rebuildWritesOnlyWhatChangedAndRemovesOnlyItsOwnStalePages() throws {
        let root = try Fixtures.copy(Fixtures.journal("linked"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let (_, first) = try build(Journal.load(from: root), into: output)
        #expect(first.written > 0 && first.unchanged == 0)

        let (_, again) = try build(Journal.load(from: root), into: output)
        #expect(again.written == 0)
        #expect(again.removed == 0)

        // The owner keeps a file of their own in the output folder; ties never touches it.
        try Data("mine".utf8).write(to: output.appending(path: "CNAME"))
        try FileManager.default.removeItem(at: root.appending(path: "contacts/alan.md"))
        let (_, after) = try build(Journal.load(from: root), into: output)
        #expect(after.removed >= 1)
        #expect(!FileManager.default.fileExists(atPath: output.appending(path: "contacts/alan.html").path))
        #expect(try String(contentsOf: output.appending(path: "CNAME"), encoding: .utf8) == "mine")
        #expect(after.written < first.written, "only pages that mention Alan change")
    }

    @Test func aRebuildRendersOnlyWhatChangedAndEndsWhereACleanBuildEnds() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.appending(path: "_site")
        let (_, first) = try build(Journal.load(from: root), into: output)
        #expect(first.written == first.pages + 7)

        // One encounter gets a new title: its page, the pages that list it, nothing else.
        let file = root.appending(path: "encounters/2026/2026-05-06-walk-jonas.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Walk with Jonas", with: "title: Long walk with Jonas").utf8).write(
            to: file)
        let (_, second) = try build(Journal.load(from: root), into: output)
        #expect(second.written > 3 && second.written < 20, "\(second)")
        #expect(
            try String(contentsOf: output.appending(path: "contacts/jonas-mueller.html"), encoding: .utf8)
                .contains("Long walk with Jonas"))

        // What a rebuild leaves is exactly what a build into an empty folder makes.
        let (clean, _) = try build(Journal.load(from: root))
        defer { try? FileManager.default.removeItem(at: clean.deletingLastPathComponent()) }
        var rebuilt = try Snapshot(of: output).files
        var fresh = try Snapshot(of: clean).files
        rebuilt[".ties-manifest"] = nil
        fresh[".ties-manifest"] = nil
        #expect(rebuilt == fresh)

        // A page whose file went missing is made again; a changed theme renders everything.
        try FileManager.default.removeItem(at: output.appending(path: "orgs/tum.html"))
        let (_, third) = try build(Journal.load(from: root), into: output)
        #expect(third.written == 1)
        try Fixtures.write(
            ["theme/goal.mustache": "{{<layout}}{{$main}}<h1>Goal: {{title}}</h1>{{/main}}{{/layout}}"], under: root)
        let (_, fourth) = try build(Journal.load(from: root), into: output)
        #expect(fourth.written >= 3, "every goal page changes")
        #expect(fourth.unchanged > 0, "pages whose output is the same are compared, not rewritten")
    }

    @Test func refusesFoldersItMustNotWriteInto() throws {
        let root = try Fixtures.copy(Fixtures.journal("linked"))
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let journal = Journal.load(from: root)
        let foreign = root.deletingLastPathComponent().appending(path: "foreign")
        try Fixtures.write(["notes.txt": "mine"], under: foreign)
        for (output, words) in [
            (root, "is the journal itself"), (root.deletingLastPathComponent(), "contains the journal"),
            (foreign, "not empty"), (root.appending(path: "contacts"), "among the journal's records"),
        ] {
            do {
                _ = try SiteBuilder.build(journal, options: .init(output: output, today: Day("2026-01-01")))
                Issue.record("built into \(output.path)")
            } catch {
                #expect(error.description.contains(words), "\(error.description)")
            }
        }
        #expect(try Snapshot(of: foreign).files.keys.sorted() == ["notes.txt"])
    }
}
