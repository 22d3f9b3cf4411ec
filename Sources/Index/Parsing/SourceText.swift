import Foundation
import Support

/// Reads a journal file as text, reporting files that cannot be read or are not UTF-8.
public enum SourceText {
    /// The largest journal file ties reads: far more than any note, and a bound on the memory
    /// one file can take (parsing needs a few times its size).
    public static let largestFile = 8 << 20

    /// The file's text with a byte-order mark dropped and line endings made `\n`, or a diagnostic.
    static func read(_ absolutePath: String, path: String) -> Result<String, Diagnostic> {
        switch readBytes(absolutePath, limit: largestFile) {
        case let .success(bytes): return decode(bytes, path: path)
        case let .failure(failure): return .failure(failure.diagnostic(path: path))
        }
    }

    static func readBytes(_ path: String, limit: Int = .max) -> Result<[UInt8], FileBytes.Failure> {
        FileBytes.read(path, limit: limit)
    }

    fileprivate static func mebibytes(_ bytes: Int) -> String {
        let tenths = bytes / (1 << 20 / 10)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
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

extension FileBytes.Failure {
    /// The problem of a journal file that could not be read.
    func diagnostic(path: String) -> Diagnostic {
        guard errno == EFBIG, limit > 0 else {
            return .error(.unreadableFile, "cannot read file: \(description)", at: SourceLocation(path: path))
        }
        return .error(
            .fileTooLarge,
            "file is \(SourceText.mebibytes(size)) MiB, more than the \(SourceText.mebibytes(limit)) MiB ties reads; split it or move large parts out of the journal",
            at: SourceLocation(path: path, line: 1, column: 1))
    }
}
