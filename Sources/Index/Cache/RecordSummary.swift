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
        func position<R: Record>(_ kind: R.Type) -> Int? { self[R.self].position(of: R.ID(id.slug)) }
        guard let position = position(id.kind.recordType) else { return nil }
        return RecordKind.allCases.prefix { $0 != id.kind }.reduce(position) { $0 + count(of: $1.recordType) }
    }

    /// Every record's summary, by number; made on all cores.
    package func recordSummaries() -> [RecordSummary] {
        RecordKind.allCases.flatMap { summaries(of: $0.recordType) }
    }

    private func summaries<R: Record>(of kind: R.Type) -> [RecordSummary] {
        self[R.self].withUnsafeBufferPointer { records in
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
                        RecordSummary(
                            id: records[index].recordID, fingerprint: hash.value, links: links, tags: records[index].tags))
                }
            }
        }
    }
}
