import Foundation
import Support
import TestSupport
import Testing

@testable import Index

/// What makes a replacement atomic: readers of the old file keep the old bytes, the new file is
/// a new file, nothing is left beside it, and a failure leaves the old file whole.
@Suite("Atomic replacement")
struct AtomicFileTests {
    @Test func aReaderOfTheOldFileKeepsSeeingTheOldBytes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "page.html").path
        try AtomicFile.replace(path, contents: Data("old bytes".utf8))
        let reader = open(path, O_RDONLY)
        #expect(reader >= 0)
        defer { close(reader) }
        var before = stat()
        fstat(reader, &before)
        try AtomicFile.replace(path, contents: Data("new".utf8))
        // The descriptor still reads the file it opened, whole.
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = pread(reader, &buffer, buffer.count, 0)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "old bytes")
        var after = stat()
        stat(path, &after)
        #expect(after.st_ino != before.st_ino, "the new bytes are a new file, renamed into place")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["page.html"])
    }

    @Test func replacingInAFolderByDescriptorIsAtomicToo() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("old".utf8).write(to: folder.appending(path: "a.html"))
        var before = stat()
        stat(folder.appending(path: "a.html").path, &before)
        let directory = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(directory) }
        try AtomicFile.replace("a.html", in: directory, contents: Data("new".utf8))
        var after = stat()
        stat(folder.appending(path: "a.html").path, &after)
        #expect(after.st_ino != before.st_ino)
        #expect(AtomicFile.contents(of: "a.html", in: directory) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.html"])
    }

    @Test func aFailedReplacementLeavesTheOldFileAndNothingElse() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "state").path
        try AtomicFile.replace(path, contents: Data("whole".utf8))
        // A target that cannot be replaced: a folder stands at its name.
        let blocked = folder.appending(path: "blocked").path
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.replace(blocked, contents: Data("x".utf8)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["blocked", "state"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "whole")
    }
}

@Suite("A changed file keeps what its owner set")
struct KeptModeTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test func privateAndReadOnlyFilesKeepTheirModeAndALinkStaysALink() throws {
        let folder = try Fixtures.temporaryFolder("kept")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appending(path: "secret.md").path
        let frozen = folder.appending(path: "frozen.md").path
        let target = folder.appending(path: "target.md").path
        let link = folder.appending(path: "link.md").path
        for path in [secret, frozen, target] { try Data("old\n".utf8).write(to: URL(fileURLWithPath: path)) }
        chmod(secret, 0o600)
        chmod(frozen, 0o444)
        symlink("target.md", link)
        try AtomicFile.writeAll([
            .init(path: secret, data: Data("new\n".utf8), isNew: false),
            .init(path: frozen, data: Data("new\n".utf8), isNew: false),
            .init(path: link, data: Data("new\n".utf8), isNew: false),
        ])
        #expect(Self.mode(secret) == 0o600)
        #expect(Self.mode(frozen) == 0o444)
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "new\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
