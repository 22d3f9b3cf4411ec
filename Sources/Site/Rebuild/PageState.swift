import Foundation
import Index

/// What a build leaves for the next one in its output folder (`.ties-pages`): the records it
/// saw and, for each page, which of them the page read.
///
/// Written after every page and the manifest, and removed before the first page of a build is
/// written, so a build that stops half way leaves none: the next one then makes every page.
/// Holds no names: records are keys (hashes of kind and slug) and numbers.
struct PageState: Sendable {
    static let fileName = ".ties-pages"
    static let magic = Array("TIESPAGE".utf8)
    static let version: UInt64 = 2

    /// Everything that is the same for every page: the program, the theme, ties.yaml, today.
    var global: UInt64
    var records: RecordGraph
    /// Page paths in the order built, and what each read (see `RecordGraph.dependencies(of:)`).
    var paths: [String] = []
    var dependencyStarts: [Int32] = [0]
    var dependencyTargets: [Int32] = []

    init(global: UInt64, records: RecordGraph) {
        self.global = global
        self.records = records
    }

    func dependencies(ofPage page: Int) -> ArraySlice<Int32> {
        dependencyTargets[Int(dependencyStarts[page])..<Int(dependencyStarts[page + 1])]
    }

    mutating func add(page path: String, dependencies: some Sequence<Int32>) {
        paths.append(path)
        dependencyTargets.append(contentsOf: dependencies)
        dependencyStarts.append(Int32(dependencyTargets.count))
    }

    func data() -> Data {
        let writer = BinaryWriter(sharesStrings: false)
        for byte in PageState.magic { writer.byte(byte) }
        writer.varint(PageState.version)
        writer.string(CacheFile.programIdentity ?? "")
        writer.fixed(global)
        writer.varint(UInt64(records.count))
        for record in 0..<records.count {
            writer.fixed(records.keys[record])
            writer.fixed(records.fingerprints[record])
            writer.fixed(records.fieldFingerprints[record])
            let links = records.links(of: record)
            writer.varint(UInt64(links.count))
            for link in links { writer.varint(UInt64(link)) }
        }
        writer.varint(UInt64(paths.count))
        for page in paths.indices {
            writer.string(paths[page])
            let dependencies = dependencies(ofPage: page)
            writer.varint(UInt64(dependencies.count))
            for dependency in dependencies { writer.varint(UInt64(dependency)) }
        }
        return Data(writer.bytes)
    }

    /// Writes a state's `data()` into the output folder, replacing the last one in one step;
    /// sealed in an encrypted build, as it names every page.
    static func store(_ data: Data, in output: OutputFolder, sealer: SealedSite?) throws {
        let stored = try sealer.map { try $0.file(data, at: PageState.fileName) } ?? data
        do {
            try output.replace(PageState.fileName, with: stored)
        } catch {
            throw SiteWriter.Refusal(description: error.description)
        }
    }

    /// Removes the last build's state before a build writes its first page: pages written
    /// from here on are not what that state describes.
    static func remove(from output: OutputFolder) {
        _ = output.remove(fileName)
    }

    /// The state in the output folder, or nil when there is none, or it is damaged, of another
    /// format, or from another build of ties.
    static func read(from output: OutputFolder, sealer: SealedSite?) -> PageState? {
        guard var data = output.contents(of: fileName) else { return nil }
        if let sealer {
            // Sealed with another password, or not at all: a full build.
            guard let opened = try? sealer.cipher.open(data) else { return nil }
            data = opened
        }
        return data.withUnsafeBytes { bytes in try? PageState(reading: BinaryReader(bytes)) }
    }

    private init(reading reader: BinaryReader) throws {
        for byte in PageState.magic where try reader.byte() != byte { throw BinaryReader.Malformed() }
        guard try reader.varint() == PageState.version, try reader.string() == (CacheFile.programIdentity ?? "") else {
            throw BinaryReader.Malformed()
        }
        global = try reader.fixed()
        var records = RecordGraph()
        let recordCount = try reader.count()
        for _ in 0..<recordCount {
            records.keys.append(try reader.fixed())
            records.fingerprints.append(try reader.fixed())
            records.fieldFingerprints.append(try reader.fixed())
            for _ in 0..<(try reader.count()) { records.linkTargets.append(try PageState.number(reader, below: recordCount)) }
            records.linkStarts.append(Int32(records.linkTargets.count))
        }
        self.records = records
        for _ in 0..<(try reader.count()) {
            paths.append(try reader.string())
            for _ in 0..<(try reader.count()) {
                dependencyTargets.append(try PageState.number(reader, below: recordCount << RecordGraph.Reading.shift))
            }
            dependencyStarts.append(Int32(dependencyTargets.count))
        }
    }

    private static func number(_ reader: BinaryReader, below count: Int) throws -> Int32 {
        guard let number = Int32(exactly: try reader.varint()), number < count else { throw BinaryReader.Malformed() }
        return number
    }
}
