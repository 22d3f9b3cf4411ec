import Foundation
import Support

/// What the caches share: a header saying what a file is, in which format, which build of ties
/// wrote it and when; the stamps of the files a cache of the whole journal was made from; and a
/// private place to keep it.
package enum CacheFile {
    /// A writer that starts with the header; the caller writes the rest.
    static func writer(magic: [UInt8], version: UInt64, program: String) -> BinaryWriter {
        let writer = BinaryWriter()
        for byte in magic { writer.byte(byte) }
        writer.varint(version)
        writer.string(program)
        writer.varint(Int64(Date().timeIntervalSince1970 * 1e9))
        return writer
    }

    /// Reads the header, throwing for anything else; returns when the file was written, in
    /// nanoseconds since 1970.
    static func readHeader(magic: [UInt8], version: UInt64, program: String, from reader: BinaryReader) throws -> Int64 {
        for byte in magic where try reader.byte() != byte { throw BinaryReader.Malformed() }
        guard try reader.varint() == version, try reader.string() == program else { throw BinaryReader.Malformed() }
        return try reader.signedVarint()
    }

    /// Replaces the file at `url` in one step, readable by its owner only, in a folder only they
    /// can open: caches hold the journal's text. Failing is not an error; the next run does
    /// without.
    static func store(_ data: Data, at url: URL) {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? AtomicFile.replace(url.path, contents: data, mode: 0o600)
    }

    /// One file a cache of the whole journal was made from (the agenda, the linked journal).
    struct Stamp: Equatable, Sendable {
        var path: String
        var size: Int64
        var modified: Int64
    }

    /// Writes the stamps of the files a cache was made from.
    static func write(_ stamps: [Stamp], to writer: BinaryWriter) {
        writer.varint(UInt64(stamps.count))
        for stamp in stamps {
            writer.string(stamp.path)
            writer.varint(stamp.size)
            writer.varint(stamp.modified)
        }
    }

    /// Whether the cache written at `written` was made from exactly `stamps`, none of them
    /// changed within `ParseCache.racyWindow` of writing it.
    static func readStamps(matching stamps: [Stamp], written: Int64, from reader: BinaryReader) throws -> Bool {
        guard try reader.count() == stamps.count else { return false }
        for stamp in stamps {
            let path = try reader.string()
            let size = try reader.signedVarint()
            let modified = try reader.signedVarint()
            guard path == stamp.path, size == stamp.size, modified == stamp.modified,
                modified < written - ParseCache.racyWindow
            else { return false }
        }
        return true
    }

    /// The positions in `stamps` of the files that changed since the cache written at `written`
    /// was made (their stamps differ, or changed within `ParseCache.racyWindow` of writing it);
    /// nil when files came or went, or `ties.yaml` (the first stamp) or what finding the files
    /// reported (the last) changed: then nothing of the cache can be trusted.
    static func changedStamps(of stamps: [Stamp], written: Int64, from reader: BinaryReader) throws -> [Int]? {
        guard try reader.count() == stamps.count else { return nil }
        var changed: [Int] = []
        for (index, stamp) in stamps.enumerated() {
            let path = try reader.string()
            let size = try reader.signedVarint()
            let modified = try reader.signedVarint()
            guard path == stamp.path else { return nil }
            if size != stamp.size || modified != stamp.modified || modified >= written - ParseCache.racyWindow {
                guard index > 0, index < stamps.count - 1 else { return nil }
                changed.append(index)
            }
        }
        return changed
    }

    /// Writes what linking decided of the settings: the orgs `me.org` and `me.roles` name.
    static func writeLinkedSettings(of config: JournalConfig, to writer: BinaryWriter) {
        writer.write(config.myOrg?.target)
        writer.write(config.myRoles.map(\.org.target))
    }

    /// The settings as read now, with what linking decided of them when they were kept; nil when
    /// the settings no longer fit (another number of roles).
    static func readLinkedSettings(of config: JournalConfig, from reader: BinaryReader) throws -> JournalConfig? {
        var linked = config
        // Read whether or not there is a `me.org`: `linked.myOrg?.target = try reader.read()`
        // would not read at all without one.
        let orgTarget: String? = try reader.read()
        linked.myOrg?.target = orgTarget
        let roleTargets: [String?] = try reader.read()
        guard roleTargets.count == linked.myRoles.count else { return nil }
        for index in linked.myRoles.indices { linked.myRoles[index].org.target = roleTargets[index] }
        return linked
    }

    /// Writes a cache on another thread: the command goes on while it is written. Every write
    /// is finished before the process ends (`finishWrites`, which `ties` calls at exit) and
    /// before a load reads a cache.
    static func writeLater(_ write: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .utility).async(group: pendingWrites, execute: write)
    }

    /// Waits for every cache `writeLater` is writing.
    package static func finishWrites() { pendingWrites.wait() }

    private static let pendingWrites = DispatchGroup()

    /// Which program wrote a cache: its version is not enough while it is being developed, so
    /// the executable's size and time are part of it.
    package static let programIdentity: String? = {
        var info = stat()
        // On Linux the running executable is /proc/self/exe: asking `Bundle.main` for its path
        // set up the whole bundle, a few milliseconds of every command.
        if stat("/proc/self/exe", &info) == 0 { return "\(info.st_size) \(FileStamp(info).modified)" }
        guard let path = Bundle.main.executablePath, stat(path, &info) == 0 else { return nil }
        return "\(info.st_size) \(FileStamp(info).modified)"
    }()
}
