import Support
import Testing

@testable import Index

@Suite("Slugs and suggestions")
struct SupportTests {
    @Test(arguments: [
        ("Ada Lovelace", "ada-lovelace"), ("Jürgen Weiß", "jurgen-weiss"), ("  ACME Inc. ", "acme-inc"),
        ("Sofía Álvarez", "sofia-alvarez"), ("Open Source Berlin e.V.", "open-source-berlin-e-v"), ("!!!", "x"),
        ("Дмитрий Волков", "dmitrij-volkov"),
    ])
    func makesSlugs(input: String, expected: String) {
        #expect(Slug.make(from: input) == expected)
    }

    /// Most file names are slugs already, and are taken as they are; anything else is made.
    @Test(arguments: ["ada-lovelace", "e000907", "2024", "-ada", "ada-", "ada--b", "Ada", "a_b", "a.b", "", "x"])
    func aSlugIsItsOwnSlug(text: String) {
        #expect(Slug.isSlug(text) == (Slug.make(from: text) == text))
        #expect(Slug.make(from: Slug.make(from: text)) == Slug.make(from: text))
    }

    /// Each part between slashes a slug that fits: the same answer as splitting and asking
    /// `isSlug` of each part.
    @Test(arguments: [
        "2025/2025-01-01-coffee", "a/b/c", "ada", "a//b", "/a", "a/", "a-/b", "a/-b", "A/b", "", "/",
        String(repeating: "a", count: Slug.longest) + "/b", String(repeating: "a", count: Slug.longest + 1) + "/b",
    ])
    func aSlugPathIsASlugInEveryPart(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        #expect(Slug.isSlugInEveryPart(path) == parts.allSatisfy { Slug.isSlug($0) && $0.utf8.count <= Slug.longest })
    }

    @Test func slugsOfOtherScriptsAreASCII() {
        for name in ["田中 宏", "林美", "Ὀδυσσεύς", "محمد"] {
            let slug = Slug.make(from: name)
            #expect(slug.unicodeScalars.allSatisfy { $0.isASCII }, "\(name) → \(slug)")
            #expect(!slug.isEmpty)
        }
    }

    @Test(
        arguments: [
            ("Charls Babbage", ["Ada Lovelace", "Charles Babbage"], "Charles Babbage"),
            ("titel", ["title", "tags", "name"], "title"),
            ("emial", ["emails", "phones"], nil),  // two edits in a five-letter word is too far
            ("publshed", ["idea", "draft", "published"], "published"),
            ("zzz", ["ada", "bob"], nil),
            ("ADA LOVELACE", ["Ada Lovelace"], "Ada Lovelace"),
        ] as [(String, [String], String?)])
    func suggestsNearbyNames(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.nearest(to: word, in: candidates) == expected)
    }

    @Test func editDistanceCountsTranspositionsAsOne() {
        let a = Array("titel".unicodeScalars)
        let b = Array("title".unicodeScalars)
        #expect(Suggestion.editDistance(a, b, atMost: 3) == 1)
        #expect(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), atMost: 3) == 3)
        #expect(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), atMost: 2) == nil)
    }
}
