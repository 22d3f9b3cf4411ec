import Foundation
import Testing

@testable import Authoring

/// Headers as real mail writes them.
@Suite("Reading mail headers")
struct MailReaderTests {
    @Test(arguments: [
        ("Mon, 1 Dec 2026 10:00:00 +0100", "2026-12-01T09:00:00Z"),
        ("1 Dec 2026 10:00 GMT", "2026-12-01T10:00:00Z"),
        ("Mon,  1 Dec 2026 10:00:00 +0100 (CET)", "2026-12-01T09:00:00Z"),
        ("Tue, 2 Dec 26 09:00 -0500", "2026-12-02T14:00:00Z"),
        ("Monday, 01-Dec-26 10:00:00 GMT", "2026-12-01T10:00:00Z"),
        ("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"),
        ("Mon, 1 Dec 2026 10:00:00 PST", "2026-12-01T18:00:00Z"),
    ])
    func datesAsMailWritesThem(text: String, expected: String) throws {
        let date = try #require(MailReader.date(text))
        #expect(ISO8601DateFormatter().string(from: date) == expected)
    }

    @Test func brokenDatesAreNoDate() {
        for text in ["", "yesterday", "32 Dec 2026 10:00", "1 Foo 2026", "1 Dec 99999 10:00"] {
            #expect(MailReader.date(text) == nil, "\(text)")
        }
    }

    @Test func addressesAndEncodedWords() {
        let addresses = MailReader.addresses(
            #""Müller, Jonas" <Jonas.Mueller@Acme.example>, =?UTF-8?Q?J=C3=BCrgen?= <j@x.example>, bob@b.example (Bob B), team: c@d.example;"#
        )
        #expect(addresses.map(\.email) == ["jonas.mueller@acme.example", "j@x.example", "bob@b.example", "c@d.example"])
        #expect(addresses.map(\.name) == ["Müller, Jonas", "Jürgen", "Bob B", nil])
        #expect(MailReader.decodedWords("=?utf-8?B?SGVsbG8=?= =?utf-8?B?IHdvcmxk?=") == "Hello world")
        #expect(MailReader.decodedWords("=?iso-8859-1?q?caf=E9?= ok") == "café ok")
        let message = MailReader.parse(header: [
            "From: a@b.example", "Subject: =?UTF-8?Q?long?=", " =?UTF-8?Q?_subject?=", "Precedence: bulk",
            "References: <r1@x> <r2@x>",
        ])
        #expect(message.subject == "long subject" && message.isBulk && message.references == ["r1@x", "r2@x"])
    }
}
