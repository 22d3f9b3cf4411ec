import Foundation
import Support
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// Names and slugs match in any case, in every script: the only capitals in these names are
/// not ASCII, so an ASCII-only folding would miss every one.
@Suite("Case folding beyond ASCII")
struct CaseFoldingTests {
    static func journal() throws -> (Journal, URL) {
        let root = try Fixtures.temporaryFolder()
        try Fixtures.write(
            [
                "ties.yaml": "title: x\n",
                "contacts/aerzte.md": "---\nname: Ärzte\n---\n",
                "contacts/dmitri.md": "---\nname: Дмитрий Волков\n---\n",
                "contacts/athina.md": "---\nname: Αθηνά Παππά\naliases: [Ωμέγα]\n---\n",
                "contacts/Émile.md": "---\nname: Someone Else\n---\n",
                "encounters/2026-01-05-all.md": """
                ---
                with: [ärzte, дмитрий волков, αθηνά παππά, ωμέγα, émile]
                ---
                Met [[ärzte]], [[ДМИТРИЙ ВОЛКОВ]], [[αθηνά παππά]] and [[ÉMILE]].

                """,
            ], under: root)
        return (Journal.load(from: root), root)
    }

    @Test func referencesAndLinksMatchInAnyCase() throws {
        let (journal, root) = try Self.journal()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(journal.diagnostics.isEmpty, "\(journal.diagnostics.map(\.message))")
        let encounter = try #require(journal.encounters["2026-01-05-all"])
        #expect(encounter.with.map(\.target) == ["aerzte", "dmitri", "athina", "athina", "Émile"])
        #expect(encounter.wikiLinks.map { $0.target?.slug } == ["aerzte", "dmitri", "athina", "Émile"])
    }

    @Test(arguments: [("Ärzte", "ärzte"), ("ДМИТРИЙ", "дмитрий"), ("ΑΘΗΝΆ", "αθηνά"), ("ÉMILE", "émile"), ("abc", "abc")])
    func foldingLowersEveryScript(text: String, folded: String) {
        #expect(text.lowercasedIfNeeded == folded)
    }
}
