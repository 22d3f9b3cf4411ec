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
    /// Never throws for bad content: every problem is in `diagnostics`. Nothing is written.
    static func load(from root: URL) -> Journal {
        JournalLoader(root: root).load()
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
