import Foundation
import Index
import Support

/// Debian's headless Chromium, to see pages as a browser does.
public enum Chromium {
    public static var executable: URL? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The DOM of a page after its scripts ran, or nil when Chromium is not installed.
    public static func dom(of url: URL) throws -> String? {
        guard let executable else { return nil }
        let home = try Fixtures.temporaryFolder("chromium")
        defer { try? FileManager.default.removeItem(at: home) }
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(home.path)",
            "--virtual-time-budget=2000", "--dump-dom", url.absoluteString,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.runWithDefaultSignals()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
