import Foundation
import Support
import TestSupport
import Testing

@testable import Authoring
@testable import Index

@Suite("ties init")
struct ScaffoldTests {
    @Test func createsAnEmptyJournalThatLoads() throws {
        let root = try Fixtures.temporaryFolder().appending(path: "network")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let written = try JournalScaffold.create(at: root, example: false)
        #expect(written.contains("ties.yaml") && written.contains(".gitignore") && written.contains("README.md"))
        for kind in RecordKind.allCases {
            #expect(FileManager.default.fileExists(atPath: root.appending(path: kind.folder).path))
        }
        let journal = Journal.load(from: root)
        #expect(journal.diagnostics.map(\.code) == [.emptyJournal])
        #expect(try String(contentsOf: root.appending(path: ".gitignore"), encoding: .utf8).contains("/_site/"))
    }

    @Test func exampleCarriesTheWholeSampleJournal() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try JournalScaffold.create(at: root, example: true)
        let copy = Journal.load(from: root)
        let original = Journal.load(from: Fixtures.template)
        #expect(copy.diagnostics.isEmpty)
        #expect(copy.contacts == original.contacts)
        #expect(copy.encounters == original.encounters)
        #expect(copy.publications == original.publications)
    }

    @Test func refusesAFolderWithAnythingButGit() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["notes.md": "mine"], under: root)
        #expect(throws: JournalScaffold.Refusal.self) { try JournalScaffold.create(at: root, example: false) }
        #expect(try String(contentsOf: root.appending(path: "notes.md"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "ties.yaml").path))

        let withGit = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: withGit) }
        try FileManager.default.createDirectory(at: withGit.appending(path: ".git"), withIntermediateDirectories: true)
        try JournalScaffold.create(at: withGit, example: false)
        #expect(FileManager.default.fileExists(atPath: withGit.appending(path: "ties.yaml").path))
    }

    @Test func atomicCreateNeverReplacesAFile() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appending(path: "a.md")
        try AtomicFile.create(url, contents: Data("first".utf8))
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.create(url, contents: Data("second".utf8)) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "first")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["a.md"], "no temporary file left")
    }
}

@Suite("Finding the journal")
struct LocatorTests {
    @Test func walksUpFromASubfolderLikeGit() throws {
        let start = Fixtures.template.appending(path: "contacts")
        let found = try JournalLocator.locate(explicit: nil, environment: [:], start: start)
        #expect(found.standardizedFileURL.path == Fixtures.template.standardizedFileURL.path)
    }

    @Test func explicitFolderWinsOverTheEnvironment() throws {
        let found = try JournalLocator.locate(
            explicit: Fixtures.journal("linked").path,
            environment: ["TIES_JOURNAL": Fixtures.template.path])
        #expect(found.lastPathComponent == "linked")
        let fromEnvironment = try JournalLocator.locate(
            explicit: nil, environment: ["TIES_JOURNAL": Fixtures.template.path],
            start: URL(fileURLWithPath: "/"))
        #expect(fromEnvironment.lastPathComponent == "journal-template")
    }

    @Test func saysWhyThereIsNoJournal() {
        #expect(throws: JournalLocator.NotFound.self) {
            try JournalLocator.locate(explicit: nil, environment: [:], start: URL(fileURLWithPath: "/"))
        }
        do {
            _ = try JournalLocator.locate(explicit: "/nonexistent/x", environment: [:])
            Issue.record("found a journal in a missing folder")
        } catch {
            #expect(error.description == "--journal /nonexistent/x: no such folder /nonexistent/x")
        }
    }
}
