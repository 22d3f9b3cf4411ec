import Foundation
import Support
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// `Tests/Fixtures/names`: people whose names are typed in many ways.
@Suite("Finding a record by what a person types")
struct NameResolverTests {
    let journal = Journal.load(from: Fixtures.journal("names"))

    @Test(arguments: [
        // Slug, name, alias, any case.
        ("lena-schaefer", "lena-schaefer"), ("LENA SCHÄFER", "lena-schaefer"), ("jm", "jonas-mueller"),
        // Accents, umlauts spelt out or dropped, ß as ss, letters that do not decompose.
        ("Lena Schafer", "lena-schaefer"), ("lena schaefer", "lena-schaefer"), ("Jonas Mueller", "jonas-mueller"),
        ("jonas muller", "jonas-mueller"), ("Jurgen Weiss", "juergen-weiss"), ("Lukasz Nowak", "lukasz-nowak"),
        // A unique first or last name, in any script, folded as above.
        ("schäfer", "lena-schaefer"), ("schafer", "lena-schaefer"), ("Mueller", "jonas-mueller"), ("Müller", "jonas-mueller"),
        ("Muller", "jonas-mueller"), ("weiss", "juergen-weiss"), ("田中", "hiroshi-tanaka"), ("Tanaka", "hiroshi-tanaka"),
        ("van der berg", "hans-van-der-berg"), ("lukasz", "lukasz-nowak"),
        // A unique start of a name or of one of its words.
        ("Len", "lena-schaefer"), ("lena sch", "lena-schaefer"), ("Schä", "lena-schaefer"), ("田", "hiroshi-tanaka"),
    ])
    func findsAContact(typed: String, slug: String) throws {
        #expect(try journal.find(typed, among: [.contact]) == RecordID(.contact, slug))
    }

    @Test func anExactNameWinsOverALooserReading() throws {
        // "Jo" is a contact's whole name, and the start of Joe Miller's and Jonas Müller's.
        #expect(try journal.find("Jo", among: [.contact]) == RecordID(.contact, "jo"))
        // "Joe" is a word of one name only.
        #expect(try journal.find("joe", among: [.contact]) == RecordID(.contact, "joe-miller"))
        // Folded, both Bärbel Schön and Barbel Schon; exactly, only the one written so.
        #expect(try journal.find("barbel schon", among: [.contact]) == RecordID(.contact, "barbel-schon"))
        #expect(throws: LookupError.self) { try journal.find("Barbel Schön", among: [.contact]) }
    }

    @Test func aNameOfSeveralListsThemAll() {
        #expect(
            throws: LookupError.ambiguous(
                "Anna",
                [
                    .init(id: RecordID(.contact, "anna-becker"), name: "Anna Becker"),
                    .init(id: RecordID(.contact, "anna-schmidt"), name: "Anna Schmidt"),
                ])
        ) { try journal.find("Anna", among: [.contact]) }
        let message =
            (try? journal.find("Anna")).map { "\($0)" }
            ?? LookupError.ambiguous(
                "Anna", [.init(id: RecordID(.contact, "anna-becker"), name: "Anna Becker")]
            ).description
        #expect(message.contains("contact anna-becker  Anna Becker"))
    }

    @Test func everyKindIsFoundTheSameWay() throws {
        #expect(try journal.find("acme") == RecordID(.org, "acme-robotics"))
        #expect(try journal.find("mentor") == RecordID(.goal, "find-a-mentor"))
        #expect(try journal.find("paved") == RecordID(.publication, "2026/paved-roads"))
        #expect(try journal.find("2026-03-05-coffee-lena") == RecordID(.encounter, "2026/2026-03-05-coffee-lena"))
    }

    /// A file as an editor or a shell's completion gives it names its record, with or without
    /// `.md`; a path of no file of the journal names nothing.
    @Test func aRecordsFileNamesIt() throws {
        #expect(try journal.find("contacts/anna-becker.md") == RecordID(.contact, "anna-becker"))
        #expect(try journal.find("./contacts/anna-becker") == RecordID(.contact, "anna-becker"))
        #expect(
            try journal.find("encounters/2026/2026-03-05-coffee-lena.md") == RecordID(.encounter, "2026/2026-03-05-coffee-lena"))
        #expect(throws: LookupError.self) { try journal.find("contacts/nobody.md") }
        #expect(throws: LookupError.self) { try journal.find("goals/anna-becker.md") }
        #expect(throws: LookupError.self) { try journal.find("contacts/anna-becker.md", among: [.org]) }
    }

    @Test func nothingFoundSuggestsTheNearestName() {
        #expect(throws: LookupError.notFound("Lena Schäffer", suggestion: "Lena Schäfer")) {
            try journal.find("Lena Schäffer", among: [.contact])
        }
        #expect(throws: LookupError.notFound("zzz", suggestion: nil)) { try journal.find("zzz") }
    }

    @Test func namesSortAsPeopleExpect() {
        let names = ["Zoë", "Ärger", "anna", "Österreich", "Oskar", "émile", "Eva", "Łukasz", "Lena", "Straße", "Strasse"]
        let sorted = NameOrder.sorted(names, name: { $0 }, tieBreak: { $0 })
        #expect(sorted == ["anna", "Ärger", "émile", "Eva", "Lena", "Łukasz", "Oskar", "Österreich", "Strasse", "Straße", "Zoë"])
    }
}

