import Index

/// `due.html`: everything the dashboard lists the first few of, whole: everyone overdue,
/// everyone due in the next 30 days, every open follow-up, and the birthdays and greetings of
/// the next 60 days.
struct DuePage: Sendable, Encodable {
    var page: PageFrame
    var overdue: [DashboardPage.DueRow]
    var soon: [SoonRow]
    var followUps: [DashboardPage.FollowUpRow]
    var occasions: [DashboardPage.OccasionRow]
    /// "and 3,000 more (ties due)", per list longer than `mostRows`.
    var moreOverdue, moreSoon, moreFollowUps: String?

    /// The most rows a list shows: a page of 70,000 follow-ups helps no one; `ties due` has them all.
    static let mostRows = 1000
    /// Days ahead for contacts due soon, and for occasions.
    static let soonDays = 30
    static let occasionDays = 60

    struct SoonRow: Sendable, Encodable {
        var link: Link
        var due: String
        var last: String
    }
}

extension SiteContext {
    func duePage() -> PageJob {
        let path = paths.page(.due)
        let horizon = today.adding(days: DuePage.soonDays)
        var soon: [(day: Day, key: String, contact: Contact)] = []
        for contact in journal.contacts {
            guard let next = journal.nextDue(of: contact, today: today), next > today, next <= horizon else { continue }
            if let snooze = contact.snoozeUntil, snooze > next { continue }
            soon.append((next, NameOrder.key(contact.name), contact))
        }
        soon.sort { ($0.day, $0.key, $0.contact.slug) < ($1.day, $1.key, $1.contact.slug) }
        let overdue = journal.overdueContacts(on: today)
        let followUps = journal.openFollowUps(on: today, within: 3650)
        func more(_ count: Int) -> String? {
            count > DuePage.mostRows ? "\(t.andMore) \(count - DuePage.mostRows) (ties due)" : nil
        }
        let model = DuePage(
            page: frame(title: t.duePage, path: path, section: .due),
            overdue: dueRows(overdue.prefix(DuePage.mostRows), from: path),
            soon: soon.prefix(DuePage.mostRows).map { item in
                DuePage.SoonRow(
                    link: link(to: item.contact.recordID, from: path) ?? Link(href: nil, text: item.contact.name),
                    due: dates.short(item.day), last: journal.lastContact(with: item.contact).map(dates.short) ?? t.never)
            },
            followUps: followUpRows(followUps.prefix(DuePage.mostRows), from: path),
            occasions: occasionRows(journal.occasions(on: today, within: DuePage.occasionDays), from: path),
            moreOverdue: more(overdue.count), moreSoon: more(soon.count), moreFollowUps: more(followUps.count))
        return PageJob(path: path, template: FixedPage.due.template, model: model)
    }
}
