import Foundation
import TestSupport
import Testing

@Suite("ties init, end to end")
struct InitCommandTests {
    @Test func createsAJournalThatChecks() throws {
        let parent = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try TiesBinary.run(["init", "network"], in: parent)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Created a journal in"))
        let check = try TiesBinary.run(["check"], in: parent.appending(path: "network"))
        #expect(check.status == 0)
        #expect(check.stdout.contains("[empty-journal]"))
    }

    @Test func refusesANonEmptyFolderAndTouchesNothing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["ties.yaml": "title: mine\n", "contacts/ada.md": "mine"], under: folder)
        let before = try Snapshot(of: folder)
        let result = try TiesBinary.run(["init", folder.path, "--example"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not empty"))
        #expect(try Snapshot(of: folder) == before)
    }

    /// `make install` puts `ties` far from this repository; `--example` must still work.
    @Test func exampleWorksFromABinaryAwayFromTheRepository() throws {
        let place = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: place) }
        let binary = place.appending(path: "bin/ties")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TiesBinary.url, to: binary)
        let result = try TiesBinary.run(["init", "demo", "--example"], in: place, executable: binary)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sample records"))
        let check = try TiesBinary.run(["check", "--strict"], in: place.appending(path: "demo/contacts"), executable: binary)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.hasPrefix("14 contacts, 27 encounters"))
    }
}
