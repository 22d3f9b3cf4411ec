/// Reads what `BinaryWriter` wrote, checking every length against the bytes there are: a damaged
/// cache throws `Malformed` and is ignored, never trusted.
package final class BinaryReader {
    package struct Malformed: Error {
        package init() {}
    }

    private let bytes: UnsafeRawBufferPointer
    // A reader is used by one thread, one call at a time, so the run-time checks of exclusive
    // access to these two (a tenth of decoding the linked journal) are left out.
    @exclusivity(unchecked) package private(set) var offset = 0
    @exclusivity(unchecked) private var strings: [String] = []
    /// Each described type's field decoders, made for this reader (see `decodeFields`): a short
    /// list, searched in order, as a reader meets only a handful of types.
    private var decoders: [(type: ObjectIdentifier, decoders: AnyObject)] = []

    /// `bytes` must stay valid while the reader is used.
    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The value in `bytes`, which must hold nothing else.
    static func decode<T: BinaryCodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let reader = BinaryReader(bytes)
        let value = try T(from: reader)
        guard reader.offset == bytes.count else { throw Malformed() }
        return value
    }

    func read<T: BinaryCodable>() throws -> T { try T(from: self) }

    /// Decodes the stored fields of `item`'s schema into it.
    ///
    /// Through closures this reader made for itself: calling a closure kept by the shared schema
    /// retains it and its field for every field of every record, and on several threads those
    /// counts are contended (a fifth of reading the linked journal on two cores).
    func decodeFields<Item: Described>(into item: inout Item) throws {
        let key = ObjectIdentifier(Item.self)
        let list: FieldDecoders<Item>
        if let found = decoders.first(where: { $0.type == key }) {
            list = unsafeDowncast(found.decoders, to: FieldDecoders<Item>.self)
        } else {
            list = FieldDecoders(Item.schema.makeDecoders())
            decoders.append((key, list))
        }
        for decode in list.all { try decode(&item, self) }
    }

    /// Where the next part `BinaryWriter.part` wrote lies, skipped: to decode on its own.
    func part() throws -> Range<Int> {
        let length = try count()
        defer { offset += length }
        return offset..<offset + length
    }

    package func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    package func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Malformed() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    package func signedVarint() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    package func fixed() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    package func string() throws -> String {
        let header = try varint()
        if header & 1 == 1 {
            guard let number = Int(exactly: header >> 1), number < strings.count else { throw Malformed() }
            return strings[number]
        }
        guard let count = Int(exactly: header >> 1), count <= bytes.count - offset else { throw Malformed() }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]).assumingMemoryBound(to: UInt8.self)
        // ASCII needs no validation, and `String(validating:)` looks up generic metadata on every
        // call (a tenth of reading the linked journal).
        let text: String
        if Self.isASCII(slice) {
            text = String(decoding: slice, as: UTF8.self)
        } else {
            guard let valid = String(validating: slice, as: UTF8.self) else { throw Malformed() }
            text = valid
        }
        offset += count
        if count > BinaryWriter.sharedStringLength { strings.append(text) }
        return text
    }

    /// Whether every byte is below 0x80, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            high |= UInt64(raw[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// An array's count: every element takes at least one byte, so a larger count is damage.
    package func count() throws -> Int {
        guard let count = Int(exactly: try varint()), count <= bytes.count - offset else { throw Malformed() }
        return count
    }
}

/// One type's field decoders, as `BinaryReader.decodeFields` keeps them.
private final class FieldDecoders<Item> {
    let all: [Field<Item>.Decoder]
    init(_ all: [Field<Item>.Decoder]) { self.all = all }
}
