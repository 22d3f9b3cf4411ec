import Foundation

/// What a page can depend on: a record, or what the site groups records by.
public enum GraphNode: Hashable, Sendable {
    case record(RecordID)
    /// A year of the timeline: every encounter and dated publication links to its year.
    case year(Int)
    /// A tag: every record links to its tags.
    case tag(String)
    /// Which years the timeline has, for the links between its pages.
    case timelineYears
    /// The front matter of every record, without bodies: what the Network page and its
    /// insights read, so an edit to notes alone does not make the page again.
    case everyRecordsFields
    /// The fields of every org (their names above all): what a goal page reads to find the orgs
    /// its words name.
    case everyOrgsFields
}

/// What one reader read of the journal: records' own fields, the fields of what links to
/// records, records whole (their notes too), or what links to or from records whole.
///
/// A site's rebuild makes a page again only when a record whose fields it read changed, or a
/// record that links to or from a record whose links it read (Site's `RebuildPlan`). Used by
/// one reader on one thread at a time.
public final class ReadLog: @unchecked Sendable {
    public init() {}

    /// Records whose own fields the page showed: a name in a link, a row's date and people.
    public private(set) var fields: [GraphNode] = []
    /// Records whose links the page followed: their encounters, backlinks, mentions.
    public private(set) var links: [GraphNode] = []
    /// Records the fields of whose linking records the page read, and no more of them: the
    /// last contact with someone is the date of an encounter `with` them, and who is in a list
    /// of what links to a record follows from the fields of those records (a reference is a
    /// field); only mentions are in bodies.
    public private(set) var linkFields: [GraphNode] = []
    /// Records whose notes the page read besides their fields, and nothing that links to them.
    public private(set) var wholes: [GraphNode] = []

    public func read(_ id: RecordID) { fields.append(.record(id)) }
    public func read(_ node: GraphNode) { fields.append(node) }
    public func read<R: Record>(_ record: R) { fields.append(.record(record.recordID)) }
    public func read<S: Sequence>(_ ids: S) where S.Element == RecordID { fields.append(contentsOf: ids.map(GraphNode.record)) }
    public func readLinks(of id: RecordID) { links.append(.record(id)) }
    public func readLinks(of node: GraphNode) { links.append(node) }
    public func readLinkFields(of id: RecordID) { linkFields.append(.record(id)) }
    public func readLinkFields(of node: GraphNode) { linkFields.append(node) }
    public func readWhole(_ id: RecordID) { wholes.append(.record(id)) }
}

/// What a record's profile, a page and a command read the journal through: the queries of
/// `Journal`, each noting in a `ReadLog`, when there is one, what it read.
///
/// The site's pages and the profiles they show (`ContactBrief`) reach the journal only through
/// this, so a query cannot forget to say what it depends on, and `ties show`/`ties brief` read
/// the same profiles through a reader without a log. The rule each query follows: note the
/// records whose fields it returns or reads, and the records whose links it follows
/// (`encounters(with:)` follows the links to a contact; a rebuild makes it again when the
/// fields of a record linking to that contact changed, as references are fields).
public struct JournalReader: Sendable {
    /// The journal itself, for what is not a page (the search index, the feeds, the paths).
    public let whole: Journal
    public let log: ReadLog?
    private let years: [Int]

    /// A reader of `journal` that notes nothing.
    public init(_ journal: Journal) { self.init(whole: journal, log: nil) }

    public init(whole: Journal, log: ReadLog?, years: [Int]? = nil) {
        self.whole = whole
        self.log = log
        self.years = years ?? JournalReader.timelineYears(of: whole)
    }

    public func reading(into log: ReadLog) -> JournalReader { JournalReader(whole: whole, log: log, years: years) }

    public var config: JournalConfig { whole.config }

    // Whole collections. A page that lists them (the lists, the dashboard, the due page) shows
    // their fields, never a body (a record's body is on its own page, read through `read`), so
    // it depends on the fields of every record: an edit to notes alone does not make it again.
    public var contacts: RecordTable<Contact> { everyRecordsFields(whole.contacts) }
    public var encounters: RecordTable<Encounter> { everyRecordsFields(whole.encounters) }
    public var publications: RecordTable<Publication> { everyRecordsFields(whole.publications) }
    public var orgs: RecordTable<Org> { everyRecordsFields(whole.orgs) }
    public var goals: RecordTable<Goal> { everyRecordsFields(whole.goals) }
    public func recordsByTag() -> [String: [RecordID]] { everyRecordsFields(whole.recordsByTag()) }

