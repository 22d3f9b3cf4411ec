import Foundation
import Index
import Site
import TestSupport
import Testing

/// A record's page on the site and `ties show` format one profile: what one shows of the
/// profile, the other shows too.
@Suite("A record's page and ties show show one profile")
struct RecordProfileSurfaceTests {
    static let today = Day("2026-11-25")!

    @Test(arguments: ["journal-template", "linked", "network"])
    func everyRecordsPageAndShowHoldWhatItsProfileHolds(journalName: String) throws {
        let root = journalName == "journal-template" ? Fixtures.template : Fixtures.journal(journalName)
        let journal = Journal.load(from: root)
        let site = LiveSite(journal: journal, today: Self.today)
        let paths = SitePaths(journal: journal)
        let reader = JournalReader(journal)
        var checked = 0
        for kind in RecordKind.allCases {
            func ids<R: Record>(_ type: R.Type) -> [RecordID] { journal[R.self].map(\.recordID) }
            for id in ids(kind.recordType) {
                let profile = try #require(reader.profile(of: id, today: Self.today))
                var expected = Expected(journal: journal)
                profile.accept(&expected)
                let pagePath = try #require(paths.page(of: id), "\(id)")
                let page = String(decoding: try #require(site.file(at: pagePath)).data, as: UTF8.self)
                let show = try TiesBinary.run(
                    [
                        "show", journal.path(of: id).flatMap { $0.isEmpty ? nil : $0 } ?? name(id, in: journal), "--journal",
                        root.path, "--today", "\(Self.today)",
                    ])
                #expect(show.status == 0, "\(id): \(show.stderr)")
                for text in expected.inBoth {
                    #expect(page.contains(HTML.escape(text)), "\(id)'s page lacks '\(text)'")
                    #expect(show.stdout.contains(text), "ties show \(id) lacks '\(text)'")
                }
                for text in expected.inShow { #expect(show.stdout.contains(text), "ties show \(id) lacks '\(text)'") }
                checked += expected.inBoth.count
            }
        }
        #expect(checked > 0)
    }

    func name(_ id: RecordID, in journal: Journal) -> String { journal.displayName(of: id) ?? id.slug }

    /// What each kind's profile holds that both must show: names of the records it lists (the
    /// last twenty encounters, as `ties show` lists no more), open follow-ups, figures, mentions.
    struct Expected: RecordProfileVisitor {
        let journal: Journal
        var inBoth: [String] = []
        /// Dates `ties show` prints as written and the page in the site's language.
        var inShow: [String] = []

        init(journal: Journal) { self.journal = journal }

        private func name(_ id: RecordID) -> String { journal.displayName(of: id) ?? id.slug }

        private mutating func common<P: RecordProfile>(_ profile: P) {
            inBoth += profile.mentions.map { name($0.source) }
        }

        mutating func visit(_ profile: ContactProfile) {
            common(profile)
            inBoth += profile.encounters.suffix(20).map(\.displayName)
            inBoth += profile.brief.openFollowUps.map(\.task)
            inBoth += profile.roles.map { name($0.org.record) }
            inBoth += profile.introducedBy.flatMap { $0.introducers.map { name($0.record) } }
            inBoth += profile.introducedTo.map { name($0.introduced.record) }
            inBoth += profile.exchanges.suffix(10).map(\.what)
            inBoth += profile.publications.map(\.title)
            inShow += profile.nextDue.map { ["\($0)"] } ?? []
        }

        mutating func visit(_ profile: EncounterProfile) {
            common(profile)
            inBoth += profile.followUps.map(\.item.task)
            inShow += profile.followUps.map { "\($0.due)" }
        }

        mutating func visit(_ profile: PublicationProfile) {
            common(profile)
            let figures = profile.figures
            inBoth += [figures.audience, figures.views, figures.reach].compactMap { $0.map { "\($0)" } }
            inBoth += profile.record.abstract.map { [$0] } ?? []
            inShow += profile.record.submitted.map { ["\($0)"] } ?? []
        }

        mutating func visit(_ profile: OrgProfile) {
            common(profile)
            inBoth += (profile.current + profile.former).map { name($0.contact.record) }
            inBoth += profile.encounters.suffix(20).map(\.displayName)
        }

        mutating func visit(_ profile: GoalProfile) {
            common(profile)
            inBoth += profile.contacts.map(\.name)
            inBoth += profile.encounters.suffix(20).map(\.displayName)
            inBoth += profile.publications.map(\.title)
        }
    }
}
