import Foundation

/// One change to a journal at a time: commands that change the journal hold an exclusive
/// `flock(2)` on its folder from before they read it until they exit, so a second one (another
/// terminal, a script, an import beside a `ties done`) waits and then reads what the first
/// wrote. Nothing is created in the journal for it; the lock goes with the process.
public struct JournalLock: ~Copyable {
    private let descriptor: Int32

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Takes the lock on `root`, waiting while another process holds it; `waiting` is called
    /// once when it has to wait.
    public init(root: URL, waiting: () -> Void = {}) throws(Failure) {
        let descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open \(root.path) to lock it: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                // A file system without locks (some network mounts): go on as before locks existed.
                self.descriptor = descriptor
                return
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { break }
            }
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Removes the temporary files (`.name.PID.N.tmp`) that a change stopped halfway (a SIGTERM,
    /// a power cut) left in the record folders: those of a process that no longer runs. Done
    /// under the lock, so no running change's files are touched. The journal itself was never
    /// half-changed; these are only the bytes that were not yet renamed into place.
    public func removeAbandonedTemporaries(under root: URL) {
        for kind in RecordKind.allCases {
            let folder = root.appending(path: kind.folder)
            guard JournalPath.outside(folder.path, root: root) == nil,
                let walker = FileManager.default.enumerator(atPath: folder.path)
            else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                guard name.hasPrefix("."), name.hasSuffix(".tmp") else { continue }
                let parts = name.split(separator: ".")
                guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid > 0 else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder.appending(path: relative).path) }
            }
        }
    }
}
