import Foundation

/// Writes files so that no reader ever sees half of one and nothing existing is overwritten.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `data` to a temporary file beside `url`, flushes it, then links it into place.
    ///
    /// Fails, leaving nothing behind, when `url` already exists: `link(2)` never replaces a file,
    /// unlike `rename(2)`, so a file created meanwhile by someone else is safe too.
    public static func create(_ url: URL, contents data: Data) throws(Failure) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appending(
            path:
                ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write in \(folder.path): \(errnoText())") }
        defer { unlink(temporary.path) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced else { throw Failure(description: "cannot write \(url.path): \(errnoText())") }
        guard link(temporary.path, url.path) == 0 else {
            if errno == EEXIST { throw Failure(description: "\(url.path) already exists; it was left as it is") }
            throw Failure(description: "cannot create \(url.path): \(errnoText())")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
