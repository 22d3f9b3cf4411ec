import Foundation
import Index
import Yams

public extension Journal {
    /// Makes two files of one person (or one org) one: `keep`'s file gains what only `drop`'s
    /// holds, every reference to `drop` names `keep`, and `drop`'s file goes.
    ///
    /// Lists (emails, phones, aliases, links, tags, roles, goals, and any list of an extra field)
    /// are united, items compared without case; `drop`'s name and aliases become aliases; a
    /// value only `drop` has is copied as written; a value both have and that differs stays
    /// `keep`'s, and `drop`'s is reported in the change's notes; `drop`'s body is appended
    /// under a heading naming it.
    func merge(keep: RecordID, drop: RecordID) throws(EditRefusal) -> JournalChange {
        guard keep.kind == drop.kind else {
            throw EditRefusal(
                description:
                    "'\(keep.slug)' is a \(keep.kind.rawValue) and '\(drop.slug)' a \(drop.kind.rawValue); only records of one kind merge"
            )
        }
        guard keep != drop else { throw EditRefusal(description: "'\(keep.slug)' and '\(drop.slug)' are the same record") }
        switch keep.kind {
        case .contact: return try merge(Contact.self, keep: keep, drop: drop)
        case .org: return try merge(Org.self, keep: keep, drop: drop)
        default:
            throw EditRefusal(description: "only contacts and orgs merge; '\(keep.slug)' is a \(keep.kind.rawValue)")
        }
    }

    private func merge<R: NamedRecord>(
        _ type: R.Type, keep keepID: RecordID, drop dropID: RecordID
    ) throws(EditRefusal) -> JournalChange {
        guard let keep = self[R.self][R.ID(keepID.slug)], let drop = self[R.self][R.ID(dropID.slug)] else {
            throw EditRefusal(description: "no such \(keepID.kind.rawValue)")
        }
        guard !keep.path.isEmpty else {
            throw EditRefusal(description: "'\(keep.displayName)' has no file to keep; give it one (orgs/\(keep.slug).md) first")
        }
        // Two records that are one file (one a link to the other): merging would append the
        // file's notes to itself. The link is what to remove.
        if !drop.path.isEmpty, let keepReal = resolvedPath(root.appending(path: keep.path).path),
            resolvedPath(root.appending(path: drop.path).path) == keepReal
        {
            throw EditRefusal(
                description:
                    "\(drop.path) and \(keep.path) are one file (a link to it); remove the link instead; nothing was changed")
        }
        // Everything that named `drop` names `keep`: by its name, or its slug when the name is shared.
        let keepText = record(named: keep.displayName, among: [R.kind]) == keepID ? keep.displayName : keep.slug
        var files = try rewriteReferences(to: dropID, merging: keepID, slug: keepID.slug) { _ in keepText }
        var notes = files.notes

        let keepOld: String
        if let earlier = files.changes[keep.path]?.old { keepOld = earlier } else { keepOld = try readText(keep.path) }
        var editor = FrontMatterEditor<R>(files.changes[keep.path]?.new ?? keepOld)
        let dropText = drop.path.isEmpty ? nil : try readText(drop.path)
        do {
            let nameKey = R.schema.key(R.nameField)
            let aliasesKey = R.schema.key(R.aliasesField)
            var known = Set(([keep.displayName] + keep.aliases).map { $0.lowercased() })
            let newAliases = ([drop.displayName] + drop.aliases).filter { known.insert($0.lowercased()).inserted }
            try editor.append(key: aliasesKey, newAliases)
            if let dropText {
                let dropFields = try FrontMatterEditor<R>(dropText).fields()
                var keepFields: [String: Node] = [:]
                for (key, value) in try editor.fields() { keepFields[key] = value }
                let uidKey = Contact.schema.key(\Contact.uid)
                for (key, value) in dropFields where key != nameKey && key != aliasesKey {
                    // Both had an address book card: the one dropped is remembered, so that
                    // `ties sync` removes it from the address book instead of bringing it back.
                    if R.self == Contact.self, key == uidKey, let kept = keepFields[key], !Fields.isNull(kept),
                        let dropped = value.string, kept.string != dropped
                    {
                        try editor.append(key: Contact.schema.key(\Contact.formerUIDs), [dropped])
                        continue
                    }
                    notes += try unite(key, value, into: &editor, keeping: keepFields[key], dropName: drop.displayName)
                }
                let body = FrontMatterEditor<R>(dropText).body.trimmingCharacters(in: .whitespacesAndNewlines)
                if !body.isEmpty { editor.appendToBody("## Merged from \(drop.displayName) (\(drop.path))\n\n\(body)") }
            }
        } catch {
            throw EditRefusal(description: "\(keep.path) was left as it is: \(error.description); nothing was changed")
        }
        files.changes[keep.path] = (keepOld, editor.text)
        if let dropText { files.changes[drop.path] = (dropText, nil) }
        return JournalChange(
            root: root, files: files.changes.map { JournalChange.File(path: $0.key, old: $0.value.old, new: $0.value.new) },
            notes: notes)
    }

