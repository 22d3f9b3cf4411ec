import Foundation
import Testing

@testable import Index

/// docs/FORMAT.md's field tables are made from the schemas the parser reads with, so they cannot
/// drift from what ties reads.
@Suite("The field tables of docs/FORMAT.md")
struct FieldTablesTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "docs/FORMAT.md")
    static let start = "<!-- fields: generated from the schemas, do not edit by hand -->\n"
    static let end = "<!-- end of fields -->\n"

    @Test func theDocumentedFieldsAreTheFieldsTiesReads() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let before = try #require(text.range(of: Self.start))
        let after = try #require(text.range(of: Self.end))
        let documented = String(text[before.upperBound..<after.lowerBound])
        let wanted = "\n" + FieldTables.markdown + "\n"
        if ProcessInfo.processInfo.environment["TIES_UPDATE_DOCS"] != nil, documented != wanted {
            try (String(text[..<before.upperBound]) + wanted + String(text[after.lowerBound...])).write(
                to: Self.document, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == wanted, "docs/FORMAT.md is out of date: TIES_UPDATE_DOCS=1 swift test --filter FieldTablesTests")
    }

    @Test func everyFieldOfEveryKindIsInTheTables() {
        for kind in RecordKind.allCases {
            #expect(FieldTables.markdown.contains("### \(kind.rawValue)\n"))
        }
        for key in Contact.schema.allKeys + Encounter.schema.allKeys + Role.schema.allKeys {
            #expect(FieldTables.markdown.contains("| `\(key)` |"), "\(key)")
        }
    }
}
