import Support

extension Linker {
    /// Puts the records of a few changed files in place of their old ones, linked as a whole
    /// link of the files would link them; false, with nothing changed, when that needs a whole
    /// link. The records must be linked and in the journal's order already (a journal's, or the
    /// linked-journal cache's).
    ///
    /// Linking a record reads the other records only through their names (slugs, names,
    /// aliases) and the orgs that exist; so when a change leaves every name, every record's
    /// place in the journal's order and every implicit org as they were, the other records link
    /// as before and only the changed ones need resolving. That is what most saves are (a line
    /// of notes, a tag, a follow-up): a whole link of 20,000 records is 0.12 s, this a few
    /// milliseconds. Each of these makes it false: a file that gives no record or another one
    /// than before (its kind and slug), a record not among the linked ones (a duplicate slug,
    /// an undated encounter), a new name, alias or date, and an org reference, old or new, to
    /// an org of no file (the first mention of one makes it, and names it).
    ///
    /// The diagnostics of the changed files, parsing and linking, replace their old ones, and
    /// the possible duplicates among contacts are found again. `names` are the tables of the
    /// records' names, made when nil: a relink leaves every name as it was, so the next one
    /// can use them again.
    mutating func relink(_ changed: [(path: String, parsed: ParsedFile)], names tables: inout NameTables?) -> Bool {
        guard !changed.isEmpty else { return false }
        // What rules a change out is checked first: a rename must cost its whole link, no more.
        let implicitOrgs = Set(orgs.lazy.filter(\.isImplicit).map(\.slug))
        var positions: [Int] = []
        for (path, parsed) in changed {
            let position: Int?
            switch parsed.record {
            case nil: position = nil
            case let .contact(record)?: position = Self.place(of: record, path: path, in: contacts, implicitOrgs: implicitOrgs)
            case let .encounter(record)?:
                position = Self.place(of: record, path: path, in: encounters, implicitOrgs: implicitOrgs)
            case let .publication(record)?:
                position = Self.place(of: record, path: path, in: publications, implicitOrgs: implicitOrgs)
            case let .org(record)?: position = Self.place(of: record, path: path, in: orgs, implicitOrgs: implicitOrgs)
            case let .goal(record)?: position = Self.place(of: record, path: path, in: goals, implicitOrgs: implicitOrgs)
            }
            guard let position else { return false }
            positions.append(position)
        }
        let made = tables ?? NameTables(self)
        tables = made
        let names = made.references(config: config)
        let wiki = made.wikiLinks

        /// The record linked, with what linking found; nil when it names an org of no file,
        /// which the whole link would have made here or found made.
        func linked<R: Record>(_ record: R) -> (R, [Diagnostic])? {
            var record = record
            var found: [Diagnostic] = []
            var resolver: OrgResolver? = R.schema.refers(to: .record(.org)) ? made.explicitOrgs : nil
            names.resolveReferences(of: &record, orgs: &resolver, into: &found)
            guard resolver?.madeImplicit != true else { return nil }
            for index in record.wikiLinks.indices {
                record.wikiLinks[index].target = wiki.resolve(record.wikiLinks[index], into: &found)
            }
            return (record, found)
        }
        var replacements: [(AnyRecord, [Diagnostic])] = []
        for (_, parsed) in changed {
            switch parsed.record {
            case nil: return false
            case let .contact(record)?:
                guard let (record, found) = linked(record) else { return false }
                replacements.append((.contact(record), found + parsed.diagnostics))
            case let .encounter(record)?:
                guard let (record, found) = linked(record) else { return false }
                replacements.append((.encounter(record), found + parsed.diagnostics))
            case let .publication(record)?:
                guard let (record, found) = linked(record) else { return false }
                replacements.append((.publication(record), found + parsed.diagnostics))
            case let .org(record)?:
                guard let (record, found) = linked(record) else { return false }
                replacements.append((.org(record), found + parsed.diagnostics))
            case let .goal(record)?:
                guard let (record, found) = linked(record) else { return false }
                replacements.append((.goal(record), found + parsed.diagnostics))
            }
        }
        // Every change can be made: now they are.
        let changedPaths = Set(changed.map(\.path))
        diagnostics.removeAll { changedPaths.contains($0.location.path) || $0.code == .possibleDuplicate }
        for ((record, found), position) in zip(replacements, positions) {
            switch record {
            case let .contact(r): contacts[position] = r
            case let .encounter(r): encounters[position] = r
            case let .publication(r): publications[position] = r
            case let .org(r): orgs[position] = r
            case let .goal(r): goals[position] = r
            }
            diagnostics += found
        }
        diagnostics += Self.possibleDuplicates(contacts)
        diagnostics.sort()
        return true
    }

    /// Where the record `record` replaces is in `records` (in the journal's order), found by a
    /// binary search in that order: nil when there is none with its slug and place, or it came
    /// from another file, has other names, or names an org of no file.
    private static func place<R: Record>(of record: R, path: String, in records: [R], implicitOrgs: Set<String>) -> Int? {
        var (low, high) = (0, records.count)
        while low < high {
            let middle = (low + high) / 2
            if precedes(records[middle], record) { low = middle + 1 } else { high = middle }
        }
        guard low < records.count else { return nil }
        let old = records[low]
        guard old.slug == record.slug, old.path == path, old.displayName == record.displayName,
            old.aliases == record.aliases, !precedes(record, old), !namesImplicitOrg(old, implicitOrgs: implicitOrgs)
        else { return nil }
        return low
    }

    /// The journal's order of records of a kind (as `init(root:config:records:diagnostics:)`
    /// sorts them).
    private static func precedes<R: Record>(_ a: R, _ b: R) -> Bool {
        if let a = a as? Encounter, let b = b as? Encounter { return (a.date, a.slug) < (b.date, b.slug) }
        if let a = a as? Publication, let b = b as? Publication { return publicationOrder(a, b) }
        return a.slug < b.slug
    }

    /// The names of a journal's records, as linking looks them up.
    struct NameTables: Sendable {
        let contacts, encounters, publications, orgs, goals: NameTable
        /// The orgs of files: what an org reference resolves to without making an org.
        let explicitOrgs: OrgResolver

        init(_ linker: Linker) {
            contacts = NameTable(linker.contacts)
            encounters = NameTable(linker.encounters)
            publications = NameTable(linker.publications)
            orgs = NameTable(linker.orgs)
            goals = NameTable(linker.goals)
            explicitOrgs = OrgResolver(explicit: linker.orgs.filter { !$0.isImplicit })
        }

        func references(config: JournalConfig) -> ReferenceNames {
            let referred = Set(RecordKind.allCases.flatMap { $0.recordType.referredKinds })
            return ReferenceNames(
                config: config, contacts: contacts, encounters: referred.contains(.encounter) ? encounters : nil,
                publications: referred.contains(.publication) ? publications : nil, goals: goals)
        }

        var wikiLinks: WikiLinkResolver {
            WikiLinkResolver(tables: [
                .contact: contacts, .encounter: encounters, .publication: publications, .org: orgs, .goal: goals,
            ])
        }
    }

    /// Whether `record` names an org of no file: the org's name and aliases come from its
    /// mentions, so a changed mention may change them.
    private static func namesImplicitOrg<R: Record>(_ record: R, implicitOrgs: Set<String>) -> Bool {
        guard R.schema.refers(to: .record(.org)) else { return false }
        var record = record
        var implicit = false
        R.schema.resolveReferences(in: &record) { reference, target, _ in
            if target == .record(.org), let slug = reference.target, implicitOrgs.contains(slug) {
                implicit = true
            }
        }
        return implicit
    }
}
