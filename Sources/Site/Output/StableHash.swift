import Index

/// A hash that is the same in every run (Swift's `Hasher` is seeded per process): FNV-1a over
/// the bytes of the values combined, with lengths and markers so that different structures
/// never run together.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
    }

    mutating func combine(_ text: String) {
        combine(Int(text.utf8.count))
        combine(bytes: text.utf8)
    }

    mutating func combine(_ number: Int) {
        withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
    }

    mutating func combine(marker: UInt8) { combine(bytes: CollectionOfOne(marker)) }

    var hex: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

/// A value that feeds itself into a `StableHash`, field by field, with no dynamic casts: view
/// models are hashed on every build, so this is on the hot path.
protocol StableHashable {
    func combine(into hash: inout StableHash)
}

extension String: StableHashable {
    func combine(into hash: inout StableHash) {
        hash.combine(marker: 1)
        hash.combine(self)
    }
}

extension Int: StableHashable {
    func combine(into hash: inout StableHash) {
        hash.combine(marker: 2)
        hash.combine(self)
    }
}

extension Bool: StableHashable {
    func combine(into hash: inout StableHash) { hash.combine(marker: self ? 3 : 4) }
}

extension Labels: StableHashable {
    func combine(into hash: inout StableHash) {
        hash.combine(marker: 5)
        hash.combine(lang)
    }
}

extension StableHash {
    mutating func combine<T: StableHashable>(_ value: T) { value.combine(into: &self) }

    mutating func combine<T: StableHashable>(_ value: T?) {
        if let value {
            combine(marker: 7)
            value.combine(into: &self)
        } else {
            combine(marker: 8)
        }
    }

    mutating func combine<T: StableHashable>(_ values: [T]) {
        combine(marker: 9)
        combine(values.count)
        for value in values { value.combine(into: &self) }
    }
}
