import Foundation
import Index
import Support

/// Debian's system Python with the packages `make test` installs (python3-html5lib,
/// python3-icalendar, python3-feedparser): real parsers to check what ties writes.
public enum Python {
    /// Runs `script` with `arguments`; nil when /usr/bin/python3 lacks `module`.
    public static func run(
        _ script: String, arguments: [String] = [], needing module: String
    ) throws -> (status: Int32, output: String)? {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return nil }
        let check = Process()
        check.executableURL = python
        check.arguments = ["-c", "import \(module)"]
        check.standardError = FileHandle.nullDevice
        try check.runWithDefaultSignals()
        check.waitUntilExit()
        guard check.terminationStatus == 0 else { return nil }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.runWithDefaultSignals()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
