/// What each kind of record points to. Every `Reference` and `WikiLink` field of a record is
/// here: `LinkedRecordsTests` fills every field and fails when one is missing.
extension Contact {
    public var linkedRecords: [RecordID] {
        var ids: [RecordID] = []
        if let org = org?.target { ids.append(RecordID(.org, org)) }
        for role in roles { if let org = role.org.target { ids.append(RecordID(.org, org)) } }
        if let via = metVia?.target { ids.append(RecordID(.contact, via)) }
        ids.append(contentsOf: goals.targets(.goal))
        ids.append(contentsOf: wikiLinks.compactMap(\.target))
        return ids
    }
}

extension Encounter {
    public var linkedRecords: [RecordID] {
        with.targets(.contact) + introduced.targets(.contact) + goals.targets(.goal) + wikiLinks.compactMap(\.target)
    }
}

extension Publication {
    public var linkedRecords: [RecordID] {
        with.targets(.contact) + goals.targets(.goal) + wikiLinks.compactMap(\.target)
    }
}

extension Org {
    public var linkedRecords: [RecordID] { wikiLinks.compactMap(\.target) }
}

extension Goal {
    public var linkedRecords: [RecordID] { wikiLinks.compactMap(\.target) }
}

extension [Reference] {
    fileprivate func targets(_ kind: RecordKind) -> [RecordID] { compactMap { $0.target.map { RecordID(kind, $0) } } }
}
