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
struct LinkedJournalCache: Sendable {
    let url: URL

    static let magic = Array("ties journal\n".utf8)
    static let formatVersion: UInt64 = 1 ^ RecordKind.schemaSignature

    /// The records of the journal at `root`, linked, with its diagnostics and settings, if they
    /// were made from exactly `stamps` (in path order, `ties.yaml` first), with `config`, the
    /// journal's settings as read now: `journal()` makes their tables.
    func read(root: URL, matching stamps: [CacheFile.Stamp], config: JournalConfig) -> Linker? {
        guard let program = CacheFile.programIdentity, let file = MappedFile(path: url.path) else { return nil }
        return try? {
            let reader = BinaryReader(file.bytes)
            let written = try CacheFile.readHeader(
                magic: Self.magic, version: Self.formatVersion, program: program, from: reader)
            guard try CacheFile.readStamps(matching: stamps, written: written, from: reader),
                let linked = try CacheFile.readLinkedSettings(of: config, from: reader)
            else { return nil }
            // Where each kind's parts lie; each kind's parts are then decoded at once, on all cores.
            var parts: [RecordKind: [Range<Int>]] = [:]
            for kind in RecordKind.allCases {
                for _ in 0..<(try reader.count()) { parts[kind, default: []].append(try reader.part()) }
            }
            let diagnostics: [Diagnostic] = try reader.read()
            guard reader.offset == file.bytes.count else { throw BinaryReader.Malformed() }
            func records<R: Record & BinaryCodable>(_ type: R.Type) throws -> [R] {
                try Self.decode(R.self, parts: parts[R.kind] ?? [], in: file.bytes)
            }
            let contacts = try records(Contact.self)
            let encounters = try records(Encounter.self)
            let publications = try records(Publication.self)
            let orgs = try records(Org.self)
            let goals = try records(Goal.self)
            return Linker(
                root: root, config: linked, linked: contacts, encounters, publications, orgs, goals,
                diagnostics: diagnostics)
        }()
    }

    /// Keeps `journal`, made from the files `stamps` describe.
    func write(_ journal: Journal, stamps: [CacheFile.Stamp]) {
        guard let program = CacheFile.programIdentity else { return }
        let writer = CacheFile.writer(magic: Self.magic, version: Self.formatVersion, program: program)
        CacheFile.write(stamps, to: writer)
        CacheFile.writeLinkedSettings(of: journal.config, to: writer)
        Self.write(journal.contacts, to: writer)
        Self.write(journal.encounters, to: writer)
        Self.write(journal.publications, to: writer)
        Self.write(journal.orgs, to: writer)
        Self.write(journal.goals, to: writer)
        writer.write(journal.diagnostics)
        CacheFile.store(Data(writer.bytes), at: url)
    }

    /// Records per part: enough parts to keep every core busy decoding.
    static let recordsPerPart = 1024

    /// A kind's records as parts of `recordsPerPart`, each with its own table of strings, encoded
    /// on all cores.
    private static func write<R: Record & BinaryCodable>(_ records: RecordTable<R>, to writer: BinaryWriter) {
        let starts = Array(stride(from: 0, to: records.count, by: recordsPerPart))
        let parts = starts.parallelMap { start in
            BinaryWriter.encode(Array(records[start..<min(start + recordsPerPart, records.count)]))
        }
        writer.varint(UInt64(parts.count))
        for part in parts { writer.part(part) }
    }

    private static func decode<R: Record & BinaryCodable>(
        _ type: R.Type, parts: [Range<Int>], in bytes: UnsafeRawBufferPointer
    ) throws -> [R] {
        nonisolated(unsafe) let bytes = bytes
        let decoded = parts.parallelMap { range in
            Result { try BinaryReader.decode([R].self, from: UnsafeRawBufferPointer(rebasing: bytes[range])) }
        }
        var records: [R] = []
        for part in decoded { records += try part.get() }
        return records
    }
}
