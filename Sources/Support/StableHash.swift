/// A hash that is the same in every run (Swift's `Hasher` is seeded per process), for telling
/// whether something changed: a file since the parse cache read it, a page since it was written.
///
/// Bytes are taken eight at a time; each word is mixed in with a multiplication and a shift,
/// both invertible, so two inputs that differ in one word always hash differently. Lengths and
/// markers keep different structures from running together. (FNV-1a, a byte at a time, was a
/// tenth of a site build.)
public struct StableHash: Sendable {
    public init() {}

    public private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        // The last bytes, with the length in the top byte: "a" and "a\0" differ.
        var tail = UInt64(truncatingIfNeeded: count) << 56
        var shift: UInt64 = 0
        while index < count {
            tail ^= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail)
    }

    public mutating func combine(bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ number: Int) { mix(UInt64(bitPattern: Int64(number))) }

    public mutating func combine(marker: UInt8) { mix(0x5A5A_0000_0000_0000 | UInt64(marker)) }

    public var hex: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
