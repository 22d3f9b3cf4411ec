import Index

/// `goals.html`.
struct GoalListPage: Sendable, Encodable {
    var page: PageFrame
    var goals: [Row]

    struct Row: Sendable, Encodable {
        var link: Link
        /// As written, for styles; `statusText` as shown.
        var status: String
        var statusText: String
        var due: String?
        var contacts: Int
        var encounters: Int
        var publications: Int
    }
}

/// `goals/<slug>.html`: a goal with the people, encounters and publications that serve it.
struct GoalPage: Sendable, Encodable {
    var page: PageFrame
    var title: String
    var facts: [Fact]
    var contacts: [Link]
    /// Progress: people, encounters and publications for it, and whether it went quiet.
    var progress: String
    var stale: Bool
    var followUps: [DashboardPage.FollowUpRow]
    /// The orgs its notes link to, each with whom you know there now: tie and last met.
    var orgs: [OrgRow]
    var encounters: [EncounterRow]
    var publications: [PublicationRow]
    var mentions: [Link]
    var tags: [Link]
    var body: String?
    var extra: [Fact]

    struct OrgRow: Sendable, Encodable {
        var org: Link?
        var people: [Person]
    }

    struct Person: Sendable, Encodable {
        var link: Link?
        /// "strong", "weak", "dormant" in the page's language.
        var tie: String
        /// When last met, or "never".
        var last: String
    }
}

extension SiteContext {
    func goalList() -> PageJob {
        let path = paths.page(.goals)
        let rows = journal.goals.map { goal in
            GoalListPage.Row(
                link: link(to: goal.recordID, from: path) ?? Link(href: nil, text: goal.title),
                status: goal.status.rawValue, statusText: vocabulary.status(goal.status), due: goal.due.map(dates.short),
                contacts: journal.contacts(for: goal.id).count,
                encounters: journal.encounters(for: goal.id).count,
                publications: journal.publications(for: goal.id).count)
        }
        return PageJob(
            path: path, template: FixedPage.goals.template,
            model: GoalListPage(page: frame(title: t.goals, path: path, section: .goals), goals: rows))
    }

    func goalPage(_ profile: GoalProfile) -> PageJob? {
        let goal = profile.record
        guard let path = paths.page(of: goal.recordID) else { return nil }
        var facts = [Fact(label: t.status, value: vocabulary.status(goal.status))]
        if let due = goal.due { facts.append(Fact(label: t.dueBy, value: dates.long(due))) }
        facts.append(Fact(label: t.network.lastActivity, value: profile.lastActivity.map(dates.long) ?? t.never))
        let progress = [
            vocabulary.count(profile.contacts.count, .person), vocabulary.count(profile.encounters.count, .encounter),
            vocabulary.count(profile.publications.count, .publication),
        ].joined(separator: " · ")
        let followUps = profile.openFollowUps.map { item in
            DashboardPage.FollowUpRow(
                task: item.item.task,
                encounter: link(to: item.encounter.recordID, from: path)
                    ?? Link(href: nil, text: vocabulary.title(of: item.encounter, dates: dates)),
                due: dates.short(item.due), overdue: item.due < today)
        }
        let model = GoalPage(
            page: frame(title: goal.title, path: path, section: .goals), title: goal.title, facts: facts,
            contacts: profile.contacts.compactMap { link(to: $0.recordID, from: path) }, progress: progress,
            stale: profile.stale, followUps: followUps,
            orgs: profile.orgs.map { org, known in
                GoalPage.OrgRow(
                    org: link(to: org.record, from: path),
                    people: known.map { tie in
                        GoalPage.Person(
                            link: link(to: tie.contact.record, from: path), tie: strengthWord(tie.strength),
                            last: tie.last.map(dates.short) ?? t.never)
                    })
            },
            encounters: profile.encounters.reversed().map { row($0, from: path) },
            publications: profile.publications.reversed().map { row($0, from: path) },
            mentions: links(to: profile.mentions, from: path), tags: tagLinks(goal.tags, from: path),
            body: body(of: goal, from: path), extra: extraFacts(goal.extraFields))
        return PageJob(path: path, template: .goal, model: model)
    }
}
