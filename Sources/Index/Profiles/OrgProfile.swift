/// An org: who works there now, who worked there, and the encounters with any of them.
public struct OrgProfile: RecordProfile {
    public var record: Org
    /// People there now, and people who were, as `Journal.currentPeople(at:)` orders them.
    public var current: [Affiliation]
    public var former: [Affiliation]
    /// Encounters with anyone who works or worked there, in timeline order.
    public var encounters: [Encounter]
    public var mentions: [Mention]

    public init(_ org: Org, reader journal: JournalReader, today: Day) {
        record = org
        current = journal.currentPeople(at: org.id)
        former = journal.formerPeople(at: org.id)
        encounters = journal.encounters(withPeopleAt: org.id)
        mentions = journal.mentions(of: org.recordID)
    }

    public func accept<V: RecordProfileVisitor>(_ visitor: inout V) { visitor.visit(self) }
}
