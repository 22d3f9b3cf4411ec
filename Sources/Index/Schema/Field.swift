/// One front-matter field of a schema: its key, how it is read, where it is stored, what it means.
///
/// Made from a key path to the property that holds the value and a `FieldReader` for its type;
/// the closures below are derived from those two and are all that reading, caching and linking
/// use. A class, like `Schema`, so that going through the fields of each record retains one
/// object per field, not each of its closures. (`@unchecked Sendable`: every stored property is
/// immutable, and the key paths and closures capture nothing mutable.)
public final class Field<Item>: @unchecked Sendable {
    public let key: String
    /// What the value looks like, for docs: "text", "date", "contact references", …
    public let shape: String
    /// What the field is for, for docs; a fallback's description included.
    public let meaning: String
    public let isRequired: Bool
    /// What this field's references refer to, those of nested items included.
    public let targets: [ReferenceTarget]
    let keyPath: AnyKeyPath
    /// Whether the parse cache keeps the value; a shorthand folded into another field's value
    /// (a publication's `views:`) is kept there instead.
    let isStored: Bool
    /// What the cache's layout of this field depends on.
    let signature: String
    /// The text a "missing required field" message tells the owner to write.
    let requiredHint: String
    /// Reads the field into `item`, saying whether the front matter (or a fallback that counts
    /// as written, such as the date at the start of a file name) gave a value.
    let read: (inout Item, inout Fields, ReadContext) -> Outcome
    let encode: (Item, BinaryWriter) -> Void
    /// Makes a closure that decodes the field: each reader makes its own (`BinaryReader.decodeFields`),
    /// so that threads decoding at once never share one, nor contend on its reference count.
    let makeDecoder: () -> Decoder
    typealias Decoder = (inout Item, BinaryReader) throws -> Void
    package let references: ((Item, ReferenceVisit) -> Void)?
    let resolve: ((inout Item, ReferenceResolve) -> Void)?

    /// A field whose property has a value in a blank item (a list, a name, a flag with a default).
    convenience init<V: BinaryCodable>(
        _ key: String, _ path: WritableKeyPath<Item, V>, _ reader: FieldReader<V>, required: Bool = false,
        fallback: Fallback<V>? = nil, stored: Bool = true, _ meaning: String
    ) {
        let property = Property(path)
        self.init(
            key, path, reader, required: required, fallback: fallback, stored: stored, meaning,
            read: Field.reading(key, reader, fallback) { property.set(&$0, $1) },
            encode: { item, writer in property.get(item).write(to: writer) },
            makeDecoder: {
                let property = property
                return { item, reader in property.set(&item, try V(from: reader)) }
            },
            references: reader.visit.map { visit in { item, body in visit(property.get(item), body) } },
            resolve: reader.resolve.map { resolve in
                { item, body in property.modify(&item) { resolve(&$0, key, body) } }
            })
    }

    /// A field whose property is nil when the front matter does not give it.
    convenience init<V: BinaryCodable>(
        _ key: String, _ path: WritableKeyPath<Item, V?>, _ reader: FieldReader<V>, required: Bool = false,
        fallback: Fallback<V>? = nil, stored: Bool = true, _ meaning: String
    ) {
        let property = Property(path)
        self.init(
            key, path, reader, required: required, fallback: fallback, stored: stored, meaning,
            read: Field.reading(key, reader, fallback) { property.set(&$0, $1) },
            encode: { item, writer in property.get(item).write(to: writer) },
            makeDecoder: {
                let property = property
                return { item, reader in property.set(&item, try V?(from: reader)) }
            },
            references: reader.visit.map { visit in
                { item, body in if let value = property.get(item) { visit(value, body) } }
            },
            resolve: reader.resolve.map { resolve in
                { item, body in
                    property.modify(&item) { value in
                        guard var resolved = value else { return }
                        value = nil
                        resolve(&resolved, key, body)
                        value = resolved
                    }
                }
            })
    }

    /// Reads `key` with `reader` into an item with `set`; without a value written, from
    /// `fallback`.
    private static func reading<V>(
        _ key: String, _ reader: FieldReader<V>, _ fallback: Fallback<V>?, set: @escaping (inout Item, V) -> Void
    ) -> (inout Item, inout Fields, ReadContext) -> Outcome {
        { item, fields, context in
            if let value = reader.read(&fields, key, context) {
                set(&item, value)
                return .given
            }
            // A value written but wrong is reported, not replaced.
            if fields.has(key) { return .unusable }
            guard let fallback, let value = fallback.value(context) else { return .absent }
            set(&item, value)
            return fallback.countsAsWritten ? .given : .absent
        }
    }

    private init<V>(
        _ key: String, _ path: AnyKeyPath, _ reader: FieldReader<V>, required: Bool, fallback: Fallback<V>?,
        stored: Bool, _ meaning: String,
        read: @escaping (inout Item, inout Fields, ReadContext) -> Outcome,
        encode: @escaping (Item, BinaryWriter) -> Void,
        makeDecoder: @escaping () -> Decoder,
        references: ((Item, ReferenceVisit) -> Void)?,
        resolve: ((inout Item, ReferenceResolve) -> Void)?
    ) {
        self.key = key
        self.shape = reader.shape
        self.meaning = [fallback?.description, meaning].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
        self.isRequired = required
        self.targets = reader.targets
        self.keyPath = path
        self.isStored = stored
        self.signature = "\(key):\(reader.shape)" + (reader.nestedSignature.isEmpty ? "" : "{\(reader.nestedSignature)}")
        self.requiredHint =
            "add '\(key): \(reader.placeholder)'" + (fallback?.alternative.map { " or \($0)" } ?? " to the front matter")
        self.read = read
        self.encode = encode
        self.makeDecoder = makeDecoder
        self.references = references
        self.resolve = resolve
    }
}

/// What reading a field found.
enum Outcome {
    /// A value, set.
    case given
    /// A value written but not usable, already reported.
    case unusable
    /// Nothing.
    case absent
}

/// Where a field's value comes from when the front matter does not give it.
struct Fallback<V>: @unchecked Sendable {
    let value: (ReadContext) -> V?
    /// For docs: "else the body's first `# heading`".
    let description: String
    /// Whether a value found this way satisfies a required field (a date in the file name does;
    /// a heading standing in for a publication's title does not).
    var countsAsWritten = false
    /// For a required field: the other way to give it, in the "missing" message.
    var alternative: String?
}

extension Fallback where V == String {
    /// The body's first `# heading`.
    static var heading: Fallback {
        Fallback(value: { $0.heading }, description: "else the body's first `# heading`")
    }

    /// The body's first `# heading`, else the file name.
    static var headingOrFileName: Fallback {
        Fallback(value: { $0.heading ?? $0.fileStem }, description: "else the body's first `# heading`, else the file name")
    }
}

/// What a field's reader knows of the file beyond the front matter.
struct ReadContext {
    /// The body's first `# heading`, if any.
    var heading: String?
    /// The file name without folders or `.md`.
    var fileStem: String
    /// The day that durations in nested items count from: an encounter's date.
    var anchor: Day?
}
