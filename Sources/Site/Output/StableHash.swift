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

extension TemplateValue {
    /// Feeds every field a template can see into `hash`, in the order of the field names.
    ///
    /// Two view models with the same stable hash render to the same page with the same theme, so
    /// a rebuild can keep a page without rendering it.
    func combine(into hash: inout StableHash) {
        hash.combine(String(describing: Self.self))
        for key in Self.templateKeys.keys.sorted() {
            hash.combine(key)
            StableHash.combine(self[keyPath: Self.templateKeys[key]!], into: &hash)
        }
    }
}

extension StableHash {
    static func combine(_ value: Any, into hash: inout StableHash) {
        switch value {
        case let text as String:
            hash.combine(marker: 1)
            hash.combine(text)
        case let number as Int:
            hash.combine(marker: 2)
            hash.combine(number)
        case let flag as Bool:
            hash.combine(marker: flag ? 3 : 4)
        case let labels as Labels:
            hash.combine(marker: 5)
            hash.combine(labels.lang)
        case let model as any TemplateValue:
            hash.combine(marker: 6)
            model.combine(into: &hash)
        case let optional as any OptionalValue:
            if let wrapped = optional.wrapped {
                hash.combine(marker: 7)
                combine(wrapped, into: &hash)
            } else {
                hash.combine(marker: 8)
            }
        case let list as [Any]:
            hash.combine(marker: 9)
            hash.combine(list.count)
            for item in list { combine(item, into: &hash) }
        default:
            // Not expected in a view model; its description still distinguishes values.
            hash.combine(marker: 10)
            hash.combine(String(reflecting: value))
        }
    }
}
