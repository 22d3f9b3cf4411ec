import Foundation
import TestSupport
import Testing

@testable import Index

@Suite("Cross-linking a journal")
struct LinkingTests {
    let journal = Journal.load(from: Fixtures.journal("linked"))

    /// Kinds compare in the order they are declared, which is the order records are numbered,
    /// tabled and listed in; so do the places search finds a text in.
    @Test func kindsCompareInTheOrderTheyAreDeclared() {
        #expect(RecordKind.allCases.sorted() == RecordKind.allCases)
        #expect(RecordKind.allCases.reversed().sorted() == RecordKind.allCases)
        for (a, b) in zip(RecordKind.allCases, RecordKind.allCases.dropFirst()) { #expect(a < b && !(b < a)) }
        #expect(SearchHit.Place.allCases.reversed().sorted() == SearchHit.Place.allCases)
    }

    @Test func linkedFixtureHasNoProblems() {
        #expect(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
    }

    @Test func referencesMatchSlugNameOrAliasIgnoringCase() {
        // `with: [ADA LOVELACE]`, `[Countess, Charles]`, `[Charles Babbage, grace]`
        #expect(journal.encounters["2024/2024-05-02-call"]?.with.map(\.target) == ["ada"])
        #expect(journal.encounters["2023/2023-11-20-lunch"]?.with.map(\.target) == ["ada", "charles"])
        #expect(journal.encounters["2024/2024-03-01-coffee"]?.with.map(\.target) == ["charles", "grace"])
        #expect(journal.contacts["ada"]?.circle?.target == "close")
    }

    @Test func timelineHoldsOnlyEncountersWithTheContactOldestFirst() {
        #expect(journal.encounters(with: "ada").map(\.slug) == ["2023/2023-11-20-lunch", "2024/2024-05-02-call"])
        #expect(journal.encounters(with: "charles").map(\.slug) == ["2023/2023-11-20-lunch", "2024/2024-03-01-coffee"])
        // Ada is mentioned in the coffee's body, which is not an encounter with her.
        #expect(journal.lastEncounter(with: "ada")?.slug == "2024/2024-05-02-call")
        #expect(journal.encounters(with: "alan").isEmpty)
    }

    /// A search and the timeline read records alone, so they never pay for the cross-link
    /// tables; the first question about what links to what makes them.
    @Test func crossLinkTablesAreMadeByTheFirstQuestionThatNeedsThem() {
        let journal = Journal.load(from: Fixtures.journal("linked"))
        #expect(!journal.search("coffee").hits.isEmpty)
        #expect(!journal.timeline().isEmpty)
        let madeBeforehand = journal.hasMadeTables
        #expect(!madeBeforehand, "a search or the timeline made the cross-link tables")
        #expect(!journal.encounters(with: "ada").isEmpty)
        let madeAfter = journal.hasMadeTables
        #expect(madeAfter)
    }

    @Test func globalTimelineIsSortedByDateAndTime() {
        #expect(journal.encounters.map(\.date.description) == ["2023-11-20", "2024-03-01", "2024-05-02 09:30"])
    }

    @Test func mentionsAreBacklinksFromBodiesOutsideCode() {
        let ada = journal.mentions(of: RecordID(.contact, "ada")).map(\.source)
        #expect(
            ada == [
                RecordID(.contact, "alan"), RecordID(.encounter, "2024/2024-03-01-coffee"),
                RecordID(.publication, "2024/talk"),
            ])
        // `[[contacts/grace]]` and `[[Grace Hopper]]`
        #expect(journal.mentions(of: RecordID(.contact, "grace")).map(\.source.slug) == ["ada", "alan"])
        // `[[charles|Charles]]` in Ada's body; the code span `[[charles]]` in the coffee is not one.
        #expect(journal.mentions(of: RecordID(.contact, "charles")).map(\.source.slug) == ["ada"])
    }

    @Test func introductionsBothWays() {
        let toGrace = journal.introductions(of: "grace")
        #expect(toGrace.map(\.introducers) == [["charles"], ["charles"]])
        #expect(toGrace.map(\.source) == [RecordID(.contact, "grace"), RecordID(.encounter, "2024/2024-03-01-coffee")])
        #expect(journal.introductions(by: "charles").map(\.introduced) == ["grace", "grace"])
        #expect(journal.introductions(by: "grace").isEmpty)
    }

    @Test func orgsMergeByNameAliasAndSlug() {
        #expect(journal.orgs.map(\.slug) == ["acme", "bletchley", "globex"])
        #expect(journal.orgs["acme"]?.isImplicit == false)
        #expect(journal.orgs["globex"]?.isImplicit == true)
        // "ACME Inc." (alias), "acme" (slug), "Acme Corporation" (name), "acme corporation" (case)
        #expect(Set(journal.affiliations(at: "acme").map(\.contact)) == ["ada", "alan", "charles", "grace"])
    }

