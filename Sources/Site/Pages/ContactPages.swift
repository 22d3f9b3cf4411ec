import Index
import Support

/// `contacts.html`: everyone, with org, circle, last contact and next due.
struct ContactListPage: Sendable, Encodable {
    var page: PageFrame
    var contacts: [ContactRow]
    /// The choices of the list's filters: every circle, org and tag its people have.
    var circles: [Option]
    var orgs: [Option]
    var tags: [Option]

    struct Option: Sendable, Encodable {
        var value: String
        var text: String
    }
}

/// `contacts/<slug>.html`: one person and everything the journal knows about them.
struct ContactPage: Sendable, Encodable {
    var page: PageFrame
    var name: String
    var aliases: String?
    var headline: String?
    var isOverdue: Bool
    /// Follow-ups still open from their encounters, most urgent first (as `ties brief` lists them).
    var openFollowUps: [DashboardPage.FollowUpRow]
    var facts: [Fact]
    var links: [Link]
    var roles: [RoleRow]
    var encounters: [EncounterRow]
    var mentions: [Link]
    var introducedBy: [IntroductionRow]
    var introducedTo: [IntroductionRow]
    /// Introductions I make that they are one of the two in, newest first.
    var introductionsMade: [IntroductionMadeRow]
    var exchanges: [ExchangeRow]
    var publications: [PublicationRow]
    var goals: [Link]
    var tags: [Link]
    var body: String?
    var extra: [Fact]
    /// What to read before meeting them, as `ties brief` gives it.
    var brief: Brief

    /// The tie, a recent job change, a birthday or greeting soon, people in common.
    struct Brief: Sendable, Encodable {
        /// "strong", "weak", "dormant", in the page's language.
        var tie: String
        var changes: [String]
        /// Their birthday and the yearly greetings that include them, within
        /// `ContactBrief.soonDays`, as `ties brief` gives them ("birthday 6 December 2026 ·
        /// Season's greetings 15 December 2026").
        var occasion: String?
        /// At most `ContactBrief.mostMutualListed`, in name order; `moreMutual` says how many
        /// more there are ("and more: 970").
        var mutual: [Link]
        var moreMutual: String?
        /// A question to ask, from the notes (`ContactBrief.question`).
        var question: String?
    }

    struct RoleRow: Sendable, Encodable {
        var title: String?
        var org: Link?
        var period: String
        var current: Bool
    }

    struct IntroductionRow: Sendable, Encodable {
        var people: [Link]
        var source: Link?
        var date: String?
    }

    struct IntroductionMadeRow: Sendable, Encodable {
        /// The other of the two.
        var other: Link?
        /// The state in the page's language; `open` while it waits on a step.
        var state: String
        var open: Bool
        var outcome: String?
        var date: String
        var encounter: Link?
    }

    struct ExchangeRow: Sendable, Encodable {
        var gave: Bool
        var what: String
        var encounter: Link?
        var date: String
    }
}

extension SiteContext {
    func contactList() -> PageJob {
        let path = paths.page(.contacts)
        let contacts = journal.contacts
        var tieOf: [Contact.ID: Tie] = [:]
        for tie in journal.ties(on: today) { tieOf[tie.contact] = tie }
        let sorted = NameOrder.sorted(contacts)
        var circles = Set<String>()
        var orgs: [String: String] = [:]
        var tags: [String: String] = [:]
        let rows = sorted.map { contact -> ContactRow in
            let row = contactRow(contact, tie: tieOf[contact.id], from: path)
            if let circle = row.circle { circles.insert(circle) }
            if let org = row.org?.text ?? contact.org?.text { orgs[row.orgKey] = org }
            for tag in contact.tags { tags[String(decoding: TextFolding.searchKey(Journal.tagKey(tag)), as: UTF8.self)] = tag }
            return row
        }
        func options(_ values: [String: String]) -> [ContactListPage.Option] {
            values.map { ContactListPage.Option(value: $0.key, text: $0.value) }
                .sorted { (NameOrder.key($0.text), $0.value) < (NameOrder.key($1.text), $1.value) }
        }
        let model = ContactListPage(
            page: frame(title: t.contacts, path: path, section: .contacts), contacts: rows,
            circles: options(Dictionary(uniqueKeysWithValues: circles.map { ($0, $0) })), orgs: options(orgs),
            tags: options(tags))
        return PageJob(path: path, template: FixedPage.contacts.template, model: model)
    }

