import Index

/// `timeline.html` and `timeline/<year>.html`: encounters and publications by date, by month.
struct TimelinePage: Sendable, Encodable {
    var page: PageFrame
    var heading: String
    var years: [YearLink]
    var months: [Month]

    struct YearLink: Sendable, Encodable {
        var href: String
        var text: String
        var current: Bool
    }

    struct Month: Sendable, Encodable {
        var name: String
        var id: String
        var items: [Item]
    }

    struct Item: Sendable, Encodable {
        var date: String
        var isoDate: String
        var kind: String
        var isPublication: Bool
        var link: Link
        var with: [Link]
    }
}

/// `encounters/<slug>.html`.
struct EncounterPage: Sendable, Encodable {
    var page: PageFrame
    var title: String
    var date: String
    var facts: [Fact]
    var with: [Link]
    var introduced: [Link]
    var gave: [String]
    var received: [String]
    var followUps: [FollowUpItem]
    var goals: [Link]
    var tags: [Link]
    var mentions: [Link]
    var body: String?
    var extra: [Fact]

    struct FollowUpItem: Sendable, Encodable {
        var task: String
        var due: String?
        var done: Bool
    }
}

extension SiteContext {
    /// `timeline.html` with the last twelve months, and a page per year with all of that year:
    /// a journal kept for decades stays quick to open.
    ///
    /// Makers rather than pages: each is made in the build's batches, never all at once.
    func timelinePages() -> [SitePlan.PageMaker] {
        let latest = paths.page(.timeline)
        var makers = [SitePlan.PageMaker(path: latest) { $0.timelinePage(path: latest, year: nil) }]
        for year in journal.timelineYears {
            guard let path = paths.timeline(year: year) else { continue }
            makers.append(SitePlan.PageMaker(path: path) { $0.timelinePage(path: path, year: year) })
        }
        return makers
    }

    func timelinePage(path: String, year: Int?) -> PageJob {
        let since = today.adding(months: -12)
        func included(_ day: Day) -> Bool { year.map { day.year == $0 } ?? (day > since && day <= today) }
        let timeline = journal.timeline(of: year.map { $0...$0 } ?? since.year...today.year)
        var entries: [TimelineEntry] = timeline.encounters.filter { included($0.date.day) }.map { .encounter($0) }
        entries += timeline.publications.filter { $0.date.map(included) ?? false }.map { .publication($0) }
        let items = TimelineEntry.newestFirst(entries).map { entry -> (Day, TimelinePage.Item) in
            switch entry {
            case let .encounter(encounter):
                let r = row(encounter, from: path)
                return (
                    entry.day,
                    TimelinePage.Item(
                        date: r.date, isoDate: r.isoDate, kind: r.kind ?? vocabulary.encounter, isPublication: false,
                        link: r.link, with: r.with)
                )
            case let .publication(publication):
                let r = row(publication, from: path)
                return (
                    entry.day,
                    TimelinePage.Item(
                        date: r.date ?? "", isoDate: r.isoDate ?? "", kind: r.kindText, isPublication: true, link: r.link,
                        with: r.with)
                )
            }
        }
        var months: [TimelinePage.Month] = []
        for (day, item) in items {
            let id = "m" + String(day.description.prefix(7))
            if months.last?.id != id {
                months.append(TimelinePage.Month(name: dates.month(year: day.year, month: day.month), id: id, items: []))
            }
            months[months.count - 1].items.append(item)
        }
        let root = SitePaths.root(from: path)
        let years = journal.timelineYears.compactMap { item in
            paths.timeline(year: item).map { TimelinePage.YearLink(href: root + $0, text: "\(item)", current: item == year) }
        }
        let heading = year.map { "\(t.timeline) \($0)" } ?? "\(t.timeline): \(t.lastTwelveMonths)"
        let model = TimelinePage(
            page: frame(title: heading, path: path, section: .timeline), heading: heading,
            years: years, months: months)
        return PageJob(path: path, template: FixedPage.timeline.template, model: model)
    }

    func encounterPage(_ profile: EncounterProfile) -> PageJob? {
        let encounter = profile.record
        guard let path = paths.page(of: encounter.recordID) else { return nil }
        let title = vocabulary.title(of: encounter, dates: dates)
        var facts: [Fact] = []
        if let kind = encounter.kind { facts.append(Fact(label: t.kind, value: vocabulary.encounterKind(kind))) }
        if let event = encounter.event { facts.append(Fact(label: t.event, value: event)) }
        if let location = encounter.location { facts.append(Fact(label: t.location, value: location)) }
        let followUps = profile.followUps.map { followup in
            EncounterPage.FollowUpItem(task: followup.item.task, due: dates.short(followup.due), done: followup.item.done)
        }
        let model = EncounterPage(
            page: frame(title: title, path: path, section: .timeline), title: title,
            date: dates.long(encounter.date), facts: facts, with: contactLinks(encounter.with, from: path),
            introduced: contactLinks(encounter.introduced, from: path), gave: encounter.gave, received: encounter.received,
            followUps: followUps, goals: goalLinks(encounter.goals, from: path), tags: tagLinks(encounter.tags, from: path),
            mentions: links(to: profile.mentions, from: path), body: body(of: encounter, from: path),
            extra: extraFacts(encounter.extraFields))
        return PageJob(path: path, template: .encounter, model: model)
    }
}

extension Fact {
    init(label: String, value: String) { self.init(label: label, value: value, href: nil) }
}
