import Foundation
import TestSupport
import Testing

/// `ties import mail` on the mailboxes of `Tests/Fixtures/mail`: an mbox of a thread with Jonas,
/// a newsletter and a question from Lena never answered; a later mbox where the thread grows;
/// a Maildir with a message to two strangers and one with a broken date.
@Suite("ties import mail, end to end")
struct MailImportTests {
    static let mail = Fixtures.journal("mail")

    static func journal() throws -> URL {
        let root = try Fixtures.copy(Fixtures.template)
        let settings = root.appending(path: "ties.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "me:\n", with: "me:\n  emails: [Mara@Nordlicht.example]\n").utf8).write(
            to: settings)
        return root
    }

    struct Report: Decodable {
        struct Entry: Decodable { var file: String; var name: String; var fields: [String] }
        struct Person: Decodable { var name: String?; var email: String; var messages: Int }
        struct Received: Decodable { var subject, from, date: String }
        var messages: Int
        var created: [Entry]
        var updated: [Entry]
        var unchanged: Int
        var unknown: [Person]
        var received: [Received]
        var bulk: Int
        var undated: Int
    }

    static func run(_ root: URL, _ arguments: [String]) throws -> Report {
        let result = try TiesBinary.run(["import", "mail"] + arguments + ["--format", "json"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    @Test func aThreadWithAContactIsOneEncounterThatGrows() throws {
        let root = try Self.journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let archive = Self.mail.appending(path: "archive.mbox").path
        let first = try Self.run(root, [archive])
        #expect(first.messages == 4 && first.bulk == 1)
        #expect(first.created.map(\.file) == ["encounters/2026/2026-12-02-email-cafe-next-week.md"])
        #expect(first.received.map(\.subject) == ["Question"], "Lena's question, never answered, is listed, not counted")
        let path = root.appending(path: "encounters/2026/2026-12-02-email-cafe-next-week.md")
        #expect(
            try String(contentsOf: path, encoding: .utf8)
                == "---\ndate: 2026-12-02 09:00\ntitle: Café next week\nkind: email\nwith: [Jonas Müller]\nuid: mail:m1@nordlicht.example\n---\n\n"
        )
        // Mail counts as contact: Jonas was last in touch then.
        let show = try TiesBinary.run(["show", "jonas", "--today", "2026-12-07"], in: root)
        #expect(show.stdout.contains("Café next week"), "\(show.stdout)")

        let files = try Snapshot(of: root).files
        let again = try Self.run(root, [archive])
        #expect(again.created.isEmpty && again.updated.isEmpty && again.unchanged == 1)
        #expect(try Snapshot(of: root).files == files, "a second run changes nothing")

        // The thread grows: its date moves on and Lena joins it.
        let grown = try Self.run(root, [archive, Self.mail.appending(path: "later.mbox").path])
        #expect(grown.updated.map(\.fields) == [["date", "with"]])
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains("date: 2026-12-08 10:00\n") && text.contains("with: [Jonas Müller, Lena Schäfer]"), "\(text)")
        #expect(try TiesBinary.run(["check"], in: root).status == 0)
    }

    @Test func aMaildirListsStrangersAndSkipsWhatItCannotDate() throws {
        let root = try Self.journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let report = try Self.run(root, [Self.mail.appending(path: "maildir").path, "--dry-run"])
        #expect(report.messages == 2 && report.undated == 1)
        #expect(report.unknown.map(\.email) == ["bob@unknown.example", "juergen@x.example"])
        #expect(report.unknown.map(\.name) == ["Bob", "Jürgen"], "encoded words decoded")
        #expect(report.created.isEmpty)
        let without = try TiesBinary.run(["import", "mail", Self.mail.appending(path: "maildir").path], in: Fixtures.template)
        #expect(without.status == 1 && without.stderr.contains("me: {emails:"), "\(without.stderr)")
    }

    /// A mailbox with a body far longer than any header line is read in pieces, the body skipped.
    @Test func aHugeBodyIsSkippedNotHeld() throws {
        let root = try Self.journal()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let mbox = root.deletingLastPathComponent().appending(path: "big.mbox")
        var text = try String(contentsOf: Self.mail.appending(path: "archive.mbox"), encoding: .utf8)
        text = text.replacingOccurrences(of: "Sure!\n", with: String(repeating: "x", count: 3 << 20) + "\nFrom: not@a.header\n")
        try Data(text.utf8).write(to: mbox)
        let report = try Self.run(root, [mbox.path, "--since", "2026-12-01"])
        #expect(report.messages == 4)
        #expect(report.created.count == 1, "the thread, the reply's body skipped")
    }
}
