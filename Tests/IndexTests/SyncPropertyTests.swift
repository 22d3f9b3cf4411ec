import Foundation
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// Random sequences of edits on both sides (the journal's files and another client's cards),
/// each followed by a sync against a real Radicale: after every sync both sides hold the same
/// values, nothing another client put on a card is lost, and a second sync changes nothing.
@Suite("The sync under random edits", .serialized)
struct SyncPropertyTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func bothSidesAgreeAfterEverySync(seed: UInt64) throws {
        guard CardDAVServer.isInstalled(.radicale) else { return }
        let server = try CardDAVServer(.radicale)
        defer { server.stop() }
        let root = try Fixtures.temporaryFolder("sync-property").appending(path: "journal")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Fixtures.write(["ties.yaml": "title: Sync\n" + server.settings], under: root)
        var random = SplitMix64(seed: seed)
        let today = try #require(Day("2026-12-07"))
        var names = 0
        var synced = 0

        func sync() throws -> CardDAVSync.Report {
            let journal = Journal.load(from: root)
            return try CardDAVSync(
                journal: journal, settings: try #require(journal.config.carddav), password: CardDAVServer.password,
                options: .init(today: today)
            ).run()
        }
        func contacts() -> [URL] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: "contacts").path)) ?? [])
                .filter { $0.hasSuffix(".md") }.sorted().map { root.appending(path: "contacts/\($0)") }
        }
        func newName() -> String {
            names += 1
            return "\(random.pick(["Ada", "Ben", "Cy", "Dee", "Eli"])) Person\(names)"
        }

        for step in 1...10 {
            // Edits on the journal's side.
            for _ in 0..<random.int(1..<4) {
                let files = contacts()
                switch files.isEmpty ? 0 : random.below(4) {
                case 0:
                    let name = newName()
                    try Fixtures.write(
                        [
                            "contacts/\(name.lowercased().replacingOccurrences(of: " ", with: "-")).md":
                                "---\nname: \(name)\ntitle: T\(random.below(9))\nemails: [\(name.split(separator: " ")[1].lowercased())@j.example]\ntags: [a, b]\n---\nNotes of \(name).\n"
                        ], under: root)
                case 1:
                    let file = random.pick(files)
                    var text = try String(contentsOf: file, encoding: .utf8)
                    text = text.replacingOccurrences(
                        of: #"(?m)^title: .*$"#, with: "title: J\(step)-\(random.below(99))", options: .regularExpression)
                    try Data(text.utf8).write(to: file)
                case 2:
                    let file = random.pick(files)
                    let text = try String(contentsOf: file, encoding: .utf8)
                    let journal = Journal.load(from: root)
                    guard let contact = journal.contacts.first(where: { root.appending(path: $0.path) == file }) else { continue }
                    var editor = FrontMatterEditor<Contact>(text)
                    try editor.append(\.phones, ["+49 30 \(step)\(random.int(100..<999))"])
                    if let tag = contact.tags.first, random.bool() {
                        _ = try editor.removeListItems(
                            key: "tags", where: { $0 == tag }, remaining: Array(contact.tags.dropFirst()))
                    }
                    try Data(editor.text.utf8).write(to: file)
                default:
                    continue
                }
            }
            // Edits by another client.
            let cards = try server.cards()
            for _ in 0..<random.int(0..<3) {
                switch random.below(3) {
                case 0:
                    let name = newName()
                    try server.put(
                        "phone-\(names).vcf",
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-\(names)\r\nFN:\(name)\r\nTEL:+1 555 \(names)\r\nX-PHONE-KEEP:phone-\(names)\r\nEND:VCARD\r\n"
                    )
                case 1 where !cards.isEmpty:
                    let (file, card) = random.pick(cards.sorted { $0.key < $1.key })
                    var edited = card.replacingOccurrences(of: "END:VCARD", with: "EMAIL:s\(step)@phone.example\r\nEND:VCARD")
                    if random.bool() {
                        edited = edited.replacingOccurrences(
                            of: #"(?m)^TITLE:.*$"#, with: "TITLE:S\(step)-\(random.below(99))\r", options: .regularExpression)
                    }
                    try server.put(file, edited)
                default:
                    continue
                }
            }

            let before = try server.cards()
            let report = try sync()
            let after = try server.cards()
            // Both sides agree on every value they share.
            let journal = Journal.load(from: root)
            #expect(journal.errors.isEmpty, "step \(step): \(journal.errors)")
            var byUID: [String: Contact] = [:]
            for contact in journal.contacts { if let uid = contact.uid { byUID[uid] = contact } }
            for (_, card) in after {
                let fields = CardFields(card: card)
                let uid = try #require(Planner.uid(of: card))
                let contact = try #require(byUID[uid], "step \(step): a card without its contact: \(card)")
                #expect(CardFields(contact).same(as: fields), "step \(step), \(contact.name): \(CardFields(contact)) / \(fields)")
                // What another client put on a card stays.
                if before.values.contains(where: { Planner.uid(of: $0) == uid && $0.contains("X-PHONE-KEEP") }) {
                    #expect(card.contains("X-PHONE-KEEP"), "step \(step): \(card)")
                }
            }
            #expect(
                after.count == journal.contacts.count, "step \(step): \(after.count) cards, \(journal.contacts.count) contacts")
            // And a second sync finds nothing to do.
            let again = try sync()
            #expect(
                again.pushed.updated.isEmpty && again.pulled.updated.isEmpty && again.pushed.created.isEmpty
                    && again.pulled.created.isEmpty,
                "step \(step): \(again.pushed.updated) \(again.pulled.updated)")
            synced += report.pushed.updated.count + report.pulled.updated.count
        }
        #expect(try server.cards().count >= 5 && synced >= 5, "the edits reached the other side")
    }
}
