import Foundation
import Support

/// Resolves every reference and wiki link, creates implicit orgs and builds the cross-link
/// tables, reporting unknown and ambiguous names.
///
/// Each step is one pass over the records with hash lookups: linear in the size of the journal.
struct Linker {
    let root: URL
    let config: JournalConfig
    var contacts: [Contact] = []
    var encounters: [Encounter] = []
    /// Encounters without a valid date: their references are checked, then they are left out.
    var undated: [Encounter] = []
    var publications: [Publication] = []
    var orgs: [Org] = []
    var goals: [Goal] = []
    package var diagnostics: [Diagnostic]

    /// Takes the records out of `records`, leaving it empty: moved, not copied, so that linking
    /// can change them in place.
    init(root: URL, config: JournalConfig, records: inout [AnyRecord], diagnostics: [Diagnostic]) {
        self.root = root
        self.config = config
        self.diagnostics = diagnostics
        var counts: [RecordKind: Int] = [:]
        for index in records.indices { counts[records[index].kind, default: 0] += 1 }
        contacts.reserveCapacity(counts[.contact] ?? 0)
        encounters.reserveCapacity(counts[.encounter] ?? 0)
        publications.reserveCapacity(counts[.publication] ?? 0)
        orgs.reserveCapacity(counts[.org] ?? 0)
        goals.reserveCapacity(counts[.goal] ?? 0)
        while let record = records.popLast() {
            switch record {
            case let .contact(r): contacts.append(r)
            case let .encounter(r): if r.hasDate { encounters.append(r) } else { undated.append(r) }
            case let .publication(r): publications.append(r)
            case let .org(r): orgs.append(r)
            case let .goal(r): goals.append(r)
            }
        }
        // Taken from the end, so reversed: back in path order, which is nearly sorted already.
        contacts.reverse()
        encounters.reverse()
        undated.reverse()
        publications.reverse()
        orgs.reverse()
        goals.reverse()
        contacts.sort { $0.slug < $1.slug }
        encounters.sort { ($0.date, $0.slug) < ($1.date, $1.slug) }
        publications.sort { Linker.publicationOrder($0, $1) }
        orgs.sort { $0.slug < $1.slug }
        goals.sort { $0.slug < $1.slug }
    }

