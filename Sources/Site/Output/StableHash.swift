import Index
import Support
import Template

/// A page's value fed into a `StableHash` as a tree: each kind of value behind its own marker
/// and every list and map behind its length, so two different values never run together.
extension StableHash {
    mutating func combine(_ value: Value) {
        switch value {
        case .null: combine(marker: 0)
        case .bool(let truth): combine(marker: truth ? 3 : 4)
        case .int(let number):
            combine(marker: 2)
            combine(number)
        case .double(let number):
            combine(marker: 10)
            combine(Int(bitPattern: UInt(number.bitPattern)))
        case .text(let text):
            combine(marker: 1)
            combine(text)
        case .list(let items):
            combine(marker: 9)
            combine(items.count)
            for item in items { combine(item) }
        case .map(let fields):
            combine(marker: 6)
            combine(fields.count)
            for (key, item) in zip(fields.keys, fields.values) {
                combine(key)
                combine(item)
            }
        }
    }
}
