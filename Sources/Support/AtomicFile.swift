import Foundation

/// Writes files so that no reader ever sees half of one: a temporary file beside the target,
/// written in full, then moved into place in one step.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// Creates `url` with `data`, flushed to disk; fails, leaving nothing behind, when `url` exists.
    ///
    /// The temporary file is `link(2)`ed into place, which never replaces a file (unlike
    /// `rename(2)`), so a file created meanwhile by someone else is safe too. For the journal.
    public static func create(_ url: URL, contents data: Data) throws(Failure) {
        let temporary = try writeTemporary(beside: url.path, data, sync: true, mode: 0o644, owner: nil)
        defer { unlink(temporary) }
        guard link(temporary, url.path) == 0 else {
            if errno == EEXIST { throw Failure(description: "\(url.path) already exists; it was left as it is") }
            throw Failure(description: "cannot create \(url.path): \(errnoText())")
        }
    }

    /// One file of a change to several: its full path, its new bytes, and whether it must not
    /// exist yet.
    public struct Change: Sendable {
        public var path: String
        public var data: Data
        public var isNew: Bool

        public init(path: String, data: Data, isNew: Bool) {
            self.path = path
            self.data = data
            self.isNew = isNew
        }
    }

    /// Writes every change or none: all are first written in full, flushed, to temporary files
    /// beside their targets; only then are new files linked in (never over a file that appeared
    /// meanwhile: those linked so far are removed again) and changed files renamed over their
    /// old selves. For edits to the journal that touch several files.
    public static func writeAll(_ changes: [Change]) throws(Failure) {
        removeAbandonedTemporaries(in: Set(changes.map { ($0.path as NSString).deletingLastPathComponent }))
        var temporaries: [String] = []
        defer { for temporary in temporaries { unlink(temporary) } }
        // A changed file keeps what the owner set: its mode (a private 0600 contact stays
        // private) and owner; one reached through a link is written where the link leads, so
        // the link stays a link.
        let targets: [(path: String, info: Kept?)] = changes.map { change in
            change.isNew ? (change.path, nil) : existing(change.path)
        }
        // Each file flushed, or, for many, one flush of everything instead of one per file, which
        // would make a large import wait on the disk once per file (docs/PERFORMANCE.md).
        // Nothing is linked in before its bytes are on disk.
        let flushEach = changes.count <= 32
        for (change, target) in zip(changes, targets) {
            temporaries.append(
                try writeTemporary(
                    beside: target.path, change.data, sync: flushEach, mode: target.info?.mode ?? 0o644, owner: target.info))
        }
        if !flushEach { sync() }
        var linked: [String] = []
        for (change, temporary) in zip(changes, temporaries) where change.isNew {
            guard link(temporary, change.path) == 0 else {
                let reason = errno == EEXIST ? "it exists already" : errnoText()
                for path in linked { unlink(path) }
                throw Failure(description: "cannot create \(change.path): \(reason); nothing was changed")
            }
            linked.append(change.path)
        }
        for ((change, temporary), target) in zip(zip(changes, temporaries), targets) where !change.isNew {
            guard rename(temporary, target.path) == 0 else {
                throw Failure(description: "cannot write \(change.path): \(errnoText())")
            }
        }
    }

    /// Removes the temporary files (`.name.PID.N.tmp`) that a change stopped halfway (SIGTERM,
    /// a power cut) left in `folders`, those of a process that no longer runs: the journal was
    /// never half-changed, these are the bytes not yet renamed into place. The folders a change
    /// writes in are the ones to look at, one listing each; the journal's lock, held by every
    /// command that writes there, keeps a running change's files out of reach.
    package static func removeAbandonedTemporaries(in folders: Set<String>) {
        for folder in folders {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name.hasPrefix("."), name.hasSuffix(".tmp") else { continue }
                let parts = name.split(separator: ".")
                guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid > 0, pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
            }
        }
    }

    /// The mode and owner a file keeps when it is replaced.
    package struct Kept {
        var mode: mode_t
        var user: uid_t
        var group: gid_t
    }

    /// Where a changed file is written (through a link, the file it names) and what it keeps.
    private static func existing(_ path: String) -> (path: String, info: Kept?) {
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) {
            target = String(cString: real)
            free(real)
        }
        guard stat(target, &info) == 0 else { return (target, nil) }
        return (target, Kept(mode: info.st_mode & 0o7777, user: info.st_uid, group: info.st_gid))
    }

    /// Creates or replaces the file at `path` with `data`. For files ties owns, such as the site's.
    /// `mode` is for a new file; private caches pass 0o600.
    public static func replace(_ path: String, contents data: Data, mode: mode_t = 0o644) throws(Failure) {
        let temporary = try writeTemporary(beside: path, data, sync: false, mode: mode)
        guard rename(temporary, path) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(reason)")
        }
    }

    /// Creates or replaces the file `name` in the open folder `directory` with `data`, never
    /// following a link: a link named `name` is itself replaced. For the site's output folder.
    ///
    /// When `isNew` (nothing had the name a moment ago), the bytes go into a file without a
    /// name (`O_TMPFILE`), which is then linked in: the file appears whole or not at all, as
    /// with a rename, with one change to the folder instead of two. Most of a first build's
    /// time is the file system's; this is a third of it. Anything else takes the rename.
    public static func replace(
        _ name: String, in directory: Int32, contents data: Data, mode: mode_t = 0o644, isNew: Bool = false
    ) throws(Failure) {
        #if os(Linux)
            if isNew, try createUnnamed(name, in: directory, contents: data, mode: mode) { return }
        #endif
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(description: errnoText()) }
        let written = write(data, to: descriptor)
        close(descriptor)
        guard written, renameat(directory, temporary, directory, name) == 0 else {
            let reason = errnoText()
            unlinkat(directory, temporary, 0)
            throw Failure(description: reason)
        }
    }

    /// The bytes of the regular file `name` in the open folder `directory`; nil when it is
    /// missing, a link, or anything but a plain file.
    public static func contents(of name: String, in directory: Int32) -> Data? {
        let file = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            case let .success(bytes) = FileBytes.read(descriptor: file)
        else { return nil }
        return Data(bytes)
    }

    /// The bytes of the file at `path`, or nil when it cannot be read.
    public static func contents(of path: String) -> Data? {
        guard case let .success(bytes) = FileBytes.read(path) else { return nil }
        return Data(bytes)
    }

    private static func writeTemporary(
        beside path: String, _ data: Data, sync: Bool, mode: mode_t, owner: Kept? = nil
    ) throws(Failure) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = "\(path[..<slash]).\(path[slash...]).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        // Private until its mode is set: never readable by others on the way.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, owner == nil ? mode : 0o600)
        guard descriptor >= 0 else { throw Failure(description: "cannot write beside \(path): \(errnoText())") }
        if let owner {
            // The owner as it was (root editing someone's journal); a user cannot give a file
            // away, and then it is theirs, as any editor's save would make it.
            if owner.user != geteuid() || owner.group != getegid() { _ = fchown(descriptor, owner.user, owner.group) }
            fchmod(descriptor, owner.mode)
        }
        let written = write(data, to: descriptor)
        let synced = !sync || fsync(descriptor) == 0
        close(descriptor)
        guard written, synced else {
            let reason = errnoText()
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(reason)")
        }
        return temporary
    }

    #if os(Linux)
        /// `O_TMPFILE`: not imported from C, as Glibc defines it with another macro.
        private static let unnamedFile = O_DIRECTORY | 0o20000000

        /// Writes `data` into an unnamed file of `directory` and links it in as `name`; false
        /// when that cannot be done here (no `O_TMPFILE` on this file system, no /proc, or
        /// `name` taken), for the caller to rename instead.
        private static func createUnnamed(
            _ name: String, in directory: Int32, contents data: Data, mode: mode_t
        ) throws(Failure)
            -> Bool
        {
            let descriptor = openat(directory, ".", O_WRONLY | unnamedFile | O_CLOEXEC, mode)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            guard write(data, to: descriptor) else { throw Failure(description: errnoText()) }
            return linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", directory, name, AT_SYMLINK_FOLLOW) == 0
        }
    #endif

    /// Writes all of `data`, going on after interruptions; false on any failure (no space…).
    private static func write(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }  // nothing to write
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
