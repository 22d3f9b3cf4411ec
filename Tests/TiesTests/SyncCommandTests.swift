import Foundation
import TestSupport
import Testing

/// `ties sync` against real servers (Debian's Radicale and Xandikos), end to end.
@Suite("ties sync with a CardDAV server, end to end", .serialized)
struct SyncCommandTests {
    /// A copy of the sample journal set up for `server`.
    static func journal(for server: CardDAVServer) throws -> URL {
        let root = try Fixtures.copy(Fixtures.template)
        let settings = root.appending(path: "ties.yaml")
        try Data((try String(contentsOf: settings, encoding: .utf8) + server.settings).utf8).write(to: settings)
        return root
    }

    /// Runs `body` with a fresh server of `kind` and a copy of the sample journal set up for it;
    /// nothing when the server is not installed.
    static func withJournal(_ kind: CardDAVServer.Kind, _ body: (CardDAVServer, URL) throws -> Void) throws {
        guard CardDAVServer.isInstalled(kind) else { return }
        let server = try CardDAVServer(kind)
        defer { server.stop() }
        let root = try journal(for: server)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try body(server, root)
    }

    struct Report: Decodable {
        struct Entry: Decodable {
            var file: String
            var name: String
            var fields: [String]
        }
        struct Pulled: Decodable { var created: [Entry]; var updated: [Entry] }
        struct Pushed: Decodable { var created: [Entry]; var updated: [Entry]; var deleted: [Entry] }
        struct Conflict: Decodable { var file, name, field, journal, server: String }
        var pulled: Pulled
        var pushed: Pushed
        var conflicts: [Conflict]
        var kept: [Entry]
        var failed: [Entry]
        var unchanged: Int
        var requests: Int
    }

    static func sync(_ root: URL, _ server: CardDAVServer, _ extra: [String] = []) throws -> Report {
        let result = try TiesBinary.run(
            ["sync", "--format", "json", "--today", "2026-12-07"] + extra, in: root, environment: server.environment,
            timeLimit: 120)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    static func uid(_ root: URL, _ file: String) throws -> String {
        let text = try String(contentsOf: root.appending(path: file), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("uid: ") })
        return String(line.dropFirst("uid: ".count))
    }

    static func cardName(_ uid: String) -> String { uid.replacingOccurrences(of: "urn:uuid:", with: "") + ".vcf" }

    @Test(arguments: CardDAVServer.Kind.allCases)
    func aFirstSyncSendsEveryContactAndASecondChangesNothing(kind: CardDAVServer.Kind) throws {
        guard CardDAVServer.isInstalled(kind) else {
            Issue.record("\(kind.rawValue) is not installed: make test-deps installs it")
            return
        }
        let server = try CardDAVServer(kind)
        defer { server.stop() }
        let root = try Self.journal(for: server)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

        let first = try Self.sync(root, server)
        #expect(first.pushed.created.count == 14)
        #expect(try server.cards().count == 14)
        let jonas = try Self.uid(root, "contacts/jonas-mueller.md")
        let card = try #require(try server.cards()[Self.cardName(jonas)])
        #expect(card.contains("FN:Jonas Müller") && card.contains("jonas.mueller@acme-robotics.example"), "\(card)")

        let before = try Snapshot(of: root).files
        let second = try Self.sync(root, server)
        #expect(second.requests == 1, "one request when nothing changed")
        #expect(second.unchanged == 14 && second.pushed.updated.isEmpty && second.pulled.updated.isEmpty)
        #expect(try Snapshot(of: root).files == before, "nothing written")
    }

    @Test(arguments: CardDAVServer.Kind.allCases)
    func editsOnBothSidesMergeByFieldAndAClashKeepsTheJournals(kind: CardDAVServer.Kind) throws {
        try Self.withJournal(kind) { server, root in
            _ = try Self.sync(root, server)
            let name = Self.cardName(try Self.uid(root, "contacts/jonas-mueller.md"))
            let file = root.appending(path: "contacts/jonas-mueller.md")

            // The phone: a new title, a new number and a photo; the journal: a new tag.
            var card = try #require(try server.cards()[name])
            card = card.replacingOccurrences(of: "TITLE:Head of Platform", with: "TITLE:VP Platform")
                .replacingOccurrences(
                    of: "END:VCARD", with: "TEL;TYPE=CELL:+49 151 0000000\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nEND:VCARD")
            try server.put(name, card)
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "connector]", with: "connector, mentor]").utf8).write(to: file)

