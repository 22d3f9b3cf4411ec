/// What a person wants to know about one record: the record, and what the journal says about it
/// elsewhere (who works at an org, what serves a goal, who mentions it).
///
/// A profile is made once, through a `JournalReader`, and formatted twice: the site's page of
/// the record and `ties show` read the same profile, so what one shows the other cannot leave
/// out, and a page made through a noting reader knows what it depends on.
public protocol RecordProfile: Sendable {
    associatedtype Subject: Record
    var record: Subject { get }
    /// Bodies that link to the record, in the journal's order.
    var mentions: [Mention] { get }
    init(_ record: Subject, reader: JournalReader, today: Day)
    /// Calls the visitor's method for this kind of profile.
    func accept<V: RecordProfileVisitor>(_ visitor: inout V)
}

/// Something done for each kind of record's profile, one method per kind: a sixth kind of record
/// does not compile until every visitor (`ties show`, the site's record pages) handles it.
public protocol RecordProfileVisitor {
    mutating func visit(_ profile: ContactProfile)
    mutating func visit(_ profile: EncounterProfile)
    mutating func visit(_ profile: PublicationProfile)
    mutating func visit(_ profile: OrgProfile)
    mutating func visit(_ profile: GoalProfile)
}

extension JournalReader {
    /// The profile of the record `id` names; nil when there is no such record.
    public func profile(of id: RecordID, today: Day) -> (any RecordProfile)? {
        func profile<R: Record>(_ type: R.Type) -> (any RecordProfile)? {
            record(R.ID(id.slug)).map { R.Profile($0, reader: self, today: today) }
        }
        return profile(id.kind.recordType)
    }

    /// Visits the profile of the record `id` names; false when there is no such record.
    @discardableResult
    public func visitProfile<V: RecordProfileVisitor>(of id: RecordID, today: Day, _ visitor: inout V) -> Bool {
        guard let profile = profile(of: id, today: today) else { return false }
        profile.accept(&visitor)
        return true
    }
}
