import Foundation

/// The linked journal, kept beside the parse cache, so that a command asking about a large
/// journal that has not changed costs finding its files, a `stat` of each and decoding its
/// records, not resolving every reference and wiki link again.
///
/// It holds every record as linking left it (references and wiki links resolved, implicit
/// orgs made, in the journal's order) and every diagnostic, with the stamps of the files it was
/// made from, like `AgendaCache`, and is used on the same terms: only when the journal has
/// exactly those files with exactly those stamps, none changed within `ParseCache.racyWindow`
/// of writing it. The cross-link tables are made again from the records: they follow from them.
/// Each record's fingerprints (`RecordFingerprint`) are kept after its part's records, so a
/// rebuild of the site hashes only what changed.
struct LinkedJournalCache: Sendable {
    let url: URL

    static let magic = Array("ties journal\n".utf8)
    static let formatVersion: UInt64 = 2 ^ RecordKind.schemaSignature

    /// What a read found: the linked records, and which files changed since they were kept.
    struct Read {
        var linker: Linker
        /// Each kind's records' fingerprints, in the order of the records.
        var fingerprints: [RecordKind: [RecordFingerprint]]
        /// Positions in the stamps read with (0 is `ties.yaml`, which is never among them) of
        /// the files whose stamps are not the kept ones: each must be read again and relinked.
        var changed: [Int]
        /// The file read, so that the parts of records no change touched are written again
        /// as they are.
        var kept: Kept
    }

    /// The file a read mapped, and where each kind's parts lie in it.
    final class Kept: @unchecked Sendable {
        let file: MappedFile
        let parts: [RecordKind: [Range<Int>]]

        init(file: MappedFile, parts: [RecordKind: [Range<Int>]]) {
            self.file = file
            self.parts = parts
        }
    }

    /// The records of the journal at `root`, linked, with its diagnostics and settings, if they
    /// were made from the files `stamps` describe (in path order, `ties.yaml` first), at most
    /// `mostChanged` of them changed since, and `ties.yaml` and what finding the files reported
    /// not at all; `config` is the journal's settings as read now: `journal()` makes the tables.
    func read(root: URL, matching stamps: [CacheFile.Stamp], config: JournalConfig, mostChanged: Int = 0) -> Read? {
        guard let program = CacheFile.programIdentity, let file = MappedFile(path: url.path) else { return nil }
        return try? {
            let reader = BinaryReader(file.bytes)
            let written = try CacheFile.readHeader(
                magic: Self.magic, version: Self.formatVersion, program: program, from: reader)
            guard let changed = try CacheFile.changedStamps(of: stamps, written: written, from: reader),
                changed.count <= mostChanged, let linked = try CacheFile.readLinkedSettings(of: config, from: reader)
            else { return nil }
            // Where each kind's parts lie; each kind's parts are then decoded at once, on all cores.
            var parts: [RecordKind: [Range<Int>]] = [:]
            for kind in RecordKind.allCases {
                for _ in 0..<(try reader.count()) { parts[kind, default: []].append(try reader.part()) }
            }
            let diagnostics: [Diagnostic] = try reader.read()
            guard reader.offset == file.bytes.count else { throw BinaryReader.Malformed() }
            var fingerprints: [RecordKind: [RecordFingerprint]] = [:]
            func records<R: Record & BinaryCodable>(_ type: R.Type) throws -> [R] {
                let (records, prints) = try Self.decode(R.self, parts: parts[R.kind] ?? [], in: file.bytes)
                fingerprints[R.kind] = prints
                return records
            }
            let contacts = try records(Contact.self)
            let encounters = try records(Encounter.self)
            let publications = try records(Publication.self)
            let orgs = try records(Org.self)
            let goals = try records(Goal.self)
            let linker = Linker(
                root: root, config: linked, linked: contacts, encounters, publications, orgs, goals,
                diagnostics: diagnostics)
            return Read(linker: linker, fingerprints: fingerprints, changed: changed, kept: Kept(file: file, parts: parts))
        }()
    }

    /// Keeps `journal`, made from the files `stamps` describe. With `kept` (the file a read
    /// found, with the same number of records of each kind), the parts holding none of the
    /// records at `changed` (per kind, their positions) are copied from it as they are.
    func write(
        _ journal: Journal, stamps: [CacheFile.Stamp], reusing kept: Kept? = nil, changed: [RecordKind: Set<Int>] = [:]
    ) {
        guard let program = CacheFile.programIdentity else { return }
        let writer = CacheFile.writer(magic: Self.magic, version: Self.formatVersion, program: program)
        // About the size of the file read: the writer's bytes then grow without being copied.
        if let kept { writer.reserve(kept.file.bytes.count + kept.file.bytes.count / 8) }
        CacheFile.write(stamps, to: writer)
        CacheFile.writeLinkedSettings(of: journal.config, to: writer)
        func write<R: Record & BinaryCodable>(_ records: RecordTable<R>) {
            let reused = kept.flatMap { kept in kept.parts[R.kind].map { ($0, kept.file) } }
            Self.write(records, to: writer, reusing: reused, changed: changed[R.kind] ?? [])
        }
        write(journal.contacts)
        write(journal.encounters)
        write(journal.publications)
        write(journal.orgs)
        write(journal.goals)
        writer.write(journal.diagnostics)
        CacheFile.store(Data(writer.bytes), at: url)
    }

