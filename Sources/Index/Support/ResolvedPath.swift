import Foundation

/// `path` with every symbolic link and `..` resolved (realpath(3)), or nil when it leads nowhere.
package func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// Whether the folder `relative` of the journal at `root` stays inside it once every link on
/// its way is followed (a missing folder does, as it would be made there). The one rule for
/// links out of the journal: what leads out is neither read nor written.
package func staysInJournal(_ relative: String, root: URL) -> Bool {
    guard let realRoot = resolvedPath(root.path) else { return true }
    var path = root.appending(path: relative).path
    // The nearest part of the path that exists decides.
    while resolvedPath(path) == nil, path.count > root.path.count { path = (path as NSString).deletingLastPathComponent }
    guard let real = resolvedPath(path) else { return true }
    let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
    return real == realRoot || (real + "/").hasPrefix(prefix)
}

/// Paths of the journal as links leave them.
public enum JournalPath {
    /// Where `absolutePath` leads when that is outside the journal at `root` (through a link on
    /// its way), else nil: the file or folder is then neither read nor written.
    public static func outside(_ absolutePath: String, root: URL) -> String? {
        guard let realRoot = resolvedPath(root.path), let real = resolvedPath(absolutePath) else { return nil }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        return real == realRoot || (real + "/").hasPrefix(prefix) ? nil : real
    }
}
