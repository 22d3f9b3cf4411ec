/// Where a field's value is stored in an item: reached through its byte offset when the key path
/// names a stored property, else (a computed property such as an encounter's `knownDate`)
/// through the key path.
///
/// A key path applied in generic code goes through the runtime's projection on every use; for
/// the parse cache, which sets every field of 100,000 records, that was a fifth of reading it.
/// `MemoryLayout.offset(of:)` gives the offset of exactly those properties whose storage lies
/// inline in the item, so the pointer below always points at an initialised `V` inside it.
struct Property<Item, V>: @unchecked Sendable {
    let path: WritableKeyPath<Item, V>
    private let offset: Int?

    init(_ path: WritableKeyPath<Item, V>) {
        self.path = path
        self.offset = MemoryLayout<Item>.offset(of: path)
    }

    func get(_ item: Item) -> V {
        guard let offset else { return item[keyPath: path] }
        return withUnsafePointer(to: item) { UnsafeRawPointer($0).advanced(by: offset).assumingMemoryBound(to: V.self).pointee }
    }

    func set(_ item: inout Item, _ value: V) {
        guard let offset else {
            item[keyPath: path] = value
            return
        }
        withUnsafeMutablePointer(to: &item) {
            UnsafeMutableRawPointer($0).advanced(by: offset).assumingMemoryBound(to: V.self).pointee = value
        }
    }

    func modify(_ item: inout Item, _ body: (inout V) -> Void) {
        guard let offset else {
            body(&item[keyPath: path])
            return
        }
        withUnsafeMutablePointer(to: &item) {
            body(&UnsafeMutableRawPointer($0).advanced(by: offset).assumingMemoryBound(to: V.self).pointee)
        }
    }
}
