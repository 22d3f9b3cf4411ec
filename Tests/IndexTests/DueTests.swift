import Foundation
import Index
import TestSupport
import Testing

@Suite("Who and what is due")
struct DueTests {
    static let files = [
        "ties.yaml": "circles: {close: 1m, wider: 1y}\ndefault_cadence: 3m\nfollowup_after: 2w\n",
        "contacts/ada.md": "---\nname: Ada\ncircle: close\n---\n",  // met 2026-01-10 → due 2026-02-10
        "contacts/bob.md": "---\nname: Bob\ncircle: wider\n---\n",  // met 2026-01-10 → due 2027
        "contacts/cy.md": "---\nname: Cy\nmet: 2025-06-01\n---\n",  // connected, never met, no circle: to get to know
        "contacts/di.md": "---\nname: Di\nmet: 2025-06-01\ncadence: none\n---\n",
        "contacts/ed.md": "---\nname: Ed\nmet: 2025-06-01\ncadence: 3m\nsnooze_until: 2026-04-01\n---\n",
        "contacts/fay.md": "---\nname: Fay\ncadence: 30d\nbirthday: 1990-03-05\n---\n",  // kept, never met: due now
        "contacts/gus.md": "---\nname: Gus\nbirthday: 03-20\n---\nMentioned, not met: [[Ada]]\n",
        "encounters/2026-01-10-coffee.md": """
        ---
        with: [Ada, Bob]
        followups:
          - Send the notes
          - {task: Book lunch, due: 2026-03-20}
          - {task: Done already, due: 2026-01-11, done: true}
        ---
        Talked about [[Cy]] too.
        """,
    ]

    let journal: Journal

    init() throws {
        let root = try Fixtures.temporaryFolder()
        try Fixtures.write(Self.files, under: root)
        journal = Journal.load(from: root)
        try? FileManager.default.removeItem(at: root)
    }

    @Test func overdueByCadenceMostOverdueFirst() throws {
        #expect(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
        let today = try #require(Day("2026-03-01"))
        let due = journal.overdueContacts(on: today)
        #expect(due.map(\.slug) == ["ada", "fay"])
        #expect(due.map(\.daysOverdue) == [19, 0])
        #expect(due.map { $0.last?.description } == ["2026-01-10", nil])
        #expect(due.map(\.cadence) == [.every(1, .month), .every(30, .day)])
    }

    /// A connection never met and in no circle is someone to get to know, not someone overdue
    /// (an import of 150 LinkedIn connections); one with a circle or cadence of their own, or
    /// an encounter, is kept in touch with.
    @Test func connectionsNeverMetAreToGetToKnow() throws {
        let today = try #require(Day("2026-03-01"))
        #expect(journal.agenda.toGetToKnow(on: today).map(\.slug) == ["cy", "gus"])
        #expect(journal.nextDue(of: try #require(journal.contacts["cy"]), today: today) == nil)
        #expect(journal.nextDue(of: try #require(journal.contacts["fay"]), today: today) == today)
    }

    @Test func snoozeEndsAndNoneNeverComes() throws {
        #expect(!journal.overdueContacts(on: try #require(Day("2026-03-31"))).map(\.slug).contains("ed"))
        #expect(journal.overdueContacts(on: try #require(Day("2026-04-01"))).map(\.slug).contains("ed"))
        #expect(!journal.overdueContacts(on: try #require(Day("2030-01-01"))).map(\.slug).contains("di"))
    }

    @Test func aMentionIsNotAnEncounter() throws {
        // Cy is mentioned in the coffee's notes; the clock still runs from `met`.
        #expect(journal.lastContact(with: try #require(journal.contacts["cy"]))?.description == "2025-06-01")
    }

    @Test func followUpsWithAndWithoutDates() throws {
        let open = journal.openFollowUps(on: try #require(Day("2026-01-20")), within: 14)
        #expect(open.map(\.task) == ["Send the notes"])
        #expect(open.first?.due.description == "2026-01-24")  // followup_after: 2w
        let later = journal.openFollowUps(on: try #require(Day("2026-03-10")), within: 14)
        #expect(later.map(\.task) == ["Send the notes", "Book lunch"])
        #expect(later.map(\.daysOverdue) == [45, -10])
    }

    @Test func birthdaysWithinTheWindowWithAge() throws {
        let occasions = journal.occasions(on: try #require(Day("2026-03-01")), within: 14)
        #expect(occasions.map(\.slug) == ["fay"])
        #expect(occasions.first?.what == .birthday(age: 36))
        #expect(occasions.first?.inDays == 4)
        #expect(journal.occasions(on: try #require(Day("2026-03-10")), within: 14).map(\.slug) == ["gus"])
    }
}