    /// Records per part: enough parts to keep every core busy decoding.
    static let recordsPerPart = 1024

    /// A kind's records as parts of `recordsPerPart`, each with its own table of strings and
    /// then its records' fingerprints, encoded on all cores; a part of `kept` (its parts and
    /// file) that holds none of the positions `changed` is copied as it is.
    private static func write<R: Record & BinaryCodable>(
        _ records: RecordTable<R>, to writer: BinaryWriter, reusing kept: ([Range<Int>], MappedFile)?, changed: Set<Int>
    ) {
        let starts = Array(stride(from: 0, to: records.count, by: recordsPerPart))
        let keptParts = kept.map { $0.0.count == starts.count ? $0.0 : [] } ?? []
        let changedParts = Set(changed.map { $0 / recordsPerPart })
        // A part kept as it is is nil here, and copied from the file straight into the writer.
        let parts = Array(starts.indices).parallelMap { part -> [UInt8]? in
            if part < keptParts.count, !changedParts.contains(part), kept != nil { return nil }
            let start = starts[part]
            let slice = Array(records[start..<min(start + recordsPerPart, records.count)])
            let writer = BinaryWriter()
            slice.write(to: writer)
            let scratch = BinaryWriter(sharesStrings: false)
            for index in slice.indices {
                let fingerprint = slice[index].fingerprint(using: scratch)
                writer.fixed(fingerprint.whole)
                writer.fixed(fingerprint.fields)
            }
            return writer.bytes
        }
        writer.varint(UInt64(parts.count))
        for (index, part) in parts.enumerated() {
            if let part {
                writer.part(part)
            } else if let file = kept?.1 {
                writer.part(UnsafeRawBufferPointer(rebasing: file.bytes[keptParts[index]]))
            }
        }
    }

    /// A kind's records and fingerprints, each part decoded on its own core straight into its
    /// place in one array: joining arrays decoded apart copied every record (retaining each of
    /// its fields), which cost as much as decoding them.
    private static func decode<R: Record & BinaryCodable>(
        _ type: R.Type, parts: [Range<Int>], in bytes: UnsafeRawBufferPointer
    ) throws -> ([R], [RecordFingerprint]) {
        nonisolated(unsafe) let bytes = bytes
        // Each part starts with its count of records, so where its records go is known first.
        // Each record is followed by its 16 bytes of fingerprints, so a damaged count larger
        // than that allows never sizes the arrays.
        var starts: [Int] = []
        var total = 0
        for range in parts {
            starts.append(total)
            let count = try BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[range])).count()
            guard count <= range.count / 16 else { throw BinaryReader.Malformed() }
            total += count
        }
        let firsts = starts
        var fingerprints = [RecordFingerprint](repeating: RecordFingerprint(whole: 0, fields: 0), count: total)
        let records = try fingerprints.withUnsafeMutableBufferPointer { prints in
            nonisolated(unsafe) let prints = prints
            return try [R](unsafeUninitializedCapacity: total) { buffer, initialized in
                nonisolated(unsafe) let buffer = buffer
                // How many records each part placed, and whether it was whole.
                let placed = Array(parts.indices).parallelMap { part -> (count: Int, isWhole: Bool) in
                    let range = parts[part]
                    let reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[range]))
                    var count = 0
                    do {
                        let records = try reader.count()
                        let first = firsts[part]
                        while count < records, let base = buffer.baseAddress {
                            (base + first + count).initialize(to: try R(from: reader))
                            count += 1
                        }
                        for index in first..<first + records {
                            prints[index] = RecordFingerprint(whole: try reader.fixed(), fields: try reader.fixed())
                        }
                        return (count, count == records && reader.offset == range.count)
                    } catch {
                        return (count, false)
                    }
                }
                guard placed.allSatisfy(\.isWhole) else {
                    for (part, outcome) in placed.enumerated() {
                        if let first = buffer.baseAddress { (first + firsts[part]).deinitialize(count: outcome.count) }
                    }
                    initialized = 0
                    throw BinaryReader.Malformed()
                }
                initialized = total
            }
        }
        return (records, fingerprints)
    }
}
