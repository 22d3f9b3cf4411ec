/// A value the parse cache can store: it writes its fields in a fixed order and reads them back
/// in the same order (see `BinaryWriter` for the format).
///
/// Written by hand rather than through `Codable`: decoding a journal of 100,000 records through
/// `Codable`'s containers spent most of its time in the runtime's generic metadata lookups and
/// in allocating container boxes. `ParseCacheTests` round-trips records that set every field, so
/// a field added to a record but not here fails a test.
protocol BinaryCodable {
    func write(to writer: BinaryWriter)
    init(from reader: BinaryReader) throws
}

extension String: BinaryCodable {
    func write(to writer: BinaryWriter) { writer.string(self) }
    init(from reader: BinaryReader) throws { self = try reader.string() }
}

extension Int: BinaryCodable {
    func write(to writer: BinaryWriter) { writer.varint(Int64(self)) }
    init(from reader: BinaryReader) throws {
        guard let value = Int(exactly: try reader.signedVarint()) else { throw BinaryReader.Malformed() }
        self = value
    }
}

extension Bool: BinaryCodable {
    func write(to writer: BinaryWriter) { writer.byte(self ? 1 : 0) }
    init(from reader: BinaryReader) throws {
        switch try reader.byte() {
        case 0: self = false
        case 1: self = true
        default: throw BinaryReader.Malformed()
        }
    }
}

extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    func write(to writer: BinaryWriter) {
        switch self {
        case .none: writer.byte(0)
        case let .some(value):
            writer.byte(1)
            value.write(to: writer)
        }
    }

    init(from reader: BinaryReader) throws {
        self = try Bool(from: reader) ? .some(try Wrapped(from: reader)) : .none
    }
}

extension Array: BinaryCodable where Element: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.varint(UInt64(count))
        for element in self { element.write(to: writer) }
    }

    init(from reader: BinaryReader) throws {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: reader)) }
    }
}

/// Enums stored as their raw text.
protocol BinaryRawValue: BinaryCodable, RawRepresentable where RawValue == String {}

extension BinaryRawValue {
    func write(to writer: BinaryWriter) { writer.string(rawValue) }
    init(from reader: BinaryReader) throws {
        guard let value = Self(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
        self = value
    }
}