    /// Records linked and sorted before (the linked-journal cache), for their tables alone.
    init(
        root: URL, config: JournalConfig, linked contacts: [Contact], _ encounters: [Encounter],
        _ publications: [Publication], _ orgs: [Org], _ goals: [Goal], diagnostics: [Diagnostic]
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

    static func publicationOrder(_ a: Publication, _ b: Publication) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.slug < b.slug
        }
    }

    mutating func link(timer: inout PhaseTimer) -> Journal {
        let contactTable = NameTable(contacts)
        let goalTable = NameTable(goals)
        // A name table holds its records until it is freed, so one made now makes resolving
        // copy them: encounters and publications get theirs now only if a field refers to them.
        let referred = Set(RecordKind.allCases.flatMap { $0.recordType.referredKinds })
        let names = ReferenceNames(
            config: config, contacts: contactTable,
            encounters: referred.contains(.encounter) ? NameTable(encounters) : nil,
            publications: referred.contains(.publication) ? NameTable(publications) : nil, goals: goalTable)
        var orgResolver = OrgResolver(explicit: orgs)

        // References, as each kind's schema declares them.
        var myOrg = config.myOrg
        if var reference = myOrg {
            reference.target = orgResolver.resolve(reference.text, at: reference.location, into: &diagnostics)
            myOrg = reference
        }
        var myRoles = config.myRoles
        for index in myRoles.indices {
            myRoles[index].org.target = orgResolver.resolve(
                myRoles[index].org.text, at: myRoles[index].org.location, into: &diagnostics)
        }
        Linker.resolveReferences(in: &contacts, names, &orgResolver, into: &diagnostics)
        Linker.resolveReferences(in: &encounters, names, &orgResolver, into: &diagnostics)
        Linker.resolveReferences(in: &undated, names, &orgResolver, into: &diagnostics)
        Linker.resolveReferences(in: &publications, names, &orgResolver, into: &diagnostics)
        Linker.resolveReferences(in: &goals, names, &orgResolver, into: &diagnostics)
        orgs = orgResolver.allOrgs()
        Linker.resolveReferences(in: &orgs, names, &orgResolver, into: &diagnostics)
        timer.lap("resolve references")

        // Wiki links, against every kind at once.
        let tables: [RecordKind: NameTable] = [
            .contact: contactTable, .encounter: names.encounters ?? NameTable(encounters),
            .publication: names.publications ?? NameTable(publications),
            .org: NameTable(orgs), .goal: goalTable,
        ]
        timer.lap("name tables")
        let wiki = WikiLinkResolver(tables: tables)
        func linkBodies<R: Record>(_ records: inout [R]) {
            let found = records.parallelUpdate { record -> [Diagnostic] in
                var found: [Diagnostic] = []
                for l in record.wikiLinks.indices {
                    record.wikiLinks[l].target = wiki.resolve(record.wikiLinks[l], into: &found)
                }
                return found
            }
            for problems in found where !problems.isEmpty { diagnostics += problems }
        }
        linkBodies(&contacts)
        linkBodies(&encounters)
        linkBodies(&undated)
        linkBodies(&publications)
        linkBodies(&orgs)
        linkBodies(&goals)

        timer.lap("resolve wiki links")
        if contacts.isEmpty && encounters.isEmpty && publications.isEmpty && goals.isEmpty && orgs.allSatisfy(\.isImplicit) {
            diagnostics.append(
                .warning(
                    .emptyJournal,
                    "the journal has no records yet; add Markdown files under contacts/, encounters/, publications/, orgs/ or goals/",
                    at: SourceLocation(path: ConfigParser.fileName)))
        }

        diagnostics += Linker.possibleDuplicates(contacts)
        var finalConfig = config
        finalConfig.myOrg = myOrg
        finalConfig.myRoles = myRoles
        diagnostics.sort()
        let journal = journal(config: finalConfig)
        timer.lap("record tables")
        return journal
    }

    /// The journal of the linked records, with their tables by position and identity; its
    /// cross-link tables are made when first asked for.
    func journal(config: JournalConfig) -> Journal {
        let records = recordTables()
        return Journal(
            root: root, config: config, contacts: records.contacts, encounters: records.encounters,
            publications: records.publications, orgs: records.orgs, goals: records.goals, diagnostics: diagnostics)
    }

    /// Resolves the references of `records`: in parallel where the kind names no orgs (naming
    /// an org can create an implicit one, which must happen in file order), else one by one.
    /// Two contacts with one email or one profile address are most likely one person, written
    /// twice (an import, a new file for someone known under another name).
    static func possibleDuplicates(_ contacts: [Contact]) -> [Diagnostic] {
        var firstWith: [String: Contact] = [:]
        var found: [Diagnostic] = []
        for contact in contacts {
            var reported = Set<String>()
            let keys =
                Set(contact.emails.map { "email \($0.lowercased())" })
                .union(contact.links.map { "address \(ProfileAddress.normalised($0.url))" }).sorted()
            for key in keys {
                guard let other = firstWith[key] else {
                    firstWith[key] = contact
                    continue
                }
                guard other.slug != contact.slug, reported.insert(other.slug).inserted else { continue }
                let what = key.hasPrefix("email ") ? "the email \(key.dropFirst(6))" : "the address \(key.dropFirst(8))"
                found.append(
                    .warning(
                        .possibleDuplicate,
                        "\(contact.name) shares \(what) with \(other.name) (\(other.path)); if they are one person, merge the files",
                        at: contact.location))
            }
        }
        found += sameNames(contacts)
        return found
    }

    /// Two contacts whose names are one name as identity compares them (`Juergen Weiss` and
    /// `Jürgen Weiß`, `Dr. Christine Bauer` and `Christine Bauer`), unless their profiles on one
    /// site differ: then they are two people who share a name.
    private static func sameNames(_ contacts: [Contact]) -> [Diagnostic] {
        var firstWith: [String: Contact] = [:]
        var found: [Diagnostic] = []
        for contact in contacts {
            let key = PersonName.identityKey(contact.name)
            guard !key.isEmpty else { continue }
            guard let other = firstWith[key] else {
                firstWith[key] = contact
                continue
            }
            let mine = Set(contact.links.map { ProfileAddress.normalised($0.url) })
            let theirs = Set(other.links.map { ProfileAddress.normalised($0.url) })
            let sites = Set(mine.map { ProfileAddress.site($0) })
            let differ = mine.isDisjoint(with: theirs) && theirs.contains { sites.contains(ProfileAddress.site($0)) }
            // Files that already share an email or address have their warning above.
            let shared =
                !Set(contact.emails.map { $0.lowercased() }).isDisjoint(with: other.emails.map { $0.lowercased() })
                || !mine.isDisjoint(with: theirs)
            guard !differ, !shared else { continue }
            found.append(
                .warning(
                    .possibleDuplicate,
                    "\(contact.name) and \(other.name) (\(other.path)) are one name as ties compares names; if they are one person, merge the files (ties merge); if two, give each their profile address",
                    at: contact.location))
        }
        return found
    }

    private static func resolveReferences<R: Record>(
        in records: inout [R], _ names: ReferenceNames, _ orgResolver: inout OrgResolver,
        into diagnostics: inout [Diagnostic]
    ) {
        guard !R.schema.referenceFields.isEmpty else { return }
        if !R.schema.refers(to: .record(.org)) {
            let found = records.parallelUpdate { record -> [Diagnostic] in
                var found: [Diagnostic] = []
                var noOrgs: OrgResolver?
                names.resolveReferences(of: &record, orgs: &noOrgs, into: &found)
                return found
            }
            for problems in found where !problems.isEmpty { diagnostics += problems }
            return
        }
        var orgs: OrgResolver? = orgResolver
        for index in records.indices { names.resolveReferences(of: &records[index], orgs: &orgs, into: &diagnostics) }
        if let orgs { orgResolver = orgs }
    }
}

