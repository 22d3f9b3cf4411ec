/// Finds the records a reference names, by slug first, then by name or alias, ignoring case.
///
/// Built once per kind in time linear in the records; each lookup is a hash lookup. Only a
/// reference that matches nothing pays for a "did you mean" scan.
struct NameTable {
    enum Match: Equatable {
        case one(String)
        case several([String])
        case none
    }

    private var slugs: [String: [String]] = [:]
    private var names: [String: [String]] = [:]
    /// What a person could have meant, in a stable order, for suggestions.
    private(set) var candidates: [String] = []

    init<R: Record>(_ records: [R]) {
        for record in records {
            add(record.slug, for: record.slug, asSlug: true)
            if R.kind.slugKeepsFolders, let stem = record.slug.split(separator: "/").last, stem != Substring(record.slug) {
                add(String(stem), for: record.slug, asSlug: true)
            }
            add(record.displayName, for: record.slug, asSlug: false)
            for alias in record.aliases { add(alias, for: record.slug, asSlug: false) }
        }
    }

    private mutating func add(_ key: String, for slug: String, asSlug: Bool) {
        let folded = key.lowercased()
        if asSlug {
            if !(slugs[folded]?.contains(slug) ?? false) { slugs[folded, default: []].append(slug) }
        } else {
            if !(names[folded]?.contains(slug) ?? false) { names[folded, default: []].append(slug) }
        }
        candidates.append(key)
    }

    func match(_ text: String) -> Match { match(folded: text.lowercased()) }

    /// `match` for a text already lower-cased, when one text is looked up in several tables.
    func match(folded: String) -> Match {
        if let found = slugs[folded] {
            return found.count == 1 ? .one(found[0]) : .several(found.sorted())
        }
        if let found = names[folded] {
            return found.count == 1 ? .one(found[0]) : .several(found.sorted())
        }
        return .none
    }

    func suggestion(for text: String) -> String? {
        Suggestion.nearest(to: text, in: candidates)
    }
}
