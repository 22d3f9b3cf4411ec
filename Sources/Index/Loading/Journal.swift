import Foundation
import Support

/// A whole journal, loaded, checked and cross-linked: one immutable value.
///
/// Every collection is sorted with a full tie-break, so anything built from a journal is the
/// same on every run. Cross-links are computed once, in time linear in the records, and every
/// query below is a dictionary lookup plus the size of its answer.
public struct Journal: Sendable {
    public let root: URL
    public let config: JournalConfig
    /// Sorted by slug.
    public let contacts: RecordTable<Contact>
    /// Sorted by date and time, then slug: the global timeline.
    public let encounters: RecordTable<Encounter>
    /// Sorted by date (undated last), then slug.
    public let publications: RecordTable<Publication>
    /// Orgs with a file and implicit ones, sorted by slug.
    public let orgs: RecordTable<Org>
    /// Sorted by slug.
    public let goals: RecordTable<Goal>
    /// Every problem found, sorted by file, line and column.
    public let diagnostics: [Diagnostic]

    /// The cross-link tables, made on first use: a search and the timeline need none of them,
    /// and making them was a fifth of reading a journal from its cache.
    var tables: Tables { tablesMade.get { Tables(of: self) } }
    private let tablesMade = Once<Tables>()
    /// Whether a question has made the cross-link tables yet.
    package var hasMadeTables: Bool { tablesMade.isMade }
    /// The agenda, made on first use: the dashboard, the Due page and the week's plan each ask
    /// for it several times.
    let agendaMade = Once<Agenda>()
    /// The table of every org's name that `orgs(namedBy:)` looks goals up in, made on first use.
    let orgNames = Once<OrgNameMatcher>()
    /// `recordsByTag()`, made on first use.
    let tagsMade = Once<[String: [RecordID]]>()
    /// How the records were read: for tests and `TIES_TIMINGS`.
    var origin = Origin()
    /// Each record's fingerprints as the linked-journal cache kept them, by kind and position;
    /// nil for a record that changed since (and for a journal not read from that cache).
    var keptFingerprints: [RecordKind: [RecordFingerprint?]]?

    /// How many files were parsed and how many taken from the parse cache.
    struct Origin: Equatable, Sendable {
        var parsed = 0
        var cached = 0
        /// Taken whole from the linked-journal cache, linking included.
        var linkedFromCache = false
    }

    /// The cross-link tables; indices point into the record tables above.
    struct Tables: Sendable, Equatable {
        var encountersByContact: [Contact.ID: [Int]] = [:]
        var publicationsByContact: [Contact.ID: [Int]] = [:]
        var mentions: [RecordID: [Mention]] = [:]
        var introductions: [Introduction] = []
        var introductionsTo: [Contact.ID: [Int]] = [:]
        var introductionsBy: [Contact.ID: [Int]] = [:]
        var affiliationsByOrg: [Org.ID: [Affiliation]] = [:]
        var affiliationsByContact: [Contact.ID: [Affiliation]] = [:]
        var contactsByGoal: [Goal.ID: [Contact.ID]] = [:]
        var encountersByGoal: [Goal.ID: [Int]] = [:]
        var publicationsByGoal: [Goal.ID: [Int]] = [:]
        var exchangesByContact: [Contact.ID: [Exchange]] = [:]
    }

    init(
        root: URL, config: JournalConfig, contacts: RecordTable<Contact>, encounters: RecordTable<Encounter>,
        publications: RecordTable<Publication>, orgs: RecordTable<Org>, goals: RecordTable<Goal>,
        diagnostics: [Diagnostic]
    ) {
        self.root = root
        self.config = config
        self.contacts = contacts
        self.encounters = encounters
        self.publications = publications
        self.orgs = orgs
        self.goals = goals
        self.diagnostics = diagnostics
    }

    /// The records of one kind: `journal[Contact.self]` is `journal.contacts`.
    public subscript<R: Record>(_ kind: R.Type) -> RecordTable<R> { R.table(in: self) }
}

public extension Journal {
    /// Loads the journal at `root` (the folder holding `ties.yaml`), reading files in parallel.
    ///
    /// Never throws for bad content: every problem is in `diagnostics`. Nothing is written to
    /// the journal; with a `cache`, files unchanged since the last load are not parsed again, and
    /// the cache is updated.
    static func load(from root: URL, cache: ParseCache? = nil) -> Journal {
        JournalLoader(root: root, cache: cache).load()
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// How many records of each kind, e.g. for `ties check`'s summary.
    var counts: [RecordKind: Int] {
        Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, count(of: $0.recordType)) })
    }

    /// How many records of a kind the journal holds.
    func count<R: Record>(of kind: R.Type) -> Int { self[R.self].count }
}
