import Support

extension Linker {
    /// `journal` with the records of a few changed files in place of their old ones, linked as
    /// a whole link of the files would link them; nil when that needs a whole link.
    ///
    /// Linking a record reads the other records only through their names (slugs, names,
    /// aliases) and the orgs that exist; so when a change leaves every name, every record's
    /// place in the journal's order and every implicit org as they were, the other records link
    /// as before and only the changed ones need resolving. That is what `ties serve` does with
    /// most saves: a whole link of 20,000 records is 0.12 s, this a few milliseconds besides
    /// the cross-link tables. Each of these makes it nil: a file that gives no record or
    /// another one than before (its kind and slug), a record not in the journal before (a
    /// duplicate slug, an undated encounter), a new name, alias or date, and an org reference,
    /// old or new, to an org of no file (which the first mention makes).
    ///
    /// `config` is the settings as read (their references unresolved); the diagnostics of the
    /// changed files, parsing and linking, replace their old ones, and the possible duplicates
    /// among contacts are found again.
    ///
    /// `names` are the tables of the journal's names, made when nil: a relink leaves every name
    /// as it was, so the next one can use them again.
    static func relink(
        _ journal: Journal, config: JournalConfig, changed: [(path: String, parsed: ParsedFile)], names tables: inout NameTables?
    ) -> Journal? {
        guard !changed.isEmpty else { return nil }
        // What rules a change out is checked first: a rename must cost its whole link, no more.
        func keepsItsPlace<R: Record>(_ record: R, path: String, in table: RecordTable<R>) -> Bool {
            guard let old = table[R.ID(record.slug)] else { return false }
            return old.path == path && old.displayName == record.displayName && old.aliases == record.aliases
                && Self.sameOrder(old, record) && !Self.namesImplicitOrg(old, orgs: journal.orgs)
        }
        for (path, parsed) in changed {
            let keeps: Bool
            switch parsed.record {
            case nil: keeps = false
            case let .contact(record)?: keeps = keepsItsPlace(record, path: path, in: journal.contacts)
            case let .encounter(record)?: keeps = keepsItsPlace(record, path: path, in: journal.encounters)
            case let .publication(record)?: keeps = keepsItsPlace(record, path: path, in: journal.publications)
            case let .org(record)?: keeps = keepsItsPlace(record, path: path, in: journal.orgs)
            case let .goal(record)?: keeps = keepsItsPlace(record, path: path, in: journal.goals)
            }
            guard keeps else { return nil }
        }
        var contacts = journal.contacts.array
        var encounters = journal.encounters.array
        var publications = journal.publications.array
        var orgs = journal.orgs.array
        var goals = journal.goals.array
        let made = tables ?? NameTables(journal)
        tables = made
        let names = made.references(config: config)
        let wiki = made.wikiLinks
        let changedPaths = Set(changed.map(\.path))
        var diagnostics = journal.diagnostics.filter {
            !changedPaths.contains($0.location.path) && $0.code != .possibleDuplicate
        }

        /// Links `record` in place of the record of the same slug in `records`; false when it
        /// names an org of no file.
        func replace<R: Record>(_ record: R, path: String, in records: inout [R], table: RecordTable<R>) -> Bool {
            guard let position = table.position(of: R.ID(record.slug)) else { return false }
            var record = record
            var found: [Diagnostic] = []
            var resolver: OrgResolver? = R.schema.refers(to: .record(.org)) ? made.explicitOrgs : nil
            names.resolveReferences(of: &record, orgs: &resolver, into: &found)
            // An org of no file, which the whole link would have made here or found made.
            guard resolver?.madeImplicit != true else { return false }
            for index in record.wikiLinks.indices {
                record.wikiLinks[index].target = wiki.resolve(record.wikiLinks[index], into: &found)
            }
            diagnostics += found
            records[position] = record
            return true
        }

        for (path, parsed) in changed {
            let replaced: Bool
            switch parsed.record {
            case nil: replaced = false
            case let .contact(record)?: replaced = replace(record, path: path, in: &contacts, table: journal.contacts)
            case let .encounter(record)?: replaced = replace(record, path: path, in: &encounters, table: journal.encounters)
            case let .publication(record)?:
                replaced = replace(record, path: path, in: &publications, table: journal.publications)
            case let .org(record)?: replaced = replace(record, path: path, in: &orgs, table: journal.orgs)
            case let .goal(record)?: replaced = replace(record, path: path, in: &goals, table: journal.goals)
            }
            guard replaced else { return nil }
            diagnostics += parsed.diagnostics
        }
        diagnostics += possibleDuplicates(contacts)
        diagnostics.sort()
        return Linker(
            root: journal.root, config: journal.config, linked: contacts, encounters, publications, orgs, goals,
            diagnostics: diagnostics
        )
        .journal(config: journal.config)
    }

    /// The names of a journal's records, as linking looks them up.
    struct NameTables: Sendable {
        let contacts, encounters, publications, orgs, goals: NameTable
        /// The orgs of files: what an org reference resolves to without making an org.
        let explicitOrgs: OrgResolver

        init(_ journal: Journal) {
            contacts = NameTable(journal.contacts.array)
            encounters = NameTable(journal.encounters.array)
            publications = NameTable(journal.publications.array)
            orgs = NameTable(journal.orgs.array)
            goals = NameTable(journal.goals.array)
            explicitOrgs = OrgResolver(explicit: journal.orgs.filter { !$0.isImplicit })
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

    /// Whether `new` sorts where `old` did: encounters and publications are in date order.
    private static func sameOrder<R: Record>(_ old: R, _ new: R) -> Bool {
        if let old = old as? Encounter, let new = new as? Encounter { return new.hasDate && old.date == new.date }
        if let old = old as? Publication, let new = new as? Publication { return old.date == new.date }
        return true
    }

    /// Whether `record` names an org of no file: the org's name and aliases come from its
    /// mentions, so a changed mention may change them.
    private static func namesImplicitOrg<R: Record>(_ record: R, orgs: RecordTable<Org>) -> Bool {
        guard R.schema.refers(to: .record(.org)) else { return false }
        var record = record
        var implicit = false
        R.schema.resolveReferences(in: &record) { reference, target, _ in
            if target == .record(.org), let slug = reference.target, orgs[Org.ID(slug)]?.isImplicit != false {
                implicit = true
            }
        }
        return implicit
    }
}
