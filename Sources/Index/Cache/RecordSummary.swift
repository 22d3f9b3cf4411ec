/// A record as a rebuild of the site compares it with the last build: a fingerprint of
/// everything parsing and linking made of it, and the records it links to.
package struct RecordSummary: Sendable {
    package var id: RecordID
    /// A stable hash of the record's whole parsed and linked form (the parse cache's encoding):
    /// any change to a field, a resolved link or a source position changes it.
    package var fingerprint: UInt64
    /// The records it links to, by `Journal.recordNumber(of:)`.
    package var links: [Int32]
    package var tags: [String]
}

extension Journal {
    /// The number of a record, as `recordSummaries()` numbers them (contacts first, then
    /// encounters, publications, orgs and goals, each in the journal's order); nil for no such
    /// record.
    package func recordNumber(of id: RecordID) -> Int? {
        switch id.kind {
        case .contact: return tables.contactIndex[id.slug]
        case .encounter: return tables.encounterIndex[id.slug].map { contacts.count + $0 }
        case .publication: return tables.publicationIndex[id.slug].map { contacts.count + encounters.count + $0 }
        case .org: return tables.orgIndex[id.slug].map { contacts.count + encounters.count + publications.count + $0 }
        case .goal:
            return tables.goalIndex[id.slug].map { contacts.count + encounters.count + publications.count + orgs.count + $0 }
        }
    }

    /// Every record's summary, by number; made on all cores.
    package func recordSummaries() -> [RecordSummary] {
        summaries(contacts) + summaries(encounters) + summaries(publications) + summaries(orgs) + summaries(goals)
    }

    private func summaries<R: Record & BinaryCodable>(_ records: [R]) -> [RecordSummary] {
        records.withUnsafeBufferPointer { records in
            nonisolated(unsafe) let records = records
            return parallelResults(count: records.count) { range, set in
                // One writer per range, its buffer kept from record to record.
                let writer = BinaryWriter(sharesStrings: false)
                for index in range {
                    // Each use reads the record in place: a copy would retain every field.
                    writer.removeAll()
                    records[index].write(to: writer)
                    var hash = StableHash()
                    hash.combine(bytes: writer.bytes)
                    let links = records[index].linkedRecords.compactMap { recordNumber(of: $0).map(Int32.init) }
                    set(
                        index,
                        RecordSummary(id: records[index].id, fingerprint: hash.value, links: links, tags: records[index].tags))
                }
            }
        }
    }
}
