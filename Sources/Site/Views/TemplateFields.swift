import Index
import Mustache

/// View models give templates their fields through key paths rather than reflection: swift-mustache
/// otherwise looks every `{{name}}` up with a `Mirror`, which was 70% of a site build.
///
/// Each view model lists its fields once; `TemplateFieldsTests` fails when a field is missing here.
protocol TemplateValue: MustacheParent, StableHashable {
    static var templateKeys: [String: PartialKeyPath<Self>] { get }
}

extension TemplateValue {
    func child(named name: String) -> Any? {
        guard let keyPath = Self.templateKeys[name] else { return nil }
        let value = self[keyPath: keyPath]
        // A nil optional must read as missing, so `{{#org}}…{{/org}}` is skipped.
        if let optional = value as? any OptionalValue { return optional.wrapped }
        return value
    }
}

/// Lets a value typed `Any` that holds an `Optional` be unwrapped.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { map { $0 as Any } }
}

extension ContactListPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<ContactListPage>] = [
        "page": \ContactListPage.page,
        "contacts": \ContactListPage.contacts,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(contacts)
    }
}

extension ContactPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<ContactPage>] = [
        "page": \ContactPage.page,
        "name": \ContactPage.name,
        "aliases": \ContactPage.aliases,
        "headline": \ContactPage.headline,
        "isOverdue": \ContactPage.isOverdue,
        "facts": \ContactPage.facts,
        "links": \ContactPage.links,
        "roles": \ContactPage.roles,
        "encounters": \ContactPage.encounters,
        "mentions": \ContactPage.mentions,
        "introducedBy": \ContactPage.introducedBy,
        "introducedTo": \ContactPage.introducedTo,
        "exchanges": \ContactPage.exchanges,
        "publications": \ContactPage.publications,
        "goals": \ContactPage.goals,
        "tags": \ContactPage.tags,
        "body": \ContactPage.body,
        "extra": \ContactPage.extra,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(name)
        hash.combine(aliases)
        hash.combine(headline)
        hash.combine(isOverdue)
        hash.combine(facts)
        hash.combine(links)
        hash.combine(roles)
        hash.combine(encounters)
        hash.combine(mentions)
        hash.combine(introducedBy)
        hash.combine(introducedTo)
        hash.combine(exchanges)
        hash.combine(publications)
        hash.combine(goals)
        hash.combine(tags)
        hash.combine(body)
        hash.combine(extra)
    }
}

extension ContactPage.RoleRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<ContactPage.RoleRow>] = [
        "title": \ContactPage.RoleRow.title,
        "org": \ContactPage.RoleRow.org,
        "period": \ContactPage.RoleRow.period,
        "current": \ContactPage.RoleRow.current,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(title)
        hash.combine(org)
        hash.combine(period)
        hash.combine(current)
    }
}

extension ContactPage.IntroductionRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<ContactPage.IntroductionRow>] = [
        "people": \ContactPage.IntroductionRow.people,
        "source": \ContactPage.IntroductionRow.source,
        "date": \ContactPage.IntroductionRow.date,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(people)
        hash.combine(source)
        hash.combine(date)
    }
}

extension ContactPage.ExchangeRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<ContactPage.ExchangeRow>] = [
        "gave": \ContactPage.ExchangeRow.gave,
        "what": \ContactPage.ExchangeRow.what,
        "encounter": \ContactPage.ExchangeRow.encounter,
        "date": \ContactPage.ExchangeRow.date,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(gave)
        hash.combine(what)
        hash.combine(encounter)
        hash.combine(date)
    }
}

extension DashboardPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<DashboardPage>] = [
        "page": \DashboardPage.page,
        "due": \DashboardPage.due,
        "moreDue": \DashboardPage.moreDue,
        "followUps": \DashboardPage.followUps,
        "moreFollowUps": \DashboardPage.moreFollowUps,
        "occasions": \DashboardPage.occasions,
        "recentEncounters": \DashboardPage.recentEncounters,
        "recentPublications": \DashboardPage.recentPublications,
        "heatmap": \DashboardPage.heatmap,
        "counts": \DashboardPage.counts,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(due)
        hash.combine(moreDue)
        hash.combine(followUps)
        hash.combine(moreFollowUps)
        hash.combine(occasions)
        hash.combine(recentEncounters)
        hash.combine(recentPublications)
        hash.combine(heatmap)
        hash.combine(counts)
    }
}

