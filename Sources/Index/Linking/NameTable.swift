import Support

/// Finds the records a reference names, by slug first, then by name or alias, ignoring case.
///
/// Built once per kind in time linear in the records; each lookup is a hash lookup. Only a
/// reference that matches nothing pays for a "did you mean" scan.
package struct NameTable: Sendable {
    package enum Match: Equatable {
        case one(String)
        case several([String])
        case none
    }

    /// What one folded text names: almost always one record, so no array is made for it (a
    /// large journal has hundreds of thousands of names, and an array each was most of the cost
    /// of making, and freeing, the tables).
    enum Slugs: Sendable {
        case none
        case one(String)
        case several([String])

        mutating func add(_ slug: String) {
            switch self {
            case .none: self = .one(slug)
            case let .one(existing): if existing != slug { self = .several([existing, slug]) }
            case var .several(existing):
                guard !existing.contains(slug) else { return }
                existing.append(slug)
                self = .several(existing)
            }
        }

        var match: Match {
            switch self {
            case .none: return .none
            case let .one(slug): return .one(slug)
            case let .several(slugs): return .several(slugs.sorted())
            }
        }
    }

    /// What one folded text names as a slug, and as a name or alias: one lookup for both.
    struct Entry: Sendable {
        var slugs = Slugs.none
        var names = Slugs.none
    }

    private var entries: [String: Entry] = [:]
    /// Every name and slug as written, in record order, for suggestions: made only when one is
    /// needed, since nearly every reference matches.
    var candidates: [String] { candidateList() }
    private let candidateList: @Sendable () -> [String]

    package init<R: Record>(_ records: [R]) {
        candidateList = { NameTable.candidates(of: records) }
        entries.reserveCapacity(records.count * (R.kind.slugKeepsFolders ? 3 : 2))
        for index in records.indices {
            let slug = records[index].slug
            entries[slug.lowercasedIfNeeded, default: Entry()].slugs.add(slug)
            if let stem = NameTable.stem(of: slug, kind: R.kind) {
                entries[stem.lowercasedIfNeeded, default: Entry()].slugs.add(slug)
            }
            entries[records[index].displayName.lowercasedIfNeeded, default: Entry()].names.add(slug)
            for alias in records[index].aliases { entries[alias.lowercasedIfNeeded, default: Entry()].names.add(slug) }
        }
    }

    /// Every name and slug of `records` as written, in record order, for suggestions.
    static func candidates<R: Record>(of records: [R]) -> [String] {
        var candidates: [String] = []
        for record in records {
            candidates.append(record.slug)
            if let stem = NameTable.stem(of: record.slug, kind: R.kind) { candidates.append(stem) }
            candidates.append(record.displayName)
            candidates += record.aliases
        }
        return candidates
    }

    /// The file name of a record kept in folders (`2024/2024-03-05-coffee` gives
    /// `2024-03-05-coffee`), which links may use alone.
    private static func stem(of slug: String, kind: RecordKind) -> String? {
        guard kind.slugKeepsFolders, let slash = slug.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(slug[slug.index(after: slash)...])
    }

    package func match(_ text: String) -> Match { match(folded: text.lowercasedIfNeeded) }

    /// `NameTable(records).match(text)` without making the table: for one text looked up once
    /// (a name typed on the command line), one pass over the records costs less than a table
    /// of all their names.
    static func match<R: Record>(_ text: String, in records: RecordTable<R>) -> Match {
        let wanted = Array(text.lowercasedIfNeeded.utf8)
        let folded = text.lowercasedIfNeeded
        func same(_ candidate: String) -> Bool {
            let quick: Bool?? = candidate.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                // ASCII lowers to ASCII of the same length; anything else is lowered in full.
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
                guard bytes.count == wanted.count else { return false }
                for index in bytes.indices {
                    let byte = bytes[index]
                    if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != wanted[index] { return false }
                }
                return true
            }
            if let quick, let answer = quick { return answer }
            return candidate.lowercasedIfNeeded == folded
        }
        var slugs = Slugs.none
        var names = Slugs.none
        records.withUnsafeBufferPointer { records in
            guard let first = records.baseAddress else { return }
            for index in records.indices {
                // Field by field through a pointer, never the record as a value: a copy of a
                // record retains every field of it.
                let record = first + index
                let slug = record.pointee.slug
                if same(slug) || stem(of: slug, kind: R.kind).map(same) == true { slugs.add(slug) }
                if same(record.pointee.displayName) || record.pointee.aliases.contains(where: same) { names.add(slug) }
            }
        }
        if case .none = slugs { return names.match }
        return slugs.match
    }

    /// `match` for a text already lower-cased, when one text is looked up in several tables.
    func match(folded: String) -> Match {
        guard let entry = entries[folded] else { return .none }
        if case .none = entry.slugs { return entry.names.match }
        return entry.slugs.match
    }

    func suggestion(for text: String) -> String? {
        Suggestion.nearest(to: text, in: candidates)
    }
}
