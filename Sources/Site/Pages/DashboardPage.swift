import Index

/// `index.html`: what is due, what was promised, who has a birthday, what happened lately.
struct DashboardPage: Sendable, Encodable {
    var page: PageFrame
    /// `ties week`'s plan: whom to get in touch with this week, why, and what to do.
    var week: [WeekRow]
    var due: [DueRow]
    /// "and 12 more", when the list is longer than the dashboard shows.
    var moreDue: String?
    /// The Due page, which lists everything.
    var dueHref: String
    var followUps: [FollowUpRow]
    var moreFollowUps: String?
    var occasions: [OccasionRow]
    var recentEncounters: [EncounterRow]
    var recentPublications: [PublicationRow]
    var heatmap: String
    var counts: [Fact]

    /// How many rows a list on the dashboard shows: the most urgent; the rest are counted.
    static let limit = 12

    struct WeekRow: Sendable, Encodable {
        var link: Link
        var reasons: [String]
        var action: String
    }

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

    /// A birthday, or a greeting with everyone it is for: one row per greeting and day, not one
    /// per person.
    struct OccasionRow: Sendable, Encodable {
        var people: [Link]
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
        let due = dueRows(allDue.prefix(DashboardPage.limit), from: path)
        let followUps = followUpRows(allFollowUps.prefix(DashboardPage.limit), from: path)
        let occasions = occasionRows(journal.occasions(on: today, within: 14), from: path)
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
        let whole = journal.whole
        let words = WeekPlanWords(language: whole.config.language, name: { whole.displayName(of: $0) ?? $0.slug }) {
            [dates] in dates.short($0)
        }
        let week = journal.weekPlan(on: today).entries.map { entry in
            DashboardPage.WeekRow(
                link: link(to: entry.contact.record, from: path) ?? Link(href: nil, text: entry.name),
                reasons: entry.reasons.map(words.text), action: words.text(entry.action))
        }
        let model = DashboardPage(
            page: frame(title: t.dashboard, path: path, section: .dashboard), week: week, due: due,
            moreDue: allDue.count > DashboardPage.limit ? "\(t.andMore) \(allDue.count - DashboardPage.limit)" : nil,
            dueHref: SitePaths.root(from: path) + paths.page(.due), followUps: followUps,
            moreFollowUps: allFollowUps.count > DashboardPage.limit
                ? "\(t.andMore) \(allFollowUps.count - DashboardPage.limit)" : nil,
            occasions: occasions, recentEncounters: Array(recentEncounters), recentPublications: Array(recentPublications),
            heatmap: Heatmap(journal: journal, today: today, dates: dates, label: t.activity).svg(), counts: counts)
        return PageJob(path: path, template: FixedPage.dashboard.template, model: model)
    }

    func dueRows(_ items: some Sequence<DueContact>, from path: String) -> [DashboardPage.DueRow] {
        items.map { item in
            DashboardPage.DueRow(
                link: link(to: RecordID(.contact, item.slug), from: path) ?? Link(href: nil, text: item.name),
                last: item.last.map(dates.short) ?? t.never,
                overdue: item.daysOverdue == 0 ? t.dueToday : vocabulary.count(item.daysOverdue, .dayOverdue))
        }
    }

    func followUpRows(_ items: some Sequence<OpenFollowUp>, from path: String) -> [DashboardPage.FollowUpRow] {
        items.map { item in
            DashboardPage.FollowUpRow(
                task: item.task,
                encounter: link(to: RecordID(.encounter, item.encounter), from: path)
                    ?? Link(href: nil, text: item.encounter),
                due: dates.short(item.due), overdue: item.daysOverdue > 0)
        }
    }

    /// Birthdays one row each; a greeting one row per day with everyone it is for.
    func occasionRows(_ items: [Occasion], from path: String) -> [DashboardPage.OccasionRow] {
        var rows: [DashboardPage.OccasionRow] = []
        var greetingRow: [String: Int] = [:]
        for item in items {
            let person = link(to: RecordID(.contact, item.slug), from: path) ?? Link(href: nil, text: item.name)
            switch item.what {
            case .birthday(nil):
                rows.append(DashboardPage.OccasionRow(people: [person], what: t.birthday, date: dates.long(item.date)))
            case let .birthday(age?):
                rows.append(
                    DashboardPage.OccasionRow(
                        people: [person], what: "\(t.birthday), \(t.turns) \(age)", date: dates.long(item.date)))
            case let .greeting(greeting):
                let key = "\(item.date) \(greeting)"
                if let row = greetingRow[key] {
                    rows[row].people.append(person)
                } else {
                    greetingRow[key] = rows.count
                    rows.append(DashboardPage.OccasionRow(people: [person], what: greeting, date: dates.long(item.date)))
                }
            }
        }
        return rows
    }
}
