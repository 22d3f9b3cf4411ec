/// A person: how often and when to be in touch, the brief to read before meeting them, their
/// roles, encounters, introductions, give and take, publications together and mentions.
public struct ContactProfile: RecordProfile {
    public var record: Contact
    public var cadence: Cadence
    public var lastContact: Day?
    /// Nil for a contact with cadence `none`, or never met and not kept in touch with.
    public var nextDue: Day?
    public var brief: ContactBrief
    /// Every position, oldest first.
    public var roles: [Affiliation]
    /// Every encounter with them, in timeline order.
    public var encounters: [Encounter]
    /// Who introduced me to them, and whom they introduced me to: one introduction per person
    /// (or group), oldest first. One made at an encounter where no one else was present has no
    /// introducers.
    public var introducedBy: [Introduction]
    public var introducedTo: [Introduction]
    /// Introductions I make that they are one of the two in (`ties intro`), in timeline order.
    public var introductionsMade: [IntroductionMade]
    /// What was given and received, in timeline order.
    public var exchanges: [Exchange]
    public var publications: [Publication]
    public var mentions: [Mention]

    public init(_ contact: Contact, reader journal: JournalReader, today: Day) {
        record = contact
        cadence = journal.cadence(of: contact)
        lastContact = journal.lastContact(with: contact)
        nextDue = journal.nextDue(of: contact, today: today)
        let links = ContactBrief.Links(contact.id, reader: journal)
        brief = ContactBrief(contact, links: links, reader: journal, today: today)
        roles = links.affiliations
        encounters = links.encounters
        introducedBy = Introduction.onePerPerson(links.introductionsOf, people: \.introducers, today: today)
        introducedTo = Introduction.onePerPerson(links.introductionsBy, people: { [$0.introduced] }, today: today)
        introductionsMade = links.encounters.compactMap(IntroductionMade.init).filter {
            $0.a == contact.id || $0.b == contact.id
        }
        exchanges = links.exchanges
        publications = links.publications
        mentions = journal.mentions(of: contact.recordID)
    }

    /// Whether they are due today or overdue (and not snoozed past today).
    public func isOverdue(on today: Day) -> Bool { nextDue.map { $0 <= today } ?? false }

    public func accept<V: RecordProfileVisitor>(_ visitor: inout V) { visitor.visit(self) }
}
