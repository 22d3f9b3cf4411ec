/// What every record has, whatever its kind: where it lies, its body, links and extra fields.
public protocol Record: Sendable {
    static var kind: RecordKind { get }
    var slug: String { get }
    /// Path of the file relative to the journal's root; empty for an org that has no file.
    var path: String { get }
    /// The name a person reads: a contact's or org's name, an encounter's, publication's or goal's title.
    var displayName: String { get }
    /// Other names the record answers to in references.
    var aliases: [String] { get }
    var tags: [String] { get }
    /// The Markdown after the front matter, as written.
    var body: String { get set }
    /// The line of the file the body starts on, so body positions map back to the file.
    var bodyLine: Int { get set }
    var wikiLinks: [WikiLink] { get set }
    var extraFields: [ExtraField] { get set }
    /// Every record this one points to, once linked: its references and its body's wiki links.
    /// Whatever a page shows of a record's neighbours, it finds through these links or their
    /// reverse, so a rebuild knows which pages a changed record can have changed.
    var linkedRecords: [RecordID] { get }
}

public extension Record {
    var id: RecordID { RecordID(Self.kind, slug) }
    var location: SourceLocation { SourceLocation(path: path) }
}