@Suite("Folding text for comparison")
struct TextFoldingTests {
    @Test(arguments: [
        ("Jürgen Weiß", "jurgen weiss"), ("ŁUKASZ", "lukasz"), ("Søren Kierkegaard", "soren kierkegaard"),
        ("Æsir Œuvre", "aesir oeuvre"), ("José", "jose"), ("Jose\u{301}", "jose"), ("Ｔａｎａｋａ", "tanaka"),
        ("田中 宏", "田中 宏"), ("Дмитрий Волков", "дмитрии волков"), ("Nguyễn Thị Ánh", "nguyen thi anh"),
        ("Jean-Luc  O'Brien!", "jean luc o brien"), ("  ", ""),
    ])
    func foldsNames(text: String, folded: String) {
        #expect(TextFolding.fold(text, words: true) == folded)
    }

    @Test func umlautsSpeltOutOnlyWhenAsked() {
        #expect(TextFolding.fold("Müller Ärger Öl") == "muller arger ol")
        #expect(TextFolding.fold("Müller Ärger Öl", spellUmlauts: true) == "mueller aerger oel")
    }

    /// What search asks: whether a text, folded, holds a folded needle. It compares the text's
    /// own bytes first and folds only when they do not hold it; the answer must be the one
    /// folding first gives, for every piece of every text (accents, marks, width, scripts).
    @Test func matchesIsWhatFoldingTheTextFirstGives() {
        let texts = [
            "Jürgen Weiß met ŁUKASZ at the Straße café", "Jose\u{301} and Ｔａｎａｋａ", "田中 宏 and Дмитрий Волков",
            "Nguyễn Thị Ánh, Søren, Æsir Œuvre", "plain ascii on-call rotation", "e\u{301}xample İstanbul ǅ",
        ]
        var random = SplitMix64(seed: 29)
        for text in texts {
            let characters = Array(text)
            for _ in 0..<200 {
                let start = random.below(characters.count)
                let length = 1 + random.below(min(8, characters.count - start))
                let needle = TextFolding.fold(String(characters[start..<start + length]))
                guard !needle.isEmpty else { continue }
                let expected = TextFolding.contains(TextFolding.fold(text), needle)
                #expect(TextFolding.matches(text, folded: needle) == expected, "\(needle) in \(text)")
            }
            #expect(!TextFolding.matches(text, folded: "zzq"))
        }
        #expect(TextFolding.matches("Ärger im Büro", folded: "buro"))
        #expect(TextFolding.matches("STRASSE", folded: "strasse"))
        #expect(TextFolding.matches("Straße", folded: "strasse"))
    }

    /// Search's one-pass test of a text is what folding the whole text first gives.
    @Test func aSearchWordIsFoundAsInTheFoldedText() {
        let texts = [
            "Jürgen Weiß met Mueller and MÜLLER at the Straße café", "queue blue aee Oe oe", "plain ascii on-call rotation",
            "Ärger im Büro, Geschäftsführerin", "Ｔａｎａｋａ 田中 Дмитрий",
        ]
        var random = SplitMix64(seed: 31)
        var scratch: [UInt8] = []
        for text in texts {
            let characters = Array(text)
            for _ in 0..<300 {
                let start = random.below(characters.count)
                let length = 1 + random.below(min(7, characters.count - start))
                let key = TextFolding.searchKey(String(characters[start..<start + length]))
                guard !key.isEmpty else { continue }
                let expected = TextFolding.contains(TextFolding.searchKey(text), key)
                #expect(TextFolding.SearchWord(key: key).isIn(text, scratch: &scratch) == expected, "\(key) in \(text)")
            }
        }
        #expect(TextFolding.SearchWord(key: TextFolding.searchKey("mueller")).isIn("Frau Müller", scratch: &scratch))
        #expect(TextFolding.SearchWord(key: TextFolding.searchKey("abab")).isIn("aababab", scratch: &scratch))
    }

    @Test func containsComparesBytes() {
        #expect(TextFolding.contains("on-call rotation", "call r"))
        #expect(!TextFolding.contains("on-call", "calls"))
        #expect(TextFolding.contains("x", ""))
        #expect(!TextFolding.contains("", "x"))
    }
}
