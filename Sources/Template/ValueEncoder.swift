/// Turns an `Encodable` view model into a `Value`: the view model's type is the one description
/// of a page's fields, and its synthesized `encode(to:)` walks it with no reflection.
///
/// Optionals that are nil are left out of their map (`encodeIfPresent`), so a template's
/// `{{#org}}…{{/org}}` is skipped for them, as for any missing name.
extension Value {
    /// `value` as templates read it. With `keepingNil`, nil optionals are null entries instead of
    /// left out: what `ties theme fields` shows, so every field a page can have is listed.
    public init<T: Encodable>(encoding value: T, keepingNil: Bool = false) throws {
        let encoder = ValueEncoder(keepsNil: keepingNil)
        try value.encode(to: encoder)
        self = encoder.storage.value
    }
}

/// Where an encoder's value is built: a box, so that containers made from the encoder share it.
final class ValueStorage {
    enum State {
        case empty
        case single(Value)
        case map(Value.Fields)
        case list([Value])
    }
    var state = State.empty

    var value: Value {
        switch state {
        case .empty: return .null
        case .single(let value): return value
        case .map(let fields): return .map(fields)
        case .list(let items): return .list(items)
        }
    }
}

final class ValueEncoder: Encoder {
    let storage = ValueStorage()
    let keepsNil: Bool

    init(keepsNil: Bool = false) { self.keepsNil = keepsNil }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .map = storage.state {} else { storage.state = .map(Value.Fields()) }
        return KeyedEncodingContainer(KeyedValueContainer<Key>(storage: storage, keepsNil: keepsNil))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .list = storage.state {} else { storage.state = .list([]) }
        return UnkeyedValueContainer(storage: storage, keepsNil: keepsNil)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(storage: storage, keepsNil: keepsNil) }

    static func value<T: Encodable>(of value: T, keepsNil: Bool = false) throws -> Value {
        let encoder = ValueEncoder(keepsNil: keepsNil)
        try value.encode(to: encoder)
        return encoder.storage.value
    }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: ValueStorage
    let keepsNil: Bool
    var codingPath: [any CodingKey] { [] }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
        if let value { set(.text(value), for: key) } else if keepsNil { set(.null, for: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) {
        if let value { set(.bool(value), for: key) } else if keepsNil { set(.null, for: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) {
        if let value { set(.int(value), for: key) } else if keepsNil { set(.null, for: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) {
        if let value { set(.double(value), for: key) } else if keepsNil { set(.null, for: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            set(try ValueEncoder.value(of: value, keepsNil: keepsNil), for: key)
        } else if keepsNil {
            set(.null, for: key)
        }
    }

    private func set(_ value: Value, for key: Key) {
        guard case .map(var fields) = storage.state else { return }
        storage.state = .empty  // keeps `fields` the only reference: appended in place
        fields.append(key.stringValue, value)
        storage.state = .map(fields)
    }

    mutating func encodeNil(forKey key: Key) { set(.null, for: key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), for: key) }
    mutating func encode(_ value: String, forKey key: Key) { set(.text(value), for: key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(.double(value), for: key) }
    mutating func encode(_ value: Float, forKey key: Key) { set(.double(Double(value)), for: key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.int(value), for: key) }
    mutating func encode(_ value: Int8, forKey key: Key) { set(.int(Int(value)), for: key) }
    mutating func encode(_ value: Int16, forKey key: Key) { set(.int(Int(value)), for: key) }
    mutating func encode(_ value: Int32, forKey key: Key) { set(.int(Int(value)), for: key) }
    mutating func encode(_ value: Int64, forKey key: Key) { set(.int(Int(value)), for: key) }
    mutating func encode(_ value: UInt, forKey key: Key) { set(.int(Int(clamping: value)), for: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { set(.int(Int(value)), for: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { set(.int(Int(value)), for: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { set(.int(Int(value)), for: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { set(.int(Int(clamping: value)), for: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try ValueEncoder.value(of: value, keepsNil: keepsNil), for: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        // Only custom `encode(to:)` methods ask for these; view models do not.
        let encoder = ValueEncoder()
        let container = encoder.container(keyedBy: keyType)
        set(.null, for: key)
        return container
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder() }
}

private struct UnkeyedValueContainer: UnkeyedEncodingContainer {
    let storage: ValueStorage
    let keepsNil: Bool
    var codingPath: [any CodingKey] { [] }
    var count: Int {
        if case .list(let items) = storage.state { return items.count }
        return 0
    }

    private func append(_ value: Value) {
        guard case .list(var items) = storage.state else { return }
        storage.state = .empty
        items.append(value)
        storage.state = .list(items)
    }

    mutating func encodeNil() { append(.null) }
    mutating func encode(_ value: Bool) { append(.bool(value)) }
    mutating func encode(_ value: String) { append(.text(value)) }
    mutating func encode(_ value: Double) { append(.double(value)) }
    mutating func encode(_ value: Int) { append(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try ValueEncoder.value(of: value, keepsNil: keepsNil)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { ValueEncoder().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { ValueEncoder() }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let storage: ValueStorage
    let keepsNil: Bool
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { storage.state = .single(.null) }
    mutating func encode(_ value: Bool) { storage.state = .single(.bool(value)) }
    mutating func encode(_ value: String) { storage.state = .single(.text(value)) }
    mutating func encode(_ value: Double) { storage.state = .single(.double(value)) }
    mutating func encode(_ value: Float) { storage.state = .single(.double(Double(value))) }
    mutating func encode(_ value: Int) { storage.state = .single(.int(value)) }
    mutating func encode(_ value: Int64) { storage.state = .single(.int(Int(value))) }
    mutating func encode(_ value: UInt64) { storage.state = .single(.int(Int(clamping: value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        storage.state = .single(try ValueEncoder.value(of: value, keepsNil: keepsNil))
    }
}

/// A `Value` encodes as itself, so a view model can hold one made once (the interface's words,
/// shared by every page) instead of encoding the same fields on every page.
extension Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? ValueEncoder {
            encoder.storage.state = .single(self)
            return
        }
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .text(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .map(let fields):
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in zip(fields.keys, fields.values) { try container.encode(value, forKey: AnyKey(key)) }
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
