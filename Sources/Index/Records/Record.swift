/// What every record has, whatever its kind: where it lies, its body, links and extra fields.
public protocol Record: Described, Identifiable where ID == TypedID<Self> {
    static var kind: RecordKind { get }
    /// Where a journal holds records of this kind: `journal.contacts`. A function, not a key
    /// path: a generic key path is made again at each use, which cost a tenth of naming links.
    static func table(in journal: Journal) -> RecordTable<Self>
    /// What `ties show` and the record's page show of it.
    associatedtype Profile: RecordProfile where Profile.Subject == Self
    /// A record with no field set yet, for reading and decoding to fill in.
    init(slug: String, path: String)
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
    /// What search reads of it besides its names, tags and notes (`SearchFields`): a
    /// requirement, so that generic code reads it in place rather than casting a copy.
    var searchPlaces: [(place: SearchHit.Place, text: String)] { get }
}

public extension Record {
    var id: ID { ID(slug) }
    /// The untyped identity, for what holds records of every kind (backlinks, pages).
    var recordID: RecordID { RecordID(Self.kind, slug) }
    /// The kinds of record this kind's fields refer to.
    static var referredKinds: [RecordKind] {
        schema.referenceFields.flatMap(\.targets).compactMap {
            if case let .record(kind) = $0 { return kind } else { return nil }
        }
    }

    /// The layout of this kind's fields in the parse cache.
    static var schemaSignature: String { schema.signature }
    var location: SourceLocation { SourceLocation(path: path) }

    /// Every record this one points to, once linked: the references its schema declares and its
    /// body's wiki links.
    ///
    /// Whatever a page shows of a record's neighbours, it finds through these links or their
    /// reverse, so a rebuild knows which pages a changed record can have changed.
    var linkedRecords: [RecordID] {
        var ids: [RecordID] = []
        Self.schema.forEachReference(in: self) { reference, target in
            if case let .record(kind) = target, let slug = reference.target { ids.append(RecordID(kind, slug)) }
        }
        for link in wikiLinks { if let target = link.target { ids.append(target) } }
        return ids
    }
}
