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
        for arguments in [["check"], ["due", "--today", "2026-11-25"], ["pubs"], ["show", "jonas"]] {
            let parsed = try TiesBinary.run(arguments, in: journal, environment: ["TIES_CACHE": "off"])
            let first = try TiesBinary.run(arguments, in: journal, environment: environment)
            let second = try TiesBinary.run(arguments, in: journal, environment: environment)
            #expect(first.stdout == parsed.stdout && second.stdout == parsed.stdout, "\(arguments)")
            #expect(first.status == parsed.status && second.status == parsed.status, "\(arguments)")
        }
        #expect(try Self.listing(journal) == before, "no file added to, or changed in, the journal")
        let written = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        #expect(written.count == 2 && written[0].hasSuffix(".agenda") && written[1].hasSuffix(".cache"), "\(written)")
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
