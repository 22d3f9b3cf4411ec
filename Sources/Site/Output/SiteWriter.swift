import Foundation
import Index
import Support

/// Writes a built site into its output folder, touching only what it generated.
///
/// A manifest (`.ties-manifest`, a line per file: path, size, and for pages the stable hash of
/// what they were rendered from) lists every file the last build wrote.
/// A build writes a file only when its bytes changed, so a deploy or `git status` sees only
/// real changes; removes the files of the previous manifest that this build no longer makes;
/// and never removes anything the manifest does not list. Each file is written to a temporary
/// file beside it and renamed into place.
struct SiteWriter {
    static let manifestName = ".ties-manifest"

    struct Refusal: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    struct Report: Sendable, Equatable {
        var written = 0
        var unchanged = 0
        var removed = 0
    }

    let output: OutputFolder
    /// What the previous build's manifest listed: path → (size, hash of the page's inputs).
    private let previous: [String: (size: Int, hash: String?)]
    /// The pages the previous build wrote, to ask about from any thread.
    let previousBuild: PreviousBuild

    struct PreviousBuild: Sendable {
        let output: OutputFolder
        let pages: [String: (size: Int, hash: String?)]

        /// Whether the page at `path` is still as the previous build wrote it: listed, with its
        /// file there (a plain file, reached without a link) and of the size written then.
        func isAsBefore(_ path: String) -> Bool {
            isAsBefore(path, output.sizes(of: [path])[0])
        }

        /// `isAsBefore` for many pages, on all cores, each folder opened once per thread.
        func areAsBefore(_ paths: [String]) -> [Bool] {
            zip(paths, output.sizes(of: paths)).map(isAsBefore)
        }

        private func isAsBefore(_ path: String, _ size: Int64?) -> Bool {
            guard let earlier = pages[path], earlier.hash != nil, let size else { return false }
            return size == Int64(earlier.size)
        }
    }
    /// What this build wrote or kept, so far: path → (size, hash).
    private var paths: [String: (size: Int, hash: String?)] = [:]
    private(set) var report = Report()

