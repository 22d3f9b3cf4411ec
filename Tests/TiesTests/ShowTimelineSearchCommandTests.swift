import Foundation
import TestSupport
import Testing

@Suite("ties show of every kind, ties timeline and ties search, end to end")
struct ShowTimelineSearchCommandTests {
    @Test func showsAnEncounterWithItsPeopleFollowUpsAndNotes() throws {
        let result = try TiesBinary.run(["show", "2024-10-08-coffee-jonas-lena", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.prefix(3) == [
                "Coffee with Jonas, who brought Lena", "2024-10-08 · coffee · Café Frischhut, Munich",
                "with Jonas Müller, Lena Schäfer",
            ])
        #expect(lines.contains("  introduced Lena Schäfer"))
        #expect(lines.contains("  [x] 2024-10-15  Send Lena the on-call article"))
        #expect(lines.contains("  gave     Feedback on Acme's on-call rotation"))
        #expect(lines.contains { $0.hasPrefix("  Jonas brought [[Lena Schäfer]] along.") })
        #expect(lines.last(where: { !$0.isEmpty }) == "file: encounters/2024/2024-10-08-coffee-jonas-lena.md")
    }

    @Test func showsAPublicationAndATag() throws {
        let publication = try TiesBinary.run(["show", "paved roads, not", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(publication.status == 0, "\(publication.stderr)")
        #expect(
            publication.stdout.hasPrefix("Paved roads, not golden cages\ntalk · published · 2025-05-22 · Platform Day Munich\n"))
        #expect(publication.stdout.contains("  audience   180\n"))
        #expect(publication.stdout.contains("\nAbstract\n  Golden paths help only"))
        let tag = try TiesBinary.run(["show", "#platform"], in: Fixtures.template)
        #expect(tag.status == 0)
        #expect(
            tag.stdout.hasPrefix(
                "#platform  4 records\n\nContacts (2)\n  Jonas Müller  jonas-mueller\n  Lena Schäfer  lena-schaefer\n"))
        // A tag's name alone, when it names no record, shows the tag.
        let bare = try TiesBinary.run(["show", "platform"], in: Fixtures.template)
        #expect(
            bare.stdout.hasPrefix("Panel at the Berlin platform meetup") || bare.status == 1 || bare.stdout.hasPrefix("#platform")
        )
        let unknown = try TiesBinary.run(["show", "#platfrom"], in: Fixtures.template)
        #expect(unknown.status == 1 && unknown.stderr.contains("(did you mean 'platform'?)"))
    }

    @Test func aNameOfSeveralRecordsListsThemAndDoesNothing() throws {
        let result = try TiesBinary.run(["show", "2025-0"], in: Fixtures.template)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("ties: '2025-0' may mean "))
        #expect(result.stderr.contains("\n  encounter 2025/2025-01-22-coffee-claire  Coffee with Claire\n"))
        // A first name means the person, not the encounters named after them.
        let anna = try TiesBinary.run(["show", "anna", "--today", "2026-11-25"], in: Fixtures.template)
        #expect(anna.status == 0 && anna.stdout.hasPrefix("Anna Becker\n"))
    }

    @Test func newEncounterTakesNamesAsPeopleTypeThem() throws {
        let root = try Fixtures.copy(Fixtures.template)
        let result = try TiesBinary.run(
            ["new", "encounter", "--with", "Lena", "--with", "mueller", "--kind", "coffee", "--date", "2026-12-01", "--no-edit"],
            in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let path = try #require(result.stdout.split(separator: "\n").first.map(String.init))
        #expect(path.hasSuffix("encounters/2026/2026-12-01-coffee-lena-schaefer-jonas-mueller.md"))
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        #expect(text.contains("with: [Lena Schäfer, Jonas Müller]\n"))
        let ambiguous = try TiesBinary.run(["new", "encounter", "--with", "a", "--no-edit"], in: root)
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("may mean"), "\(ambiguous.stderr)")
    }

    @Test func timelineNewestFirstByMonthWithOnePersonOrOrg() throws {
        let all = try TiesBinary.run(["timeline", "--since", "2026-10-01"], in: Fixtures.template)
        #expect(all.status == 0)
        #expect(
            all.stdout == """
                2027-01
                  2027-01-14  workshop, accepted  Platform engineering for data teams  Claire Dubois

                2026-12
                  2026-12-10  talk, accepted  Platforms for data teams: a first look  Claire Dubois

                2026-11
                  2026-11-18  coffee   Coffee with Eva             Eva Nováková
                  2026-11-12  meeting  Development talk with Anna  Anna Becker
                  2026-11-04  video    Panel planning with Sofía   Sofía Álvarez

                2026-10
                  2026-10-07  video  Video call with Mei  林美

                """)
        let json = try TiesBinary.run(["timeline", "--with", "Jonas Mueller", "--format", "json"], in: Fixtures.template)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(
            items.allSatisfy { ($0["with"] as? [[String: Any]])?.contains { $0["slug"] as? String == "jonas-mueller" } == true })
        let dates = items.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(by: >), "newest first")
        let org = try TiesBinary.run(["timeline", "--with", "Acme"], in: Fixtures.template)
        #expect(org.status == 0 && org.stdout.contains("Acme open house"))
        let unknown = try TiesBinary.run(["timeline", "--with", "nobody"], in: Fixtures.template)
        #expect(unknown.status == 1)
    }

    @Test func searchFindsNamesTagsAndNotesIgnoringAccents() throws {
        let result = try TiesBinary.run(["search", "schafer", "--format", "json"], in: Fixtures.template)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.first?["slug"] as? String == "lena-schaefer" && hits.first?["place"] as? String == "name")
        let notes = try TiesBinary.run(["search", "KUBECTL"], in: Fixtures.template)
        #expect(
            notes.stdout.contains("Lena Schäfer") && notes.stdout.contains("(contacts/lena-schaefer.md:16:1)"), "\(notes.stdout)")
        let tag = try TiesBinary.run(["search", "hiring-manager", "--format", "json"], in: Fixtures.template)
        let tagged = try #require(try JSONSerialization.jsonObject(with: Data(tag.stdout.utf8)) as? [[String: Any]])
        #expect(tagged.map { $0["place"] as? String } == ["tag"])
        let none = try TiesBinary.run(["search", "zzzz"], in: Fixtures.template)
        #expect(none.status == 0 && none.stdout == "Nothing contains 'zzzz'.\n")
    }

    /// Umlauts either way, ß as ss, and every word of a query anywhere in the record: the site's
    /// search folds and combines the same way (SiteSearchTests).
    @Test func searchReadsUmlautsEitherWayAndCombinesWords() throws {
        func slugs(_ query: String) throws -> [String] {
            let result = try TiesBinary.run(["search", query, "--format", "json"], in: Fixtures.journal("german"))
            let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return hits.compactMap { $0["slug"] as? String }
        }
        #expect(try slugs("weiss") == ["juergen-weiss"])
        #expect(try slugs("juergen") == ["juergen-weiss"])
        #expect(try slugs("JÜRGEN vertriebsleiter") == ["juergen-weiss"], "a name and a job title")
        #expect(try slugs("brueckner mia") == ["mia-koenig"], "an org and a name")
        #expect(try slugs("koenig") == ["mia-koenig"])
        #expect(try slugs("Geschaftsfuhrerin") == ["ayse-yilmaz"])
        #expect(try slugs("halle gesprochen") == ["2026/2026-10-02-kaffee"], "two words of notes")
        #expect(try slugs("halle zzzz").isEmpty, "every word must be found")
    }
}