    @Test func orgHistoryListsCurrentThenFormerPeople() {
        #expect(journal.currentPeople(at: "acme").map(\.contact) == ["charles", "grace"])
        #expect(
            journal.formerPeople(at: "acme").map { "\($0.contact) \($0.title ?? "")" } == [
                "ada Analyst", "charles Engineer", "alan Researcher",
            ])
        #expect(journal.affiliations(at: "acme").map(\.contact) == ["charles", "grace", "ada", "charles", "alan"])
        // The current `org` merges with the current role there rather than doubling it.
        #expect(journal.affiliations(of: "charles").filter(\.isCurrent).map(\.title) == ["CTO"])
        #expect(journal.affiliations(of: "ada").map(\.org) == ["acme", "globex"])
    }

    @Test func encountersWithPeopleOfAnOrgAreEachListedOnceInTimelineOrder() {
        // Acme: Charles (lunch and coffee), Grace (coffee), Ada (formerly: lunch and call).
        #expect(
            journal.encounters(withPeopleAt: "acme").map(\.slug) == [
                "2023/2023-11-20-lunch", "2024/2024-03-01-coffee", "2024/2024-05-02-call",
            ])
        #expect(journal.encounters(withPeopleAt: "bletchley").isEmpty)
    }

    @Test func goalsGatherContactsEncountersAndPublications() {
        #expect(journal.contacts(for: "mentor").map(\.slug) == ["ada", "charles", "grace"])
        #expect(journal.encounters(for: "mentor").map(\.slug) == ["2023/2023-11-20-lunch", "2024/2024-03-01-coffee"])
        #expect(journal.publications(for: "mentor").map(\.slug) == ["2024/talk"])
    }

    @Test func giveAndTakePerContact() {
        #expect(
            journal.exchanges(with: "charles").map { "\($0.direction.rawValue): \($0.what)" } == [
                "gave: Feedback on the engine", "received: An intro to Grace",
            ])
        #expect(journal.exchanges(with: "ada").map(\.what) == ["Advice"])
    }

    @Test func publicationsTogether() {
        #expect(journal.publications(with: "charles").map(\.slug) == ["2024/talk"])
        #expect(journal.publications(with: "grace").isEmpty)
    }

    @Test func internalMeansWorkingAtMyOrgNow() {
        #expect(journal.isInternal("ada"))
        #expect(!journal.isInternal("charles"))
    }

    @Test func findResolvesWhatAPersonTypes() throws {
        #expect(try journal.find("countess") == RecordID(.contact, "ada"))
        #expect(try journal.find("ACME Inc.", among: [.org]) == RecordID(.org, "acme"))
        #expect(throws: LookupError.notFound("Grace Hoper", suggestion: "Grace Hopper")) {
            try journal.find("Grace Hoper")
        }
    }

    @Test func loadingTwiceGivesTheSameJournal() {
        let again = Journal.load(from: Fixtures.journal("linked"))
        #expect(again.contacts == journal.contacts)
        #expect(again.encounters == journal.encounters)
        #expect(again.orgs == journal.orgs)
        #expect(again.introductions == journal.introductions)
    }
}

@Suite("Resolving names that go wrong")
struct ResolutionProblemTests {
    func load(_ files: [String: String]) throws -> Journal {
        let root = try Fixtures.temporaryFolder()
        try Fixtures.write(files.merging(["ties.yaml": "title: t\n"]) { a, _ in a }, under: root)
        defer { try? FileManager.default.removeItem(at: root) }
        return Journal.load(from: root)
    }

    @Test func aNameOfTwoContactsIsAnError() throws {
        let journal = try load([
            "contacts/bob-one.md": "---\nname: Bob Smith\n---\n",
            "contacts/bob-two.md": "---\nname: Robert Smith\naliases: [Bob Smith]\n---\n",
            "encounters/2024-01-01-x.md": "---\nwith: [Bob Smith, bob-two]\n---\n",
        ])
        #expect(journal.diagnostics.map(\.code) == [.ambiguousReference])
        #expect(journal.diagnostics.first?.location == SourceLocation(path: "encounters/2024-01-01-x.md", line: 2, column: 8))
        #expect(journal.encounters.first?.with.map(\.target) == [nil, "bob-two"])
    }

    @Test func aSlugWinsOverSomeoneElsesAlias() throws {
        let journal = try load([
            "contacts/ada.md": "---\nname: Ada Lovelace\n---\n",
            "contacts/ada-y.md": "---\nname: Ada Yonath\naliases: [ada]\n---\n",
            "encounters/2024-01-01-x.md": "---\nwith: [ada]\n---\n",
        ])
        #expect(journal.diagnostics.isEmpty)
        #expect(journal.encounters.first?.with.first?.target == "ada")
    }

