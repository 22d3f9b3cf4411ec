import Index

/// `index.html`: what is due, what was promised, who has a birthday, what happened lately.
struct DashboardPage: Sendable, Encodable {
    var page: PageFrame
    var due: [DueRow]
    /// "and 12 more", when the list is longer than the dashboard shows.
    var moreDue: String?
    var followUps: [FollowUpRow]
    var moreFollowUps: String?
    var occasions: [OccasionRow]
    var recentEncounters: [EncounterRow]
    var recentPublications: [PublicationRow]
    var heatmap: String
    var counts: [Fact]

    /// How many rows a list on the dashboard shows: the most urgent; the rest are counted.
    static let limit = 12

    struct DueRow: Sendable, Encodable {
        var link: Link
        var last: String
        var overdue: String
    }

    struct FollowUpRow: Sendable, Encodable {
        var task: String
        var encounter: Link
        var due: String
        var overdue: Bool
    }

    struct OccasionRow: Sendable, Encodable {
        var link: Link
        var what: String
        var date: String
    }
}

extension SiteContext {
    func dashboard() -> PageJob {
        let path = paths.page(.dashboard)
        let t = self.t
        let allDue = journal.overdueContacts(on: today)
        let allFollowUps = journal.openFollowUps(on: today, within: 14)
        let due = allDue.prefix(DashboardPage.limit).map { item in
            DashboardPage.DueRow(
                link: link(to: RecordID(.contact, item.slug), from: path) ?? Link(href: nil, text: item.name),
                last: item.last.map(dates.short) ?? t.never,
                overdue: item.daysOverdue == 0 ? t.dueToday : "\(item.daysOverdue) \(t.overdueBy)")
        }
        let followUps = allFollowUps.prefix(DashboardPage.limit).map { item in
            DashboardPage.FollowUpRow(
                task: item.task,
                encounter: link(to: RecordID(.encounter, item.encounter), from: path) ?? Link(href: nil, text: item.encounter),
                due: dates.short(item.due), overdue: item.daysOverdue > 0)
        }
        let occasions = journal.occasions(on: today, within: 14).map { item -> DashboardPage.OccasionRow in
            let what: String
            switch item.what {
            case .birthday(nil): what = t.birthday
            case let .birthday(age?): what = "\(t.birthday), \(t.turns) \(age)"
            case let .greeting(greeting): what = greeting
            }
            return DashboardPage.OccasionRow(
                link: link(to: RecordID(.contact, item.slug), from: path) ?? Link(href: nil, text: item.name),
                what: what, date: dates.long(item.date))
        }
        // Lazily, from the end: filtering first would copy every encounter of the journal.
        let recentEncounters = journal.encounters.lazy.filter { $0.date.day <= today }.suffix(10).reversed().map {
            row($0, from: path)
        }
        let recentPublications = journal.publications.lazy.filter { $0.status == .published && ($0.date ?? today) <= today }
            .suffix(5).reversed().map { row($0, from: path) }
        let counts = [
            Fact(label: t.contacts, value: "\(journal.contacts.count)", href: paths.page(.contacts)),
            Fact(label: t.encounters, value: "\(journal.encounters.count)", href: paths.page(.timeline)),
            Fact(label: t.publications, value: "\(journal.publications.count)", href: paths.page(.publications)),
            Fact(label: t.orgs, value: "\(journal.orgs.count)", href: paths.page(.orgs)),
            Fact(label: t.goals, value: "\(journal.goals.count)", href: paths.page(.goals)),
        ]
        let model = DashboardPage(
            page: frame(title: t.dashboard, path: path, section: .dashboard), due: Array(due),
            moreDue: allDue.count > DashboardPage.limit ? "\(t.andMore) \(allDue.count - DashboardPage.limit)" : nil,
            followUps: Array(followUps),
            moreFollowUps: allFollowUps.count > DashboardPage.limit
                ? "\(t.andMore) \(allFollowUps.count - DashboardPage.limit)" : nil,
            occasions: occasions, recentEncounters: Array(recentEncounters), recentPublications: Array(recentPublications),
            heatmap: Heatmap(journal: journal, today: today, dates: dates, label: t.activity).svg(), counts: counts)
        return PageJob(path: path, template: FixedPage.dashboard.template, model: model)
    }
}
