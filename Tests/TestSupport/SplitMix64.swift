/// A small seeded random generator (SplitMix64): the same cases on every run and machine, for
/// tests that generate their input.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    public mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + below(range.count) }
    public mutating func bool() -> Bool { next() & 1 == 1 }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
