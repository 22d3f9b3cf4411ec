import Foundation

public extension Journal {
    /// Why ties must not write a file of its own (an export) at `url`, or nil when it may.
    ///
    /// Everything the owner keeps in the journal is theirs: `ties.yaml`, the record folders, the
    /// theme, `.git/` and the site's output folder are refused, and so is any other file already
    /// there unless it is an earlier export (`.ics`). Symbolic links in the path are resolved
    /// first, so another name for the journal changes nothing.
    func refusal(toWrite url: URL) -> String? {
        guard let rootPath = resolvedPath(root.path) else { return nil }
        // The nearest folder that exists, resolved, and what is still to be made below it.
        var folder = url.deletingLastPathComponent().standardizedFileURL
        var below = [url.lastPathComponent]
        var folderPath = resolvedPath(folder.path)
        while folderPath == nil, folder.path != "/" {
            below.insert(folder.lastPathComponent, at: 0)
            folder = folder.deletingLastPathComponent()
            folderPath = resolvedPath(folder.path)
        }
        guard let folderPath else { return nil }
        let target = (folderPath == "/" ? "" : folderPath) + "/" + below.joined(separator: "/")
        guard target.hasPrefix(rootPath + "/") else { return nil }
        let inside = String(target.dropFirst(rootPath.count + 1))
        let top = inside.split(separator: "/").first.map(String.init) ?? inside
        let kept = RecordKind.allCases.map(\.folder) + ["theme", ".git", config.output]
        if inside == "ties.yaml" || kept.contains(top) || inside.hasPrefix(config.output + "/") {
            return "\(url.path) is part of the journal (\(top == inside ? inside : top + "/")); write the file elsewhere"
        }
        var info = stat()
        if lstat(target, &info) == 0, !url.lastPathComponent.lowercased().hasSuffix(".ics") {
            return "\(url.path) is a file of the journal; ties replaces only its own exports (.ics) there"
        }
        return nil
    }
}
