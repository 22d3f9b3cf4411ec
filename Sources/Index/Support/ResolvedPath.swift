import Foundation

/// `path` with every symbolic link and `..` resolved (realpath(3)), or nil when it leads nowhere.
func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
