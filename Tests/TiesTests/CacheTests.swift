import Foundation
import TestSupport
import Testing

@Suite("The parse cache, end to end")
struct CacheTests {
    @Test func commandsAnswerTheSameFromTheCacheAndWriteNothingIntoTheJournal() throws {
        let journal = try Fixtures.copy(Fixtures.template)
        let cache = try Fixtures.temporaryFolder("ties-cache")
        let before = try Self.listing(journal)
        let environment = ["TIES_CACHE_DIR": cache.path]
        for arguments in [
            ["check"], ["due", "--today", "2026-11-25"], ["pubs"], ["show", "jonas"], ["week", "--today", "2026-11-25"],
            ["greet", "--today", "2026-11-25"],
        ] {
            let parsed = try TiesBinary.run(arguments, in: journal, environment: ["TIES_CACHE": "off"])
            let first = try TiesBinary.run(arguments, in: journal, environment: environment)
            let second = try TiesBinary.run(arguments, in: journal, environment: environment)
            #expect(first.stdout == parsed.stdout && second.stdout == parsed.stdout, "\(arguments)")
            #expect(first.status == parsed.status && second.status == parsed.status, "\(arguments)")
        }
        #expect(try Self.listing(journal) == before, "no file added to, or changed in, the journal")
        let written = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        #expect(
            written.count == 3 && written[0].hasSuffix(".agenda") && written[1].hasSuffix(".cache")
                && written[2].hasSuffix(".journal"), "\(written)")
    }

    /// `ties check` and `ties due` need only the agenda: once it is kept, an unchanged journal
    /// is not parsed, decoded or linked, only its files' stamps are read.
    @Test func checkAndDueAnswerAnUnchangedJournalFromTheAgendaAlone() throws {
        let journal = try Fixtures.copy(Fixtures.template)
        let cache = try Fixtures.temporaryFolder("ties-cache")
        // Older than the moment a cache trusts a file's time from.
        let past = Date(timeIntervalSinceNow: -60)
        for case let file as URL in FileManager.default.enumerator(at: journal, includingPropertiesForKeys: nil)! {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
        }
        let environment = ["TIES_CACHE_DIR": cache.path, "TIES_TIMINGS": "1"]
        let cold = try TiesBinary.run(["check"], in: journal, environment: environment)
        #expect(cold.stderr.contains("ties: parse "), "the first run loads the journal")
        for arguments in [["check"], ["due", "--today", "2026-11-25"]] {
            let uncached = try TiesBinary.run(arguments, in: journal, environment: ["TIES_CACHE": "off"])
            let warm = try TiesBinary.run(arguments, in: journal, environment: environment)
            #expect(warm.stdout == uncached.stdout && warm.status == uncached.status, "\(arguments)")
            #expect(warm.stderr.contains("ties: read the agenda"), "\(arguments): \(warm.stderr)")
            #expect(!warm.stderr.contains("ties: parse ") && !warm.stderr.contains("cross-link"), "\(arguments)")
        }
    }

    @Test func turnedOffNothingIsWritten() throws {
        let cache = try Fixtures.temporaryFolder("ties-cache")
        let result = try TiesBinary.run(
            ["check"], in: Fixtures.template, environment: ["TIES_CACHE": "off", "TIES_CACHE_DIR": cache.path])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
    }

    /// Every file under `root` with its size and modification time.
    static func listing(_ root: URL) throws -> [String] {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys)!
        var listing: [String] = []
        for case let file as URL in files {
            let values = try file.resourceValues(forKeys: Set(keys))
            listing.append("\(file.path) \(values.fileSize ?? -1) \(values.contentModificationDate ?? .distantPast)")
        }
        return listing.sorted()
    }
}
