import Support

/// Finding records by slug, and by the names people write.
public extension Journal {
    /// The display name of any record, e.g. for a backlink.
    func displayName(of id: RecordID) -> String? {
        // Each kind named (see `RecordKind.recordType`): asked for every link of every page.
        switch id.kind {
        case .contact: return contacts.read(Contact.ID(id.slug)) { $0.displayName }
        case .encounter: return encounters.read(Encounter.ID(id.slug)) { $0.displayName }
        case .publication: return publications.read(Publication.ID(id.slug)) { $0.displayName }
        case .org: return orgs.read(Org.ID(id.slug)) { $0.displayName }
        case .goal: return goals.read(Goal.ID(id.slug)) { $0.displayName }
        }
    }

    /// The path of any record's file, relative to the journal; empty for an implicit org.
    func path(of id: RecordID) -> String? {
        switch id.kind {
        case .contact: return contacts.read(Contact.ID(id.slug)) { $0.path }
        case .encounter: return encounters.read(Encounter.ID(id.slug)) { $0.path }
        case .publication: return publications.read(Publication.ID(id.slug)) { $0.path }
        case .org: return orgs.read(Org.ID(id.slug)) { $0.path }
        case .goal: return goals.read(Goal.ID(id.slug)) { $0.path }
        }
    }
}

/// Why a name typed by a person found no single record.
public enum LookupError: Error, Equatable, CustomStringConvertible {
    /// A record a text may mean, with the name a person knows it by.
    public struct Candidate: Equatable, Sendable {
        public var id: RecordID
        public var name: String
    }

    case notFound(String, suggestion: String?)
    case ambiguous(String, [Candidate])

    public var description: String {
        switch self {
        case let .notFound(text, suggestion):
            return "nothing in the journal is called '\(TerminalText.inline(text))'\(Suggestion.clause(suggestion))"
        case let .ambiguous(text, candidates):
            // Listed one per line, so a person can pick one and copy its slug.
            let shown = candidates.prefix(20).map {
                "\n  \($0.id.kind.rawValue) \(TerminalText.inline($0.id.slug))  \(TerminalText.inline($0.name))"
            }
            let more = candidates.count > 20 ? "\n  … and \(candidates.count - 20) more" : ""
            return
                "'\(TerminalText.inline(text))' may mean \(candidates.count) records; name one by its slug or more of its name:\(shown.joined())\(more)"
        }
    }
}

public extension Journal {
    /// What makes two tags one: `Ex-Kollegen` and `ex-kollegen` are one tag.
    static func tagKey(_ tag: String) -> String { tag.lowercased() }

    /// Every tag with the records that carry it, each record once per tag, in kind then journal
    /// order: one pass over the journal for the site's tag pages and `ties show TAG`.
    ///
    /// Tags that differ only in case are one tag, named as most records write it (of equally
    /// many, the first in code point order). Made on first use and kept: a build asks for it
    /// for the site's paths, its tag pages and its comparison with the last build.
    func recordsByTag() -> [String: [RecordID]] {
        tagsMade.get { collectTags() }
    }

    private func collectTags() -> [String: [RecordID]] {
        var byKey: [String: [RecordID]] = [:]
        var spellings: [String: [String: Int]] = [:]
        // By index, never `for record in`: copying a record retains every field of it.
        func collect<R: Record>(_ kind: R.Type) {
            let records = self[R.self]
            for index in records.indices where !records[index].tags.isEmpty {
                let id = records[index].recordID
                var keys = Set<String>()
                for tag in records[index].tags {
                    let key = Self.tagKey(tag)
                    spellings[key, default: [:]][tag, default: 0] += 1
                    if keys.insert(key).inserted { byKey[key, default: []].append(id) }
                }
            }
        }
        // Each kind named, in `RecordKind` order (see `RecordKind.recordType`).
        collect(Contact.self)
        collect(Encounter.self)
        collect(Publication.self)
        collect(Org.self)
        collect(Goal.self)
        var byTag: [String: [RecordID]] = [:]
        for (key, ids) in byKey {
            let written = spellings[key] ?? [:]
            let name = written.min { ($1.value, $0.key) < ($0.value, $1.key) }?.key ?? key
            byTag[name] = ids
        }
        return byTag
    }
}