    @Test func unknownNamesAreWarningsWithASuggestion() throws {
        let journal = try load([
            "contacts/charles-babbage.md": "---\nname: Charles Babbage\n---\nSee [[Charls]].\n",
            "encounters/2024-01-01-x.md": "---\nwith: [Charls Babbage]\ngoals: [nothing]\n---\n",
        ])
        #expect(
            journal.diagnostics.map { "\($0.location) \($0.severity) \($0.message)" } == [
                "contacts/charles-babbage.md:4:5 warning unknown record '[[Charls]]'",
                "encounters/2024-01-01-x.md:2:8 warning unknown contact 'Charls Babbage' in 'with' (did you mean 'Charles Babbage'?)",
                "encounters/2024-01-01-x.md:3:9 warning unknown goal 'nothing' in 'goals'",
            ])
    }

    @Test func aWikiLinkNamingTwoKindsIsAnError() throws {
        let journal = try load([
            "contacts/acme.md": "---\nname: Acme\n---\n",
            "orgs/acme.md": "---\nname: Acme\n---\n",
            "goals/g.md": "---\ntitle: G\n---\nAsk [[acme]] or [[orgs/acme]].\n",
        ])
        #expect(journal.diagnostics.map(\.code) == [.ambiguousReference])
        #expect(
            journal.diagnostics.first?.message
                == "'[[acme]]' names 2 records: 'contacts/acme', 'orgs/acme'; write [[folder/slug]] of the one you mean")
        #expect(journal.goals["g"]?.wikiLinks.map(\.target) == [nil, RecordID(.org, "acme")])
    }

    /// A goal names an org by a link, or by writing its name or an alias out as whole words,
    /// without case or accents; one-word names of under three characters count only by link.
    @Test func aGoalNamesTheOrgsItWritesOutAsWholeWords() throws {
        let journal = try load([
            "orgs/munich-re.md": "---\nname: Munich Re\n---\n",
            "orgs/acme.md": "---\nname: Acme Robotics\naliases: [ACME]\n---\n",
            "orgs/ai.md": "---\nname: AI\n---\n",
            "orgs/zurich.md": "---\nname: Zürich Versicherung\n---\n",
            "orgs/globex.md": "---\nname: Globex\n---\n",
            "orgs/initech.md": "---\nname: Initech\n---\n",
            "goals/move.md": """
            ---
            title: Join MUNICH-RE's risk team
            ---
            Or acme, or zurich   versicherung; not Globexia, not AI; ask [[Initech]].
            """,
        ])
        let goal = try #require(journal.goals["move"])
        #expect(journal.orgs(namedBy: goal).map(\.slug) == ["acme", "initech", "munich-re", "zurich"])
    }

    @Test func aTypoInAnOrgNameIsCaughtButNewOrgsAreNot() throws {
        let journal = try load([
            "orgs/acme.md": "---\nname: Acme Robotics\n---\n",
            "contacts/a.md": "---\norg: Acme Robotix\n---\n",
            "contacts/b.md": "---\norg: Globex\n---\n",
        ])
        #expect(
            journal.diagnostics.map(\.message) == [
                "unknown org 'Acme Robotix' (did you mean 'Acme Robotics'?)"
            ])
        #expect(journal.orgs.map(\.slug) == ["acme", "acme-robotix", "globex"])
    }

    @Test func duplicateSlugsAcrossSubfoldersAreErrors() throws {
        let journal = try load([
            "contacts/ada.md": "---\nname: Ada\n---\n",
            "contacts/old/Ada.md": "---\nname: Ada again\n---\n",
            "encounters/2024/a.md": "---\ndate: 2024-01-01\n---\n",
            "encounters/2025/a.md": "---\ndate: 2025-01-01\n---\n",
        ])
        #expect(
            journal.diagnostics.map { "\($0.location) \($0.code.rawValue)" } == [
                "contacts/old/Ada.md:1:1 duplicate-slug"
            ])
        #expect(journal.contacts.map(\.name) == ["Ada"])
        #expect(journal.encounters.map(\.slug) == ["2024/a", "2025/a"])
    }

    @Test func hiddenFilesOtherFilesAndTheSiteAreIgnored() throws {
        let journal = try load([
            "contacts/a.md": "---\nname: A\n---\n",
            "contacts/.trash/b.md": "---\nname: B\n---\n",
            "contacts/notes.txt": "not a record",
            ".obsidian/c.md": "x",
            "README.md": "# readme",
            "_site/contacts/d.md": "---\nname: D\n---\n",
        ])
        #expect(journal.contacts.map(\.slug) == ["a"])
        #expect(journal.diagnostics.isEmpty)
    }

    @Test func anEmptyJournalIsAWarning() {
        let journal = Journal.load(from: Fixtures.journal("empty"))
        #expect(
            journal.diagnostics.map { "\($0.location) \($0.severity) \($0.code.rawValue)" } == [
                "ties.yaml:1:1 warning empty-journal"
            ])
    }
}

@Suite("Files that cannot be read")
struct UnreadableFileTests {
    @Test func aBrokenLinkIsReportedAndTheRestStillLoads() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["ties.yaml": "title: t\n", "contacts/ada.md": "---\nname: Ada\n---\n"], under: root)
        try FileManager.default.createSymbolicLink(
            atPath: root.appending(path: "contacts/gone.md").path,
            withDestinationPath: "/nonexistent/gone.md")
        let journal = Journal.load(from: root)
        #expect(
            journal.diagnostics.map { "\($0.location) \($0.code.rawValue) \($0.message)" } == [
                "contacts/gone.md:1:1 unreadable-file cannot read file: No such file or directory"
            ])
        #expect(journal.contacts.map(\.slug) == ["ada"])
    }
}
