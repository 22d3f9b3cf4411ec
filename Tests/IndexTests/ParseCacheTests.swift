import Foundation
import TestSupport
import Testing

@testable import Index

@Suite("The parse cache")
struct ParseCacheTests {
    // MARK: The format

    @Test func everyFieldOfEveryKindOfRecordSurvivesTheCache() throws {
        for record in Self.fullRecords {
            let parsed = ParsedFile(record: record, diagnostics: [Self.diagnostic])
            let bytes = BinaryWriter.encode(parsed)
            let decoded = try bytes.withUnsafeBytes { try BinaryReader.decode(ParsedFile.self, from: $0) }
            #expect(decoded.diagnostics == parsed.diagnostics)
            switch (decoded.record, record) {
            case let (.contact(a)?, .contact(b)): #expect(a == b)
            case let (.encounter(a)?, .encounter(b)): #expect(a == b)
            case let (.publication(a)?, .publication(b)): #expect(a == b)
            case let (.org(a)?, .org(b)): #expect(a == b)
            case let (.goal(a)?, .goal(b)): #expect(a == b)
            default: Issue.record("a \(record) came back as \(String(describing: decoded.record))")
            }
        }
    }

    @Test func anEncounterWithoutADateStaysUndated() throws {
        let undated = ParsedFile(record: .encounter(Encounter(slug: "x", path: "encounters/x.md")), diagnostics: [])
        let bytes = BinaryWriter.encode(undated)
        let decoded = try bytes.withUnsafeBytes { try BinaryReader.decode(ParsedFile.self, from: $0) }
        guard case let .encounter(encounter)? = decoded.record else { Issue.record("no encounter"); return }
        #expect(!encounter.hasDate)
    }

