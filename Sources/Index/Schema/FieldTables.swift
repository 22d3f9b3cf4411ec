/// The field tables of docs/FORMAT.md, made from the schemas, so the documentation of the format
/// is the declaration the parser reads with. `FieldTablesTests` keeps the file in step.
public enum FieldTables {
    /// A section per kind of record, then one per kind of list item, as Markdown.
    public static var markdown: String {
        var sections: [String] = []
        for kind in RecordKind.allCases { sections.append(section(kind.recordType)) }
        sections.append(items("roles", "a contact's roles", Role.schema))
        sections.append(items("followups", "an encounter's follow-ups", FollowUp.schema))
        sections.append(items("metrics", "a publication's metrics", Publication.Metric.schema))
        return sections.joined(separator: "\n")
    }

    private static func section<R: Record>(_ type: R.Type) -> String {
        "### \(R.kind.rawValue)\n\n" + table(R.schema)
    }

    private static func items<I>(_ key: String, _ what: String, _ schema: Schema<I>) -> String {
        "### each of `\(key)`\n\nThe items of \(what), each a map\(schema.plainTextKey.map { " or a text standing for its `\($0)`" } ?? "").\n\n"
            + table(schema)
    }

    private static func table<I>(_ schema: Schema<I>) -> String {
        var lines = ["| field | value | meaning |", "| --- | --- | --- |"]
        for field in schema.fields {
            var meaning = field.meaning
            if field.isRequired {
                meaning =
                    meaning.hasPrefix("unless")
                    ? "**required**, " + meaning : "**required**" + (meaning.isEmpty ? "" : "; " + meaning)
            }
            lines.append("| `\(field.key)` | \(field.shape) | \(meaning)" + (meaning.isEmpty ? "|" : " |"))
        }
        if !schema.needsOneOf.isEmpty {
            lines.append("")
            lines.append("At least one of \(schema.needsOneOf.map { "`\($0)`" }.joined(separator: ", ")) is needed.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
