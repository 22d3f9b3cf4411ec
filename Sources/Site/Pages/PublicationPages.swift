import Index

/// `publications.html`: the log of what was published by year, counts per kind, and the
/// pipeline of ideas, drafts and submissions apart from it.
struct PublicationListPage: Sendable {
    var page: PageFrame
    var kinds: [KindCount]
    var pipeline: [PublicationRow]
    var years: [Year]

    struct KindCount: Sendable {
        var kind: String
        var count: Int
    }

    struct Year: Sendable {
        var year: String
        var count: Int
        var items: [PublicationRow]
    }
}

/// `publications/<slug>.html`.
struct PublicationPage: Sendable {
    var page: PageFrame
    var title: String
    var facts: [Fact]
    var with: [Link]
    var goals: [Link]
    var tags: [Link]
    var mentions: [Link]
    var body: String?
    var extra: [Fact]
}

extension SiteContext {
    func publicationList() -> PageJob {
        let path = "publications.html"
        let published = journal.publications.filter { $0.status == .published }
        var counts: [String: Int] = [:]
        for publication in published { counts[publication.kind ?? "other", default: 0] += 1 }
        let kinds = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { PublicationListPage.KindCount(kind: $0.key, count: $0.value) }
        var byYear: [String: [Publication]] = [:]
        for publication in published { byYear[publication.date.map { "\($0.year)" } ?? "—", default: []].append(publication) }
        let years = byYear.keys.sorted(by: >).map { year in
            PublicationListPage.Year(
                year: year, count: byYear[year]!.count,
                items: byYear[year]!.reversed().map { row($0, from: path) })
        }
        let pipeline = journal.publications.filter { $0.status != .published }.map { row($0, from: path) }
        let model = PublicationListPage(
            page: frame(title: t.publications, path: path, section: .publications),
            kinds: kinds, pipeline: pipeline, years: years)
        return PageJob(path: path, template: "publications", model: model)
    }

    func publicationPage(_ publication: Publication) -> PageJob? {
        guard let path = paths.page(of: publication.id) else { return nil }
        var facts: [Fact] = []
        if let kind = publication.kind { facts.append(Fact(label: t.kind, value: kind)) }
        if let date = publication.date { facts.append(Fact(label: t.date, value: dates.long(date))) }
        facts.append(Fact(label: t.status, value: publication.status.rawValue))
        if let venue = publication.venue { facts.append(Fact(label: t.venue, value: venue)) }
        if let audience = publication.audience { facts.append(Fact(label: t.audience, value: "\(audience)")) }
        for (label, value) in [("URL", publication.url), (t.slides, publication.slides), (t.recording, publication.recording)] {
            if let value { facts.append(Fact(label: label, value: value, href: SafeURL.href(value))) }
        }
        let model = PublicationPage(
            page: frame(title: publication.title, path: path, section: .publications), title: publication.title,
            facts: facts, with: contactLinks(publication.with, from: path), goals: goalLinks(publication.goals, from: path),
            tags: tagLinks(publication.tags, from: path), mentions: mentions(of: publication.id, from: path),
            body: body(of: publication, from: path), extra: extraFacts(publication.extraFields))
        return PageJob(path: path, template: "publication", model: model)
    }
}