extension DashboardPage.DueRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<DashboardPage.DueRow>] = [
        "link": \DashboardPage.DueRow.link,
        "last": \DashboardPage.DueRow.last,
        "overdue": \DashboardPage.DueRow.overdue,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(link)
        hash.combine(last)
        hash.combine(overdue)
    }
}

extension DashboardPage.FollowUpRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<DashboardPage.FollowUpRow>] = [
        "task": \DashboardPage.FollowUpRow.task,
        "encounter": \DashboardPage.FollowUpRow.encounter,
        "due": \DashboardPage.FollowUpRow.due,
        "overdue": \DashboardPage.FollowUpRow.overdue,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(task)
        hash.combine(encounter)
        hash.combine(due)
        hash.combine(overdue)
    }
}

extension DashboardPage.OccasionRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<DashboardPage.OccasionRow>] = [
        "link": \DashboardPage.OccasionRow.link,
        "what": \DashboardPage.OccasionRow.what,
        "date": \DashboardPage.OccasionRow.date,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(link)
        hash.combine(what)
        hash.combine(date)
    }
}

extension GoalListPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<GoalListPage>] = [
        "page": \GoalListPage.page,
        "goals": \GoalListPage.goals,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(goals)
    }
}

extension GoalListPage.Row: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<GoalListPage.Row>] = [
        "link": \GoalListPage.Row.link,
        "status": \GoalListPage.Row.status,
        "due": \GoalListPage.Row.due,
        "contacts": \GoalListPage.Row.contacts,
        "encounters": \GoalListPage.Row.encounters,
        "publications": \GoalListPage.Row.publications,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(link)
        hash.combine(status)
        hash.combine(due)
        hash.combine(contacts)
        hash.combine(encounters)
        hash.combine(publications)
    }
}

extension GoalPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<GoalPage>] = [
        "page": \GoalPage.page,
        "title": \GoalPage.title,
        "facts": \GoalPage.facts,
        "contacts": \GoalPage.contacts,
        "encounters": \GoalPage.encounters,
        "publications": \GoalPage.publications,
        "mentions": \GoalPage.mentions,
        "tags": \GoalPage.tags,
        "body": \GoalPage.body,
        "extra": \GoalPage.extra,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(title)
        hash.combine(facts)
        hash.combine(contacts)
        hash.combine(encounters)
        hash.combine(publications)
        hash.combine(mentions)
        hash.combine(tags)
        hash.combine(body)
        hash.combine(extra)
    }
}

extension OrgListPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<OrgListPage>] = [
        "page": \OrgListPage.page,
        "orgs": \OrgListPage.orgs,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(orgs)
    }
}

extension OrgListPage.Row: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<OrgListPage.Row>] = [
        "link": \OrgListPage.Row.link,
        "industry": \OrgListPage.Row.industry,
        "current": \OrgListPage.Row.current,
        "former": \OrgListPage.Row.former,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(link)
        hash.combine(industry)
        hash.combine(current)
        hash.combine(former)
    }
}

extension OrgPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<OrgPage>] = [
        "page": \OrgPage.page,
        "name": \OrgPage.name,
        "aliases": \OrgPage.aliases,
        "facts": \OrgPage.facts,
        "current": \OrgPage.current,
        "former": \OrgPage.former,
        "encounters": \OrgPage.encounters,
        "mentions": \OrgPage.mentions,
        "tags": \OrgPage.tags,
        "body": \OrgPage.body,
        "extra": \OrgPage.extra,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(name)
        hash.combine(aliases)
        hash.combine(facts)
        hash.combine(current)
        hash.combine(former)
        hash.combine(encounters)
        hash.combine(mentions)
        hash.combine(tags)
        hash.combine(body)
        hash.combine(extra)
    }
}

extension OrgPage.Person: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<OrgPage.Person>] = [
        "link": \OrgPage.Person.link,
        "title": \OrgPage.Person.title,
        "period": \OrgPage.Person.period,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(link)
        hash.combine(title)
        hash.combine(period)
    }
}

extension PublicFrame: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicFrame>] = [
        "lang": \PublicFrame.lang,
        "title": \PublicFrame.title,
        "owner": \PublicFrame.owner,
        "root": \PublicFrame.root,
        "t": \PublicFrame.t,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(lang)
        hash.combine(title)
        hash.combine(owner)
        hash.combine(root)
        hash.combine(t)
    }
}

