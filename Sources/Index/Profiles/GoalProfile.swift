/// A goal: the people, encounters and publications that serve it.
public struct GoalProfile: RecordProfile {
    public var record: Goal
    /// People who name the goal, in name order.
    public var contacts: [Contact]
    /// Encounters and publications that name it, in timeline order.
    public var encounters: [Encounter]
    public var publications: [Publication]
    public var mentions: [Mention]
    /// The day of the last encounter or publication for it, up to today.
    public var lastActivity: Day?
    /// Active, and nothing for it in `Goal.staleAfterDays`.
    public var stale: Bool
    /// The follow-ups of its encounters not done yet, soonest first, with the day each is due.
    public var openFollowUps: [(item: FollowUp, due: Day, encounter: Encounter)]
    /// The orgs it names (`Journal.orgs(namedBy:)`), by slug, each with the people known there now
    /// (`Journal.peopleKnown`): where a path towards the goal starts.
    public var orgs: [(org: Org.ID, known: [Tie])]

    public init(_ goal: Goal, reader journal: JournalReader, today: Day) {
        record = goal
        contacts = NameOrder.sorted(journal.contacts(for: goal.id))
        encounters = journal.encounters(for: goal.id)
        publications = journal.publications(for: goal.id)
        mentions = journal.mentions(of: goal.recordID)
        lastActivity = Goal.lastActivity(encounters: encounters, publications: publications, today: today)
        stale = goal.isStale(lastActivity: lastActivity, today: today)
        let config = journal.config
        openFollowUps = encounters.flatMap { encounter in
            encounter.followups.filter { !$0.done }.map { ($0, config.due(of: $0, after: encounter.date.day), encounter) }
        }
        .sorted { ($0.due, $0.encounter.slug, $0.item.task) < ($1.due, $1.encounter.slug, $1.item.task) }
        orgs = journal.orgs(namedBy: goal).map { ($0, journal.peopleKnown(at: $0, today: today)) }
    }

    public func accept<V: RecordProfileVisitor>(_ visitor: inout V) { visitor.visit(self) }
}
