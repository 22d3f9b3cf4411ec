/// What a template reads: text, numbers, truth values, lists and maps whose keys keep the order
/// they were given in. Every page's view model becomes one of these (`Value(encoding:)`), so the
/// renderer, the render cache's hash and `ties theme fields` all read the same thing, and no
/// lookup ever needs `Any`, reflection or a cast.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case text(String)
    case list([Value])
    case map(Fields)

    /// The entries of a map, in order. Maps of view models hold a few dozen keys at most, which
    /// a scan of the keys finds faster than hashing the name.
    public struct Fields: Sendable, Hashable {
        public private(set) var keys: [String] = []
        public private(set) var values: [Value] = []

        public init() {}

        public init(_ entries: [(String, Value)]) {
            keys.reserveCapacity(entries.count)
            values.reserveCapacity(entries.count)
            for (key, value) in entries { self[key] = value }
        }

        public var count: Int { keys.count }

        /// The value for `key`; setting a key that is there replaces its value in place.
        public subscript(key: String) -> Value? {
            get {
                for index in keys.indices where keys[index] == key { return values[index] }
                return nil
            }
            set {
                if let index = keys.firstIndex(of: key) {
                    if let newValue {
                        values[index] = newValue
                    } else {
                        keys.remove(at: index)
                        values.remove(at: index)
                    }
                } else if let newValue {
                    keys.append(key)
                    values.append(newValue)
                }
            }
        }

        /// Adds an entry without looking for the key first: for builders that know it is new.
        mutating func append(_ key: String, _ value: Value) {
            keys.append(key)
            values.append(value)
        }
    }

    /// Whether a section shows its content once (or once per item of a list): false, null, an
    /// empty list and empty text are false; everything else is true.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .list(let items): return !items.isEmpty
        case .text(let text): return !text.isEmpty
        case .int, .double, .map: return true
        }
    }

    /// The entry `key` of a map; nil for anything else or a missing key.
    public subscript(key: String) -> Value? {
        if case .map(let fields) = self { return fields[key] }
        return nil
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .map(Fields(elements)) }
    public init(nilLiteral: ()) { self = .null }
}