/// Resolves the references a schema declares: records by slug, name or alias, circles by their
/// name in ties.yaml, reporting what names nothing or several.
struct ReferenceNames: Sendable {
    /// The problems of one file after which an unknown reference gets no "did you mean".
    static let mostSuggestionsPerFile = 50

    let config: JournalConfig
    let contacts: NameTable
    /// Nil when no field refers to encounters, and likewise for publications.
    let encounters: NameTable?
    let publications: NameTable?
    let goals: NameTable

    /// Fills in every reference of `record`; `orgs` resolves org names (and is nil for kinds
    /// that name none). A reference of a record to itself is dropped with a warning.
    func resolveReferences<R: Record>(of record: inout R, orgs: inout OrgResolver?, into diagnostics: inout [Diagnostic]) {
        let own = record.slug
        let before = diagnostics.count
        R.schema.resolveReferences(in: &record) { reference, target, key in
            let suggest = diagnostics.count - before < ReferenceNames.mostSuggestionsPerFile
            resolve(&reference, target, key, orgs: &orgs, suggest: suggest, into: &diagnostics)
            if target == .record(R.kind), reference.target == own {
                diagnostics.append(.selfReference(reference.text, in: key, kind: R.kind, at: reference.location))
                reference.target = nil
            }
        }
    }

    private func resolve(
        _ reference: inout Reference, _ target: ReferenceTarget, _ key: String, orgs: inout OrgResolver?,
        suggest: Bool, into diagnostics: inout [Diagnostic]
    ) {
        switch target {
        case .circle:
            if let known = config.circle(named: reference.text) {
                reference.target = known.name
            } else {
                let names = config.circles.map(\.name)
                let hint =
                    names.isEmpty
                    ? "; define circles in ties.yaml" : Suggestion.clause(Suggestion.nearest(to: reference.text, in: names))
                diagnostics.append(
                    .warning(.unknownCircle, "unknown circle '\(reference.text)'\(hint)", at: reference.location))
            }
        case .record(.org):
            reference.target = orgs?.resolve(reference.text, at: reference.location, into: &diagnostics)
        case let .record(kind):
            let table: NameTable?
            switch kind {
            case .contact: table = contacts
            case .encounter: table = encounters
            case .publication: table = publications
            case .goal: table = goals
            case .org: table = nil
            }
            guard let table else { return }
            switch table.match(reference.text) {
            case let .one(slug):
                reference.target = slug
            case let .several(slugs):
                diagnostics.append(
                    .ambiguousReference(reference.text, in: key, names: slugs, of: kind.folder, at: reference.location))
            case .none:
                // "Did you mean" compares with every record: for the first few of a file only,
                // or `with:` naming 50,000 strangers would compare each with every contact.
                let suggestion = suggest ? table.suggestion(for: reference.text) : nil
                diagnostics.append(
                    .unknownReference(
                        reference.text, kind: kind.rawValue, in: key, suggestion: suggestion, at: reference.location))
            }
        }
    }
}