extension PublicLogPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicLogPage>] = [
        "page": \PublicLogPage.page,
        "kinds": \PublicLogPage.kinds,
        "chart": \PublicLogPage.chart,
        "years": \PublicLogPage.years,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(kinds)
        hash.combine(chart)
        hash.combine(years)
    }
}

extension PublicPublicationPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicPublicationPage>] = [
        "page": \PublicPublicationPage.page,
        "title": \PublicPublicationPage.title,
        "facts": \PublicPublicationPage.facts,
        "with": \PublicPublicationPage.with,
        "abstract": \PublicPublicationPage.abstract,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(title)
        hash.combine(facts)
        hash.combine(with)
        hash.combine(abstract)
    }
}

extension PublicationListPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicationListPage>] = [
        "page": \PublicationListPage.page,
        "kinds": \PublicationListPage.kinds,
        "chart": \PublicationListPage.chart,
        "actions": \PublicationListPage.actions,
        "pipeline": \PublicationListPage.pipeline,
        "years": \PublicationListPage.years,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(kinds)
        hash.combine(chart)
        hash.combine(actions)
        hash.combine(pipeline)
        hash.combine(years)
    }
}

extension PublicationListPage.KindCount: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicationListPage.KindCount>] = [
        "kind": \PublicationListPage.KindCount.kind,
        "count": \PublicationListPage.KindCount.count,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(kind)
        hash.combine(count)
    }
}

extension PublicationListPage.Year: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicationListPage.Year>] = [
        "year": \PublicationListPage.Year.year,
        "count": \PublicationListPage.Year.count,
        "figures": \PublicationListPage.Year.figures,
        "items": \PublicationListPage.Year.items,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(year)
        hash.combine(count)
        hash.combine(figures)
        hash.combine(items)
    }
}

extension PublicationListPage.ActionRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicationListPage.ActionRow>] = [
        "link": \PublicationListPage.ActionRow.link,
        "what": \PublicationListPage.ActionRow.what,
        "date": \PublicationListPage.ActionRow.date,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(link)
        hash.combine(what)
        hash.combine(date)
    }
}

extension PublicationPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicationPage>] = [
        "page": \PublicationPage.page,
        "title": \PublicationPage.title,
        "facts": \PublicationPage.facts,
        "with": \PublicationPage.with,
        "goals": \PublicationPage.goals,
        "tags": \PublicationPage.tags,
        "mentions": \PublicationPage.mentions,
        "body": \PublicationPage.body,
        "extra": \PublicationPage.extra,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(title)
        hash.combine(facts)
        hash.combine(with)
        hash.combine(goals)
        hash.combine(tags)
        hash.combine(mentions)
        hash.combine(body)
        hash.combine(extra)
    }
}

extension TagPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<TagPage>] = [
        "page": \TagPage.page,
        "tag": \TagPage.tag,
        "groups": \TagPage.groups,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(tag)
        hash.combine(groups)
    }
}

extension TagPage.Group: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<TagPage.Group>] = [
        "heading": \TagPage.Group.heading,
        "links": \TagPage.Group.links,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(heading)
        hash.combine(links)
    }
}

extension TimelinePage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<TimelinePage>] = [
        "page": \TimelinePage.page,
        "heading": \TimelinePage.heading,
        "years": \TimelinePage.years,
        "months": \TimelinePage.months,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(heading)
        hash.combine(years)
        hash.combine(months)
    }
}

extension TimelinePage.YearLink: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<TimelinePage.YearLink>] = [
        "href": \TimelinePage.YearLink.href,
        "text": \TimelinePage.YearLink.text,
        "current": \TimelinePage.YearLink.current,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(href)
        hash.combine(text)
        hash.combine(current)
    }
}

extension TimelinePage.Month: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<TimelinePage.Month>] = [
        "name": \TimelinePage.Month.name,
        "id": \TimelinePage.Month.id,
        "items": \TimelinePage.Month.items,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(name)
        hash.combine(id)
        hash.combine(items)
    }
}

extension TimelinePage.Item: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<TimelinePage.Item>] = [
        "date": \TimelinePage.Item.date,
        "isoDate": \TimelinePage.Item.isoDate,
        "kind": \TimelinePage.Item.kind,
        "isPublication": \TimelinePage.Item.isPublication,
        "link": \TimelinePage.Item.link,
        "with": \TimelinePage.Item.with,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(date)
        hash.combine(isoDate)
        hash.combine(kind)
        hash.combine(isPublication)
        hash.combine(link)
        hash.combine(with)
    }
}

