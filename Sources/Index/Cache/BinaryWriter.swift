/// Writes values as compact bytes, for the parse cache.
///
/// The format has no keys and no type tags: a value is its fields in a fixed order, written by
/// its `BinaryCodable` conformance and read back in the same order. Integers are variable-length
/// (zigzag for signed ones), an optional is a presence byte and its value, an array its count and
/// its elements. A string longer than Swift's small strings is written once per record and
/// referred to by number after that: a record repeats its path in every source location, and
/// decoding then shares one copy too.
package final class BinaryWriter {
    package private(set) var bytes: [UInt8] = []
    private var strings: [String: UInt64] = [:]
    private let sharesStrings: Bool

    /// `sharesStrings: false` writes every string in full: for bytes that are only hashed, where
    /// the table of strings would cost more than it saves.
    package init(sharesStrings: Bool = true) {
        self.sharesStrings = sharesStrings
    }

    /// The bytes of one value, with its own table of repeated strings.
    static func encode(_ value: some BinaryCodable) -> [UInt8] {
        let writer = BinaryWriter()
        value.write(to: writer)
        return writer.bytes
    }

    func write(_ value: some BinaryCodable) { value.write(to: self) }

    /// Empties the writer for the next value, keeping its memory.
    func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        strings.removeAll(keepingCapacity: true)
    }

    package func byte(_ value: UInt8) { bytes.append(value) }

    /// Bytes another writer made, as its length and the bytes: a part to read on its own
    /// (`BinaryReader.part()`), with its own table of strings.
    func part(_ other: [UInt8]) {
        varint(UInt64(other.count))
        bytes.append(contentsOf: other)
    }

    /// A part as it lies in a file read (`part(_:)`).
    func part(_ other: UnsafeRawBufferPointer) {
        varint(UInt64(other.count))
        bytes.append(contentsOf: other)
    }

    /// Room for `count` bytes in all.
    func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    package func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    package func varint(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    package func fixed(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    /// A string as `length << 1` and its bytes, or an earlier string's number as `number << 1 | 1`.
    package func string(_ value: String) {
        var value = value
        let count = value.utf8.count
        if sharesStrings && count > BinaryWriter.sharedStringLength {
            if let number = strings[value] {
                varint(number << 1 | 1)
                return
            }
            strings[value] = UInt64(strings.count)
        }
        varint(UInt64(count) << 1)
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Strings up to this many bytes are stored inline by Swift, so sharing them saves nothing.
    static let sharedStringLength = 15
}
