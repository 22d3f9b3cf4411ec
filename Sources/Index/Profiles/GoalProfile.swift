/// A goal: the people, encounters and publications that serve it.
public struct GoalProfile: RecordProfile {
    public var record: Goal
    /// People who name the goal, in name order.
    public var contacts: [Contact]
    /// Encounters and publications that name it, in timeline order.
    public var encounters: [Encounter]
    public var publications: [Publication]
    public var mentions: [Mention]

    public init(_ goal: Goal, reader journal: JournalReader, today: Day) {
        record = goal
        contacts = NameOrder.sorted(journal.contacts(for: goal.id))
        encounters = journal.encounters(for: goal.id)
        publications = journal.publications(for: goal.id)
        mentions = journal.mentions(of: goal.recordID)
    }

    public func accept<V: RecordProfileVisitor>(_ visitor: inout V) { visitor.visit(self) }
}
