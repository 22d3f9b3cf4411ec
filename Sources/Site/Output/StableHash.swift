import Index

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
