import Foundation

/// Whole files read with plain system calls: the loader reads thousands of small files, and
/// a limit keeps a huge one from ever being read into memory.
public enum FileBytes {
    /// The file's bytes; with a `limit`, a larger file is a failure and is never read.
    public static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(errno: errno)) }
        defer { close(descriptor) }
        return read(descriptor: descriptor, limit: limit)
    }

    /// `read` of a file already open.
    public static func read(descriptor: Int32, limit: Int = .max) -> Result<[UInt8], Failure> {
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? max(0, Int(info.st_size)) : 0
        if size > limit { return .failure(Failure(errno: EFBIG, size: size, limit: limit)) }
        // Sized by fstat, so one read usually does it; the spare byte detects a file that grew.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var used = 0
        while true {
            if used == bytes.count {
                // A file that grows while it is read (or a device that never ends) stops at the limit.
                if used > limit { return .failure(Failure(errno: EFBIG, size: used, limit: limit)) }
                bytes += [UInt8](repeating: 0, count: max(4096, bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + used, buffer.count - used)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(errno: errno))
            }
            if count == 0 { break }
            used += count
        }
        if used > limit { return .failure(Failure(errno: EFBIG, size: used, limit: limit)) }
        bytes.removeSubrange(used...)
        return .success(bytes)
    }

    /// Why a file could not be read.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var errno: Int32
        /// For a file over the limit: its size (at least), and the limit.
        public var size = 0
        public var limit = 0

        public var description: String { String(cString: strerror(errno)) }
    }
}
