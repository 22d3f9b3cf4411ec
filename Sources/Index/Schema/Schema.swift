/// A value whose front-matter fields a schema declares: a record, or an item of a list field
/// such as a contact's role.
public protocol Described: Sendable {
    static var schema: Schema<Self> { get }
}

/// The fields of one kind of value, each declared once.
///
/// Everything ties knows about a field comes from its declaration here: reading and checking it
/// with located diagnostics, keeping it in the parse cache, resolving and following the
/// references it holds, the keys `ties new` writes, and the field tables of docs/FORMAT.md. A
/// field added to a declaration is read, cached, linked and documented without another change.
/// A class, not a struct: a record's schema is read for every record loaded, and copying a
/// struct of arrays and closures retained each of them every time (a tenth of reading the parse
/// cache). (`@unchecked Sendable`: it is immutable; only its key paths are not marked `Sendable`.)
public final class Schema<Item>: @unchecked Sendable {
    /// In the order they are read, cached and documented.
    public let fields: [Field<Item>]
    /// The fields the parse cache keeps.
    let storedFields: [Field<Item>]
    /// The fields that hold references, nested items' included.
    package let referenceFields: [Field<Item>]
    /// How an item of a list is named in messages ("a role"), with an example of its map form;
    /// nil for a record.
    let itemName: String?
    let example: String?
    /// The field an item written as plain text stands for: `- Send the slides` is a follow-up's
    /// task. Without one, a plain-text item is an error.
    let plainTextKey: String?
    /// Keys of which an item must give at least one ("a measurement needs 'reach', …").
    let needsOneOf: [String]
    /// The day durations in nested items count from, such as an encounter's date for a
    /// follow-up due `2w` after it.
    let anchor: (@Sendable (Item) -> Day?)?
    private let keys: [AnyKeyPath: Int]

    /// The fields of a record.
    convenience init(anchor: (@Sendable (Item) -> Day?)? = nil, _ fields: [Field<Item>]) {
        self.init(fields: fields, itemName: nil, example: nil, plainTextKey: nil, needsOneOf: [], anchor: anchor)
    }

    /// The fields of an item of a list: `what` names one in messages, `example` shows its map form.
    convenience init(
        item what: String, example: String, plainText: PartialKeyPath<Item>? = nil,
        needsOneOf: [PartialKeyPath<Item>] = [], _ fields: [Field<Item>]
    ) {
        let key = { (path: PartialKeyPath<Item>) in fields.first { $0.keyPath == path }?.key ?? "" }
        self.init(
            fields: fields, itemName: what, example: example, plainTextKey: plainText.map(key),
            needsOneOf: needsOneOf.map(key), anchor: nil)
    }

    private init(
        fields: [Field<Item>], itemName: String?, example: String?, plainTextKey: String?, needsOneOf: [String],
        anchor: (@Sendable (Item) -> Day?)?
    ) {
        self.fields = fields
        self.storedFields = fields.filter(\.isStored)
        self.referenceFields = fields.filter { $0.resolve != nil }
        self.itemName = itemName
        self.example = example
        self.plainTextKey = plainTextKey
        self.needsOneOf = needsOneOf
        self.anchor = anchor
        var keys: [AnyKeyPath: Int] = [:]
        for (index, field) in fields.enumerated() { keys[field.keyPath] = index }
        self.keys = keys
    }

    /// The declaration of the field stored at `path`.
    ///
    /// Asking for a property that is not a front-matter field is a mistake in ties itself.
    public func field(_ path: PartialKeyPath<Item>) -> Field<Item> {
        guard let index = keys[path] else { preconditionFailure("\(path) is not a field of \(Item.self)") }
        return fields[index]
    }

    /// The front-matter key of the field stored at `path`: `Contact.schema.key(\.metVia)` is `met_via`.
    public func key(_ path: PartialKeyPath<Item>) -> String { field(path).key }

    /// Every key, in declaration order.
    public var allKeys: [String] { fields.map(\.key) }
}

/// What a reference field names: records of one kind, or a circle of ties.yaml.
public enum ReferenceTarget: Hashable, Sendable {
    case record(RecordKind)
    case circle

    /// E.g. "contact", "circle".
    public var noun: String {
        switch self {
        case let .record(kind): return kind.rawValue
        case .circle: return "circle"
        }
    }
}

/// Calls `visit` with each reference a value holds and what it refers to.
package typealias ReferenceVisit = (Reference, ReferenceTarget) -> Void
/// Calls `resolve` with each reference a value holds, what it refers to and the key of its field,
/// to fill in its target.
typealias ReferenceResolve = (inout Reference, ReferenceTarget, String) -> Void

extension Schema {
    /// Calls `visit` with every reference of `item`, nested items' included, in field order.
    func forEachReference(in item: Item, _ visit: ReferenceVisit) {
        for field in referenceFields { field.references?(item, visit) }
    }

    /// Lets `resolve` fill in the target of every reference of `item`, nested items' included.
    func resolveReferences(in item: inout Item, _ resolve: ReferenceResolve) {
        for field in referenceFields { field.resolve?(&item, resolve) }
    }

    /// Whether any field, nested ones included, refers to `target`.
    func refers(to target: ReferenceTarget) -> Bool {
        fields.contains { $0.targets.contains(target) }
    }
}
