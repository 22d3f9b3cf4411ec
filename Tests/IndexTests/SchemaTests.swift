import Foundation
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// Each record kind's fields are declared once; these check what is derived from the declaration.
@Suite("Record schemas")
struct SchemaTests {
    @Test func keysAreUniqueAndFoundByTheirProperty() {
        for keys in [
            Contact.schema.allKeys, Encounter.schema.allKeys, Publication.schema.allKeys, Org.schema.allKeys,
            Goal.schema.allKeys, Role.schema.allKeys, FollowUp.schema.allKeys, Publication.Metric.schema.allKeys,
        ] {
            #expect(Set(keys).count == keys.count, "\(keys)")
        }
        #expect(Contact.schema.key(\.metVia) == "met_via")
        #expect(Contact.schema.key(\.isPublic) == "public")
        #expect(Encounter.schema.key(\.knownDate) == "date")
    }

    @Test func whatEachKindRefersToComesFromItsFields() {
        #expect(Contact.schema.refers(to: .record(.org)), "org and roles")
        #expect(Contact.schema.refers(to: .circle))
        #expect(!Encounter.schema.refers(to: .record(.org)), "so encounters are resolved in parallel")
        #expect(Encounter.schema.refers(to: .record(.contact)) && Encounter.schema.refers(to: .record(.goal)))
        #expect(!Org.schema.refers(to: .record(.contact)))
    }

    @Test func aNewFileIsWrittenInTheSchemasOrderWhateverTheOrderOfTheCalls() {
        var writer = FrontMatterWriter<Contact>()
        writer.field(\.circle, "close")
        writer.field(\.metVia, "Ada Lovelace")
        writer.field(\.name, "Grace Hopper")
        #expect(writer.text == ["name: Grace Hopper", "met_via: Ada Lovelace", "circle: close"])
    }

    @Test func aChangedSchemaChangesTheCacheFormat() {
        #expect(ParseCache.formatVersion != 3, "the version is derived from the schemas, not only the layout")
        #expect(Contact.schema.signature.contains("met_via:contact reference"))
        #expect(Contact.schema.signature.contains("roles:list of `{org, title, from, to}`{org:org reference"))
    }

    @Test func aContactIntroducedByThemselvesIsWarnedOfAndNotAnIntroduction() throws {
        let root = try Fixtures.temporaryFolder("self-reference")
        try Fixtures.write(
            [
                "ties.yaml": "title: Test\n",
                "contacts/ada.md": "---\nname: Ada Lovelace\nmet_via: Ada Lovelace\n---\n",
            ], under: root)
        let journal = Journal.load(from: root)
        let warning = try #require(journal.diagnostics.first { $0.code == .selfReference })
        #expect(warning.location == SourceLocation(path: "contacts/ada.md", line: 3, column: 10))
        #expect(warning.message.contains("'met_via'"), "\(warning.message)")
        #expect(journal.contacts["ada"]?.metVia?.target == nil)
        #expect(journal.introductions(of: "ada").isEmpty)
    }

    @Test func aMisspeltKeyIsComparedWithEveryFieldOfTheKind() throws {
        let file = JournalFile(absolutePath: "/dev/null", path: "contacts/x.md", kind: .contact, slug: "x")
        let parsed = RecordParser.parse("---\nname: X\nsnoze_until: 2026-01-01\n---\n", file: file)
        #expect(
            parsed.diagnostics.map(\.message) == [
                "unknown field 'snoze_until' (did you mean 'snooze_until'?); it is kept as an extra field"
            ])
    }
}
