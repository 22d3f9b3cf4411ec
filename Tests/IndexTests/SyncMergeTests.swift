import Foundation
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// The field-level merge of `ties sync`, and a card changed by another client in the middle of
/// a sync.
@Suite("The sync's merge")
struct SyncMergeTests {
    static func random(_ random: inout SplitMix64) -> CardFields {
        var fields = CardFields()
        fields.name = random.pick(["Ada Lovelace", "Ada King", "A. Lovelace"])
        fields.org = random.bool() ? random.pick(["Acme", "Initech", "Umbrella"]) : nil
        fields.title = random.bool() ? random.pick(["CTO", "Engineer", "Head of Platform"]) : nil
        for index in 0..<random.below(3) { fields.emails.append("ada\(index)@\(random.pick(["a", "b"])).example") }
        for _ in 0..<random.below(3) { fields.phones.append("+49 170 \(random.int(100..<999))") }
        for index in 0..<random.below(3) { fields.tags.append("tag\(index + random.below(4))") }
        fields.birthday = random.bool() ? "1990-0\(random.int(1..<9))-1\(random.int(0..<9))" : nil
        return fields
    }

    /// Changes the fields of `only` to new values: single fields replaced, lists given one more
    /// value and, sometimes, one fewer.
    static func edit(_ fields: CardFields, only: Set<CardFields.Field>, _ random: inout SplitMix64, side: String) -> CardFields {
        var edited = fields
        for field in only {
            if field.isSet {
                var values = fields.values(field)
                if !values.isEmpty && random.bool() { values.remove(at: random.below(values.count)) }
                switch field {
                case .emails: values.append("\(side)\(random.below(1000))@new.example")
                case .phones: values.append("+1 555 \(side == "j" ? 1 : 2)\(random.int(100..<999))")
                case .links: values.append("https://\(side)\(random.below(1000)).example")
                default: values.append("\(side)-tag-\(random.below(1000))")
                }
                edited.set(field, values)
            } else {
                edited.set(
                    field,
                    [field == .birthday ? "19\(side == "j" ? 7 : 8)\(random.below(10))-01-02" : "\(side) \(random.below(1000))"])
            }
        }
        return edited
    }

    /// Edits on two sides to different fields always merge to the edits of both, with no conflict.
    @Test func disjointEditsAlwaysMergeToTheEditsOfBoth() {
        var random = SplitMix64(seed: 31)
        for _ in 0..<500 {
            let base = Self.random(&random)
            let fields = CardFields.Field.allCases.shuffled(using: &random)
            let split = random.int(0..<fields.count + 1)
            let journalFields = Set(fields.prefix(split).filter { _ in random.bool() })
            let serverFields = Set(fields.dropFirst(split).filter { _ in random.bool() })
            let journal = Self.edit(base, only: journalFields, &random, side: "j")
            let server = Self.edit(base, only: serverFields, &random, side: "s")
            let merged = Merge.fields(journal: journal, server: server, base: base)
            #expect(merged.conflicts.isEmpty)
            for field in CardFields.Field.allCases {
                let expected = serverFields.contains(field) ? server.keys(field) : journal.keys(field)
                #expect(merged.fields.keys(field) == expected, "\(field): \(base) / \(journal) / \(server)")
            }
        }
    }

    @Test func aClashKeepsTheJournalsValueAndListsTakeBothSidesChanges() {
        var base = CardFields()
        base.title = "Engineer"
        base.emails = ["ada@old.example", "ada@keep.example"]
        var journal = base
        journal.title = "CTO"
        journal.emails = ["ada@keep.example", "ada@journal.example"]
        var server = base
        server.title = "VP"
        server.emails = ["ADA@OLD.example", "ada@keep.example", "ada@phone.example"]
        let merged = Merge.fields(journal: journal, server: server, base: base)
        #expect(merged.fields.title == "CTO")
        #expect(merged.conflicts.map(\.field) == [.title] && merged.conflicts.first?.server == ["VP"])
        #expect(merged.fields.keys(.emails) == ["ada@journal.example", "ada@keep.example", "ada@phone.example"])
        // A server that writes the same values another way changes nothing.
        var rewritten = journal
        rewritten.emails = journal.emails.map { $0.uppercased() }
        rewritten.phones = ["+49 (170) 123-4567"]
        var same = journal
        same.phones = ["+491701234567"]
        #expect(rewritten.same(as: same))
    }

    /// A card another client changes between the sync's read and its write: the write is
    /// refused (412), the card read again, and both changes end up on both sides.
    @Test func aCardChangedInTheMiddleOfASyncIsMergedNotOverwritten() throws {
        guard CardDAVServer.isInstalled(.radicale) else { return }
        let server = try CardDAVServer(.radicale)
        defer { server.stop() }
        let root = try Fixtures.copy(Fixtures.template)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let settingsFile = root.appending(path: "ties.yaml")
        try Data((try String(contentsOf: settingsFile, encoding: .utf8) + server.settings).utf8).write(to: settingsFile)
        let today = try #require(Day("2026-12-07"))
        func sync(_ hook: (@Sendable () -> Void)? = nil) throws -> CardDAVSync.Report {
            let journal = Journal.load(from: root)
            var sync = CardDAVSync(
                journal: journal, settings: try #require(journal.config.carddav), password: CardDAVServer.password,
                options: .init(today: today))
            sync.beforeWritingCards = hook
            return try sync.run()
        }
        _ = try sync()
        let file = root.appending(path: "contacts/jonas-mueller.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let uid = try #require(text.split(separator: "\n").first { $0.hasPrefix("uid: ") }?.dropFirst(5))
        let name = uid.replacingOccurrences(of: "urn:uuid:", with: "") + ".vcf"
        try Data(text.replacingOccurrences(of: "title: Head of Platform", with: "title: VP Platform").utf8).write(to: file)
        let report = try sync {
            // The phone, just then: a new number.
            let card = (try? server.cards()[name]) ?? nil
            if let card {
                try? server.put(name, card.replacingOccurrences(of: "END:VCARD", with: "TEL:+49 151 9999\r\nEND:VCARD"))
            }
        }
        #expect(report.pushed.updated.map(\.fields) == [["title"]])
        let card = try #require(try server.cards()[name])
        #expect(card.contains("TITLE:VP Platform") && card.contains("+49 151 9999"), "both changes: \(card)")
        _ = try sync()
        #expect(try String(contentsOf: file, encoding: .utf8).contains("+49 151 9999"), "the phone's number reaches the journal")
        #expect(try sync().unchanged == 14)
    }
}
