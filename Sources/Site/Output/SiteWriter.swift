import Foundation
import Index

/// Writes a built site into its output folder, touching only what it generated.
///
/// A manifest (`.ties-manifest`, one path per line) lists every file the last build wrote.
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

    let output: URL

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
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains(manifestName) {
            throw Refusal(
                description: "the output folder \(output.path) is not empty and was not made by ties (no \(manifestName)); "
                    + "choose an empty or new folder, so no file of yours is ever overwritten or removed")
        }
    }

    /// Writes `files` (path relative to the output → contents) and removes stale generated files.
    func write(_ files: [String: Data]) throws -> Report {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        let previous = readManifest()
        let paths = files.keys.sorted()
        // Each folder once, then the files in parallel: comparing and writing is most of a rebuild.
        var folders = Set<String>()
        for path in paths {
            precondition(SiteWriter.isSafe(path), "unsafe output path \(path)")
            if let slash = path.lastIndex(of: "/") { folders.insert(String(path[..<slash])) }
        }
        for folder in folders.sorted() {
            try fileManager.createDirectory(at: output.appending(path: folder), withIntermediateDirectories: true)
        }
        let outputPath = output.path
        let outcomes = paths.parallelMap { path -> Result<Bool, Refusal> in
            let full = outputPath + "/" + path
            let data = files[path]!
            if let existing = AtomicFile.contents(of: full), existing == data { return .success(false) }
            do throws(AtomicFile.Failure) {
                try AtomicFile.replace(full, contents: data)
                return .success(true)
            } catch {
                return .failure(Refusal(description: error.description))
            }
        }
        var report = Report()
        for outcome in outcomes {
            switch outcome {
            case .success(true): report.written += 1
            case .success(false): report.unchanged += 1
            case let .failure(refusal): throw refusal
            }
        }
        // The manifest first, then removal: an interrupted build never forgets a file it made.
        let manifest = paths.joined(separator: "\n") + "\n"
        do {
            try AtomicFile.replace(output.appending(path: SiteWriter.manifestName).path, contents: Data(manifest.utf8))
        } catch {
            throw Refusal(description: error.description)
        }
        for path in previous.subtracting(files.keys).sorted() where SiteWriter.isSafe(path) {
            let url = output.appending(path: path)
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                try fileManager.removeItem(at: url)
                report.removed += 1
                removeEmptyFolders(above: url)
            }
        }
        return report
    }

    /// A relative path of plain components: nothing absolute, hidden, or climbing out.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") }
    }

    private func readManifest() -> Set<String> {
        guard let text = try? String(contentsOf: output.appending(path: SiteWriter.manifestName), encoding: .utf8) else {
            return []
        }
        return Set(text.split(separator: "\n").map(String.init))
    }

    private func removeEmptyFolders(above url: URL) {
        var folder = url.deletingLastPathComponent().standardizedFileURL
        let top = output.standardizedFileURL.path
        while folder.path.hasPrefix(top + "/"),
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }
}
