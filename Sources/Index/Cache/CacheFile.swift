import Foundation
import Support

/// What the parse cache and the agenda cache share: a header saying what a file is, in which
/// format, which build of ties wrote it and when; and a private place to keep it.
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

    /// Which program wrote a cache: its version is not enough while it is being developed, so
    /// the executable's size and time are part of it.
    package static let programIdentity: String? = {
        guard let path = Bundle.main.executablePath else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size) \(FileStamp(info).modified)"
    }()
}
