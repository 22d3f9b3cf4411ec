import Index
import Support
import Template

/// Everything a page needs to turn records into view models: the journal, where pages live,
/// the interface's words and dates, and the body renderer.
struct SiteContext: Sendable {
    /// The journal, through the queries that note what a page read.
    private(set) var journal: JournalReader
    let paths: SitePaths
    let t: Labels
    /// `t` as templates read it (`{{page.t.contacts}}`): encoded once, not on every page.
    let words: Value
    let dates: DateText
    /// Kinds, statuses and untitled encounters in the site's language.
    let vocabulary: Vocabulary
    let today: Day
    let allowRawHTML: Bool

    init(journal: Journal, today: Day, naming: SitePaths.Naming = .clear) {
        self.init(journal: journal, today: today, paths: SitePaths(journal: journal, naming: naming))
    }

    /// A context whose pages are named by `paths`, made for a journal of the same shape.
    init(journal: Journal, today: Day, paths: SitePaths) {
        self.journal = JournalReader(whole: journal, log: nil)
        self.paths = paths
        self.t = Labels.for(journal.config.language)
        self.words = PageJob.value(of: t, keepingNil: false)
        self.dates = DateText(journal.config.language)
        self.vocabulary = Vocabulary.for(journal.config.language)
        self.today = today
        self.allowRawHTML = journal.config.unsafeHTML
    }

    /// The same context for making one page, noting what it reads in `log`.
    func reading(into log: ReadLog) -> SiteContext {
        var copy = self
        copy.journal = journal.reading(into: log)
        return copy
    }

    /// The frame of the page at `path`, which belongs under `section` of the navigation (a
    /// contact's page under `.contacts`), or under none.
    func frame(title: String, path: String, section: FixedPage?) -> PageFrame {
        let root = SitePaths.root(from: path)
        return PageFrame(
            lang: t.lang, title: title, siteTitle: journal.config.title, root: root,
            nav: FixedPage.allCases.map { page in
                PageFrame.NavItem(href: root + paths.page(page), text: page.title(t), current: page == section)
            },
            today: dates.long(today), sealed: paths.isSealed, t: words)
    }

    /// A link to a record's page from the page at `from`, or nil when it has none.
    func link(to id: RecordID, from: String) -> Link? {
        journal.read(id)
        guard let page = paths.page(of: id), let name = displayName(of: id) else { return nil }
        return Link(href: SitePaths.root(from: from) + page, text: name)
    }

    /// A record's name as the site shows it: an encounter without a title by its kind and day
    /// in the site's language.
    func displayName(of id: RecordID) -> String? {
        guard id.kind == .encounter else { return journal.displayName(of: id) }
        return journal.naming(of: Encounter.ID(id.slug)).map {
            vocabulary.title($0.title, kind: $0.kind, day: $0.day, dates: dates)
        }
    }

    func contactLinks(_ references: [Reference], from: String) -> [Link] {
        references.map { reference in
            reference.target.flatMap { link(to: RecordID(.contact, $0), from: from) } ?? Link(href: nil, text: reference.text)
        }
    }

    func goalLinks(_ references: [Reference], from: String) -> [Link] {
        references.compactMap { reference in reference.target.flatMap { link(to: RecordID(.goal, $0), from: from) } }
    }

    func tagLinks(_ tags: [String], from: String) -> [Link] {
        tags.compactMap { tag in paths.page(ofTag: tag).map { Link(href: SitePaths.root(from: from) + $0, text: tag) } }
    }

    /// The most people a row of a list (a timeline, a contact's encounters) names; the
    /// encounter's own page names them all. A conference of a thousand would otherwise put a
    /// thousand names on each of its thousand people's pages.
    static let mostPeoplePerRow = 12

    /// The people of a row: the first `mostPeoplePerRow`, then "and more: N".
    func rowPeople(_ references: [Reference], from: String) -> [Link] {
        let most = SiteContext.mostPeoplePerRow
        guard references.count > most else { return contactLinks(references, from: from) }
        return contactLinks(Array(references.prefix(most)), from: from)
            + [Link(href: nil, text: "\(t.andMore) \(references.count - most)")]
    }