extension EncounterPage: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<EncounterPage>] = [
        "page": \EncounterPage.page,
        "title": \EncounterPage.title,
        "date": \EncounterPage.date,
        "facts": \EncounterPage.facts,
        "with": \EncounterPage.with,
        "introduced": \EncounterPage.introduced,
        "gave": \EncounterPage.gave,
        "received": \EncounterPage.received,
        "followUps": \EncounterPage.followUps,
        "goals": \EncounterPage.goals,
        "tags": \EncounterPage.tags,
        "mentions": \EncounterPage.mentions,
        "body": \EncounterPage.body,
        "extra": \EncounterPage.extra,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(page)
        hash.combine(title)
        hash.combine(date)
        hash.combine(facts)
        hash.combine(with)
        hash.combine(introduced)
        hash.combine(gave)
        hash.combine(received)
        hash.combine(followUps)
        hash.combine(goals)
        hash.combine(tags)
        hash.combine(mentions)
        hash.combine(body)
        hash.combine(extra)
    }
}

extension EncounterPage.FollowUpItem: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<EncounterPage.FollowUpItem>] = [
        "task": \EncounterPage.FollowUpItem.task,
        "due": \EncounterPage.FollowUpItem.due,
        "done": \EncounterPage.FollowUpItem.done,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(task)
        hash.combine(due)
        hash.combine(done)
    }
}

extension Link: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Link>] = [
        "href": \Link.href,
        "text": \Link.text,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(href)
        hash.combine(text)
    }
}

extension Fact: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Fact>] = [
        "label": \Fact.label,
        "value": \Fact.value,
        "href": \Fact.href,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(label)
        hash.combine(value)
        hash.combine(href)
    }
}

extension PageFrame: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PageFrame>] = [
        "lang": \PageFrame.lang,
        "title": \PageFrame.title,
        "siteTitle": \PageFrame.siteTitle,
        "root": \PageFrame.root,
        "nav": \PageFrame.nav,
        "today": \PageFrame.today,
        "t": \PageFrame.t,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(lang)
        hash.combine(title)
        hash.combine(siteTitle)
        hash.combine(root)
        hash.combine(nav)
        hash.combine(today)
        hash.combine(t)
    }
}

extension PageFrame.NavItem: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PageFrame.NavItem>] = [
        "href": \PageFrame.NavItem.href,
        "text": \PageFrame.NavItem.text,
        "current": \PageFrame.NavItem.current,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(href)
        hash.combine(text)
        hash.combine(current)
    }
}

extension EncounterRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<EncounterRow>] = [
        "date": \EncounterRow.date,
        "isoDate": \EncounterRow.isoDate,
        "link": \EncounterRow.link,
        "kind": \EncounterRow.kind,
        "with": \EncounterRow.with,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(date)
        hash.combine(isoDate)
        hash.combine(link)
        hash.combine(kind)
        hash.combine(with)
    }
}

extension PublicationRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<PublicationRow>] = [
        "date": \PublicationRow.date,
        "isoDate": \PublicationRow.isoDate,
        "link": \PublicationRow.link,
        "kind": \PublicationRow.kind,
        "status": \PublicationRow.status,
        "isPublished": \PublicationRow.isPublished,
        "venue": \PublicationRow.venue,
        "with": \PublicationRow.with,
        "outbound": \PublicationRow.outbound,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(date)
        hash.combine(isoDate)
        hash.combine(link)
        hash.combine(kind)
        hash.combine(status)
        hash.combine(isPublished)
        hash.combine(venue)
        hash.combine(with)
        hash.combine(outbound)
    }
}

extension ContactRow: TemplateValue {
    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<ContactRow>] = [
        "link": \ContactRow.link,
        "org": \ContactRow.org,
        "title": \ContactRow.title,
        "circle": \ContactRow.circle,
        "last": \ContactRow.last,
        "next": \ContactRow.next,
        "overdue": \ContactRow.overdue,
    ]

    func combine(into hash: inout StableHash) {
        hash.combine(marker: 6)
        hash.combine(link)
        hash.combine(org)
        hash.combine(title)
        hash.combine(circle)
        hash.combine(last)
        hash.combine(next)
        hash.combine(overdue)
    }
}
