import Index

/// `publications.html`: the log of what was published by year, counts per kind, a chart per
/// quarter, and the pipeline of ideas, drafts and submissions with what needs doing, apart.
struct PublicationListPage: Sendable, Encodable {
    var page: PageFrame
    var kinds: [KindCount]
    var chart: String
    var actions: [ActionRow]
    var pipeline: [PublicationRow]
    /// Rejected submissions, newest first: kept, but not in the pipeline.
    var rejected: [PublicationRow]
    var years: [Year]

    struct KindCount: Sendable, Encodable {
        var kind: String
        var text: String
        var count: Int
    }

    struct Year: Sendable, Encodable {
        var year: String
        var count: Int
        /// "audience 670 · views 4,300", when any figure is known.
        var figures: String?
        var items: [PublicationRow]
    }

    struct ActionRow: Sendable, Encodable {
        var link: Link
        var what: String
        var date: String
    }
}

/// `publications/<slug>.html`.
struct PublicationPage: Sendable, Encodable {
    var page: PageFrame
    var title: String
    var facts: [Fact]
    var with: [Link]
    var goals: [Link]
    var tags: [Link]
    var mentions: [Link]
    /// The abstract as written (a talk's, a paper's), shown as `ties show` shows it.
    var abstract: String?
    var body: String?
    var extra: [Fact]
}

extension SiteContext {
    func publicationList() -> PageJob {
        let path = paths.page(.publications)
        let log = PublicationLog(journal.publications.array, journal: journal.whole, today: today)
        let published = log.published
        let model = PublicationListPage(
            page: frame(title: t.publications, path: path, section: .publications), kinds: kindCounts(published),
            chart: QuarterChart(publications: published, today: today, label: t.perQuarter).svg(),
            actions: log.actions.map { action in
                PublicationListPage.ActionRow(
                    link: link(to: RecordID(.publication, action.slug), from: path) ?? Link(href: nil, text: action.title),
                    what: action.what, date: dates.short(action.date))
            },
            pipeline: log.pipeline.map { row($0, from: path) }, rejected: log.rejected.map { row($0, from: path) },
            years: years(of: published) { row($0, from: path) })
        return PageJob(path: path, template: FixedPage.publications.template, model: model)
    }

    func kindCounts(_ published: [Publication]) -> [PublicationListPage.KindCount] {
        var counts: [String: Int] = [:]
        for publication in published { counts[publication.kind ?? "other", default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { PublicationListPage.KindCount(kind: $0.key, text: vocabulary.publicationKind($0.key), count: $0.value) }
    }

    /// Published items by year, newest first, with the year's summed figures; undated ones last.
    func years(of published: [Publication], row: (Publication) -> PublicationRow) -> [PublicationListPage.Year] {
        var years = journal.publicationYears(published).map { year in
            var figures: [String] = []
            if year.audience > 0 { figures.append("\(t.audience) \(year.audience)") }
            if year.views > 0 { figures.append("\(t.views) \(year.views)") }
            if year.reach > 0 { figures.append("\(t.reach) \(year.reach)") }
            return PublicationListPage.Year(
                year: "\(year.year)", count: year.count, figures: figures.isEmpty ? nil : figures.joined(separator: " · "),
                items: published.filter { $0.date?.year == year.year }.reversed().map(row))
        }
        let undated = published.filter { $0.date == nil }
        if !undated.isEmpty {
            years.append(PublicationListPage.Year(year: "—", count: undated.count, figures: nil, items: undated.map(row)))
        }
        return years
    }

    func publicationPage(_ profile: PublicationProfile) -> PageJob? {
        let publication = profile.record
        guard let path = paths.page(of: publication.recordID) else { return nil }
        var facts: [Fact] = []
        if let kind = publication.kind { facts.append(Fact(label: t.kind, value: vocabulary.publicationKind(kind))) }
        if let date = publication.date { facts.append(Fact(label: t.date, value: dates.long(date))) }
        facts.append(Fact(label: t.status, value: vocabulary.status(publication.status)))
        if let venue = publication.venue { facts.append(Fact(label: t.venue, value: venue)) }
        if let submitted = publication.submitted { facts.append(Fact(label: t.submitted, value: dates.long(submitted))) }
        let figures = profile.figures
        if let audience = figures.audience { facts.append(Fact(label: t.audience, value: "\(audience)")) }
        if let views = figures.views { facts.append(Fact(label: t.viewsLabel, value: "\(views)")) }
        if let reach = figures.reach { facts.append(Fact(label: t.reachLabel, value: "\(reach)")) }
        for (label, value) in [("URL", publication.url), (t.slides, publication.slides), (t.recording, publication.recording)] {
            if let value { facts.append(Fact(label: label, value: value, href: SafeURL.href(value))) }
        }
        let model = PublicationPage(
            page: frame(title: publication.title, path: path, section: .publications), title: publication.title,
            facts: facts, with: contactLinks(publication.with, from: path), goals: goalLinks(publication.goals, from: path),
            tags: tagLinks(publication.tags, from: path), mentions: links(to: profile.mentions, from: path),
            abstract: publication.abstract, body: body(of: publication, from: path), extra: extraFacts(publication.extraFields))
        return PageJob(path: path, template: .publication, model: model)
    }
}
