import Support

/// The record tables a link leaves, and the cross-link tables made from them when first asked
/// for: one pass over each kind of record.
extension Linker {
    /// The records of each kind, by position and identity.
    struct RecordTables {
        var contacts: RecordTable<Contact>
        var encounters: RecordTable<Encounter>
        var publications: RecordTable<Publication>
        var orgs: RecordTable<Org>
        var goals: RecordTable<Goal>
    }

    func recordTables() -> RecordTables {
        RecordTables(
            contacts: RecordTable(contacts), encounters: RecordTable(encounters),
            publications: RecordTable(publications), orgs: RecordTable(orgs), goals: RecordTable(goals))
    }
}

extension Journal.Tables {
    /// The cross-link tables of `journal`'s records: the mentions and the relations are
    /// independent, so they are made at once.
    init(of journal: Journal) {
        let (mentions, relations) = concurrently({ Self.mentionTable(journal) }, { Self.relationTables(journal) })
        self = relations
        self.mentions = mentions
    }

    private static func mentionTable(_ journal: Journal) -> [RecordID: [Mention]] {
        var mentions: [RecordID: [Mention]] = [:]
        // Lists that got a source out of order: only those are sorted at the end. Records come
        // kind by kind in path order, so nearly every list arrives in order.
        var unordered = Set<RecordID>()
        // By index and field, never `for record in records`: copying a record retains each of
        // its fields, and that was most of the cost of these tables.
        func addMentions<R: Record>(_ records: [R]) {
            for index in records.indices where !records[index].wikiLinks.isEmpty {
                let source = records[index].recordID
                for link in records[index].wikiLinks {
                    guard let target = link.target, target != source else { continue }
                    let mention = Mention(source: source, location: link.location)
                    mentions[target, default: []].append(mention, whenOutOfOrder: { unordered.insert(target) })
                }
            }
        }
        addMentions(journal.contacts.array)
        addMentions(journal.encounters.array)
        addMentions(journal.publications.array)
        addMentions(journal.orgs.array)
        addMentions(journal.goals.array)
        for target in unordered {
            // One entry per linking record, its first link, in a stable order.
            var seen = Set<RecordID>()
            mentions[target] = mentions[target]?.sorted { ($0.source, $0.location) < ($1.source, $1.location) }
                .filter { seen.insert($0.source).inserted }
        }
        return mentions
    }