    /// The whole journal, for a page that reads the fields of every record but no body (the
    /// people graph and insights): it depends on `GraphNode.everyRecordsFields`.
    public var wholeByFields: Journal {
        log?.read(.everyRecordsFields)
        return whole
    }
    public func overdueContacts(on today: Day) -> [DueContact] { everyRecordsFields(whole.overdueContacts(on: today)) }
    /// Fields, and every active goal whole: its notes name the orgs of its gateways
    /// (`Journal.orgs(namedBy:)`).
    public func weekPlan(on today: Day, limit: Int = WeekPlan.defaultLimit) -> WeekPlan {
        for goal in whole.goals where goal.status == .active { log?.readWhole(goal.recordID) }
        return everyRecordsFields(WeekPlan(whole, today: today, limit: limit))
    }
    public func ties(on today: Day) -> [Tie] { everyRecordsFields(whole.ties(on: today)) }
    public func openFollowUps(on today: Day, within days: Int) -> [OpenFollowUp] {
        everyRecordsFields(whole.openFollowUps(on: today, within: days))
    }
    public func occasions(on today: Day, within days: Int) -> [Occasion] {
        everyRecordsFields(whole.occasions(on: today, within: days))
    }
    public func publicationActions(on today: Day) -> [PublicationAction] {
        everyRecordsFields(whole.publicationActions(on: today))
    }
    public func publicationYears(_ items: [Publication]) -> [PublicationYear] {
        everyRecordsFields(whole.publicationYears(items))
    }

    // The timeline and tags.

    /// The years that have encounters or dated publications, newest first.
    public var timelineYears: [Int] {
        log?.read(.timelineYears)
        return years
    }

    public static func timelineYears(of journal: Journal) -> [Int] {
        var years = Set(journal.encounters.map(\.date.day.year))
        years.formUnion(journal.publications.compactMap(\.date?.year))
        return years.sorted(by: >)
    }

