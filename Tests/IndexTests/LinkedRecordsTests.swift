import Testing

@testable import Index

/// A rebuild of the site finds the pages a changed record can change through the records it
/// links to; a reference field left out of `linkedRecords` would leave those pages stale.
@Suite("What a record links to")
struct LinkedRecordsTests {
    @Test func everyReferenceAndWikiLinkOfEveryKindOfRecordIsALink() {
        for record in ParseCacheTests.fullRecords {
            let payload = ParseCacheTests.payload(record)
            let expected = Self.targets(in: payload).sorted()
            let linked = (payload as! any Record).linkedRecords.map(\.slug).sorted()
            #expect(!expected.isEmpty)
            #expect(linked == expected, "\(type(of: payload))")
        }
    }

    @Test func linksAreTyped() {
        var encounter = Encounter(slug: "e", path: "", date: ParseCacheTests.moment)
        encounter.with = [
            Reference("Ada", at: ParseCacheTests.location, target: "ada"), Reference("Nobody", at: ParseCacheTests.location),
        ]
        encounter.goals = [Reference("Speak", at: ParseCacheTests.location, target: "speak")]
        #expect(encounter.linkedRecords == [RecordID(.contact, "ada"), RecordID(.goal, "speak")])
    }

    /// The slugs of every resolved `Reference` and `WikiLink` anywhere in a value; a contact's
    /// circle names a circle of ties.yaml, not a record.
    static func targets(in value: Any, label: String? = nil) -> [String] {
        if let reference = value as? Reference {
            return label == "circle" ? [] : reference.target.map { [$0] } ?? []
        }
        if let link = value as? WikiLink { return link.target.map { [$0.slug] } ?? [] }
        return Mirror(reflecting: value).children.flatMap { targets(in: $0.value, label: $0.label ?? label) }
    }
}
