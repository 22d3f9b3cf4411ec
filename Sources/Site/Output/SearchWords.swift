import Foundation
import Index
import Support

/// Each record's search words (`SearchIndex.Entry.x`) from the last build, by a hash of the
/// texts they were made from, so a rebuild folds only what changed (`.ties-search`).
///
/// Keyed by content, not by record: a stale entry is never used, since different texts give a
/// different key. Read only when made by this build of ties (folding may change between
/// versions); a missing, damaged or foreign file just means every record is folded again.
/// Sealed in an encrypted build, as the words are the notes'.
struct SearchWords: Sendable {
    static let fileName = ".ties-search"
    static let magic = Array("TIESWORD".utf8)
    static let version: UInt64 = 1

    var words: [Key: String] = [:]

    /// The texts' hash and their total length in bytes: two texts that differ in length never
    /// share a key, whatever the hash.
    struct Key: Hashable, Sendable {
        var hash: UInt64
        var length: UInt64

        init(_ texts: [String]) {
            var hash = StableHash()
            var length = 0
            hash.combine(texts.count)
            for text in texts {
                hash.combine(text)
                length += text.utf8.count
            }
            self.hash = hash.value
            self.length = UInt64(length)
        }

        init(hash: UInt64, length: UInt64) {
            self.hash = hash
            self.length = length
        }
    }

    func data() -> Data {
        let writer = BinaryWriter(sharesStrings: false)
        for byte in SearchWords.magic { writer.byte(byte) }
        writer.varint(SearchWords.version)
        writer.string(CacheFile.programIdentity ?? "")
        writer.varint(UInt64(words.count))
        // In key order: the same site leaves the same file.
        for (key, text) in words.sorted(by: { ($0.key.hash, $0.key.length) < ($1.key.hash, $1.key.length) }) {
            writer.fixed(key.hash)
            writer.varint(key.length)
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
            let hash = try reader.fixed()
            let length = try reader.varint()
            words[Key(hash: hash, length: length)] = try reader.string()
        }
    }
}
