import Foundation
import Index
import TestSupport
import Testing

@Suite("The publication log")
struct PublicationLogTests {
    static let files = [
        "ties.yaml": "title: t\n",
        "publications/a.md": """
        ---
        title: A talk
        kind: talk
        date: 2025-03-01
        audience: 120
        metrics:
          - {date: 2025-04-01, views: 300}
          - {date: 2025-09-01, views: 900, reach: 2000}
        ---
        """,
        "publications/b.md": "---\ntitle: A post\nkind: post\ndate: 2025-10-01\nviews: 50\n---\n",
        "publications/c.md": "---\ntitle: Old CFP\nstatus: submitted\nsubmitted: 2026-01-01\n---\n",
        "publications/d.md": "---\ntitle: Fresh CFP\nstatus: submitted\nsubmitted: 2026-02-20\n---\n",
        "publications/e.md": "---\ntitle: Soon\nstatus: accepted\ndate: 2026-03-20\n---\n",
        "publications/f.md": "---\ntitle: Past\nstatus: accepted\ndate: 2026-02-01\n---\n",
        "publications/g.md": "---\ntitle: Far\nstatus: accepted\ndate: 2026-09-01\n---\n",
        "publications/h.md": "---\ntitle: Bad metric\nmetrics: [{date: 2025-01-01}, 5]\n---\n",
    ]

    let journal: Journal

    init() throws {
        let root = try Fixtures.temporaryFolder()
        try Fixtures.write(Self.files, under: root)
        journal = Journal.load(from: root)
        try? FileManager.default.removeItem(at: root)
    }

    @Test func laterMeasurementsReplaceEarlierOnes() throws {
        let talk = try #require(journal.publications["a"])
        #expect(talk.latestMetrics.views == 900)
        #expect(talk.latestMetrics.reach == 2000)
        #expect(talk.latestMetrics.audience == 120)
        #expect(journal.publications["b"]?.latestMetrics.views == 50)
    }

    @Test func badMeasurementsAreReported() {
        #expect(
            journal.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" } == [
                "3:11 missing-field", "3:31 wrong-type",
            ])
    }

    @Test func yearsAddUpCountsKindsAndFigures() {
        let years = journal.publicationYears()
        #expect(years.map(\.year) == [2025])
        #expect(years.first?.count == 2)
        #expect(years.first?.kinds.map(\.kind) == ["post", "talk"])
        #expect(years.first?.views == 950)
        #expect(years.first?.audience == 120)
        #expect(years.first?.reach == 2000)
    }

    @Test func thePipelineSaysWhatNeedsDoing() throws {
        let actions = journal.publicationActions(on: try #require(Day("2026-03-05")))
        #expect(
            actions.map { "\($0.slug): \($0.what)" } == [
                "c: no answer for 63 days: ask the organisers",
                "f: took place 32 days ago: mark it published",
                "e: in 15 days: prepare",
            ])
    }

    @Test func filtersCombine() {
        #expect(journal.publications(year: 2025, kind: "TALK").map(\.slug) == ["a"])
        #expect(journal.publications(status: .submitted).map(\.slug) == ["c", "d"])
    }
}
