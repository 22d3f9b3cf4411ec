import Foundation

/// The betweenness of the last people graph asked about, kept beside the parse cache: it is
/// most of `ties insights` and of the Network page (exact over 2,000 people), and the graph
/// changes far less often than the journal (a note, a title or a date leaves it as it was).
///
/// It is used only for the very graph it was computed from: the key is the whole graph (its
/// sources and edges, not a hash of them), so a kept value is never given for another graph.
/// Like every cache, a file that cannot be read is ignored and written again.
public struct BetweennessCache: Sendable {
    let url: URL

    static let magic = Array("ties betweenness\n".utf8)
    static let formatVersion: UInt64 = 1

    /// What betweenness was computed from: the sources walked and the graph's edges, flat.
    struct Key: Equatable {
        var sources: [Int]
        var offsets: [Int32]
        var targets: [Int32]
    }

    /// The betweenness kept for `key`, or nil.
    func read(_ key: Key) -> [Double]? {
        guard let program = CacheFile.programIdentity, let file = MappedFile(path: url.path) else { return nil }
        return try? {
            let reader = BinaryReader(file.bytes)
            _ = try CacheFile.readHeader(magic: Self.magic, version: Self.formatVersion, program: program, from: reader)
            guard try Self.read(reader, matches: key) else { return nil }
            var values: [Double] = []
            values.reserveCapacity(key.offsets.count - 1)
            for _ in 0..<(key.offsets.count - 1) { values.append(Double(bitPattern: try reader.fixed())) }
            guard reader.offset == file.bytes.count else { throw BinaryReader.Malformed() }
            return values
        }()
    }

    /// Keeps `values`, computed for `key`, on another thread.
    func write(_ key: Key, _ values: [Double]) {
        guard let program = CacheFile.programIdentity else { return }
        let url = url
        CacheFile.writeLater {
            let writer = CacheFile.writer(magic: Self.magic, version: Self.formatVersion, program: program)
            writer.varint(UInt64(key.sources.count))
            for source in key.sources { writer.varint(UInt64(source)) }
            writer.varint(UInt64(key.offsets.count))
            for offset in key.offsets { writer.varint(UInt64(offset)) }
            writer.varint(UInt64(key.targets.count))
            for target in key.targets { writer.varint(UInt64(target)) }
            for value in values { writer.fixed(value.bitPattern) }
            CacheFile.store(Data(writer.bytes), at: url)
        }
    }

    /// Whether the file's key is `key`, read number by number: a graph of another size stops at
    /// the first count.
    private static func read(_ reader: BinaryReader, matches key: Key) throws -> Bool {
        guard try reader.count() == key.sources.count else { return false }
        for source in key.sources where try reader.varint() != UInt64(source) { return false }
        guard try reader.count() == key.offsets.count else { return false }
        for offset in key.offsets where try reader.varint() != UInt64(offset) { return false }
        guard try reader.count() == key.targets.count else { return false }
        for target in key.targets where try reader.varint() != UInt64(target) { return false }
        return true
    }
}

extension ParseCache {
    /// The betweenness kept beside the parse cache.
    public var betweenness: BetweennessCache {
        BetweennessCache(url: url.deletingPathExtension().appendingPathExtension("betweenness"))
    }
}
