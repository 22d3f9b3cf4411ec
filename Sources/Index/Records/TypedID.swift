/// The identity of one record of kind `R`: its slug, typed, so that a contact's cannot be passed
/// where an org's is asked for. `Contact.ID`, `Org.ID`, … are this type.
///
/// A slug written as a literal is one (`journal.contacts["ada"]`), for tests and fixed names.
public struct TypedID<R: Record>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral,
    Codable
{
    public let slug: String

    public init(_ slug: String) { self.slug = slug }
    public init(stringLiteral slug: String) { self.slug = slug }

    /// The untyped identity, for what holds records of every kind (backlinks, pages).
    public var record: RecordID { RecordID(R.kind, slug) }
    public var description: String { slug }

    public static func < (a: TypedID, b: TypedID) -> Bool { a.slug < b.slug }

    public init(from decoder: Decoder) throws { slug = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(slug)
    }
}

extension Reference {
    /// The record this reference names, once linked, as an identity of kind `R`.
    public func id<R: Record>(_ kind: R.Type) -> R.ID? { target.map { R.ID($0) } }
}