/// Resolves org names: to an org file by slug, name or alias, else to an implicit org whose slug
/// is made from the name, so `Acme GmbH` written in two places is one org.
struct OrgResolver {
    private var table: NameTable
    private var explicit: [String: Org] = [:]
    private var implicit: [String: Org] = [:]

    init(explicit orgs: [Org]) {
        table = NameTable(orgs)
        for org in orgs { explicit[org.slug] = org }
    }

    mutating func resolve(_ text: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> String? {
        switch table.match(text) {
        case let .one(slug): return slug
        case let .several(slugs):
            diagnostics.append(.ambiguousReference(text, names: slugs, of: "orgs", at: location))
            return nil
        case .none:
            let slug = Slug.make(from: text)
            if explicit[slug] != nil { return slug }
            if implicit[slug] == nil {
                implicit[slug] = Org(slug: slug, path: "", name: text)
                // An org of no file is taken as it is; one close to an org's file is likely a typo.
                if let near = table.suggestion(for: text) {
                    diagnostics.append(.unknownReference(text, kind: "org", suggestion: near, at: location))
                }
            } else if let existing = implicit[slug], existing.name != text, !existing.aliases.contains(text) {
                implicit[slug]?.aliases.append(text)
            }
            return slug
        }
    }

    /// Whether resolving made an org of no file.
    var madeImplicit: Bool { !implicit.isEmpty }

    func allOrgs() -> [Org] {
        (Array(explicit.values) + Array(implicit.values)).sorted { $0.slug < $1.slug }
    }
}

/// Resolves `[[…]]` against every kind; `[[contacts/ada]]` looks in one kind only.
///
/// A journal has several links per record, so the common case (one record found) makes no array
/// and looks the tables up in place.
struct WikiLinkResolver: Sendable {
    /// In the order of `RecordKind.allCases`.
    private let tables: [NameTable]
    private let kinds = RecordKind.allCases

    init(tables: [RecordKind: NameTable]) {
        self.tables = RecordKind.allCases.map { tables[$0] ?? NameTable([Contact]()) }
    }

    func resolve(_ link: WikiLink, into diagnostics: inout [Diagnostic]) -> RecordID? {
        var text = link.text
        var only: RecordKind?
        if let slash = text.utf8.firstIndex(of: UInt8(ascii: "/")), let kind = RecordKind(folder: String(text[..<slash])) {
            only = kind
            text = String(text[text.index(after: slash)...])
        }
        var folded = text.lowercasedIfNeeded
        if folded.hasSuffix(".md") {
            text = String(text.dropLast(3))
            folded = String(folded.dropLast(3))
        }
        // The first match, and an array only for further ones: most links name one record.
        var first: RecordID?
        var others: [RecordID] = []
        func add(_ id: RecordID) {
            if first == nil { first = id } else { others.append(id) }
        }
        for index in kinds.indices where only == nil || only == kinds[index] {
            switch tables[index].match(folded: folded) {
            case let .one(slug): add(RecordID(kinds[index], slug))
            case let .several(slugs): for slug in slugs { add(RecordID(kinds[index], slug)) }
            case .none: break
            }
        }
        if let first, others.isEmpty { return first }
        if let first {
            let found = ([first] + others).sorted().map(\.description)
            diagnostics.append(
                .ambiguousReference(
                    "[[\(link.text)]]", names: found, of: "records", write: "[[folder/slug]]", at: link.location))
            return nil
        }
        let candidates = kinds.indices.filter { only == nil || only == kinds[$0] }.flatMap { tables[$0].candidates }
        let suggestion = Suggestion.nearest(to: text, in: candidates)
        diagnostics.append(
            .unknownReference(
                "[[\(link.text)]]", kind: only.map(\.rawValue) ?? "record", suggestion: suggestion, at: link.location))
        return nil
    }
}
