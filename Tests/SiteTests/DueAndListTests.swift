import Foundation
import Index
import TestSupport
import Testing

@testable import Site

/// The pages a person works from: `due.html` with everything due, the dashboard that leads to
/// it, and the contact list that sorts and filters in the page.
@Suite("Due page and contact list")
struct DueAndListTests {
    static let today = Day("2026-12-07")!

    private func build() throws -> (Journal, URL) {
        let site = try Fixtures.temporaryFolder("due").appending(path: "site")
        let journal = Journal.load(from: Fixtures.template)
        _ = try SiteBuilder.build(journal, options: .init(output: site, today: Self.today))
        return (journal, site)
    }

    @Test func theDuePageListsEverythingTheDashboardLists() throws {
        let (journal, site) = try build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let due = try String(contentsOf: site.appending(path: "due.html"), encoding: .utf8)
        for contact in journal.agenda.overdueContacts(on: Self.today) {
            #expect(due.contains(">\(HTML.escape(contact.name))</a> <span class=\"overdue\">"), "\(contact.name) is overdue")
        }
        for item in journal.agenda.openFollowUps(on: Self.today, within: 3650) {
            #expect(due.contains(HTML.escape(item.task)), "the follow-up '\(item.task)'")
        }
        // Eva is due on 30 December: within 30 days, not overdue.
        #expect(due.contains(#"<span class="due-date">30 Dec 2026</span> <a href="contacts/eva-novakova.html">"#))
        let dashboard = try String(contentsOf: site.appending(path: "index.html"), encoding: .utf8)
        #expect(dashboard.contains(#"<li><a href="due.html">Due</a></li>"#), "in the navigation")
        // A greeting is one row with everyone it is for, not a row per person.
        #expect(dashboard.components(separatedBy: "Season&#39;s greetings:").count == 2)
        #expect(due.components(separatedBy: "Season&#39;s greetings:").count == 2)
    }

    @Test func theContactListSortsAndFiltersByItsAddress() throws {
        let (journal, site) = try build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let url = URL(string: site.appending(path: "contacts.html").absoluteString + "#sort=next&circle=close")!
        guard let dom = try Chromium.dom(of: url) else {
            Issue.record("chromium is missing: run make test, which installs it")
            return
        }
        let rows = dom.components(separatedBy: "<tr ").dropFirst().map { "<tr " + $0 }
        let shown = rows.filter { !$0.contains("hidden=\"\"") && $0.contains("data-name") }
        let close = journal.contacts.filter { $0.circle?.target == "close" }
        #expect(shown.count == close.count)
        #expect(shown.allSatisfy { $0.contains("data-circle=\"close\"") })
        let next = shown.compactMap { $0.components(separatedBy: "data-next=\"").dropFirst().first?.prefix(10) }.map(String.init)
        #expect(next == next.sorted() && next.count == close.count, "\(next)")
        #expect(dom.contains("id=\"contact-count\">\(close.count) / \(journal.contacts.count)<"))
        #expect(dom.contains("<select name=\"circle\">") && dom.contains("<option value=\"close\">close</option>"))
    }

    /// A goal's page says how it is going: its people, encounters and publications, when
    /// something last happened for it, whether it went quiet, and what is still to do.
    @Test func aGoalsPageShowsItsProgress() throws {
        let (journal, site) = try build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let reader = JournalReader(whole: journal, log: nil)
        for goal in journal.goals {
            let profile = GoalProfile(goal, reader: reader, today: Self.today)
            let page = try String(contentsOf: site.appending(path: "goals/\(goal.slug).html"), encoding: .utf8)
            let people = profile.contacts.count == 1 ? "1 person" : "\(profile.contacts.count) people"
            #expect(page.contains("<p class=\"headline\">\(people) · "), "\(goal.slug)")
            #expect(page.contains("no activity for 60 days") == profile.stale, "\(goal.slug)")
            for item in profile.openFollowUps { #expect(page.contains(HTML.escape(item.item.task)), "\(item.item.task)") }
            let show = try TiesBinary.run(["show", goal.slug, "--today", "\(Self.today)"], in: Fixtures.template)
            #expect(show.stdout.contains("last activity \(profile.lastActivity?.description ?? "never")"))
        }
        #expect(
            journal.goals.contains { GoalProfile($0, reader: reader, today: Self.today).stale }, "the sample has a quiet goal")
    }
}
