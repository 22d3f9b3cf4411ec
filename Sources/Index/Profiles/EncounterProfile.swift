/// An encounter: its fields, its follow-ups with the day each is due, and who mentions it.
public struct EncounterProfile: RecordProfile {
    public var record: Encounter
    /// Every follow-up in the order written; one written as plain text is due `followup_after`
    /// after the encounter, as `ties due` counts it.
    public var followUps: [(item: FollowUp, due: Day)]
    public var mentions: [Mention]

    public init(_ encounter: Encounter, reader journal: JournalReader, today: Day) {
        record = encounter
        let config = journal.config
        followUps = encounter.followups.map { ($0, config.due(of: $0, after: encounter.date.day)) }
        mentions = journal.mentions(of: encounter.recordID)
    }

    public func accept<V: RecordProfileVisitor>(_ visitor: inout V) { visitor.visit(self) }
}