    /// Checks that `output` is a folder ties may write a site into, for the journal at `journal`.
    static func check(output: URL, journal: URL) throws(Refusal) {
        let out = output.resolvingSymlinksInPath().standardizedFileURL.path
        let root = journal.resolvingSymlinksInPath().standardizedFileURL.path
        if out == root {
            throw Refusal(description: "the output folder \(output.path) is the journal itself; choose a folder such as _site")
        }
        if root.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
            throw Refusal(
                description:
                    "the output folder \(output.path) contains the journal; choose a folder inside it such as _site, or one elsewhere"
            )
        }
        for kind in ["contacts", "encounters", "publications", "orgs", "goals"]
        where out == root + "/" + kind || out.hasPrefix(root + "/" + kind + "/") {
            throw Refusal(
                description:
                    "the output folder \(output.path) lies among the journal's records (\(kind)/); choose a folder such as _site")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Refusal(description: "the output \(output.path) is a file, not a folder") }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: output.path)
        } catch {
            throw Refusal(description: "cannot read the output folder \(output.path): \(error.localizedDescription)")
        }
        if !entries.isEmpty && !entries.contains(manifestName) {
            throw Refusal(
                description: "the output folder \(output.path) is not empty and was not made by ties (no \(manifestName)); "
                    + "choose an empty or new folder, so no file of yours is ever overwritten or removed")
        }
    }

    /// Opens `output` for a build, with the previous build's manifest as read.
    ///
    /// A folder without a manifest gets an empty one before anything else is written, so a
    /// first build that fails or is stopped halfway leaves a folder the next build knows as
    /// its own.
    init(output: OutputFolder, previous: [String: (size: Int, hash: String?)]) throws {
        self.output = output
        if !output.exists(SiteWriter.manifestName) { try output.replace(SiteWriter.manifestName, with: Data()) }
        self.previous = previous
        self.previousBuild = PreviousBuild(output: output, pages: previous)
        paths.reserveCapacity(previous.count)
    }

    /// What the manifest in `output` lists; nothing when there is none. Entries that could
    /// name something outside the folder (absolute, `..`, hidden) are forged, and dropped.
    static func manifest(in output: OutputFolder) -> [String: (size: Int, hash: String?)] {
        entries(ofManifest: output.contents(of: manifestName) ?? Data())
    }

    /// The manifest's lines, read as bytes, each path checked with `isSafe`: at 100,000 pages,
    /// splitting it as strings was a tenth of a rebuild.
    static func entries(ofManifest manifest: Data) -> [String: (size: Int, hash: String?)] {
        var entries: [String: (size: Int, hash: String?)] = [:]
        manifest.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            entries.reserveCapacity(bytes.count / 60)
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                // Path, size and hash, separated by tabs; the size read as digits in place.
                let pathEnd = bytes[start..<end].firstIndex(of: UInt8(ascii: "\t")) ?? end
                var size = -1
                var hash: String?
                if pathEnd < end {
                    let sizeEnd = bytes[(pathEnd + 1)..<end].firstIndex(of: UInt8(ascii: "\t")) ?? end
                    let digits = bytes[(pathEnd + 1)..<sizeEnd]
                    if !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                        size = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    }
                    if sizeEnd < end { hash = String(decoding: bytes[(sizeEnd + 1)..<end], as: UTF8.self) }
                }
                if pathEnd > start {
                    let path = String(decoding: bytes[start..<pathEnd], as: UTF8.self)
                    if isSafe(path) { entries[path] = (size, hash) }
                }
                start = end + 1
            }
        }
        return entries
    }

    /// Keeps a page that the previous build rendered from the same inputs (`hash`), when its
    /// file is still there with the size written then: it is not rendered again.
    mutating func keep(_ path: String, hash: String) -> Bool {
        guard let earlier = previous[path], earlier.hash == hash, paths[path] == nil, previousBuild.isAsBefore(path) else {
            return false
        }
        kept(path, as: earlier)
        return true
    }

    /// Keeps a page that a rebuild did not make again, as the previous build wrote it; only for
    /// a page that `previousBuild.isAsBefore`.
    mutating func keepAsBefore(_ path: String) {
        guard let earlier = previous[path] else { preconditionFailure("\(path) is not as before") }
        kept(path, as: earlier)
    }

    private mutating func kept(_ path: String, as earlier: (size: Int, hash: String?)) {
        precondition(paths.updateValue(earlier, forKey: path) == nil, "two files of the site at \(path)")
        report.unchanged += 1
    }

    /// Writes some files of the site (path relative to the output → contents): a build hands
    /// them over in batches, so a large site never has to be in memory at once.
    mutating func write(_ files: [(path: String, data: Data)], hashes: [String?]? = nil) throws {
        // Each folder of the batch is opened once, here, then written into from every core.
        var opened: [String: OutputFolder.Folder] = [:]
        var parents: [(folder: OutputFolder.Folder, name: String)] = []
        parents.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            precondition(SiteWriter.isSafe(file.path), "unsafe output path \(file.path)")
            precondition(paths[file.path] == nil, "two files of the site at \(file.path)")
            paths[file.path] = (file.data.count, hashes?[index])
            let slash = file.path.lastIndex(of: "/")
            let folderPath = slash.map { String(file.path[..<$0]) } ?? ""
            let folder: OutputFolder.Folder
            if let known = opened[folderPath] {
                folder = known
            } else {
                do throws(OutputFolder.Failure) {
                    guard let made = try output.folder(folderPath, create: true) else {
                        throw OutputFolder.Failure(description: "cannot create \(output.path)/\(folderPath)")
                    }
                    folder = made
                } catch {
                    throw Refusal(description: error.description)
                }
                opened[folderPath] = folder
            }
            parents.append((folder, slash.map { String(file.path[file.path.index(after: $0)...]) } ?? file.path))
        }
        // Comparing and writing in parallel: on a rebuild, reading what is there is most of the work.
        let outputPath = output.path
        let parentsOfFiles = parents
        let outcomes = Array(files.indices).parallelMap { index -> Result<Bool, Refusal> in
            let (folder, name) = parentsOfFiles[index]
            let file = files[index]
            let existing = AtomicFile.contents(of: name, in: folder.descriptor)
            if let existing, existing == file.data { return .success(false) }
            do throws(OutputFolder.Failure) {
                try OutputFolder.replace(
                    name, in: folder, with: file.data, shownAs: outputPath + "/" + file.path, isNew: existing == nil)
                return .success(true)
            } catch {
                return .failure(Refusal(description: error.description))
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .success(true): report.written += 1
            case .success(false): report.unchanged += 1
            case let .failure(refusal): throw refusal
            }
        }
    }

    /// Writes the manifest, then removes what the previous build made and this one did not.
    mutating func finish() throws -> Report {
        // The manifest first, then removal: an interrupted build never forgets a file it made.
        let manifest =
            paths.sorted { $0.key < $1.key }.map { path, entry in
                entry.hash.map { "\(path)\t\(entry.size)\t\($0)" } ?? "\(path)\t\(entry.size)"
            }.joined(separator: "\n") + "\n"
        do {
            try output.replace(SiteWriter.manifestName, with: Data(manifest.utf8))
        } catch {
            throw Refusal(description: error.description)
        }
        for path in previous.keys.filter({ paths[$0] == nil }).sorted() where output.remove(path) {
            report.removed += 1
        }
        return report
    }

    /// A relative path of plain components: nothing absolute, hidden, or climbing out.
    static func isSafe(_ path: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "/")
        for byte in path.utf8 {
            // No empty segment, none starting with a dot, no leading slash.
            if previous == UInt8(ascii: "/") && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")) { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "/")
    }
}