    private static func relationTables(_ journal: Journal) -> Journal.Tables {
        var t = Journal.Tables()
        let (contacts, encounters, publications) = (journal.contacts, journal.encounters, journal.publications)
        var goalContacts: [Goal.ID: Set<Contact.ID>] = [:]

        for contact in contacts {
            if let via = contact.metVia?.id(Contact.self) {
                t.introductions.append(
                    Introduction(
                        introducers: [via], introduced: contact.id,
                        source: contact.recordID, date: contact.met))
            }
            for goal in contact.goals.compactMap({ $0.id(Goal.self) }) { goalContacts[goal, default: []].insert(contact.id) }
            var affiliations = contact.roles.compactMap { role -> Affiliation? in
                guard let org = role.org.id(Org.self) else { return nil }
                return Affiliation(contact: contact.id, org: org, title: role.title, from: role.from, to: role.to)
            }
            if let org = contact.org?.id(Org.self) {
                if let current = affiliations.firstIndex(where: { $0.org == org && $0.isCurrent }) {
                    if affiliations[current].title == nil { affiliations[current].title = contact.title }
                } else {
                    affiliations.append(Affiliation(contact: contact.id, org: org, title: contact.title, from: nil, to: nil))
                }
            }
            for affiliation in affiliations {
                t.affiliationsByContact[contact.id, default: []].append(affiliation)
                t.affiliationsByOrg[affiliation.org, default: []].append(affiliation)
            }
        }

        // Through a pointer: reading fields of `encounters[index]` copied the whole record.
        encounters.withUnsafeBufferPointer { encounters in
            guard let first = encounters.baseAddress else { return }
            for index in encounters.indices {
                let encounter = EncounterLinks(first + index)
                let met = unique(encounter.with.compactMap { $0.id(Contact.self) })
                for contact in met {
                    t.encountersByContact[contact, default: []].append(index)
                    for what in encounter.gave {
                        t.exchangesByContact[contact, default: []].append(
                            Exchange(direction: .gave, what: what, encounter: encounter.id, date: encounter.date.day))
                    }
                    for what in encounter.received {
                        t.exchangesByContact[contact, default: []].append(
                            Exchange(direction: .received, what: what, encounter: encounter.id, date: encounter.date.day))
                    }
                }
                // Those introduced at an encounter were introduced by the others there, not by each
                // other; at one of more than `PeopleGraph.largestMeeting` people (a conference) by
                // nobody in particular, as the people graph sees it: a thousand introducers each
                // would make every page of them list every other.
                let introducedHere = Set(encounter.introduced.compactMap { $0.id(Contact.self) })
                let large = met.count > PeopleGraph.largestMeeting || encounter.isOneToMany
                for introduced in unique(encounter.introduced.compactMap { $0.id(Contact.self) }) {
                    t.introductions.append(
                        Introduction(
                            introducers: large ? [] : met.filter { $0 != introduced && !introducedHere.contains($0) },
                            introduced: introduced,
                            source: encounter.id.record, date: encounter.date.day))
                }
                for goal in unique(encounter.goals.compactMap { $0.id(Goal.self) }) {
                    t.encountersByGoal[goal, default: []].append(index)
                    goalContacts[goal, default: []].formUnion(met)
                }
            }
        }

        for (index, publication) in publications.enumerated() {
            for contact in unique(publication.with.compactMap { $0.id(Contact.self) }) {
                t.publicationsByContact[contact, default: []].append(index)
            }
            for goal in unique(publication.goals.compactMap { $0.id(Goal.self) }) {
                t.publicationsByGoal[goal, default: []].append(index)
            }
        }

        for (i, introduction) in t.introductions.enumerated() {
            t.introductionsTo[introduction.introduced, default: []].append(i)
            for introducer in introduction.introducers { t.introductionsBy[introducer, default: []].append(i) }
        }
        t.affiliationsByOrg = t.affiliationsByOrg.mapValues { $0.sorted { affiliationOrder($0, $1) } }
        t.contactsByGoal = goalContacts.mapValues { $0.sorted() }
        return t
    }

    /// Current before former; then most recent start first; then contact and title.
    static func affiliationOrder(_ a: Affiliation, _ b: Affiliation) -> Bool {
        if a.isCurrent != b.isCurrent { return a.isCurrent }
        let aEnd = a.to?.latest.dayNumber ?? Int.max
        let bEnd = b.to?.latest.dayNumber ?? Int.max
        if aEnd != bEnd { return aEnd > bEnd }
        let aStart = a.from?.earliest.dayNumber ?? Int.min
        let bStart = b.from?.earliest.dayNumber ?? Int.min
        if aStart != bStart { return aStart > bStart }
        return (a.contact, a.title ?? "") < (b.contact, b.title ?? "")
    }

    /// The elements in first-seen order, each once.
    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        // Most lists are a handful of people, for which a set costs more than looking back.
        if items.count <= 16 {
            var unique: [T] = []
            unique.reserveCapacity(items.count)
            for item in items where !unique.contains(item) { unique.append(item) }
            return unique
        }
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension [Mention] {
    /// Appends `mention` to a list kept one per source, its first link first, sorted by
    /// source: a second link from the last source keeps the earlier of the two, and a source
    /// that comes out of order is appended and reported, to be sorted later.
    fileprivate mutating func append(_ mention: Mention, whenOutOfOrder outOfOrder: () -> Void) {
        guard let last else { return append(mention) }
        if last.source == mention.source {
            if mention.location < last.location { self[count - 1] = mention }
        } else {
            if mention.source < last.source { outOfOrder() }
            append(mention)
        }
    }
}