    /// The encounters and dated publications of some years, in timeline order.
    public func timeline(of years: ClosedRange<Int>) -> (encounters: Slice<RecordTable<Encounter>>, publications: [Publication]) {
        for year in years { log?.readLinkFields(of: .year(year)) }
        let all = whole.encounters
        // Encounters are in timeline order: the years' are one run of them.
        func start(of year: Int) -> Int {
            var low = 0
            var high = all.count
            while low < high {
                let middle = (low + high) / 2
                if all[middle].date.day.year < year { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let encounters = all[start(of: years.lowerBound)..<start(of: years.upperBound + 1)]
        let publications = whole.publications.filter { $0.date.map { years.contains($0.year) } ?? false }
        log?.read(encounters.map(\.recordID))
        log?.read(publications.map(\.recordID))
        return (encounters, publications)
    }

    // One record.
    public func read(_ id: RecordID) { log?.read(id) }
    public func readLinks(of node: GraphNode) { log?.readLinks(of: node) }
    public func readLinkFields(of node: GraphNode) { log?.readLinkFields(of: node) }
    public func readWhole(_ id: RecordID) { log?.readWhole(id) }

    public func displayName(of id: RecordID) -> String? {
        log?.read(id)
        return whole.displayName(of: id)
    }

    /// What names an encounter without a title (its kind and day), read in place: a copy of the
    /// encounter would retain every field of it, for every link to it.
    public func naming(of id: Encounter.ID) -> (title: String?, kind: String?, day: Day)? {
        log?.read(id.record)
        guard let position = whole.encounters.position(of: id) else { return nil }
        return whole.encounters.withUnsafeBufferPointer { records in
            (records[position].title, records[position].kind, records[position].date.day)
        }
    }

    /// The record with this identity: `journal.record(contact.id)`.
    public func record<R: Record>(_ id: R.ID) -> R? {
        log?.read(id.record)
        return whole[R.self][id]
    }

    public func cadence(of contact: Contact) -> Cadence {
        log?.read(contact)
        return whole.cadence(of: contact)
    }

    /// The date of the last encounter `with` them: the fields of what links to them.
    public func lastContact(with contact: Contact) -> Day? {
        log?.read(contact)
        log?.readLinkFields(of: contact.recordID)
        return whole.lastContact(with: contact)
    }

    /// `today` counts for a kept contact never met, who is due from the day they are kept.
    public func nextDue(of contact: Contact, today: Day) -> Day? {
        log?.read(contact)
        log?.readLinkFields(of: contact.recordID)
        return whole.nextDue(of: contact, today: today)
    }

    // What links to a record.
    public func encounters(with contact: Contact.ID) -> [Encounter] {
        noted(whole.encounters(with: contact), about: contact.record)
    }

    public func publications(with contact: Contact.ID) -> [Publication] {
        noted(whole.publications(with: contact), about: contact.record)
    }

    public func mentions(of id: RecordID) -> [Mention] {
        let mentions = whole.mentions(of: id)
        log?.readLinks(of: id)
        log?.read(mentions.map(\.source))
        return mentions
    }

    public func introductions(of contact: Contact.ID) -> [Introduction] {
        noted(whole.introductions(of: contact), about: contact)
    }

    public func introductions(by contact: Contact.ID) -> [Introduction] {
        noted(whole.introductions(by: contact), about: contact)
    }

    public func exchanges(with contact: Contact.ID) -> [Exchange] {
        let exchanges = whole.exchanges(with: contact)
        log?.readLinkFields(of: contact.record)
        log?.read(exchanges.map(\.encounter.record))
        return exchanges
    }

    /// From the contact's own `org` and `roles`.
    public func affiliations(of contact: Contact.ID) -> [Affiliation] {
        let affiliations = whole.affiliations(of: contact)
        log?.read(contact.record)
        log?.read(affiliations.map(\.org.record))
        return affiliations
    }

    public func currentPeople(at org: Org.ID) -> [Affiliation] {
        noted(whole.currentPeople(at: org), about: org.record)
    }

    /// `Journal.peopleKnown(at:today:)`: the org's links, and each person's encounters.
    public func peopleKnown(at org: Org.ID, today: Day) -> [Tie] {
        let known = whole.peopleKnown(at: org, today: today)
        log?.read(org.record)
        log?.readLinkFields(of: org.record)
        for tie in known {
            log?.read(tie.contact.record)
            log?.readLinkFields(of: tie.contact.record)
        }
        return known
    }

    /// `Journal.orgs(namedBy:)`: every org's name was compared with the goal's words.
    public func orgs(namedBy goal: Goal) -> [Org.ID] {
        log?.read(.everyOrgsFields)
        return whole.orgs(namedBy: goal)
    }

    public func formerPeople(at org: Org.ID) -> [Affiliation] {
        noted(whole.formerPeople(at: org), about: org.record)
    }

    /// Two steps away: the org's links give its people, their links their encounters.
    public func encounters(withPeopleAt org: Org.ID) -> [Encounter] {
        for affiliation in noted(whole.affiliations(at: org), about: org.record) {
            log?.readLinkFields(of: affiliation.contact.record)
        }
        return noted(whole.encounters(withPeopleAt: org), about: org.record)
    }

    public func contacts(for goal: Goal.ID) -> [Contact] { noted(whole.contacts(for: goal), about: goal.record) }
    public func encounters(for goal: Goal.ID) -> [Encounter] { noted(whole.encounters(for: goal), about: goal.record) }
    public func publications(for goal: Goal.ID) -> [Publication] {
        noted(whole.publications(for: goal), about: goal.record)
    }

    private func everyRecordsFields<T>(_ value: T) -> T {
        log?.read(.everyRecordsFields)
        return value
    }

    private func noted<R: Record>(_ records: [R], about id: RecordID) -> [R] {
        log?.readLinkFields(of: id)
        log?.read(records.map(\.recordID))
        return records
    }

    private func noted(_ affiliations: [Affiliation], about id: RecordID) -> [Affiliation] {
        log?.readLinkFields(of: id)
        log?.read(affiliations.flatMap { [$0.contact.record, $0.org.record] })
        return affiliations
    }

    private func noted(_ introductions: [Introduction], about contact: Contact.ID) -> [Introduction] {
        log?.read(contact.record)
        log?.readLinkFields(of: contact.record)
        for introduction in introductions {
            log?.read(introduction.source)
            log?.read((introduction.introducers + [introduction.introduced]).map(\.record))
        }
        return introductions
    }
}
