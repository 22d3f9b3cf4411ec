import TestSupport
import Testing

@testable import Index

/// The bundled sample journal must show every feature and pass `ties check --strict`.
@Suite("journal-template")
struct TemplateJournalTests {
    let journal = Journal.load(from: Fixtures.template)

    @Test func hasNoProblemsAtAll() {
        #expect(journal.diagnostics.isEmpty, "\(journal.diagnostics.map { DiagnosticReport.line(for: $0) })")
    }

    @Test func isBigEnoughToShowEveryFeature() throws {
        #expect(journal.contacts.count >= 12)
        #expect(journal.encounters.count >= 25)
        #expect(journal.publications.count >= 8)
        #expect(journal.orgs.filter { !$0.isImplicit }.count >= 3)
        #expect(journal.goals.count >= 2)
        let first = try #require(journal.encounters.first).date.day
        let last = try #require(journal.encounters.last).date.day
        #expect(first.days(until: last) >= 730, "encounters span at least two years")
        #expect(Set(journal.publications.compactMap(\.kind)).count >= 4)
        #expect(Set(journal.publications.map(\.status)).count >= 3)
    }

    @Test func hasTheNamesAndRecordsThatTestTheEdges() {
        #expect(journal.contacts.contains { $0.name.contains("ü") || $0.name.contains("ä") })
        #expect(journal.contacts.contains { $0.name.unicodeScalars.contains { $0.value > 0x2E80 } }, "a CJK name")
        #expect(journal.contacts.contains { $0.roles.count >= 2 })
        #expect(journal.contacts.contains { journal.introductions(by: $0.id).count >= 3 }, "someone who introduced several")
        #expect(journal.encounters.contains { !$0.followups.isEmpty })
        #expect(journal.encounters.contains { !$0.gave.isEmpty } && journal.encounters.contains { !$0.received.isEmpty })
        #expect(journal.encounters.contains { !$0.wikiLinks.isEmpty })
        #expect(journal.contacts.contains { !$0.extraFields.isEmpty }, "an unknown field, kept")
        #expect(!journal.formerPeople(at: "nordlicht").isEmpty, "former colleagues")
    }
}
