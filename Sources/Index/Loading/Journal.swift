import Foundation

/// A whole journal, loaded, checked and cross-linked: one immutable value.
///
/// Every collection is sorted with a full tie-break, so anything built from a journal is the
/// same on every run. Cross-links are computed once, in time linear in the records, and every
/// query below is a dictionary lookup plus the size of its answer.
public struct Journal: Sendable {
    public let root: URL
    public let config: JournalConfig
    /// Sorted by slug.
    public let contacts: [Contact]
    /// Sorted by date and time, then slug: the global timeline.
    public let encounters: [Encounter]
    /// Sorted by date (undated last), then slug.
    public let publications: [Publication]
    /// Orgs with a file and implicit ones, sorted by slug.
    public let orgs: [Org]
    /// Sorted by slug.
    public let goals: [Goal]
    /// Every problem found, sorted by file, line and column.
    public let diagnostics: [Diagnostic]

    let tables: Tables
    /// How the records were read: for tests and `TIES_TIMINGS`.
    var origin = Origin()

    /// How many files were parsed and how many taken from the parse cache, or whether the whole
    /// journal came from the agenda cache.
    struct Origin: Equatable, Sendable {
        var parsed = 0
        var cached = 0
        var agenda = false
    }

    /// The cross-link tables; indices point into the sorted arrays above.
    struct Tables: Sendable {
        var contactIndex: [String: Int] = [:]
        var encounterIndex: [String: Int] = [:]
        var publicationIndex: [String: Int] = [:]
        var orgIndex: [String: Int] = [:]
        var goalIndex: [String: Int] = [:]
        var encountersByContact: [String: [Int]] = [:]
        var publicationsByContact: [String: [Int]] = [:]
        var mentions: [RecordID: [Mention]] = [:]
        var introductions: [Introduction] = []
        var introductionsTo: [String: [Int]] = [:]
        var introductionsBy: [String: [Int]] = [:]
        var affiliationsByOrg: [String: [Affiliation]] = [:]
        var affiliationsByContact: [String: [Affiliation]] = [:]
        var contactsByGoal: [String: [String]] = [:]
        var encountersByGoal: [String: [Int]] = [:]
        var publicationsByGoal: [String: [Int]] = [:]
        var exchangesByContact: [String: [Exchange]] = [:]
    }

    init(
        root: URL, config: JournalConfig, contacts: [Contact], encounters: [Encounter],
        publications: [Publication], orgs: [Org], goals: [Goal], diagnostics: [Diagnostic], tables: Tables
    ) {
        self.root = root
        self.config = config
        self.contacts = contacts
        self.encounters = encounters
        self.publications = publications
        self.orgs = orgs
        self.goals = goals
        self.diagnostics = diagnostics
        self.tables = tables
    }
}

public extension Journal {
    /// Loads the journal at `root` (the folder holding `ties.yaml`), reading files in parallel.
    ///
    /// Never throws for bad content: every problem is in `diagnostics`. Nothing is written to
    /// the journal; with a `cache`, files unchanged since the last load are not parsed again, and
    /// the cache is updated.
    static func load(from root: URL, cache: ParseCache? = nil, scope: Scope = .whole) -> Journal {
        JournalLoader(root: root, cache: cache, scope: scope).load()
    }

    /// How much of the journal a command needs.
    enum Scope: Sendable {
        /// Everything.
        case whole
        /// What the agenda queries read (`overdueContacts`, `openFollowUps`, `occasions`,
        /// `encounter(_:)` for a follow-up's encounter, `diagnostics`): every contact, each
        /// contact's last encounter, the encounters with open follow-ups, every diagnostic. With a
        /// cache, an unchanged journal then loads from the agenda cache without being parsed:
        /// publications, orgs and goals are then empty, other encounters missing, and records
        /// hold only the fields the agenda reads (names, dates, cadences, circles, people,
        /// follow-ups).
        case agenda
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// How many records of each kind, e.g. for `ties check`'s summary.
    var counts: [RecordKind: Int] {
        [
            .contact: contacts.count, .encounter: encounters.count, .publication: publications.count,
            .org: orgs.count, .goal: goals.count,
        ]
    }
}
