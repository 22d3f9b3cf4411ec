import Foundation
import Support

#if canImport(Glibc)
    import Glibc
#endif

/// Tells which files of a journal changed, for `ties serve`: inotify on Linux, a scan of the
/// folders every half second elsewhere.
///
/// Editors save in many ways: vim writes `4913` and `.name.swp`, then renames; emacs leaves
/// `#name#` and `.#name`; others write `name~` or a temporary file and rename it over the old one.
/// Only the files that matter are reported (what is left after the names below are ignored),
/// once each, in a batch made when nothing changed for the debounce time, so a save that is
/// ten events is one reload. `.git/`, the output folder and every dotfile or dot folder are
/// never watched. A folder moved away or removed is reported as its path.
public final class JournalWatcher: @unchecked Sendable {
    public let root: URL
    private let ignoredFolders: Set<String>
    #if os(Linux)
        private let descriptor: Int32
        /// Watch descriptor → folder relative to the root ("" for the root).
        private var folders: [Int32: String] = [:]
        /// Folders not watched because the system's limit of watches was reached
        /// (`fs.inotify.max_user_watches`): changes in them are not seen.
        public private(set) var unwatched: [String] = []
    #else
        private var snapshot: [String: [Int]] = [:]
        public let unwatched: [String] = []
    #endif

    /// `ignoring` holds folders relative to the root (the output folder, usually `_site`).
    public init(root: URL, ignoring: [String] = []) throws {
        self.root = root.standardizedFileURL
        ignoredFolders = Set(ignoring.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) })
        #if os(Linux)
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { throw AtomicFile.Failure(description: "cannot watch files: \(errnoText())") }
            watchTree("")
        #else
            snapshot = scan()
        #endif
    }

    deinit {
        #if os(Linux)
            close(descriptor)
        #endif
    }

    /// Whether a changed file's name is one ties reports: not an editor's swap, lock, backup or
    /// temporary file, not a dotfile.
    public static func matters(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return false }
        if name.hasPrefix("#") && name.hasSuffix("#") { return false }
        for suffix in [".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".crswap"] where name.hasSuffix(suffix) { return false }
        return true
    }

    /// The files changed since the last call, relative to the root and sorted: waits up to
    /// `timeout` seconds for a first change, then until nothing changed for `debounce`
    /// seconds. Empty when nothing changed in time.
    public func next(timeout: Double, debounce: Double = 0.1) -> [String] {
        var changed = Set<String>()
        let deadline = Date().addingTimeInterval(timeout)
        var quietSince: Date?
        while true {
            let now = Date()
            if let quietSince, now.timeIntervalSince(quietSince) >= debounce { break }
            if quietSince == nil, now >= deadline { break }
            let wait = quietSince.map { debounce - now.timeIntervalSince($0) } ?? deadline.timeIntervalSince(now)
            let found = poll(waiting: max(0.001, min(wait, 0.5)))
            if !found.isEmpty {
                changed.formUnion(found)
                quietSince = Date()
            }
        }
        return changed.sorted()
    }

    #if os(Linux)
        /// Watches `folder` and every folder below it that is not ignored.
        private func watchTree(_ folder: String) {
            let url = folder.isEmpty ? root : root.appending(path: folder)
            let mask = UInt32(
                IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR)
            let watch = inotify_add_watch(descriptor, url.path, mask)
            guard watch >= 0 else {
                if errno == ENOSPC { unwatched.append(folder.isEmpty ? "." : folder) }
                return
            }
            folders[watch] = folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where isWatchedFolder(name, in: folder) {
                var isFolder: ObjCBool = false
                let child = folder.isEmpty ? name : "\(folder)/\(name)"
                // A link is not followed: nothing outside the journal is watched.
                guard (try? FileManager.default.destinationOfSymbolicLink(atPath: root.appending(path: child).path)) == nil,
                    FileManager.default.fileExists(atPath: root.appending(path: child).path, isDirectory: &isFolder),
                    isFolder.boolValue
                else { continue }
                watchTree(child)
            }
        }

        private func isWatchedFolder(_ name: String, in folder: String) -> Bool {
            let path = folder.isEmpty ? name : "\(folder)/\(name)"
            return !name.hasPrefix(".") && !ignoredFolders.contains(path)
        }

        /// Reads what inotify has, waiting up to `seconds` for something.
        private func poll(waiting seconds: Double) -> Set<String> {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard Glibc.poll(&entry, 1, Int32(seconds * 1000)) > 0 else { return [] }
            var changed = Set<String>()
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (watch, mask, length) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int) in
                        let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset = nameStart + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost: every file may have changed.
                        changed.formUnion(files(under: ""))
                        continue
                    }
                    guard let folder = folders[watch] else { continue }
                    if mask & UInt32(IN_DELETE_SELF) != 0 {
                        folders[watch] = nil
                        continue
                    }
                    let path = folder.isEmpty ? name : "\(folder)/\(name)"
                    if mask & UInt32(IN_ISDIR) != 0 {
                        // A new folder (or one moved in): watched, and what it already holds reported.
                        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, isWatchedFolder(name, in: folder) {
                            watchTree(path)
                            changed.formUnion(files(under: path))
                        } else if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0, isWatchedFolder(name, in: folder) {
                            // A folder moved away or removed: its files are gone.
                            changed.insert(path)
                        }
                        continue
                    }
                    if Self.matters(name), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                        changed.insert(path)
                    }
                }
            }
            return changed
        }
    #else
        private func poll(waiting seconds: Double) -> Set<String> {
            Thread.sleep(forTimeInterval: seconds)
            let now = scan()
            defer { snapshot = now }
            return Set(now.keys.filter { snapshot[$0] != now[$0] } + snapshot.keys.filter { now[$0] == nil })
        }

        /// Every file that matters, with its size and modification time.
        private func scan() -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for path in files(under: "") {
                let attributes = try? FileManager.default.attributesOfItem(atPath: root.appending(path: path).path)
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
                let modified = Int(((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1000)
                result[path] = [size, modified]
            }
            return result
        }
    #endif

    /// The files that matter below `folder`, relative to the root.
    private func files(under folder: String) -> [String] {
        let url = folder.isEmpty ? root : root.appending(path: folder)
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var found: [String] = []
        let prefix = root.path + "/"
        for case let file as URL in walker {
            let path = String(file.standardizedFileURL.path.dropFirst(prefix.count))
            let parts = path.split(separator: "/")
            if parts.contains(where: { $0.hasPrefix(".") }) || ignoredFolders.contains(where: { path.hasPrefix($0 + "/") }) {
                walker.skipDescendants()
                continue
            }
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                Self.matters(file.lastPathComponent)
            {
                found.append(path)
            }
        }
        return found.sorted()
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }
}
