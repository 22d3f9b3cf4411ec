import Index

/// `orgs.html`: every organisation with how many people I know there.
struct OrgListPage: Sendable, Encodable {
    var page: PageFrame
    var orgs: [Row]

    struct Row: Sendable, Encodable {
        var link: Link
        var industry: String?
        var current: Int
        var former: Int
    }
}

/// `orgs/<slug>.html`: who works there now, who worked there, and encounters with them.
struct OrgPage: Sendable, Encodable {
    var page: PageFrame
    var name: String
    var aliases: String?
    var facts: [Fact]
    var current: [Person]
    var former: [Person]
    var encounters: [EncounterRow]
    var mentions: [Link]
    var tags: [Link]
    var body: String?
    var extra: [Fact]

    struct Person: Sendable, Encodable {
        var link: Link
        var title: String?
        var period: String
    }
}

extension SiteContext {
    func orgList() -> PageJob {
        let path = paths.page(.orgs)
        let rows = NameOrder.sorted(journal.orgs).map { org in
            OrgListPage.Row(
                link: link(to: org.recordID, from: path) ?? Link(href: nil, text: org.name), industry: org.industry,
                current: journal.currentPeople(at: org.id).count,
                former: journal.formerPeople(at: org.id).count)
        }
        return PageJob(
            path: path, template: FixedPage.orgs.template,
            model: OrgListPage(page: frame(title: t.orgs, path: path, section: .orgs), orgs: rows))
    }

    func orgPage(_ profile: OrgProfile) -> PageJob? {
        let org = profile.record
        guard let path = paths.page(of: org.recordID) else { return nil }
        func people(_ affiliations: [Affiliation]) -> [OrgPage.Person] {
            affiliations.compactMap { affiliation in
                link(to: affiliation.contact.record, from: path).map {
                    OrgPage.Person(link: $0, title: affiliation.title, period: period(from: affiliation.from, to: affiliation.to))
                }
            }
        }
        var facts: [Fact] = []
        if let website = org.website {
            facts.append(Fact(label: t.website, value: website, href: SafeURL.href(website)))
        }
        if let industry = org.industry { facts.append(Fact(label: t.industry, value: industry)) }
        let encounters = profile.encounters.reversed()
        let model = OrgPage(
            page: frame(title: org.name, path: path, section: .orgs), name: org.name,
            aliases: org.aliases.isEmpty ? nil : org.aliases.joined(separator: ", "), facts: facts,
            current: people(profile.current), former: people(profile.former),
            encounters: encounters.map { row($0, from: path) }, mentions: links(to: profile.mentions, from: path),
            tags: tagLinks(org.tags, from: path), body: body(of: org, from: path), extra: extraFacts(org.extraFields))
        return PageJob(path: path, template: .org, model: model)
    }
}
