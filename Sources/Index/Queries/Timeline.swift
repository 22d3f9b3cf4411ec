/// One dated thing on the timeline: an encounter, or a publication with a date.
public enum TimelineEntry: Sendable {
    case encounter(Encounter)
    case publication(Publication)

    public var day: Day {
        switch self {
        case let .encounter(encounter): return encounter.date.day
        case let .publication(publication): return publication.date ?? .earliest
        }
    }

    public var recordID: RecordID {
        switch self {
        case let .encounter(encounter): return encounter.recordID
        case let .publication(publication): return publication.recordID
        }
    }

    /// Newest first; on one day a publication before the encounters, then by slug (descending),
    /// so that the order is total. `ties timeline` and the site's timeline pages share it.
    public static func newestFirst(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        func rank(_ entry: TimelineEntry) -> Int { if case .publication = entry { return 1 } else { return 0 } }
        return entries.sorted { ($1.day, rank($1), $1.recordID.slug) < ($0.day, rank($0), $0.recordID.slug) }
    }
}

public extension Journal {
    /// Encounters and dated publications from `since` on (all when nil), newest first; with
    /// `contact`, only those with them; with `org`, only encounters with people who work or
    /// worked there.
    func timeline(since: Day? = nil, with contact: Contact.ID? = nil, at org: Org.ID? = nil) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        let encounters: [Encounter]
        let publications: [Publication]
        if let contact {
            encounters = self.encounters(with: contact)
            publications = self.publications(with: contact)
        } else if let org {
            encounters = self.encounters(withPeopleAt: org)
            publications = []
        } else {
            encounters = self.encounters.array
            publications = self.publications.array
        }
        for encounter in encounters where since.map({ encounter.date.day >= $0 }) ?? true {
            entries.append(.encounter(encounter))
        }
        for publication in publications {
            guard let day = publication.date, since.map({ day >= $0 }) ?? true else { continue }
            entries.append(.publication(publication))
        }
        return TimelineEntry.newestFirst(entries)
    }
}
