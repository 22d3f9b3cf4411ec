import Foundation
import Index

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
}
