import Support

/// A record as a rebuild of the site compares it with the last build: a fingerprint of
/// everything parsing and linking made of it, and the records it links to.
package struct RecordSummary: Sendable {
    package var id: RecordID
    /// A stable hash of the record's whole parsed and linked form (the parse cache's encoding):
    /// any change to a field, a resolved link or a source position changes it.
    package var fingerprint: UInt64
    /// The same of its fields alone, without its body and the links in it: what the Network
    /// page reads of it.
    package var fieldsFingerprint: UInt64
    /// The records it links to, by `Journal.recordNumber(of:)`.
    package var links: [Int32]
    package var tags: [String]
}

/// A record's two fingerprints (`RecordSummary.fingerprint` and `fieldsFingerprint`), kept with
/// it in the linked-journal cache so that a rebuild hashes only the records that changed.
package struct RecordFingerprint: Sendable, Equatable {
    package var whole: UInt64
    package var fields: UInt64
}

extension Record {
    /// The stable hashes of the record's encoding: its fields, then with its body and links.
    /// `writer` is scratch, emptied first.
    package func fingerprint(using writer: BinaryWriter) -> RecordFingerprint {
        writer.removeAll()
        writeFields(to: writer)
        var fields = StableHash()
        fields.combine(bytes: writer.bytes)
        writeBody(to: writer)
        var whole = StableHash()
        whole.combine(bytes: writer.bytes)
        return RecordFingerprint(whole: whole.value, fields: fields.value)
    }
}

extension Journal {
    /// The number of a record, as `recordSummaries()` numbers them (contacts first, then
    /// encounters, publications, orgs and goals, each in the journal's order); nil for no such
    /// record.
    ///
    /// Asked once per link of every page a build makes: it reads the tables in place, as a
    /// generic helper capturing the journal would copy it (retaining every table) on each call.
    package func recordNumber(of id: RecordID) -> Int? {
        let slug = id.slug
        switch id.kind {
        case .contact:
            return contacts.position(of: Contact.ID(slug))
        case .encounter:
            return encounters.position(of: Encounter.ID(slug)).map { $0 + contacts.count }
        case .publication:
            return publications.position(of: Publication.ID(slug)).map { $0 + contacts.count + encounters.count }
        case .org:
            return orgs.position(of: Org.ID(slug)).map { $0 + contacts.count + encounters.count + publications.count }
        case .goal:
            return goals.position(of: Goal.ID(slug)).map {
                $0 + contacts.count + encounters.count + publications.count + orgs.count
            }
        }
    }

    /// The fingerprints of a kind's records kept with the journal, by position (nil for those
    /// that changed since; `Record.fingerprint(using:)` makes them), or nil for none kept.
    package func keptFingerprints<R: Record>(_ type: R.Type) -> [RecordFingerprint?]? {
        keptFingerprints?[R.kind].flatMap { $0.count == self[R.self].count ? $0 : nil }
    }

    /// Every record's summary, by number; made on all cores.
    package func recordSummaries() -> [RecordSummary] {
        // Each kind named, in `RecordKind` order (see `RecordKind.recordType`).
        summaries(of: Contact.self) + summaries(of: Encounter.self) + summaries(of: Publication.self)
            + summaries(of: Org.self) + summaries(of: Goal.self)
    }

    private func summaries<R: Record>(of kind: R.Type) -> [RecordSummary] {
        // Fingerprints the linked-journal cache kept, for the records no change reached.
        let kept = keptFingerprints(R.self)
        return self[R.self].withUnsafeBufferPointer { records in
            nonisolated(unsafe) let records = records
            return parallelResults(count: records.count) { range, set in
                // One writer per range, its buffer kept from record to record.
                let writer = BinaryWriter(sharesStrings: false)
                for index in range {
                    // Each use reads the record in place: a copy would retain every field.
                    let fingerprint = kept?[index] ?? records[index].fingerprint(using: writer)
                    let links = records[index].linkedRecords.compactMap { recordNumber(of: $0).map(Int32.init) }
                    set(
                        index,
                        RecordSummary(
                            id: records[index].recordID, fingerprint: fingerprint.whole,
                            fieldsFingerprint: fingerprint.fields, links: links, tags: records[index].tags))
                }
            }
        }
    }
}