    /// Guards the test above: a field added to a record but not set here would pass it unseen.
    @Test func theRecordsAboveSetEveryField() {
        let empty: [AnyRecord] = [
            .contact(Contact(slug: "", path: "", name: "")), .encounter(Encounter(slug: "", path: "", date: Self.moment)),
            .publication(Publication(slug: "", path: "", title: "")), .org(Org(slug: "", path: "", name: "")),
            .goal(Goal(slug: "", path: "", title: "")),
        ]
        for (full, blank) in zip(Self.fullRecords, empty) {
            let fullFields = Mirror(reflecting: Self.payload(full)).children
            let blankFields = Mirror(reflecting: Self.payload(blank)).children
            for (field, blankField) in zip(fullFields, blankFields) where field.label != "date" && field.label != "hasDate" {
                #expect(
                    String(describing: field.value) != String(describing: blankField.value),
                    "set \(field.label ?? "?") in ParseCacheTests.fullRecords")
            }
        }
    }

    @Test func aDamagedPayloadIsRefusedNotMisread() {
        let bytes = BinaryWriter.encode(ParsedFile(record: Self.fullRecords[0], diagnostics: []))
        for cut in [1, bytes.count / 2, bytes.count - 1] {
            let truncated = Array(bytes.prefix(cut))
            #expect(throws: BinaryReader.Malformed.self) {
                try truncated.withUnsafeBytes { try BinaryReader.decode(ParsedFile.self, from: $0) }
            }
        }
    }

    // MARK: Loading with a cache

    @Test func aSecondLoadTakesUnchangedFilesFromTheCacheAndGivesTheSameJournal() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        let first = Journal.load(from: journal, cache: cache)
        #expect(first.origin.parsed > 5 && first.origin.cached == 0)
        #expect(FileManager.default.fileExists(atPath: cache.url.path))
        let second = Journal.load(from: journal, cache: cache)
        #expect(second.origin.parsed == 0 && second.origin.cached == first.origin.parsed)
        try Self.expectSame(second, first)
        #expect(try Self.permissions(of: cache.url) == 0o600, "the cache holds the journal's text: its owner's only")
    }

    @Test func theSampleJournalIsTheSameFromTheCache() throws {
        let (journal, cache) = try Self.agedCopy("journal-template")
        let parsed = Journal.load(from: journal, cache: cache)
        let cached = Journal.load(from: journal, cache: cache)
        #expect(cached.origin.parsed == 0)
        try Self.expectSame(cached, parsed)
        try Self.expectSame(cached, Journal.load(from: journal))
    }

    @Test func aChangedFileIsParsedAgain() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        _ = Journal.load(from: journal, cache: cache)
        let ada = journal.appending(path: "contacts/ada.md")
        let text = try String(contentsOf: ada, encoding: .utf8)
        try text.replacingOccurrences(of: "Ada Lovelace", with: "Ada King").write(to: ada, atomically: false, encoding: .utf8)
        let changed = Journal.load(from: journal, cache: cache)
        #expect(changed.origin.parsed == 1)
        #expect(changed.contacts["ada"]?.name == "Ada King")
    }

    @Test func aFileTouchedButNotChangedIsNotParsedAgain() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        let first = Journal.load(from: journal, cache: cache)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -30)], ofItemAtPath: journal.appending(path: "contacts/ada.md").path)
        let touched = Journal.load(from: journal, cache: cache)
        #expect(touched.origin.parsed == 0, "the content hash matched")
        try Self.expectSame(touched, first)
    }

    /// A file changed in the same clock tick as the cache was written, with the same size, has
    /// the stamp the cache recorded: only its content hash tells.
    @Test func aFileChangedRightAfterTheCacheWasWrittenIsCheckedByContent() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        let ada = journal.appending(path: "contacts/ada.md")
        let text = try String(contentsOf: ada, encoding: .utf8)
        try text.write(to: ada, atomically: false, encoding: .utf8)  // now: within the racy window
        let stamp = try FileManager.default.attributesOfItem(atPath: ada.path)[.modificationDate] as! Date
        _ = Journal.load(from: journal, cache: cache)
        try text.replacingOccurrences(of: "Ada Lovelace", with: "Ada Lovelacx").write(to: ada, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: ada.path)
        #expect(Journal.load(from: journal, cache: cache).contacts["ada"]?.name == "Ada Lovelacx")
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        let first = Journal.load(from: journal, cache: cache)
        let bytes = try Data(contentsOf: cache.url)
        for damaged in [bytes.prefix(bytes.count / 2), Data("not a cache".utf8), bytes.prefix(40) + Data(count: 200)] {
            try damaged.write(to: cache.url)
            // The parse cache alone: the linked journal would answer first.
            CacheFile.finishWrites()
            try? FileManager.default.removeItem(at: cache.linked.url)
            let loaded = Journal.load(from: journal, cache: cache)
            #expect(loaded.origin.parsed == first.origin.parsed)
            try Self.expectSame(loaded, first)
        }
    }

    @Test func aRemovedFileLeavesTheJournal() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        _ = Journal.load(from: journal, cache: cache)
        try FileManager.default.removeItem(at: journal.appending(path: "contacts/grace.md"))
        let loaded = Journal.load(from: journal, cache: cache)
        #expect(loaded.contacts["grace"] == nil)
        #expect(loaded.origin.parsed == 0)
    }

    @Test func theCacheIsOutsideTheJournalAndCanBeTurnedOff() {
        let root = URL(filePath: "/home/someone/network")
        let cache = ParseCache.forJournal(at: root, environment: ["HOME": "/home/someone"])
        #expect(cache?.url.path.hasPrefix("/home/someone/.cache/ties/journal-") == true)
        #expect(
            ParseCache.forJournal(at: root, environment: ["HOME": "/h", "XDG_CACHE_HOME": "/x"])?.url.path
                .hasPrefix("/x/ties/") == true)
        #expect(ParseCache.forJournal(at: root, environment: ["TIES_CACHE_DIR": "/c"])?.url.path.hasPrefix("/c/") == true)
        #expect(ParseCache.forJournal(at: root, environment: ["HOME": "/h", "TIES_CACHE": "off"]) == nil)
        #expect(
            ParseCache.forJournal(at: URL(filePath: "/other"), environment: ["HOME": "/h"])?.url
                != ParseCache.forJournal(at: root, environment: ["HOME": "/h"])?.url, "one cache per journal")
    }

    @Test func stampsOfManyFilesAreThoseOfEachFile() throws {
        let folder = try Fixtures.temporaryFolder()
        var paths: [String] = []
        for index in 0..<70 {
            let path = folder.appending(path: "\(index % 3)/f\(index).md").path
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try String(repeating: "x", count: index).write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
        }
        paths.append(folder.appending(path: "missing.md").path)
        for count in [0, 1, 2, 17, 59, 71] {
            let stamps = FileStamp.stamps(of: Array(paths.prefix(count)))
            #expect(stamps.count == count)
            for (path, stamp) in zip(paths, stamps) {
                #expect(stamp?.size == FileStamp(path: path)?.size && stamp?.modified == FileStamp(path: path)?.modified)
            }
        }
        #expect(FileStamp.stamps(of: paths).last! == nil, "a missing file has no stamp")
    }

    // MARK: The agenda

    @Test func theAgendaAnswersTheSameWarmAndCold() throws {
        let (journal, cache) = try Self.agedCopy("journal-template")
        let whole = Journal.load(from: journal).agenda
        let cold = Agenda.load(from: journal, cache: cache)
        #expect(!cold.fromCache, "the first load makes the agenda")
        let warm = Agenda.load(from: journal, cache: cache)
        #expect(warm.fromCache)
        let uncached = Agenda.load(from: journal)
        #expect(warm == cold && cold == whole && uncached == whole, "the same values, however it was made")
        var today = try #require(Day("2024-01-01"))
        var answered = 0
        while today < Day("2027-06-01")! {
            for agenda in [cold, uncached] {
                #expect(warm.overdueContacts(on: today) == agenda.overdueContacts(on: today), "\(today)")
                #expect(warm.openFollowUps(on: today, within: 21) == agenda.openFollowUps(on: today, within: 21), "\(today)")
                #expect(warm.occasions(on: today, within: 21) == agenda.occasions(on: today, within: 21), "\(today)")
            }
            answered +=
                warm.overdueContacts(on: today).count + warm.openFollowUps(on: today, within: 21).count
                + warm.occasions(on: today, within: 21).count
            today = today.adding(days: 17)
        }
        #expect(answered > 50, "the days compared have answers to compare")
    }

    @Test func anyChangeToTheJournalMeansAWholeLoadForTheAgenda() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        _ = Agenda.load(from: journal, cache: cache)
        #expect(Agenda.load(from: journal, cache: cache).fromCache)

        try Fixtures.write(
            ["encounters/2025/2025-01-10-call.md": "---\ndate: 2025-01-10\nwith: [Grace]\nfollowups: [Send the notes]\n---\n"],
            under: journal)
        let changed = Agenda.load(from: journal, cache: cache)
        #expect(!changed.fromCache)
        #expect(changed.people.first { $0.contact.slug == "grace" }?.lastEncounter == Day("2025-01-10"))
        #expect(changed.openFollowUps(on: Day("2025-01-10")!, within: 30).contains { $0.task == "Send the notes" })
        // Written just now: within the racy window, so not trusted until it is older.
        #expect(!Agenda.load(from: journal, cache: cache).fromCache)

        try Self.age(journal)
        _ = Agenda.load(from: journal, cache: cache)
        #expect(Agenda.load(from: journal, cache: cache).fromCache)
        let config = journal.appending(path: "ties.yaml")
        try (String(contentsOf: config, encoding: .utf8) + "\n# a comment\n").write(to: config, atomically: true, encoding: .utf8)
        #expect(!Agenda.load(from: journal, cache: cache).fromCache, "ties.yaml counts too")
    }

    // MARK: The linked journal

    /// A second load of an unchanged journal takes it linked from its cache: the same records,
    /// diagnostics, settings and cross-links as a load without any cache.
    @Test(arguments: ["journal-template", "linked", "network", "broken", "names"])
    func theLinkedJournalFromItsCacheIsTheJournal(name: String) throws {
        let (journal, cache) = try Self.agedCopy(name)
        let cold = Journal.load(from: journal, cache: cache)
        #expect(!cold.origin.linkedFromCache)
        let warm = Journal.load(from: journal, cache: cache)
        #expect(warm.origin.linkedFromCache, "\(name)")
        let uncached = Journal.load(from: journal)
        try Self.expectSame(warm, uncached)
        try Self.expectSame(cold, uncached)
        // Without `me.org` too (a settings value read only when present once misplaced the rest).
        _ = Agenda.load(from: journal, cache: cache)
        #expect(Agenda.load(from: journal, cache: cache).fromCache, "\(name): the agenda too")
    }

    /// Any change a file's stamp shows, or that finding the files reports, means a whole load.
    @Test func anyChangeToTheJournalMeansItIsLinkedAgain() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        _ = Journal.load(from: journal, cache: cache)
        #expect(Journal.load(from: journal, cache: cache).origin.linkedFromCache)

        // A new file naming an existing person: her encounters change.
        try Fixtures.write(["encounters/2025/2025-01-10-call.md": "---\ndate: 2025-01-10\nwith: [Grace]\n---\n"], under: journal)
        try Self.age(journal)
        let changed = Journal.load(from: journal, cache: cache)
        #expect(!changed.origin.linkedFromCache)
        #expect(changed.encounters(with: Contact.ID("grace")).contains { $0.slug == "2025/2025-01-10-call" })
        let again = Journal.load(from: journal, cache: cache)
        #expect(again.origin.linkedFromCache)
        try Self.expectSame(again, Journal.load(from: journal))

        // A link out of the journal is no record, but finding it is reported.
        try FileManager.default.createSymbolicLink(
            atPath: journal.appending(path: "contacts/elsewhere.md").path, withDestinationPath: "/etc/hostname")
        let linkedOut = Journal.load(from: journal, cache: cache)
        #expect(!linkedOut.origin.linkedFromCache)
        try Self.expectSame(linkedOut, Journal.load(from: journal))
    }

    /// An edit that keeps every name (notes, a date of meeting) is parsed and linked alone into
    /// the kept linked journal, which is kept again with it; a rename is linked whole.
    @Test func anEditThatKeepsEveryNameIsLinkedIntoTheKeptJournal() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        _ = Journal.load(from: journal, cache: cache)
        #expect(Journal.load(from: journal, cache: cache).origin.linkedFromCache)

        let grace = journal.appending(path: "contacts/grace.md")
        func edit(_ text: String) throws {
            try Data(text.utf8).write(to: grace)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -30)], ofItemAtPath: grace.path)
        }
        try edit(
            "---\nname: Grace Hopper\norg: Acme Corporation\nmet: 2024-04-01\nmet_via: Charles Babbage\n---\nSee [[Ada Lovelace]].\n"
        )
        let edited = Journal.load(from: journal, cache: cache)
        #expect(edited.origin.linkedFromCache && edited.origin.parsed == 1)
        try Self.expectSame(edited, Journal.load(from: journal))
        #expect(edited.contacts[Contact.ID("grace")]?.wikiLinks.first?.target == RecordID(.contact, "ada"))

        // Kept again with the edit: the next load parses nothing.
        let next = Journal.load(from: journal, cache: cache)
        #expect(next.origin.linkedFromCache && next.origin.parsed == 0)
        try Self.expectSame(next, Journal.load(from: journal))

        try edit("---\nname: Grace B. Hopper\norg: Acme Corporation\n---\n")
        let renamed = Journal.load(from: journal, cache: cache)
        #expect(!renamed.origin.linkedFromCache)
        try Self.expectSame(renamed, Journal.load(from: journal))
    }

    @Test func aDamagedLinkedJournalIsIgnored() throws {
        let (journal, cache) = try Self.agedCopy("linked")
        _ = Journal.load(from: journal, cache: cache)
        CacheFile.finishWrites()
        let file = cache.linked.url
        let bytes = try Data(contentsOf: file)
        // The path of the last contact, after three records of its part decoded whole (the last
        // time it is written: the first is among the stamps), made invalid UTF-8: what was
        // placed before it must be let go.
        var recordDamaged = bytes
        let found = try #require(bytes.range(of: Data("contacts/grace.md".utf8), options: .backwards))
        recordDamaged[found.lowerBound] = 0xFF
        let damages = [
            bytes.prefix(bytes.count / 2), bytes + Data([1, 2, 3]), Data(bytes.map { $0 ^ 0x5A }), recordDamaged,
        ]
        for damaged in damages {
            try damaged.write(to: file)
            let loaded = Journal.load(from: journal, cache: cache)
            #expect(!loaded.origin.linkedFromCache)
            try Self.expectSame(loaded, Journal.load(from: journal))
        }
    }

    // MARK: Helpers

    /// A copy of a fixture (or of the sample journal) whose files are a minute old, so that the
    /// cache trusts their stamps, and a cache of its own.
    static func agedCopy(_ name: String) throws -> (URL, ParseCache) {
        let source = name == "journal-template" ? Fixtures.template : Fixtures.journal(name)
        let journal = try Fixtures.copy(source)
        try age(journal)
        let cache = ParseCache(url: try Fixtures.temporaryFolder("ties-cache").appending(path: "journal.cache"))
        return (journal, cache)
    }

    static func age(_ journal: URL) throws {
        let past = Date(timeIntervalSinceNow: -60)
        let files = FileManager.default.enumerator(at: journal, includingPropertiesForKeys: nil)!
        for case let file as URL in files {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
        }
    }

    static func expectSame(_ a: Journal, _ b: Journal) throws {
        #expect(a.contacts == b.contacts)
        #expect(a.encounters == b.encounters)
        #expect(a.publications == b.publications)
        #expect(a.orgs == b.orgs)
        #expect(a.goals == b.goals)
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.config == b.config)
        #expect(a.tables == b.tables, "the same cross-links")
        // Fingerprints kept with a cached journal are those its records have now.
        let (kept, made) = (a.recordSummaries(), b.recordSummaries())
        #expect(kept.map(\.fingerprint) == made.map(\.fingerprint), "the same fingerprints")
        #expect(kept.map(\.fieldsFingerprint) == made.map(\.fieldsFingerprint), "the same fingerprints of fields")
    }

    static func permissions(of url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
    }

    static func payload(_ record: AnyRecord) -> Any {
        switch record {
        case let .contact(r): return r
        case let .encounter(r): return r
        case let .publication(r): return r
        case let .org(r): return r
        case let .goal(r): return r
        }
    }

    static let location = SourceLocation(path: "encounters/2024/a-rather-long-file-name.md", line: 3, column: 7)
    static let moment = Moment(day: Day("2024-03-05")!, minuteOfDay: 570)
    static let diagnostic = Diagnostic.warning(.unknownReference, "unknown contact 'Bob'", at: location)
    static let reference = Reference("Ada Lovelace, Countess", at: location, target: "ada")
    static let wikiLink = WikiLink("Ada", label: "the countess", at: location, target: RecordID(.contact, "ada"))
    static let extra = ExtraField(
        key: "mood",
        value: .map([.init(key: "a", value: .list([.text("x"), .text("ü")])), .init(key: "b", value: .text("y"))]),
        location: location)

    static var fullRecords: [AnyRecord] {
        var contact = Contact(slug: "ada", path: "contacts/ada.md", name: "Ada Lovelace")
        contact.aliases = ["Countess"]
        contact.emails = ["ada@example.org"]
        contact.phones = ["+44 20 0000"]
        contact.links = [.init(label: "site", url: "https://example.org")]
        contact.location = "London"
        contact.birthday = Birthday("12-10")
        contact.org = reference
        contact.title = "Analyst"
        contact.roles = [
            Role(org: reference, title: "Engineer", from: PartialDate("2020-03"), to: PartialDate("2022"), location: location)
        ]
        contact.met = Day("2020-01-02")
        contact.metVia = reference
        contact.howMet = "at a conference"
        contact.circle = reference
        contact.cadence = Cadence("6w")
        contact.snoozeUntil = Day("2025-01-01")
        contact.tags = ["math", "ψ"]
        contact.isPublic = true
        contact.goals = [reference]
        contact.body = "Notes with [[Charles]] and ünïcödé.\n"
        contact.bodyLine = 12
        contact.wikiLinks = [wikiLink]
        contact.uid = "urn:uuid:1"
        contact.formerUIDs = ["urn:uuid:2"]
        contact.cardDeleted = Day("2024-05-01")
        contact.extraFields = [extra]

        var encounter = Encounter(slug: "2024/2024-03-05-coffee", path: "encounters/2024/2024-03-05-coffee.md", date: moment)
        encounter.title = "Coffee"
        encounter.kind = "coffee"
        encounter.with = [reference, reference]
        encounter.introduced = [reference]
        encounter.event = "Meetup"
        encounter.location = "Berlin"
        encounter.gave = ["an intro"]
        encounter.received = ["a tip"]
        encounter.followups = [FollowUp(task: "Send the deck", due: Day("2024-03-12"), done: true, location: location)]
        encounter.goals = [reference]
        encounter.tags = ["x"]
        encounter.uid = "event-1@calendar.example"
        encounter.oneToMany = true
        encounter.introState = .askedB
        encounter.introSince = Day("2024-03-06")
        encounter.outcome = "A job"
        encounter.body = "Body"
        encounter.bodyLine = 9
        encounter.wikiLinks = [wikiLink]
        encounter.extraFields = [extra]

        var publication = Publication(slug: "2024/talk", path: "publications/2024/talk.md", title: "A talk")
        publication.kind = "talk"
        publication.date = Day("2024-06-01")
        publication.status = .accepted
        publication.venue = "Conf"
        publication.url = "https://example.org/talk"
        publication.slides = "https://example.org/slides"
        publication.recording = "https://example.org/video"
        publication.with = [reference]
        publication.audience = 120
        publication.submitted = Day("2024-01-15")
        publication.abstract = "What it is about."
        publication.metrics = [.init(date: Day("2024-07-01"), reach: 10, audience: 20, views: -3, location: location)]
        publication.tags = ["talks"]
        publication.goals = [reference]
        publication.aliases = ["The talk"]
        publication.body = "Body"
        publication.bodyLine = 4
        publication.wikiLinks = [wikiLink]
        publication.extraFields = [extra]

        var org = Org(slug: "acme", path: "orgs/acme.md", name: "Acme")
        org.aliases = ["Acme GmbH"]
        org.website = "https://acme.example"
        org.industry = "Widgets"
        org.tags = ["client"]
        org.body = "Body"
        org.bodyLine = 5
        org.wikiLinks = [wikiLink]
        org.extraFields = [extra]

        var goal = Goal(slug: "speak", path: "goals/speak.md", title: "Speak at three conferences")
        goal.due = Day("2025-12-31")
        goal.status = .achieved
        goal.aliases = ["speaking"]
        goal.tags = ["career"]
        goal.body = "Body"
        goal.bodyLine = 6
        goal.wikiLinks = [wikiLink]
        goal.extraFields = [extra]

        return [.contact(contact), .encounter(encounter), .publication(publication), .org(org), .goal(goal)]
    }
}
