import Foundation

/// The `Agenda` of a journal, kept beside the parse cache, so that asking for the agenda of a
/// large journal that has not changed costs finding its files and a `stat` of each, not loading
/// it.
///
/// It holds the agenda's values as the last full load made them, with the size and
/// modification time of every file it was made from, `ties.yaml` included. It is used
/// only when the journal has exactly those files with exactly those stamps, none of them changed
/// within `ParseCache.racyWindow` of writing it; anything else means a full load, which writes it
/// again (when it was for the agenda).
struct AgendaCache: Sendable {
    let url: URL

    static let magic = Array("ties agenda\n".utf8)
    static let formatVersion: UInt64 = 6 ^ RecordKind.schemaSignature

    /// The agenda, if it was made from exactly `stamps` (in path order, `ties.yaml` first), with
    /// `config`, the journal's settings as read now.
    func read(matching stamps: [CacheFile.Stamp], config: JournalConfig) -> Agenda? {
        guard let program = CacheFile.programIdentity, let file = MappedFile(path: url.path) else { return nil }
        return try? {
            let reader = BinaryReader(file.bytes)
            let written = try CacheFile.readHeader(
                magic: Self.magic, version: Self.formatVersion, program: program, from: reader)
            guard try CacheFile.readStamps(matching: stamps, written: written, from: reader),
                let linked = try CacheFile.readLinkedSettings(of: config, from: reader)
            else { return nil }
            let people: [Agenda.Person] = try reader.read()
            let openByDue: [OpenFollowUp] = try reader.read()
            let diagnostics: [Diagnostic] = try reader.read()
            var counts: [RecordKind: Int] = [:]
            for kind in RecordKind.allCases {
                guard let count = Int(exactly: try reader.varint()), count <= Int(Int32.max) else {
                    throw BinaryReader.Malformed()
                }
                counts[kind] = count
            }
            var agenda = Agenda(
                config: linked, people: people, openByDue: openByDue, diagnostics: diagnostics, counts: counts)
            guard reader.offset == file.bytes.count else { throw BinaryReader.Malformed() }
            agenda.fromCache = true
            return agenda
        }()
    }

    /// Keeps `agenda`, made from the files `stamps` describe.
    func write(_ agenda: Agenda, stamps: [CacheFile.Stamp]) {
        guard let program = CacheFile.programIdentity else { return }
        let writer = CacheFile.writer(magic: Self.magic, version: Self.formatVersion, program: program)
        CacheFile.write(stamps, to: writer)
        CacheFile.writeLinkedSettings(of: agenda.config, to: writer)
        writer.write(agenda.people)
        writer.write(agenda.openByDue)
        writer.write(agenda.diagnostics)
        for kind in RecordKind.allCases { writer.varint(UInt64(agenda.counts[kind] ?? 0)) }
        CacheFile.store(Data(writer.bytes), at: url)
    }
}

extension Agenda.Person: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(contact)
        writer.write(lastEncounter)
        writer.write(greeted)
    }

    init(from reader: BinaryReader) throws {
        self.init(contact: try reader.read(), lastEncounter: try reader.read(), greeted: try reader.read())
    }
}

extension OpenFollowUp: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(encounter)
        writer.write(encounterName)
        writer.write(task)
        writer.write(due)
        writer.write(daysOverdue)
        writer.write(location)
    }

    init(from reader: BinaryReader) throws {
        self.init(
            encounter: try reader.read(), encounterName: try reader.read(), task: try reader.read(), due: try reader.read(),
            daysOverdue: try reader.read(), location: try reader.read())
    }
}

extension GreetingRound: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(what)
        writer.write(year)
    }

    init(from reader: BinaryReader) throws {
        self.init(what: try reader.read(), year: try reader.read())
    }
}
