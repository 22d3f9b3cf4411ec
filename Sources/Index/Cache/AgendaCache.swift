import Foundation

/// What `ties due` reads of a linked journal, kept beside the parse cache, so that asking for the
/// agenda of a large journal that has not changed costs finding its files and a `stat` of each,
/// not loading it.
///
/// It holds every contact, the encounters the agenda reads (each contact's last, and every one
/// with an open follow-up), with only the fields the agenda reads, and every diagnostic, as the
/// last full load linked them, with the
/// size and modification time of every file it was made from, `ties.yaml` included. It is used
/// only when the journal has exactly those files with exactly those stamps, none of them changed
/// within `ParseCache.racyWindow` of writing it; anything else means a full load, which writes it
/// again (when it was for the agenda).
struct AgendaCache: Sendable {
    let url: URL

    static let magic = Array("ties agenda\n".utf8)
    static let formatVersion: UInt64 = 2

    /// One file the agenda was made from.
    struct Stamp: Equatable, Sendable {
        var path: String
        var size: Int64
        var modified: Int64
    }

    /// What is kept: records as linked, so no reference needs resolving again.
    struct Content: Sendable {
        var contacts: [Contact]
        var encounters: [Encounter]
        var diagnostics: [Diagnostic]
    }

    /// The content, if it was made from exactly `stamps` (in path order, `ties.yaml` first).
    func read(matching stamps: [Stamp]) -> Content? {
        guard let program = CacheFile.programIdentity, let file = MappedFile(path: url.path) else { return nil }
        return try? {
            let reader = BinaryReader(file.bytes)
            let written = try CacheFile.readHeader(
                magic: Self.magic, version: Self.formatVersion, program: program, from: reader)
            guard try reader.count() == stamps.count else { return nil }
            for stamp in stamps {
                let path = try reader.string()
                let size = try reader.signedVarint()
                let modified = try reader.signedVarint()
                guard path == stamp.path, size == stamp.size, modified == stamp.modified,
                    modified < written - ParseCache.racyWindow
                else { return nil }
            }
            let content = Content(contacts: try reader.read(), encounters: try reader.read(), diagnostics: try reader.read())
            guard reader.offset == file.bytes.count else { throw BinaryReader.Malformed() }
            return content
        }()
    }

    /// Keeps what the agenda needs of `journal`, made from the files `stamps` describe.
    func write(_ journal: Journal, stamps: [Stamp]) {
        guard let program = CacheFile.programIdentity else { return }
        let writer = CacheFile.writer(magic: Self.magic, version: Self.formatVersion, program: program)
        writer.varint(UInt64(stamps.count))
        for stamp in stamps {
            writer.string(stamp.path)
            writer.varint(stamp.size)
            writer.varint(stamp.modified)
        }
        writer.write(journal.contacts.map(Self.agendaFields))
        writer.write(Self.agendaEncounters(of: journal).map(Self.agendaFields))
        writer.write(journal.diagnostics)
        CacheFile.store(Data(writer.bytes), at: url)
    }

    /// A contact with only what the agenda reads: names, dates, cadence, circle.
    static func agendaFields(_ contact: Contact) -> Contact {
        var kept = Contact(slug: contact.slug, path: contact.path, name: contact.name)
        kept.birthday = contact.birthday
        kept.met = contact.met
        kept.circle = contact.circle
        kept.cadence = contact.cadence
        kept.snoozeUntil = contact.snoozeUntil
        return kept
    }

    /// An encounter with only what the agenda reads: its name, date, people and follow-ups.
    static func agendaFields(_ encounter: Encounter) -> Encounter {
        var kept = Encounter(slug: encounter.slug, path: encounter.path, date: encounter.date)
        kept.title = encounter.title
        kept.kind = encounter.kind
        kept.with = encounter.with
        kept.followups = encounter.followups
        return kept
    }

    /// Each contact's last encounter and every encounter with an open follow-up, in the
    /// journal's order.
    static func agendaEncounters(of journal: Journal) -> [Encounter] {
        var keep = Set<Int>()
        for indices in journal.tables.encountersByContact.values {
            if let last = indices.last { keep.insert(last) }
        }
        for (index, encounter) in journal.encounters.enumerated() where encounter.followups.contains(where: { !$0.done }) {
            keep.insert(index)
        }
        return keep.sorted().map { journal.encounters[$0] }
    }
}
