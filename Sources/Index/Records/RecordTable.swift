/// The records of one kind in a journal, in the journal's order, found by position or by
/// identity: `journal.contacts[id]`, `journal[Contact.self]`.
public struct RecordTable<R: Record>: RandomAccessCollection, Sendable {
    private let records: [R]
    private let positions: [String: Int]

    init(_ records: [R]) {
        self.records = records
        var positions: [String: Int] = [:]
        positions.reserveCapacity(records.count)
        for index in records.indices { positions[records[index].slug] = index }
        self.positions = positions
    }

    public var startIndex: Int { records.startIndex }
    public var endIndex: Int { records.endIndex }
    public subscript(position: Int) -> R { records[position] }

    /// The record with this identity, if the journal has one.
    public subscript(id: R.ID) -> R? { positions[id.slug].map { records[$0] } }

    /// What `body` makes of the record with this identity, read in place: a copy of a record
    /// retains every field of it, which for a name shown beside every link was most of the cost.
    public func read<T>(_ id: R.ID, _ body: (R) throws -> T) rethrows -> T? {
        guard let position = positions[id.slug] else { return nil }
        return try records.withUnsafeBufferPointer { try body($0[position]) }
    }

    /// Where the record with this identity is, in the journal's order.
    public func position(of id: R.ID) -> Int? { positions[id.slug] }

    /// The records as an array.
    public var array: [R] { records }

    /// Calls `body` with the records in place: nothing copied, nothing retained.
    public func withUnsafeBufferPointer<T>(_ body: (UnsafeBufferPointer<R>) throws -> T) rethrows -> T {
        try records.withUnsafeBufferPointer(body)
    }
}

extension RecordTable: Equatable where R: Equatable {
    public static func == (a: RecordTable, b: RecordTable) -> Bool { a.records == b.records }
}