            let merged = try Self.sync(root, server)
            #expect(merged.pulled.updated.map(\.fields) == [["phones", "title"]])
            #expect(merged.pushed.updated.map(\.fields) == [["tags"]])
            let after = try String(contentsOf: file, encoding: .utf8)
            #expect(after.contains("title: VP Platform\n") && after.contains("+49 151 0000000"))
            #expect(after.contains("# Jonas Müller\n\nEx-Kollege"), "the notes keep their bytes")
            let pushed = try #require(try server.cards()[name])
            #expect(pushed.contains("mentor") && pushed.contains("PHOTO") && pushed.contains("TYPE=CELL"), "\(pushed)")

            // Both change the title: the journal's is kept, the phone's reported and logged.
            try server.put(name, pushed.replacingOccurrences(of: "TITLE:VP Platform", with: "TITLE:CTO"))
            try Data(after.replacingOccurrences(of: "title: VP Platform", with: "title: Head of Engineering").utf8).write(
                to: file)
            let clash = try Self.sync(root, server)
            #expect(clash.conflicts.map(\.field) == ["title"] && clash.conflicts.first?.server == "CTO")
            #expect(try String(contentsOf: file, encoding: .utf8).contains("title: Head of Engineering\n"))
            let log = try String(contentsOf: root.appending(path: ".ties/carddav/conflicts.log"), encoding: .utf8)
            #expect(log.contains("'CTO'"))
            #expect(try Self.sync(root, server).unchanged == 14, "in step afterwards")
        }
    }

    @Test func cardsFromOtherClientsBecomeContactsAndADeletedCardKeepsTheFile() throws {
        try Self.withJournal(.radicale) { server, root in
            // A card of someone the journal knows, by e-mail: the same person, not a second one.
            try server.put(
                "android-1.vcf",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:L. Schäfer\r\nEMAIL:LENA.SCHAEFER@acme-robotics.example\r\nTEL:+49 89 555\r\nUID:android-1\r\nEND:VCARD\r\n"
            )
            _ = try Self.sync(root, server)
            // An iPhone's card, with what ties does not model.
            try server.put(
                "apple-1.vcf",
                """
                BEGIN:VCARD\r
                VERSION:3.0\r
                PRODID:-//Apple Inc.//iPhone OS 17.0//EN\r
                N:Nakamura;Aiko;;;\r
                FN:Aiko Nakamura\r
                ORG:Mercury Labs;Research\r
                EMAIL;type=INTERNET;type=WORK;type=pref:aiko@mercury.example\r
                item1.URL;type=pref:https://aiko.example\r
                item1.X-ABLabel:_$!<HomePage>!$_\r
                item2.ADR;type=HOME:;;1 Main St;Springfield;;;\r
                BDAY:1990-02-03\r
                UID:apple-uid-1\r
                END:VCARD\r

                """)
            let report = try Self.sync(root, server)
            #expect(report.pulled.created.map(\.name) == ["Aiko Nakamura"])
            let aiko = try String(contentsOf: root.appending(path: "contacts/aiko-nakamura.md"), encoding: .utf8)
            #expect(
                aiko.contains("org: Mercury Labs") && aiko.contains("birthday: 1990-02-03") && aiko.contains("uid: apple-uid-1"))
            #expect(!FileManager.default.fileExists(atPath: root.appending(path: "contacts/l-schafer.md").path))
            let lena = try String(contentsOf: root.appending(path: "contacts/lena-schaefer.md"), encoding: .utf8)
            #expect(lena.contains("+49 89 555") && lena.contains("uid: android-1"), "\(lena)")
            #expect(try TiesBinary.run(["check"], in: root).status == 0)

            // Deleted on the phone: the contact's file stays, marked.
            let anna = Self.cardName(try Self.uid(root, "contacts/anna-becker.md"))
            try server.delete(anna)
            let deleted = try Self.sync(root, server)
            #expect(deleted.kept.map(\.file) == ["contacts/anna-becker.md"])
            #expect(
                try String(contentsOf: root.appending(path: "contacts/anna-becker.md"), encoding: .utf8).contains(
                    "card_deleted: 2026-12-07"))
            #expect(try server.cards()[anna] == nil, "not brought back")
            #expect(try Self.sync(root, server).kept.isEmpty)
        }
    }

    @Test func renameAndMergeInTheJournalReachTheAddressBook() throws {
        try Self.withJournal(.radicale) { server, root in
            _ = try Self.sync(root, server)
            let lena = try Self.uid(root, "contacts/lena-schaefer.md")
            let max = try Self.uid(root, "contacts/maximilian-graf.md")
            #expect(try TiesBinary.run(["rename", "lena", "Lena Weber"], in: root).status == 0)
            let renamed = try Self.sync(root, server)
            #expect(renamed.pushed.updated.map(\.fields) == [["name"]])
            #expect(try server.cards()[Self.cardName(lena)]?.contains("FN:Lena Weber") == true)

            #expect(try TiesBinary.run(["merge", "lena", "max"], in: root).status == 0)
            let merged = try Self.sync(root, server)
            #expect(merged.pushed.deleted.count == 1)
            #expect(try server.cards()[Self.cardName(max)] == nil, "the merged-away card is removed, not brought back")
            #expect(try Self.sync(root, server).pulled.created.isEmpty)
        }
    }

    @Test func aWrongPasswordAndAnEmptiedAddressBookAreRefused() throws {
        try Self.withJournal(.radicale) { server, root in
            let started = Date()
            let wrong = try TiesBinary.run(
                ["sync"], in: root, environment: ["TIES_CARDDAV_PASSWORD": "wrong"], timeLimit: 60)
            #expect(wrong.status == 1 && wrong.stderr.contains("refused the username or password (401)"), "\(wrong.stderr)")
            #expect(Date().timeIntervalSince(started) < 20, "at once, not after a hang")

            _ = try Self.sync(root, server)
            for name in try server.cards().keys { try server.delete(name) }
            let files = try Snapshot(of: root).files
            let refused = try TiesBinary.run(["sync"], in: root, environment: server.environment, timeLimit: 60)
            #expect(refused.status == 1 && refused.stderr.contains("is empty now"), "\(refused.stderr)")
            #expect(try Snapshot(of: root).files == files, "nothing changed")

            let dry = try TiesBinary.run(
                ["sync", "--dry-run", "--force"], in: root, environment: server.environment, timeLimit: 60)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(try Snapshot(of: root).files == files, "a dry run writes nothing")
        }
    }

    /// The password never sits in the journal; a journal without `carddav:` is told how to set it up.
    @Test func aPasswordInTiesYamlIsAnErrorAndNoSettingsSayWhatToAdd() throws {
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let none = try TiesBinary.run(["sync"], in: root)
        #expect(none.status == 1 && none.stderr.contains("ties.yaml has no 'carddav:'"), "\(none.stderr)")
        let settings = root.appending(path: "ties.yaml")
        try Data(
            (try String(contentsOf: settings, encoding: .utf8) + "carddav:\n  url: http://127.0.0.1:9/\n  password: hunter2\n")
                .utf8
        ).write(to: settings)
        let check = try TiesBinary.run(["check"], in: root)
        #expect(check.status == 1 && check.stdout.contains("TIES_CARDDAV_PASSWORD"), "\(check.stdout)")
    }

    /// `circles:` chooses who goes to the phone; one who leaves the circle leaves the phone.
    @Test func onlyTheChosenCirclesGoToTheAddressBook() throws {
        try Self.withJournal(.xandikos) { server, root in
            let settings = root.appending(path: "ties.yaml")
            try Data((try String(contentsOf: settings, encoding: .utf8) + "  circles: [close]\n").utf8).write(to: settings)
            let first = try Self.sync(root, server)
            #expect(
                first.pushed.created.map(\.file) == [
                    "contacts/anna-becker.md", "contacts/eva-novakova.md", "contacts/jonas-mueller.md",
                ])
            #expect(try TiesBinary.run(["set", "circle=network", "eva"], in: root).status == 0)
            let second = try Self.sync(root, server)
            #expect(second.pushed.deleted.map(\.file) == ["contacts/eva-novakova.md"])
            #expect(try server.cards().count == 2)
        }
    }

    /// Cards as Apple, Android, Outlook, Evolution, Gmail and others write them (every vCard of
    /// `../shared/realworld/` the server takes): they become contacts, a change in the journal
    /// reaches each card without taking anything else off it, and then both sides are in step.
    @Test func cardsFromRealClientsRoundTripWithoutLosingAProperty() throws {
        guard CardDAVServer.isInstalled(.radicale), let corpus = RealWorldImportTests.folder else {
            print("SyncCommandTests: the real-world cards skipped (no radicale or no ../shared/realworld/)")
            return
        }
        let server = try CardDAVServer(.radicale)
        defer { server.stop() }
        var count = 0
        let folder = corpus.appending(path: "vcard")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let text = String(decoding: try Data(contentsOf: folder.appending(path: name)), as: UTF8.self)
            var rest = Substring(text)
            while let start = rest.range(of: "BEGIN:VCARD", options: .caseInsensitive),
                let end = rest.range(of: "END:VCARD", options: .caseInsensitive, range: start.upperBound..<rest.endIndex)
            {
                count += 1
                var card = String(rest[start.lowerBound..<end.upperBound]) + "\r\n"
                if card.range(of: "\nUID", options: .caseInsensitive) == nil {
                    card = card.replacingOccurrences(
                        of: "\n", with: "\nUID:real-\(count)\r\n", options: [], range: card.range(of: "\n"))
                }
                try? server.put("real-\(count).vcf", card)  // some are too broken for the server
                rest = rest[end.upperBound...]
            }
        }
        func properties() throws -> [String: [String]] {
            try server.cards().mapValues { card in
                card.replacingOccurrences(of: "\r\n ", with: "").split(whereSeparator: \.isNewline).compactMap { line in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    var name = String(line[..<colon].split(separator: ";").first ?? "").uppercased()
                    if let dot = name.firstIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
                    return ["CATEGORIES", "REV", "X-ABLABEL"].contains(name) ? nil : name
                }.sorted()
            }
        }
        let before = try properties()
        #expect(before.count >= 25, "\(before.count) cards taken of \(count)")

        let root = try Fixtures.temporaryFolder("real-cards").appending(path: "journal")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        #expect(try TiesBinary.run(["init", root.path], in: root.deletingLastPathComponent()).status == 0)
        let settings = root.appending(path: "ties.yaml")
        try Data((try String(contentsOf: settings, encoding: .utf8) + server.settings).utf8).write(to: settings)
        let first = try Self.sync(root, server)
        #expect(first.pulled.created.count == before.count && first.conflicts.isEmpty && first.pushed.updated.isEmpty)
        #expect(try TiesBinary.run(["check"], in: root).status == 0)
        #expect(try Self.sync(root, server).unchanged == before.count, "in step: no change read into what servers rewrite")

        let names = try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "contacts").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        #expect(try TiesBinary.run(["set", "tags+=synced"] + names, in: root).status == 0)
        let pushed = try Self.sync(root, server)
        #expect(pushed.pushed.updated.count == before.count && pushed.pushed.updated.allSatisfy { $0.fields == ["tags"] })
        #expect(try properties() == before, "no property taken off or doubled")
        let last = try Self.sync(root, server)
        #expect(last.requests == 1 && last.unchanged == before.count)
    }

    /// With `notes: true` the first paragraph of a contact's notes goes to the card's NOTE, one way.
    @Test func notesGoToTheCardOnlyWhenAskedAndOneWay() throws {
        try Self.withJournal(.radicale) { server, root in
            _ = try Self.sync(root, server)
            let name = Self.cardName(try Self.uid(root, "contacts/jonas-mueller.md"))
            #expect(try server.cards()[name]?.contains("NOTE") == false, "no notes unless asked")
            let settings = root.appending(path: "ties.yaml")
            try Data((try String(contentsOf: settings, encoding: .utf8) + "  notes: true\n").utf8).write(to: settings)
            let report = try Self.sync(root, server)
            #expect(report.pushed.updated.count == 14 && report.pulled.updated.isEmpty)
            let card = try #require(try server.cards()[name]).replacingOccurrences(of: "\r\n ", with: "")
            #expect(
                card.contains("NOTE:Ex-Kollege aus dem Plattform-Team bei Nordlicht\\, seit 2023 bei Acme Robotics."), "\(card)")
            let body = try String(contentsOf: root.appending(path: "contacts/jonas-mueller.md"), encoding: .utf8)
            #expect(body.contains("# Jonas Müller\n\nEx-Kollege"), "the notes themselves untouched")
            #expect(try Self.sync(root, server).unchanged == 14)
        }
    }

    /// A sync token the server no longer takes (or another server's) costs one full listing, not a loop.
    @Test(arguments: CardDAVServer.Kind.allCases)
    func anInvalidSyncTokenLeadsToOneFullListing(kind: CardDAVServer.Kind) throws {
        try Self.withJournal(kind) { server, root in
            _ = try Self.sync(root, server)
            let folder = root.appending(path: ".ties/carddav")
            let state = try #require(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".json") })
            let file = folder.appending(path: state)
            var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            #expect(json["syncToken"] != nil, "\(kind) offers sync-collection")
            json["syncToken"] = "http://127.0.0.1/not-a-token-of-this-server"
            try JSONSerialization.data(withJSONObject: json).write(to: file)
            let phone = try #require(try server.cards().keys.sorted().first)
            let card = try #require(try server.cards()[phone])
            try server.put(phone, card.replacingOccurrences(of: "END:VCARD", with: "TEL:+1 555 0100\r\nEND:VCARD"))
            let report = try Self.sync(root, server)
            #expect(report.requests <= 4, "the refused token, one listing, one read of the changed card: \(report.requests)")
            #expect(report.pulled.updated.count == 1)
            #expect(try Self.sync(root, server).requests == 1)
        }
    }

    /// A file ties cannot change in place is left alone on both sides, and tried again next time.
    @Test func aFileThatCannotBeChangedLosesNothing() throws {
        try Self.withJournal(.radicale) { server, root in
            _ = try Self.sync(root, server)
            let file = root.appending(path: "contacts/tom-okafor.md")
            let name = Self.cardName(try Self.uid(root, "contacts/tom-okafor.md"))
            var text = try String(contentsOf: file, encoding: .utf8)
            let tags = try #require(text.split(separator: "\n").first { $0.hasPrefix("tags:") })
            text = text.replacingOccurrences(of: String(tags), with: "x: &t " + tags.dropFirst(6) + "\ntags: *t")
            try Data(text.utf8).write(to: file)
            let card = try #require(try server.cards()[name])
            try server.put(name, card.replacingOccurrences(of: "CATEGORIES:", with: "CATEGORIES:phone-tag,"))
            let files = try Snapshot(of: root).files
            for _ in 0..<2 {
                let report = try Self.sync(root, server)
                #expect(report.failed.map(\.file) == ["contacts/tom-okafor.md"], "\(report.failed)")
                #expect(try server.cards()[name]?.contains("phone-tag") == true, "the phone's tag stays")
                #expect(try Snapshot(of: root).files == files, "the journal is left as it was")
            }
        }
    }

    /// A second card of someone who has one (typed on the phone by hand): one person, not two.
    @Test func aSecondCardOfAPersonJoinsTheirCard() throws {
        try Self.withJournal(.xandikos) { server, root in
            _ = try Self.sync(root, server)
            try server.put(
                "typed-on-the-phone.vcf",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:typed-1\r\nFN:Jonas\r\nEMAIL:jonas.mueller@acme-robotics.example\r\nTEL:+49 160 777\r\nEND:VCARD\r\n"
            )
            let report = try Self.sync(root, server)
            #expect(report.pulled.created.isEmpty, "no second Jonas in the journal")
            #expect(report.pulled.updated.map(\.fields) == [["phones"]])
            #expect(report.pushed.deleted.count == 1 && report.pushed.updated.map(\.fields) == [["phones"]])
            let name = Self.cardName(try Self.uid(root, "contacts/jonas-mueller.md"))
            let cards = try server.cards()
            #expect(cards["typed-on-the-phone.vcf"] == nil && cards[name]?.contains("+49 160 777") == true)
            #expect(
                try String(contentsOf: root.appending(path: "contacts/jonas-mueller.md"), encoding: .utf8).contains("+49 160 777")
            )
            #expect(try Self.sync(root, server).unchanged == 14)
        }
    }
}
