import Foundation
import Support

/// What parsing made of each file, kept between runs, so that a command on a large journal only
/// parses the files that changed since the last one.
///
/// A file's entry is used when its size and modification time are those recorded; when they
/// differ (or the entry is too recent to trust its time, see `racyWindow`), the file is read and
/// the entry is still used when its content hash is the recorded one: a `git checkout` that
/// touches files without changing them costs a read, not a parse. Anything else is parsed.
///
/// The cache is in the user's cache folder, never in the journal: commands that only read the
/// journal must not change it. It holds the journal's text, so it is written readable by its owner
/// only. It is tied to the program that wrote it (the executable's size and time), so a new
/// version of ties never reads an old version's records. A cache that cannot be read, or is
/// damaged, is ignored and written again; it never changes what a command answers.
public struct ParseCache: Sendable {
    /// The cache file for one journal.
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The cache of the journal at `root`, in `$TIES_CACHE_DIR`, else `$XDG_CACHE_HOME/ties`, else
    /// `~/.cache/ties`; nil when `TIES_CACHE` is `off` (or `0`, `no`, `false`).
    public static func forJournal(
        at root: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> ParseCache?
    {
        if let setting = environment["TIES_CACHE"]?.lowercased(), ["off", "0", "no", "false"].contains(setting) {
            return nil
        }
        let folder: URL
        if let explicit = environment["TIES_CACHE_DIR"], !explicit.isEmpty {
            folder = URL(filePath: explicit, directoryHint: .isDirectory)
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            folder = URL(filePath: xdg, directoryHint: .isDirectory).appending(path: "ties")
        } else if let home = environment["HOME"], !home.isEmpty {
            folder = URL(filePath: home, directoryHint: .isDirectory).appending(path: ".cache/ties")
        } else {
            return nil
        }
        var hash = StableHash()
        hash.combine(root.standardizedFileURL.resolvingSymlinksInPath().path)
        return ParseCache(url: folder.appending(path: "journal-\(hash.hex).cache"))
    }

    /// An entry modified less than this long before the cache was written may have changed again
    /// within the same clock tick, so its time is not trusted: its content hash is checked.
    static let racyWindow: Int64 = 2_000_000_000

    static let magic = Array("ties parse cache\n".utf8)
    /// The layout of the file (raise `layout` when it changes), and of records, which follows
    /// their schemas by itself: a field added, removed or retyped makes every old cache unread.
    static let formatVersion: UInt64 = layout ^ RecordKind.schemaSignature
    private static let layout: UInt64 = 3

    /// The linked journal kept beside the parse cache.
    var linked: LinkedJournalCache {
        LinkedJournalCache(url: url.deletingPathExtension().appendingPathExtension("journal"))
    }

    /// The agenda kept beside the parse cache.
    var agenda: AgendaCache {
        AgendaCache(url: url.deletingPathExtension().appendingPathExtension("agenda"))
    }

    /// Reads the cache; an empty snapshot when there is none or it cannot be used.
    func read() -> Snapshot {
        guard let program = CacheFile.programIdentity, let file = MappedFile(path: url.path),
            let snapshot = try? Snapshot(file: file, program: program)
        else { return Snapshot() }
        return snapshot
    }

    /// Replaces the cache with `entries`, in path order; payloads kept from a cache read come
    /// from its `snapshot`. Failing to write is not an error: the next run parses again.
    func write(_ entries: [Entry], keeping snapshot: Snapshot) {
        guard let program = CacheFile.programIdentity else { return }
        let writer = CacheFile.writer(magic: Self.magic, version: Self.formatVersion, program: program)
        writer.varint(UInt64(entries.count))
        for entry in entries {
            writer.string(entry.path)
            writer.varint(entry.size)
            writer.varint(entry.modified)
            writer.fixed(entry.hash)
            writer.varint(UInt64(entry.payload.count))
        }
        var data = Data(writer.bytes)
        for entry in entries {
            switch entry.payload {
            case let .fresh(bytes): data.append(contentsOf: bytes)
            case let .stored(range): snapshot.withPayload(range) { data.append(contentsOf: $0) }
            }
        }
        CacheFile.store(data, at: url)
    }

    /// One file as the cache records it: its stamp, its content hash and what parsing it gave.
    struct Entry: Sendable {
        var path: String
        var size: Int64
        var modified: Int64
        var hash: UInt64
        var payload: Payload
    }

    /// What parsing a file gave, encoded: just made, or where it is in the cache as read.
    enum Payload: Sendable {
        case fresh([UInt8])
        case stored(Range<Int>)

        var count: Int {
            switch self {
            case let .fresh(bytes): return bytes.count
            case let .stored(range): return range.count
            }
        }
    }

    /// The cache as read: entries by path, with their payloads still encoded.
    struct Snapshot: Sendable {
        private(set) var entries: [String: Entry] = [:]
        private(set) var written: Int64 = 0
        private var file: MappedFile?

        init() {}

        init(file: MappedFile, program: String) throws {
            self.file = file
            let bytes = file.bytes
            let header = try { (raw: UnsafeRawBufferPointer) in
                let reader = BinaryReader(raw)
                let written = try CacheFile.readHeader(
                    magic: ParseCache.magic, version: ParseCache.formatVersion, program: program, from: reader)
                let count = try reader.varint()
                guard count <= UInt64(raw.count) else { throw BinaryReader.Malformed() }
                var entries: [(String, Int64, Int64, UInt64, Int)] = []
                entries.reserveCapacity(Int(count))
                for _ in 0..<count {
                    let path = try reader.string()
                    let size = try reader.signedVarint()
                    let modified = try reader.signedVarint()
                    let hash = try reader.fixed()
                    guard let length = Int(exactly: try reader.varint()) else { throw BinaryReader.Malformed() }
                    entries.append((path, size, modified, hash, length))
                }
                return (written, entries, reader.offset)
            }(bytes)
            var offset = header.2
            entries.reserveCapacity(header.1.count)
            for (path, size, modified, hash, length) in header.1 {
                guard length <= bytes.count - offset else { throw BinaryReader.Malformed() }
                entries[path] = Entry(
                    path: path, size: size, modified: modified, hash: hash, payload: .stored(offset..<offset + length))
                offset += length
            }
            guard offset == bytes.count else { throw BinaryReader.Malformed() }
            written = header.0
        }

        /// The entry for `path` if the file's stamp says it cannot have changed since.
        func unchanged(_ path: String, stamp: FileStamp) -> Entry? {
            guard let entry = entries[path], entry.size == stamp.size, entry.modified == stamp.modified,
                entry.modified < written - ParseCache.racyWindow
            else { return nil }
            return entry
        }

        /// The entry for `path` if its content hash is `hash`.
        func same(_ path: String, hash: UInt64) -> Entry? {
            guard let entry = entries[path], entry.hash == hash else { return nil }
            return entry
        }

        /// Calls `body` with the bytes of a payload of this snapshot.
        func withPayload<T>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
            // Entries with payloads exist only in a snapshot read from a file.
            guard let file else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
        }

        var count: Int { entries.count }
    }
}
