/// The parse cache's encoding of described values: their stored fields in declaration order,
/// so a field added to a schema is cached without another change, and a changed schema changes
/// the cache's format version (`Schema.signature`), so no cache written before is misread.
extension Schema {
    func encode(_ item: Item, to writer: BinaryWriter) {
        for field in storedFields { field.encode(item, writer) }
    }

    /// The closures that decode each stored field, in order, made anew for each reader.
    func makeDecoders() -> [Field<Item>.Decoder] { storedFields.map { $0.makeDecoder() } }

    /// What the cache's layout of this schema depends on: each stored field's key and shape.
    var signature: String {
        storedFields.map(\.signature).joined(separator: ",")
    }
}

extension BinaryCodable where Self: ListItem {
    func write(to writer: BinaryWriter) {
        writer.write(location)
        Self.schema.encode(self, to: writer)
    }

    init(from reader: BinaryReader) throws {
        self.init(at: try reader.read())
        try reader.decodeFields(into: &self)
    }
}

/// Every record's `BinaryCodable` conformance (Values+BinaryCodable.swift), and what generic
/// code over records writes.
extension Record {
    /// Where the record lies, its fields, then what every record has: body and links.
    func write(to writer: BinaryWriter) {
        writer.write(slug)
        writer.write(path)
        Self.schema.encode(self, to: writer)
        writer.write(body)
        writer.write(bodyLine)
        writer.write(wikiLinks)
        writer.write(extraFields)
    }

    /// Its identity and front matter, without the body: the part of a rebuild's fingerprint
    /// that pages reading only fields depend on.
    func writeFields(to writer: BinaryWriter) {
        writer.write(slug)
        writer.write(path)
        Self.schema.encode(self, to: writer)
        writer.write(extraFields)
    }

    /// The body and the links in it, after `writeFields`.
    func writeBody(to writer: BinaryWriter) {
        writer.write(body)
        writer.write(bodyLine)
        writer.write(wikiLinks)
    }

    init(from reader: BinaryReader) throws {
        self.init(slug: try reader.read(), path: try reader.read())
        try reader.decodeFields(into: &self)
        body = try reader.read()
        bodyLine = try reader.read()
        wikiLinks = try reader.read()
        extraFields = try reader.read()
    }
}
