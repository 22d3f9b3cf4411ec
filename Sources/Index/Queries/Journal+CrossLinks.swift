/// The questions the cross-link tables answer; each costs a lookup plus the size of its answer.
public extension Journal {
    /// The encounters where I met this contact (`with`), oldest first: their timeline.
    ///
    /// A mere mention in a body is not an encounter; see `mentions(of:)`.
    func encounters(with contact: Contact.ID) -> [Encounter] {
        (tables.encountersByContact[contact] ?? []).map { encounters[$0] }
    }

    /// The last time I met this contact, if ever.
    func lastEncounter(with contact: Contact.ID) -> Encounter? {
        tables.encountersByContact[contact]?.last.map { encounters[$0] }
    }

    /// Records whose bodies link here with `[[…]]`: backlinks, one per linking record.
    func mentions(of id: RecordID) -> [Mention] { tables.mentions[id] ?? [] }

    /// How I came to know this contact: who introduced us, from `met_via` and from encounters.
    func introductions(of contact: Contact.ID) -> [Introduction] {
        (tables.introductionsTo[contact] ?? []).map { tables.introductions[$0] }
    }

    /// Whom this contact introduced me to.
    func introductions(by contact: Contact.ID) -> [Introduction] {
        (tables.introductionsBy[contact] ?? []).map { tables.introductions[$0] }
    }

    /// Every introduction in the journal, in the order of the records that state them.
    var introductions: [Introduction] { tables.introductions }

    /// Every introduction I make (`ties intro`), in timeline order: one pass over the encounters.
    var introductionsMade: [IntroductionMade] { encounters.compactMap(IntroductionMade.init) }

    /// The introductions I make that this contact is one of the two in, in timeline order.
    func introductionsMade(with contact: Contact.ID) -> [IntroductionMade] {
        encounters(with: contact).compactMap(IntroductionMade.init).filter { $0.a == contact || $0.b == contact }
    }

    /// Publications this contact was part of (co-speaker, host, interviewer).
    func publications(with contact: Contact.ID) -> [Publication] {
        (tables.publicationsByContact[contact] ?? []).map { publications[$0] }
    }

    /// A contact's positions over time, in the order written, the current `org` last if not in `roles`.
    func affiliations(of contact: Contact.ID) -> [Affiliation] { tables.affiliationsByContact[contact] ?? [] }

    /// Everyone who works or worked at an org: current people first, then former, most recent first.
    func affiliations(at org: Org.ID) -> [Affiliation] { tables.affiliationsByOrg[org] ?? [] }

    /// Encounters with anyone who works or worked at an org, oldest first, each once.
    func encounters(withPeopleAt org: Org.ID) -> [Encounter] {
        var seen = Set<Int>()
        var indices: [Int] = []
        for affiliation in affiliations(at: org) {
            for index in tables.encountersByContact[affiliation.contact] ?? [] where seen.insert(index).inserted {
                indices.append(index)
            }
        }
        // The encounters array is in timeline order, so its indices are too.
        return indices.sorted().map { encounters[$0] }
    }

    /// The contacts working at an org now.
    func currentPeople(at org: Org.ID) -> [Affiliation] { affiliations(at: org).filter(\.isCurrent) }

    /// The contacts who worked at an org and have left: former colleagues worth staying close to.
    func formerPeople(at org: Org.ID) -> [Affiliation] { affiliations(at: org).filter { !$0.isCurrent } }

    /// Contacts tied to a goal: by their own `goals`, or by meeting them in an encounter for it.
    func contacts(for goal: Goal.ID) -> [Contact] {
        (tables.contactsByGoal[goal] ?? []).compactMap { contacts[$0] }
    }

    func encounters(for goal: Goal.ID) -> [Encounter] {
        (tables.encountersByGoal[goal] ?? []).map { encounters[$0] }
    }

    func publications(for goal: Goal.ID) -> [Publication] {
        (tables.publicationsByGoal[goal] ?? []).map { publications[$0] }
    }

    /// What I gave this contact and what I received, oldest first: the give and take.
    func exchanges(with contact: Contact.ID) -> [Exchange] { tables.exchangesByContact[contact] ?? [] }

    /// Whether the contact works at the owner's own organisation (`me.org` in ties.yaml).
    func isInternal(_ contact: Contact.ID) -> Bool {
        guard let mine = config.myOrg?.id(Org.self) else { return false }
        return affiliations(of: contact).contains { $0.org == mine && $0.isCurrent }
    }
}

extension Introduction {
    /// Introductions as a contact's profile holds them: one
    /// per person or group of people, oldest first, undated ones as of `today`. An encounter
    /// says more than a `met_via`, so when both state the same introduction the encounter's is
    /// kept.
    static func onePerPerson(
        _ items: [Introduction], people: (Introduction) -> [Contact.ID], today: Day
    ) -> [Introduction] {
        var best: [String: Introduction] = [:]
        for item in items {
            let key = people(item).map(\.slug).joined(separator: ",")
            if let kept = best[key], kept.source.kind == .encounter || item.source.kind != .encounter { continue }
            best[key] = item
        }
        return best.values.sorted {
            ($0.date ?? today, people($0).map(\.slug).joined(separator: ","), $0.source)
                < ($1.date ?? today, people($1).map(\.slug).joined(separator: ","), $1.source)
        }
    }
}
