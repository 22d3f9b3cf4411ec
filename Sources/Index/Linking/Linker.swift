import Foundation

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
    var diagnostics: [Diagnostic]

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
        var orgResolver = OrgResolver(explicit: orgs)

        // Typed references.
        var myOrg = config.myOrg
        if var reference = myOrg {
            reference.target = orgResolver.resolve(reference.text, at: reference.location, into: &diagnostics)
            myOrg = reference
        }
        for i in contacts.indices {
            if var org = contacts[i].org {
                org.target = orgResolver.resolve(org.text, at: org.location, into: &diagnostics)
                contacts[i].org = org
            }
            for r in contacts[i].roles.indices {
                let role = contacts[i].roles[r].org
                contacts[i].roles[r].org.target = orgResolver.resolve(role.text, at: role.location, into: &diagnostics)
            }
            if let via = contacts[i].metVia {
                contacts[i].metVia = resolve(via, in: contactTable, kind: .contact, field: "met_via")
                if contacts[i].metVia?.target == contacts[i].slug {
                    diagnostics.append(
                        .warning(
                            .unknownReference, "a contact cannot be introduced by themselves",
                            at: via.location))
                    contacts[i].metVia?.target = nil
                }
            }
            if let circle = contacts[i].circle {
                if let known = config.circle(named: circle.text) {
                    contacts[i].circle?.target = known.name
                } else {
                    let names = config.circles.map(\.name)
                    let hint =
                        names.isEmpty
                        ? "; define circles in ties.yaml" : Suggestion.clause(Suggestion.nearest(to: circle.text, in: names))
                    diagnostics.append(.warning(.unknownCircle, "unknown circle '\(circle.text)'\(hint)", at: circle.location))
                }
            }
            contacts[i].goals = contacts[i].goals.map { resolve($0, in: goalTable, kind: .goal, field: "goals") }
        }
        // Encounters are most of a journal: resolved in parallel, each on its own.
        for list in [\Linker.encounters, \Linker.undated] as [WritableKeyPath<Linker, [Encounter]>] {
            let found = self[keyPath: list].parallelUpdate { Linker.resolveReferences(of: &$0, contactTable, goalTable) }
            for problems in found where !problems.isEmpty { diagnostics += problems }
        }
        for i in publications.indices {
            publications[i].with = publications[i].with.map { resolve($0, in: contactTable, kind: .contact, field: "with") }
            publications[i].goals = publications[i].goals.map { resolve($0, in: goalTable, kind: .goal, field: "goals") }
        }
        orgs = orgResolver.allOrgs()
        timer.lap("resolve references")

        // Wiki links, against every kind at once.
        let tables: [RecordKind: NameTable] = [
            .contact: contactTable, .encounter: NameTable(encounters), .publication: NameTable(publications),
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

        var finalConfig = config
        finalConfig.myOrg = myOrg
        diagnostics.sort()
        let crossLinks = buildTables()
        timer.lap("cross-link tables")
        return Journal(
            root: root, config: finalConfig, contacts: contacts, encounters: encounters,
            publications: publications, orgs: orgs, goals: goals, diagnostics: diagnostics,
            tables: crossLinks)
    }

    private static func resolveReferences(
        of encounter: inout Encounter, _ contacts: NameTable, _ goals: NameTable
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        encounter.with = encounter.with.map { resolve($0, in: contacts, kind: .contact, field: "with", into: &found) }
        encounter.introduced = encounter.introduced.map {
            resolve($0, in: contacts, kind: .contact, field: "introduced", into: &found)
        }
        encounter.goals = encounter.goals.map { resolve($0, in: goals, kind: .goal, field: "goals", into: &found) }
        return found
    }

    /// Resolves a typed reference, reporting what it cannot.
    private mutating func resolve(_ reference: Reference, in table: NameTable, kind: RecordKind, field: String) -> Reference {
        Linker.resolve(reference, in: table, kind: kind, field: field, into: &diagnostics)
    }

    private static func resolve(
        _ reference: Reference, in table: NameTable, kind: RecordKind, field: String,
        into diagnostics: inout [Diagnostic]
    ) -> Reference {
        var resolved = reference
        switch table.match(reference.text) {
        case let .one(slug):
            resolved.target = slug
        case let .several(slugs):
            let listed = slugs.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(
                .error(
                    .ambiguousReference,
                    "'\(reference.text)' in '\(field)' names \(slugs.count) \(kind.folder): \(listed); write the slug of the one you mean",
                    at: reference.location))
        case .none:
            diagnostics.append(
                .warning(
                    .unknownReference,
                    "unknown \(kind.rawValue) '\(reference.text)' in '\(field)'\(Suggestion.clause(table.suggestion(for: reference.text)))",
                    at: reference.location))
        }
        return resolved
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
            diagnostics.append(
                .error(
                    .ambiguousReference,
                    "'\(text)' names \(slugs.count) orgs: \(slugs.map { "'\($0)'" }.joined(separator: ", ")); write the slug of the one you mean",
                    at: location))
            return nil
        case .none:
            let slug = Slug.make(from: text)
            if explicit[slug] != nil { return slug }
            if implicit[slug] == nil {
                implicit[slug] = Org(slug: slug, path: "", name: text)
                if let near = table.suggestion(for: text) {
                    diagnostics.append(
                        .warning(
                            .unknownReference,
                            "org '\(text)' has no file and is not an alias of one (did you mean '\(near)'?)",
                            at: location))
                }
            } else if let existing = implicit[slug], existing.name != text, !existing.aliases.contains(text) {
                implicit[slug]?.aliases.append(text)
            }
            return slug
        }
    }

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
            let found = [first] + others
            let listed = found.sorted().map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(
                .error(
                    .ambiguousReference,
                    "[[\(link.text)]] names \(found.count) records: \(listed); write [[folder/slug]] for the one you mean",
                    at: link.location))
            return nil
        }
        let candidates = kinds.indices.filter { only == nil || only == kinds[$0] }.flatMap { tables[$0].candidates }
        let suggestion = Suggestion.nearest(to: text, in: candidates)
        diagnostics.append(
            .warning(
                .unknownReference,
                "[[\(link.text)]] links to nothing in the journal\(Suggestion.clause(suggestion))",
                at: link.location))
        return nil
    }
}
