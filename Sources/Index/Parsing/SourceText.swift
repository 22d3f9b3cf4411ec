import Foundation

/// Reads a journal file as text, reporting files that cannot be read or are not UTF-8.
enum SourceText {
    /// The file's text with a byte-order mark dropped and line endings made `\n`, or a diagnostic.
    static func read(_ absolutePath: String, path: String) -> Result<String, Diagnostic> {
        switch readBytes(absolutePath) {
        case let .success(bytes): return decode(bytes, path: path)
        case let .failure(reason):
            return .failure(.error(.unreadableFile, "cannot read file: \(reason)", at: SourceLocation(path: path)))
        }
    }

    /// The whole file, read with plain system calls: the loader reads thousands of small files.
    static func readBytes(_ path: String) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure(errno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? max(0, Int(info.st_size)) : 0
        // Sized by fstat, so one read usually does it; the spare byte detects a file that grew.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var used = 0
        while true {
            if used == bytes.count { bytes += [UInt8](repeating: 0, count: max(4096, bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + used, $0.count - used) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(errno: errno))
            }
            if count == 0 { break }
            used += count
        }
        bytes.removeSubrange(used...)
        return .success(bytes)
    }

    struct ReadFailure: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        decode([UInt8](data), path: path)
    }

    static func decode(_ raw: [UInt8], path: String) -> Result<String, Diagnostic> {
        let start = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let decoded: String? = raw.withUnsafeBufferPointer { buffer in
            String(validating: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
        guard let text = decoded else {
            return .failure(
                .error(
                    .notUTF8, "file is not valid UTF-8; save it as UTF-8",
                    at: firstInvalidByte(in: Array(raw[start...]), path: path)))
        }
        guard raw.contains(0x0D) else { return .success(text) }
        // CRLF and lone CR become LF, so line numbers match what editors show.
        var normalized = [UInt8]()
        normalized.reserveCapacity(raw.count)
        var index = start
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x0D {
                normalized.append(0x0A)
                if index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
            } else {
                normalized.append(byte)
            }
            index += 1
        }
        return .success(String(decoding: normalized, as: UTF8.self))
    }

    /// Where the first byte that breaks UTF-8 lies, counting columns in characters before it.
    private static func firstInvalidByte(in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid =
                length > 0 && index + length <= bytes.count
                && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            if !valid {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.unicodeScalars.count ?? 0) + 1
                return SourceLocation(path: path, line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return SourceLocation(path: path)
    }
}
