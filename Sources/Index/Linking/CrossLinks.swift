/// Someone introduced me to someone: from a contact's `met_via`, or an encounter's `introduced`.
public struct Introduction: Hashable, Sendable {
    /// The contacts who made the introduction (empty when an encounter introduced me with no one
    /// else present, e.g. at an event).
    public var introducers: [Contact.ID]
    /// The contact I was introduced to.
    public var introduced: Contact.ID
    /// The record that says so: the contact with `met_via`, or the encounter.
    public var source: RecordID
    public var date: Day?
}

/// A body that links to a record with a wiki link: a backlink.
public struct Mention: Hashable, Sendable {
    public var source: RecordID
    public var location: SourceLocation
}

/// A position a contact held or holds at an org, from `roles` or the current `org` and `title`.
public struct Affiliation: Hashable, Sendable {
    public var contact: Contact.ID
    public var org: Org.ID
    public var title: String?
    public var from: PartialDate?
    public var to: PartialDate?

    public var isCurrent: Bool { to == nil }
}

/// One thing given or received in an encounter, counted for each contact met there.
public struct Exchange: Hashable, Sendable {
    public enum Direction: String, Sendable, Codable { case gave, received }

    public var direction: Direction
    public var what: String
    public var encounter: Encounter.ID
    public var date: Day
}