    func row(_ encounter: Encounter, from: String) -> EncounterRow {
        EncounterRow(
            date: dates.short(encounter.date.day), isoDate: encounter.date.day.description,
            link: link(to: encounter.recordID, from: from)
                ?? Link(href: nil, text: vocabulary.title(of: encounter, dates: dates)),
            kind: encounter.kind.map(vocabulary.encounterKind), with: rowPeople(encounter.with, from: from))
    }

    func row(_ publication: Publication, from: String) -> PublicationRow {
        var outbound: [Link] = []
        if let url = publication.url.flatMap(SafeURL.href) {
            outbound.append(Link(href: url, text: vocabulary.publicationKind(publication.kind ?? "link")))
        }
        if let slides = publication.slides.flatMap(SafeURL.href) { outbound.append(Link(href: slides, text: t.slides)) }
        if let recording = publication.recording.flatMap(SafeURL.href) {
            outbound.append(Link(href: recording, text: t.recording))
        }
        return PublicationRow(
            date: publication.date.map(dates.short), isoDate: publication.date?.description,
            link: link(to: publication.recordID, from: from) ?? Link(href: nil, text: publication.title),
            kind: publication.kind ?? "other", kindText: vocabulary.publicationKind(publication.kind ?? "other"),
            status: publication.status.rawValue, statusText: vocabulary.status(publication.status),
            isPublished: publication.status == .published, venue: publication.venue,
            with: rowPeople(publication.with, from: from), outbound: outbound)
    }

    func contactRow(_ contact: Contact, tie: Tie?, from: String) -> ContactRow {
        let next = journal.nextDue(of: contact, today: today)
        let last = journal.lastContact(with: contact)
        let orgName = contact.org.map { journal.displayName(of: RecordID(.org, $0.target ?? "")) ?? $0.text }
        let strength = tie?.strength ?? .weak
        func key(_ text: String) -> String { String(decoding: TextFolding.searchKey(text), as: UTF8.self) }
        return ContactRow(
            link: link(to: contact.recordID, from: from) ?? Link(href: nil, text: contact.name),
            org: contact.org?.target.flatMap { link(to: RecordID(.org, $0), from: from) },
            title: contact.title, circle: contact.circle?.target ?? contact.circle?.text,
            last: last.map(dates.short) ?? t.never,
            next: next.map(dates.short) ?? "—",
            overdue: next.map { $0 <= today } ?? false,
            sortName: NameOrder.key(contact.name), isoLast: last?.description ?? "", isoNext: next?.description ?? "",
            strength: TieStrength.allCases.firstIndex(of: strength) ?? 1, strengthText: strengthWord(strength),
            orgKey: orgName.map(key) ?? "", tagKeys: contact.tags.map { key(Journal.tagKey($0)) }.joined(separator: " "))
    }

    func strengthWord(_ strength: TieStrength) -> String {
        switch strength {
        case .strong: return t.network.strong
        case .weak: return t.network.weak
        case .dormant: return t.network.dormant
        }
    }

    /// Links to the records whose bodies mention a record, from a profile.
    func links(to mentions: [Mention], from: String) -> [Link] {
        mentions.compactMap { link(to: $0.source, from: from) }
    }

    /// The body as HTML, or nil when the record has no notes.
    func body<R: Record>(of record: R, from: String) -> String? {
        guard record.body.contains(where: { !$0.isWhitespace }) else { return nil }
        for link in record.wikiLinks { if let target = link.target { journal.read(target) } }
        let paths = self.paths
        let root = SitePaths.root(from: from)
        var renderer = BodyRenderer(allowRawHTML: allowRawHTML) { id in paths.page(of: id).map { root + $0 } }
        renderer.headingOffset = 2  // the body sits under the page's h1 and the h2 "Notes"
        return renderer.html(of: record)
    }

    func extraFacts(_ fields: [ExtraField]) -> [Fact] {
        fields.map { Fact(label: $0.key, value: $0.value.description, href: nil) }
    }
}

extension SiteContext {
    /// The page `page` of this site (the timeline's latest twelve months for `.timeline`).
    func make(_ page: FixedPage) -> PageJob {
        switch page {
        case .dashboard: return dashboard()
        case .due: return duePage()
        case .contacts: return contactList()
        case .timeline: return timelinePage(path: paths.page(.timeline), year: nil)
        case .network: return networkPage()
        case .orgs: return orgList()
        case .publications: return publicationList()
        case .goals: return goalList()
        }
    }
}
