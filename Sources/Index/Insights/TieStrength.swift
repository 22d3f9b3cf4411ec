/// How strong the owner's tie to a contact is, from how often and how lately they met.
///
/// The formula (docs/FORMAT.md, "ties insights"): each encounter of the last 24 months counts
/// `1 - age / 730 days`, so one yesterday counts almost 1 and one two years ago almost 0; a
/// score of 1.5 or more is **strong** (two meetings in the last half year, or three over two
/// years). A contact met before but not in the last 3 years is **dormant**; everyone else is
/// **weak**, the never-met included. Encounters after `today` do not count.
public enum TieStrength: String, Sendable, Codable, CaseIterable, Comparable {
    case strong, weak, dormant

    /// Days an encounter counts for.
    public static let recentDays = 730
    /// The score from which a tie is strong.
    public static let strongScore = 1.5
    /// Days without an encounter after which a tie is dormant.
    public static let dormantDays = 1095

    public static func < (a: TieStrength, b: TieStrength) -> Bool { a.rank < b.rank }

    /// Strong first.
    private var rank: Int {
        switch self {
        case .strong: return 0
        case .weak: return 1
        case .dormant: return 2
        }
    }
}

/// A contact's tie: its strength and what it rests on.
public struct Tie: Sendable, Equatable {
    public var contact: Contact.ID
    public var strength: TieStrength
    /// Encounters up to today, ever.
    public var encounters: Int
    /// The last of them.
    public var last: Day?
    /// The recency-weighted count of the last 24 months.
    public var score: Double

    /// The tie of a contact met on `days` (oldest first), as of `today`.
    public init(contact: Contact.ID, encounterDays days: [Day], today: Day) {
        self.contact = contact
        var count = 0
        var last: Day?
        var score = 0.0
        for day in days where day <= today {
            count += 1
            last = day
            let age = day.days(until: today)
            if age < TieStrength.recentDays { score += 1 - Double(age) / Double(TieStrength.recentDays) }
        }
        self.encounters = count
        self.last = last
        self.score = score
        if score >= TieStrength.strongScore {
            strength = .strong
        } else if let last, last.days(until: today) > TieStrength.dormantDays {
            strength = .dormant
        } else {
            strength = .weak
        }
    }
}

public extension Journal {
    /// Every contact's tie on `today`, in journal order.
    func ties(on today: Day) -> [Tie] {
        contacts.map { contact in Tie(contact: contact.id, encounterDays: encounterDays(of: contact.id), today: today) }
    }

    /// The days of the encounters with a contact, oldest first, read in place.
    func encounterDays(of contact: Contact.ID) -> [Day] {
        guard let indices = tables.encountersByContact[contact] else { return [] }
        return encounters.withUnsafeBufferPointer { records in indices.map { records[$0].date.day } }
    }
}