    func contactPage(_ profile: ContactProfile) -> PageJob? {
        let contact = profile.record
        guard let path = paths.page(of: contact.recordID) else { return nil }
        var facts: [Fact] = []
        func add(_ label: String, _ value: String?, href: String? = nil) {
            if let value, !value.isEmpty { facts.append(Fact(label: label, value: value, href: href)) }
        }
        let root = SitePaths.root(from: path)
        if let org = contact.org {
            add(
                t.org, journal.displayName(of: RecordID(.org, org.target ?? "")) ?? org.text,
                href: org.target.flatMap { paths.page(of: RecordID(.org, $0)) }.map { root + $0 })
        }
        for email in contact.emails { add(t.emails, email, href: SafeURL.mail(email)) }
        for phone in contact.phones { add(t.phones, phone, href: SafeURL.phone(phone)) }
        add(t.location, contact.location)
        add(
            t.birthdayLabel,
            contact.birthday.map { birthday in
                birthday.year.flatMap { Day(year: $0, month: birthday.month, day: birthday.day) }.map(dates.long)
                    ?? dates.dayAndMonth(month: birthday.month, day: birthday.day)
            })
        add(t.met, contact.met.map(dates.long))
        if let via = contact.metVia {
            let target = via.target.flatMap { link(to: RecordID(.contact, $0), from: path) }
            add(t.metVia, target?.text ?? via.text, href: target?.href)
        }
        add(t.howMet, contact.howMet)
        add(t.circle, contact.circle?.target ?? contact.circle?.text)
        add(t.cadence, vocabulary.cadence(profile.cadence))
        add(t.lastContact, profile.lastContact.map(dates.long) ?? t.never)
        add(t.nextDue, profile.nextDue.map(dates.long))

        let roles = profile.roles.reversed().map { affiliation in
            ContactPage.RoleRow(
                title: affiliation.title, org: link(to: affiliation.org.record, from: path),
                period: period(from: affiliation.from, to: affiliation.to), current: affiliation.isCurrent)
        }
        let introductions = { (items: [Introduction], people: (Introduction) -> [Contact.ID]) -> [ContactPage.IntroductionRow] in
            items.map { item in
                ContactPage.IntroductionRow(
                    people: people(item).compactMap { self.link(to: $0.record, from: path) },
                    source: item.source.kind == .encounter ? self.link(to: item.source, from: path) : nil,
                    date: item.date.map(self.dates.short))
            }
        }
        let exchanges = profile.exchanges.reversed().map { exchange in
            ContactPage.ExchangeRow(
                gave: exchange.direction == .gave, what: exchange.what,
                encounter: link(to: exchange.encounter.record, from: path),
                date: dates.short(exchange.date))
        }
        let model = ContactPage(
            page: frame(title: contact.name, path: path, section: .contacts), name: contact.name,
            aliases: contact.aliases.isEmpty ? nil : contact.aliases.joined(separator: ", "),
            headline: [contact.title, contact.org.map { journal.displayName(of: RecordID(.org, $0.target ?? "")) ?? $0.text }]
                .compactMap { $0 }.joined(separator: " · ").nonEmpty,
            isOverdue: profile.isOverdue(on: today),
            openFollowUps: profile.brief.openFollowUps.map { item in
                DashboardPage.FollowUpRow(
                    task: item.task,
                    encounter: link(to: RecordID(.encounter, item.encounter), from: path)
                        ?? Link(href: nil, text: item.encounterName),
                    due: dates.short(item.due), overdue: item.daysOverdue > 0)
            },
            facts: facts,
            links: contact.links.compactMap { link in SafeURL.href(link.url).map { Link(href: $0, text: link.label) } },
            roles: Array(roles),
            encounters: profile.encounters.reversed().map { encounter in
                var row = row(encounter, from: path)
                row.with.removeAll { $0.text == contact.name }  // on their own page, "with them" goes without saying
                return row
            },
            mentions: links(to: profile.mentions, from: path),
            introducedBy: introductions(profile.introducedBy) { $0.introducers },
            introducedTo: introductions(profile.introducedTo) { [$0.introduced] },
            introductionsMade: profile.introductionsMade.reversed().map { made in
                ContactPage.IntroductionMadeRow(
                    other: link(to: made.other(than: contact.id).record, from: path), state: vocabulary.state(made.state),
                    open: made.state.isOpen, outcome: made.outcome, date: dates.short(made.date),
                    encounter: link(to: made.encounter.record, from: path))
            },
            exchanges: Array(exchanges),
            publications: profile.publications.reversed().map { row($0, from: path) },
            goals: goalLinks(contact.goals, from: path), tags: tagLinks(contact.tags, from: path),
            body: body(of: contact, from: path), extra: extraFacts(contact.extraFields),
            brief: brief(of: profile.brief, from: path))
        return PageJob(path: path, template: .contact, model: model)
    }

    /// The brief `ties brief` prints, as the page shows it: read through the page's reader, so
    /// a rebuild knows when it changed.
    func brief(of brief: ContactBrief, from path: String) -> ContactPage.Brief {
        let changes = brief.recentChanges.map { role in
            "\(t.since) \(role.from.map(dates.partial) ?? ""): "
                + [role.title, journal.whole.displayName(of: role.org.record)].compactMap { $0 }
                .joined(separator: ", ")
        }
        let occasions = brief.occasions.map { occasion in
            switch occasion.what {
            case .birthday: return "\(t.birthdayLabel) \(dates.long(occasion.date))"
            case let .greeting(text): return "\(text) \(dates.long(occasion.date))"
            }
        }
        let strength = strengthWord(brief.tie.strength)
        let listed = ContactBrief.mostMutualListed
        let mutual = brief.mutual.compactMap { link(to: $0.record, from: path) }
        return ContactPage.Brief(
            tie: strength, changes: changes, occasion: occasions.isEmpty ? nil : occasions.joined(separator: " · "),
            mutual: Array(mutual.prefix(listed)),
            moreMutual: mutual.count > listed ? "\(t.andMore) \(mutual.count - listed)" : nil, question: brief.question)
    }

    /// "2019 – 2023", "since March 2023".
    func period(from: PartialDate?, to: PartialDate?) -> String {
        switch (from, to) {
        case let (from?, to?): return "\(dates.partial(from)) – \(dates.partial(to))"
        case let (from?, nil): return "\(t.since) \(dates.partial(from))"
        case let (nil, to?): return "\(t.until) \(dates.partial(to))"
        case (nil, nil): return t.current
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