    /// Adds to `editor` what `drop` has under `key` and `keep` lacks; returns the values kept
    /// apart (both had one and they differ).
    private func unite<R: Record>(
        _ key: String, _ value: Node, into editor: inout FrontMatterEditor<R>, keeping kept: Node?, dropName: String
    ) throws(FrontMatterEditor<R>.Refusal) -> [String] {
        func texts(_ node: Node?) -> [String] {
            switch node {
            case let .scalar(scalar)?: return Fields.isNull(.scalar(scalar)) ? [] : [scalar.string]
            case let .sequence(sequence)?: return sequence.compactMap(\.string)
            default: return []
            }
        }
        func pairs(_ node: Node) -> [(String, String)] {
            guard case let .mapping(mapping) = node else { return [] }
            return mapping.compactMap { pair in pair.key.string.flatMap { k in pair.value.string.map { (k, $0) } } }
        }
        /// A map's pairs as YAML to write: plain values as written (`2019`, not `"2019"`).
        func yamlPairs(_ node: Node) -> [(String, String)] {
            guard case let .mapping(mapping) = node else { return [] }
            return mapping.compactMap { pair in
                guard let key = pair.key.string, case let .scalar(scalar) = pair.value else { return nil }
                let plain = scalar.style == .plain && !scalar.string.contains(where: { $0.isNewline || $0 == "," || $0 == "}" })
                return (key, plain ? scalar.string : YAMLScalar.text(scalar.string, inFlow: true))
            }
        }
        if Fields.isNull(value) { return [] }
        switch value {
        case let .sequence(sequence):
            let maps = sequence.filter { if case .mapping = $0 { return true } else { return false } }
            if !maps.isEmpty {
                let have = Set(
                    (kept.map { node -> [Node] in if case let .sequence(s) = node { return Array(s) } else { return [] } } ?? [])
                        .map { pairs($0).map { "\($0.0.lowercased())=\($0.1.lowercased())" }.sorted() })
                let added = maps.filter { !have.contains(pairs($0).map { "\($0.0.lowercased())=\($0.1.lowercased())" }.sorted()) }
                try editor.append(key: key, maps: added.map(yamlPairs), yaml: true)
            }
            let known = Set(texts(kept).map { $0.lowercased() })
            var seen = known
            try editor.append(key: key, texts(value).filter { seen.insert($0.lowercased()).inserted })
            return []
        case .mapping:
            var notes: [String] = []
            let have = Dictionary(kept.map(pairs) ?? [], uniquingKeysWith: { first, _ in first })
            for (label, text) in pairs(value) {
                if let existing = have[label] {
                    if existing != text { notes.append("kept \(key).\(label) '\(existing)'; \(dropName) had '\(text)'") }
                } else {
                    try editor.add(key: key, label: label, value: text)
                }
            }
            return notes
        case let .scalar(scalar):
            switch kept {
            case nil:
                // A plain value is copied as written, so `true` stays a flag and not a text.
                try editor.set(
                    key: key, scalar.string,
                    yaml: scalar.style == .plain && !scalar.string.contains(where: \.isNewline) ? scalar.string : nil)
                return []
            case let .sequence(sequence)?:
                if !sequence.compactMap(\.string).contains(where: { $0.lowercased() == scalar.string.lowercased() }) {
                    try editor.append(key: key, [scalar.string])
                }
                return []
            case let .scalar(existing)? where Fields.isNull(.scalar(existing)):
                try editor.set(
                    key: key, scalar.string,
                    yaml: scalar.style == .plain && !scalar.string.contains(where: \.isNewline) ? scalar.string : nil)
                return []
            case let .scalar(existing)?:
                return existing.string == scalar.string
                    ? [] : ["kept \(key) '\(existing.string)'; \(dropName) had '\(scalar.string)'"]
            default:
                return ["kept \(key) as it is; \(dropName) had '\(scalar.string)'"]
            }
        default:
            return []
        }
    }
}
