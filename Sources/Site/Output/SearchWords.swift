import Foundation
import Index
import Support

/// Each record's search words (`SearchIndex.Entry.x`) from the last build, by the record's
/// fingerprint (`RecordFingerprint.whole`, kept with the linked journal), so a rebuild folds
/// only what changed (`.ties-search`).
///
/// Keyed by content, not by record: a stale entry is never used, since a record whose fields or
/// notes differ has another fingerprint. Read only when made by this build of ties (folding may
/// change between versions); a missing, damaged or foreign file just means every record is
/// folded again. Sealed in an encrypted build, as the words are the notes'.
struct SearchWords: Sendable {
    static let fileName = ".ties-search"
    static let magic = Array("TIESWORD".utf8)
    static let version: UInt64 = 2

    var words: [Key: String] = [:]

    /// A record's whole fingerprint: the stable hash of everything parsing and linking made of
    /// it, fields and notes.
    struct Key: Hashable, Sendable {
        var hash: UInt64

        init(_ fingerprint: RecordFingerprint) { hash = fingerprint.whole }

        init(hash: UInt64) { self.hash = hash }
    }

    func data() -> Data {
        let writer = BinaryWriter(sharesStrings: false)
        for byte in SearchWords.magic { writer.byte(byte) }
        writer.varint(SearchWords.version)
        writer.string(CacheFile.programIdentity ?? "")
        writer.varint(UInt64(words.count))
        // In key order: the same site leaves the same file.
        for (key, text) in words.sorted(by: { $0.key.hash < $1.key.hash }) {
            writer.fixed(key.hash)
            writer.string(text)
        }
        return Data(writer.bytes)
    }

    /// Replaces the last build's words in one step.
    static func store(_ words: SearchWords, in output: OutputFolder, sealer: SealedSite?) throws {
        let data = words.data()
        let stored = try sealer.map { try $0.file(data, at: fileName) } ?? data
        do {
            try output.replace(fileName, with: stored)
        } catch {
            throw SiteWriter.Refusal(description: error.description)
        }
    }

    /// The last build's words, or none when there are none, or they are damaged, sealed with
    /// another password, or from another build of ties.
    static func read(from output: OutputFolder, sealer: SealedSite?) -> SearchWords {
        guard var data = output.contents(of: fileName) else { return SearchWords() }
        if let sealer {
            guard let opened = try? sealer.cipher.open(data) else { return SearchWords() }
            data = opened
        }
        return data.withUnsafeBytes { bytes in (try? SearchWords(reading: BinaryReader(bytes))) ?? SearchWords() }
    }

    init() {}

    private init(reading reader: BinaryReader) throws {
        for byte in SearchWords.magic where try reader.byte() != byte { throw BinaryReader.Malformed() }
        guard try reader.varint() == SearchWords.version, try reader.string() == (CacheFile.programIdentity ?? "") else {
            throw BinaryReader.Malformed()
        }
        let count = try reader.count()
        words.reserveCapacity(count)
        for _ in 0..<count {
            words[Key(hash: try reader.fixed())] = try reader.string()
        }
    }
}
