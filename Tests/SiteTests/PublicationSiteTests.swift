import Foundation
import Index
import Site
import TestSupport
import Testing

@Suite("Publications on the site, feeds, and the public build")
struct PublicationSiteTests {
    static let journal = Journal.load(from: Fixtures.template)

    private func build(publicOnly: Bool) throws -> URL {
        let output = try Fixtures.temporaryFolder("pubs").appending(path: "out")
        _ = try SiteBuilder.build(Self.journal, options: .init(output: output, today: Day("2026-11-25"), publicOnly: publicOnly))
        return output
    }

    @Test func thePublicationPageShowsPipelineChartFiguresAndActions() throws {
        let site = try build(publicOnly: false)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let page = try String(contentsOf: site.appending(path: "publications.html"), encoding: .utf8)
        #expect(page.contains("<svg class=\"quarters\""))
        #expect(page.contains("<title>2025 Q2: 2</title>"))
        #expect(page.contains("no answer for 97 days: ask the organisers"))
        #expect(page.contains("views 2300 · reach 5400"))
        let pipeline = try #require(page.range(of: "id=\"pipeline\""))
        let published = try #require(page.range(of: "id=\"published\""))
        let idea = try #require(page.range(of: "MLOps for platform teams"))
        #expect(pipeline.upperBound < idea.lowerBound && idea.lowerBound < published.lowerBound)
    }

    @Test(arguments: [false, true])
    func feedsAreValidForARealParser(publicOnly: Bool) throws {
        let site = try build(publicOnly: publicOnly)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        // Atom through feedparser (strict parsing finds no fault); JSON Feed 1.1 against its schema.
        let script = """
            import sys, json, feedparser, jsonschema
            feed = feedparser.parse(sys.argv[1] + "/feed.xml")
            assert not feed.bozo, feed.get("bozo_exception")
            print("feed.xml", feed.version, len(feed.entries), feed.entries[0].title, feed.entries[0].id)
            document = json.load(open(sys.argv[1] + "/feed.json"))
            jsonschema.validate(document, json.load(open(sys.argv[2])))
            print("feed.json", document["version"], len(document["items"]), document["items"][0]["title"], document["items"][0]["id"])
            """
        let schema = Fixtures.repository.appending(path: "Tests/Fixtures/schemas/jsonfeed-1.1.schema.json").path
        guard let (status, output) = try Python.run(script, arguments: [site.path, schema], needing: "feedparser, jsonschema")
        else {
            Issue.record("python3-feedparser or python3-jsonschema is missing: run make test, which installs them")
            return
        }
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("feed.xml atom10 6 Internal developer portals in practice urn:uuid:") == true)
        #expect(
            lines.last?.hasPrefix("feed.json https://jsonfeed.org/version/1.1 6 Internal developer portals in practice urn:uuid:")
                == true)
    }

    @Test func thePublicBuildHoldsNothingPrivate() throws {
        let site = try build(publicOnly: true)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let files = SiteChecker.files(in: site)
        #expect(files.contains("index.html") && files.contains("feed.xml") && files.contains("feed.json"))
        #expect(!files.contains { $0.hasPrefix("contacts/") || $0.hasPrefix("encounters/") || $0 == "search-index.js" })
        let everything = try files.map { try String(contentsOf: site.appending(path: $0), encoding: .utf8) }.joined(
            separator: "\n")

        // Everything private the journal holds about people and meetings, and every note.
        var secrets: [String] = []
        for contact in Self.journal.contacts {
            secrets += contact.emails + contact.phones
            secrets += contact.body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                $0.count > 12
            }
            if !contact.isPublic { secrets += contact.links.map(\.url) }
        }
        for encounter in Self.journal.encounters {
            if let title = encounter.title { secrets.append(title) }
            secrets += encounter.gave + encounter.received + encounter.followups.map(\.task)
            secrets += encounter.body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                $0.count > 12
            }
        }
        for publication in Self.journal.publications {
            secrets += publication.body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                $0.count > 12
            }
            if publication.status != .published { secrets.append(publication.title) }
        }
        #expect(secrets.count > 150)
        for secret in Set(secrets) {
            #expect(!everything.contains(secret) && !everything.contains(HTML.escape(secret)), "public build shows: \(secret)")
        }
        // What it does show: published items, abstracts, co-speakers by name or their public link.
        #expect(everything.contains("What our platform got wrong"))
        #expect(everything.contains("Five things our internal platform got wrong"))
        #expect(everything.contains("<a href=\"https://sofia.example\">Sofía Álvarez</a>"))
        #expect(everything.contains("Yusuf Demir") && !everything.contains("Yusuf Demir</a>"))
        #expect(!everything.contains("noindex"))
        #expect(try SiteChecker.brokenLinks(in: site) == [])
        #expect(try SiteChecker.parseErrors(in: site) ?? [] == [])
    }
}
