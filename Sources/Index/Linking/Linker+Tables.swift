/// The cross-link tables: one pass over each kind of record.
extension Linker {
    /// The three groups of tables are independent, so they are made at once.
    func buildTables() -> Journal.Tables {
        let (indices, mentions, relations) = concurrently(
            { self.indexTables() }, { self.mentionTable() }, { self.relationTables() })
        var t = relations
        t.contactIndex = indices.contactIndex
        t.encounterIndex = indices.encounterIndex
        t.publicationIndex = indices.publicationIndex
        t.orgIndex = indices.orgIndex
        t.goalIndex = indices.goalIndex
        t.mentions = mentions
        return t
    }

    /// Only what the agenda queries read: the indices and each contact's encounters.
    func agendaTables() -> Journal.Tables {
        var t = indexTables()
        for index in encounters.indices {
            for contact in Linker.unique(encounters[index].with.compactMap(\.target)) {
                t.encountersByContact[contact, default: []].append(index)
            }
        }
        return t
    }

    private func indexTables() -> Journal.Tables {
        var t = Journal.Tables()
        func index<R: Record>(_ records: [R]) -> [String: Int] {
            var index: [String: Int] = [:]
            index.reserveCapacity(records.count)
            for (i, r) in records.enumerated() { index[r.slug] = i }
            return index
        }
        t.contactIndex = index(contacts)
        t.encounterIndex = index(encounters)
        t.publicationIndex = index(publications)
        t.orgIndex = index(orgs)
        t.goalIndex = index(goals)
        return t
    }

    private func mentionTable() -> [RecordID: [Mention]] {
        var mentions: [RecordID: [Mention]] = [:]
        // By index and field, never `for record in records`: copying a record retains each of
        // its fields, and that was most of the cost of these tables.
        func addMentions<R: Record>(_ records: [R]) {
            for index in records.indices where !records[index].wikiLinks.isEmpty {
                let source = records[index].id
                for link in records[index].wikiLinks {
                    guard let target = link.target, target != source else { continue }
                    mentions[target, default: []].append(Mention(source: source, location: link.location))
                }
            }
        }
        addMentions(contacts)
        addMentions(encounters)
        addMentions(publications)
        addMentions(orgs)
        addMentions(goals)
        for key in mentions.keys {
            // One entry per linking record, in a stable order.
            var seen = Set<RecordID>()
            mentions[key] = mentions[key]!.sorted { ($0.source, $0.location) < ($1.source, $1.location) }
                .filter { seen.insert($0.source).inserted }
        }
        return mentions
    }

    private func relationTables() -> Journal.Tables {
        var t = Journal.Tables()
        var goalContacts: [String: Set<String>] = [:]

        for contact in contacts {
            if let via = contact.metVia?.target {
                t.introductions.append(
                    Introduction(
                        introducers: [via], introduced: contact.slug,
                        source: contact.id, date: contact.met))
            }
            for goal in contact.goals.compactMap(\.target) { goalContacts[goal, default: []].insert(contact.slug) }
            var affiliations = contact.roles.compactMap { role -> Affiliation? in
                guard let org = role.org.target else { return nil }
                return Affiliation(contact: contact.slug, org: org, title: role.title, from: role.from, to: role.to)
            }
            if let org = contact.org?.target {
                if let current = affiliations.firstIndex(where: { $0.org == org && $0.isCurrent }) {
                    if affiliations[current].title == nil { affiliations[current].title = contact.title }
                } else {
                    affiliations.append(Affiliation(contact: contact.slug, org: org, title: contact.title, from: nil, to: nil))
                }
            }
            for affiliation in affiliations {
                t.affiliationsByContact[contact.slug, default: []].append(affiliation)
                t.affiliationsByOrg[affiliation.org, default: []].append(affiliation)
            }
        }

        for index in encounters.indices {
            let encounter = EncounterLinks(encounters[index])
            let met = Linker.unique(encounter.with.compactMap(\.target))
            for contact in met {
                t.encountersByContact[contact, default: []].append(index)
                for what in encounter.gave {
                    t.exchangesByContact[contact, default: []].append(
                        Exchange(direction: .gave, what: what, encounter: encounter.slug, date: encounter.date.day))
                }
                for what in encounter.received {
                    t.exchangesByContact[contact, default: []].append(
                        Exchange(direction: .received, what: what, encounter: encounter.slug, date: encounter.date.day))
                }
            }
            for introduced in Linker.unique(encounter.introduced.compactMap(\.target)) {
                t.introductions.append(
                    Introduction(
                        introducers: met.filter { $0 != introduced }, introduced: introduced,
                        source: encounter.id, date: encounter.date.day))
            }
            for goal in Linker.unique(encounter.goals.compactMap(\.target)) {
                t.encountersByGoal[goal, default: []].append(index)
                goalContacts[goal, default: []].formUnion(met)
            }
        }

        for (index, publication) in publications.enumerated() {
            for contact in Linker.unique(publication.with.compactMap(\.target)) {
                t.publicationsByContact[contact, default: []].append(index)
            }
            for goal in Linker.unique(publication.goals.compactMap(\.target)) {
                t.publicationsByGoal[goal, default: []].append(index)
            }
        }

        for (i, introduction) in t.introductions.enumerated() {
            t.introductionsTo[introduction.introduced, default: []].append(i)
            for introducer in introduction.introducers { t.introductionsBy[introducer, default: []].append(i) }
        }
        for key in t.affiliationsByOrg.keys {
            t.affiliationsByOrg[key]!.sort { Linker.affiliationOrder($0, $1) }
        }
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
    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// What the cross-link tables read of an encounter, taken field by field rather than copying
/// the whole record with its body and links.
private struct EncounterLinks {
    let slug: String
    let id: RecordID
    let date: Moment
    let with: [Reference]
    let introduced: [Reference]
    let goals: [Reference]
    let gave: [String]
    let received: [String]

    init(_ encounter: borrowing Encounter) {
        slug = encounter.slug
        id = encounter.id
        date = encounter.date
        with = encounter.with
        introduced = encounter.introduced
        goals = encounter.goals
        gave = encounter.gave
        received = encounter.received
    }
}
