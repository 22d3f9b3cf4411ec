import Foundation
import Index
import Support

/// A change to several files of a journal, made all at once or not at all: files edited in
/// place, created, and removed (a rename is one created and one removed).
public struct JournalChange: Sendable {
    /// One file's part: `old` nil for a file created, `new` nil for one removed.
    public struct File: Sendable, Equatable {
        /// Relative to the journal's root.
        public var path: String
        public var old: String?
        public var new: String?
    }

    /// In path order.
    public private(set) var files: [File]
    /// What the change did not do and the owner may want to know (a value kept, a link left).
    public var notes: [String] = []
    let root: URL

    init(root: URL, files: [File], notes: [String] = []) {
        self.root = root
        self.files = files.filter { $0.old != $0.new }.sorted { $0.path < $1.path }
        self.notes = notes
    }

    public var isEmpty: Bool { files.isEmpty }

    /// The change as a unified diff, for `--dry-run`: created files from `/dev/null`, removed
    /// ones to it.
    public var diff: String {
        files.map { file in
            switch (file.old, file.new) {
            case let (old?, new?): return LineDiff.unified(old, new, path: file.path)
            case let (nil, new?): return Self.whole(new, path: file.path, sign: "+")
            case let (old?, nil): return Self.whole(old, path: file.path, sign: "-")
            case (nil, nil): return ""
            }
        }.joined()
    }

    /// A file created or removed as one hunk, as `git diff` shows it.
    private static func whole(_ text: String, path: String, sign: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let range = lines.isEmpty ? "0,0" : "1,\(lines.count)"
        let header =
            sign == "+"
            ? "--- /dev/null\n+++ b/\(path)\n@@ -0,0 +\(range) @@\n" : "--- a/\(path)\n+++ /dev/null\n@@ -\(range) +0,0 @@\n"
        let unterminated = !text.isEmpty && !text.hasSuffix("\n")
        return header + lines.map { sign + $0 + "\n" }.joined() + (unterminated ? "\\ No newline at end of file\n" : "")
    }

    /// Writes every file or none (`AtomicFile.writeAll`), then removes the files the change
    /// removes. A file that changed since the journal was read is refused first.
    public func apply() throws(AtomicFile.Failure) {
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            guard staysInJournal(folder, root: root) else {
                throw AtomicFile.Failure(
                    description: "\(folder) leads out of the journal (a symbolic link); nothing was changed")
            }
        }
        for file in files {
            let url = root.appending(path: file.path)
            let current = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
            guard current == file.old else {
                throw AtomicFile.Failure(
                    description: file.old == nil
                        ? "\(file.path) exists already; nothing was changed"
                        : "\(file.path) changed since it was read; nothing was changed")
            }
        }
        for directory in Set(files.filter { $0.old == nil }.map { root.appending(path: $0.path).deletingLastPathComponent() }) {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw AtomicFile.Failure(description: "cannot create \(directory.path): \(error.localizedDescription)")
            }
        }
        try AtomicFile.writeAll(
            files.compactMap { file in
                file.new.map {
                    AtomicFile.Change(path: root.appending(path: file.path).path, data: Data($0.utf8), isNew: file.old == nil)
                }
            })
        for file in files where file.new == nil {
            let path = root.appending(path: file.path).path
            guard unlink(path) == 0 else {
                throw AtomicFile.Failure(
                    description: "wrote the other files but could not remove \(file.path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
