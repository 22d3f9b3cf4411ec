import Foundation

/// Finds the journal a command works on, the way git finds a repository.
public enum JournalLocator {
    /// Why no journal could be found: a bad invocation rather than bad content (exit code 2).
    public struct NotFound: Error, CustomStringConvertible {
        public var description: String
    }

    /// `--journal DIR`, else `$TIES_JOURNAL`, else the nearest folder upwards from `start` that
    /// holds `ties.yaml`.
    public static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    )
        throws(NotFound) -> URL
    {
        if let explicit {
            return try check(URL(fileURLWithPath: explicit, relativeTo: start), named: "--journal \(explicit)")
        }
        if let variable = environment["TIES_JOURNAL"], !variable.isEmpty {
            return try check(URL(fileURLWithPath: variable, relativeTo: start), named: "$TIES_JOURNAL (\(variable))")
        }
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appending(path: ConfigParser.fileName).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            if parent.path == folder.path { break }
            folder = parent
        }
        throw NotFound(
            description: "no journal here: no ties.yaml in \(start.standardizedFileURL.path) or any folder above it; "
                + "pass --journal DIR, set TIES_JOURNAL, or create one with 'ties init DIR'")
    }

    private static func check(_ url: URL, named name: String) throws(NotFound) -> URL {
        let folder = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotFound(description: "\(name): no such folder \(folder.path)")
        }
        guard FileManager.default.fileExists(atPath: folder.appending(path: ConfigParser.fileName).path) else {
            throw NotFound(
                description: "\(name): \(folder.path) is not a journal (no ties.yaml); create one with 'ties init \(folder.path)'"
            )
        }
        return folder
    }
}
