import Index
import Template

/// The frame of a page of the public build: the owner's publication log for their own website.
/// It links to nothing private and carries no `noindex`: it is meant to be found.
struct PublicFrame: Sendable, Encodable {
    var lang: String
    var title: String
    var owner: String
    var root: String
    /// The words of the interface (`Labels`), made into a value once per build.
    var t: Value
}

/// `index.html` of the public build: published items by year, per kind and per quarter.
struct PublicLogPage: Sendable, Encodable {
    var page: PublicFrame
    var kinds: [PublicationListPage.KindCount]
    var chart: String
    var years: [PublicationListPage.Year]
}

/// `publications/<slug>.html` of the public build: public facts and the abstract, never the notes.
struct PublicPublicationPage: Sendable, Encodable {
    var page: PublicFrame
    var title: String
    var facts: [Fact]
    var with: [Link]
    var abstract: String?
}

extension SiteContext {
    private func publicFrame(title: String, path: String) -> PublicFrame {
        PublicFrame(
            lang: t.lang, title: title, owner: journal.config.owner ?? journal.config.title,
            root: SitePaths.root(from: path), t: words)
    }

    /// Co-speakers and hosts by name, linked only to the public link a contact allows.
    private func publicPeople(_ publication: Publication) -> [Link] {
        publication.with.map { reference in
            guard let id = reference.id(Contact.self), let contact: Contact = journal.record(id) else {
                return Link(href: nil, text: reference.text)
            }
            return Link(href: Feeds.publicLink(of: contact), text: contact.name)
        }
    }

    private func publicRow(_ publication: Publication, from: String) -> PublicationRow {
        var row = row(publication, from: from)
        row.with = publicPeople(publication)
        return row
    }

    /// The pages of the public build: the log and a page per published item.
    func publicPages() -> [PageJob] {
        let published = journal.publications.filter { $0.status == .published }
        let path = FixedPage.dashboard.path
        var jobs = [
            PageJob(
                path: path, template: .publicIndex,
                model: PublicLogPage(
                    page: publicFrame(title: t.publications, path: path), kinds: kindCounts(published),
                    chart: QuarterChart(publications: published, today: today, label: t.perQuarter).svg(),
                    years: years(of: published) { publicRow($0, from: path) }))
        ]
        for publication in published {
            guard let page = paths.page(of: publication.recordID) else { continue }
            var facts: [Fact] = []
            if let kind = publication.kind { facts.append(Fact(label: t.kind, value: vocabulary.publicationKind(kind))) }
            if let date = publication.date { facts.append(Fact(label: t.date, value: dates.long(date))) }
            if let venue = publication.venue { facts.append(Fact(label: t.venue, value: venue)) }
            for (label, value) in [
                ("URL", publication.url), (t.slides, publication.slides), (t.recording, publication.recording),
            ] {
                if let value, let href = SafeURL.href(value) { facts.append(Fact(label: label, value: value, href: href)) }
            }
            jobs.append(
                PageJob(
                    path: page, template: .publicPublication,
                    model: PublicPublicationPage(
                        page: publicFrame(title: publication.title, path: page), title: publication.title, facts: facts,
                        with: publicPeople(publication), abstract: publication.abstract)))
        }
        return jobs
    }
}
