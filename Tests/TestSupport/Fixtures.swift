import Foundation

/// Where the test fixtures and the repository's own folders are.
public enum Fixtures {
    /// The repository's root, found from this file's location.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`: a journal a person can open.
    public static func journal(_ name: String) -> URL {
        repository.appending(path: "Tests/Fixtures/\(name)")
    }

    /// The bundled sample journal.
    public static var template: URL { repository.appending(path: "journal-template") }

    /// A fresh, empty temporary folder, removed by the caller with `FileManager.removeItem`.
    public static func temporaryFolder(_ label: String = "ties") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appending(path: "\(label)-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies a journal to a fresh temporary place, for tests that change it; sites built into
    /// it by hand (`_site`, `_public`) are left behind, so every test starts from the journal alone.
    public static func copy(_ source: URL) throws -> URL {
        let destination = try temporaryFolder().appending(path: source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: destination)
        for built in ["_site", "_public"] {
            try? FileManager.default.removeItem(at: destination.appending(path: built))
        }
        return destination
    }

    /// Writes files given as path → text under `root`, creating folders.
    public static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
