import Foundation
import Index
import Support

/// A kind of record with a name people refer to it by, and aliases to keep old names in.
protocol NamedRecord: Record {
    /// `name` or `title`.
    static var nameField: PartialKeyPath<Self> { get }
    static var aliasesField: PartialKeyPath<Self> { get }
}

extension Contact: NamedRecord {
    static var nameField: PartialKeyPath<Contact> { \.name }
    static var aliasesField: PartialKeyPath<Contact> { \.aliases }
}

extension Org: NamedRecord {
    static var nameField: PartialKeyPath<Org> { \.name }
    static var aliasesField: PartialKeyPath<Org> { \.aliases }
}

extension Goal: NamedRecord {
    static var nameField: PartialKeyPath<Goal> { \.title }
    static var aliasesField: PartialKeyPath<Goal> { \.aliases }
}

extension Publication: NamedRecord {
    static var nameField: PartialKeyPath<Publication> { \.title }
    static var aliasesField: PartialKeyPath<Publication> { \.aliases }
}

public extension Journal {
    /// Renames a contact, org, goal or publication the way an IDE renames a symbol: the record
    /// gets the new name and a file named after it, keeps the old name as an alias (so links
    /// elsewhere, in notes outside the journal or in git history, still find it), and every
    /// reference by the old name or slug, in front matter and in wiki links, is rewritten.
    /// References by an alias stay: the alias still names the record.
    func rename(_ id: RecordID, to newName: String) throws(EditRefusal) -> JournalChange {
        let name = newName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        else {
            throw EditRefusal(description: "the new name must be one line of text without control characters")
        }
        // Every kind named in references has a name field; an encounter is named by its file.
        guard let type = id.kind.recordType as? any NamedRecord.Type else {
            throw EditRefusal(
                description: "an encounter is not referred to by name; change its title in \(path(of: id) ?? id.slug)")
        }
        return try rename(type, id, to: name)
    }

    private func rename<R: NamedRecord>(_ type: R.Type, _ id: RecordID, to name: String) throws(EditRefusal) -> JournalChange {
        guard let renamed = self[R.self][R.ID(id.slug)] else {
            throw EditRefusal(description: "no \(id.kind.rawValue) '\(id.slug)'")
        }
        let record = renamed
        let oldName = record.displayName
        if let other = self.record(named: name, among: [R.kind]), other != id {
            throw EditRefusal(
                description:
                    "another \(R.kind.rawValue) is called '\(name)' already (\(path(of: other).flatMap { $0.isEmpty ? nil : $0 } ?? other.slug)); nothing was changed"
            )
        }
        guard name != oldName else {
            throw EditRefusal(description: "'\(TerminalText.inline(oldName))' has that name already; nothing was changed")
        }

        // Where the record's file goes: the same folder, a file named after the new name.
        let oldPath = record.path
        let folder = oldPath.isEmpty ? R.kind.folder : (oldPath as NSString).deletingLastPathComponent
        let oldStem = oldPath.isEmpty ? record.slug : ((oldPath as NSString).lastPathComponent as NSString).deletingPathExtension
        var stem = Slug.fitted(Slug.make(from: name))
        if stem.lowercased() != oldStem.lowercased() {
            var taken = Set(self[R.self].map { $0.slug.lowercased() })
            taken.remove(record.slug.lowercased())
            let prefix = String(folder.dropFirst(R.kind.folder.count)).drop { $0 == "/" }
            let inFolder = { (stem: String) in prefix.isEmpty ? stem : "\(prefix)/\(stem)" }
            var counter = 1
            let base = stem
            while taken.contains(inFolder(stem).lowercased())
                || FileManager.default.fileExists(atPath: root.appending(path: "\(folder)/\(stem).md").path)
            {
                counter += 1
                stem = "\(base)-\(counter)"
            }
        } else {
            stem = oldStem
        }
        let newPath = "\(folder)/\(stem).md"
        let newSlug = R.kind.slugKeepsFolders ? String(newPath.dropFirst(R.kind.folder.count + 1).dropLast(3)) : stem

        let lowerName = oldName.lowercased()
        let lowerSlug = record.slug.lowercased()
        let lowerStem = oldStem.lowercased()
        var files = try rewriteReferences(to: id, slug: newSlug) { text in
            let lower = text.lowercased()
            if lower == lowerName { return name }
            if lower == lowerSlug { return newSlug }
            if lower == lowerStem { return stem }
            return nil
        }

        // The record's own file: new name, old name kept as an alias.
        var notes = files.notes
        if oldPath.isEmpty {
            var writer = FrontMatterWriter<R>()
            writer.field(R.nameField, name)
            writer.list(R.aliasesField, [oldName])
            files.changes[newPath] = (nil, writer.file(body: "\n"))
            notes.append("'\(oldName)' had no file; \(newPath) now holds its new name")
        } else {
            let old: String
            if let earlier = files.changes[oldPath]?.old { old = earlier } else { old = try readText(oldPath) }
            var editor = FrontMatterEditor<R>(files.changes[oldPath]?.new ?? old)
            do {
                try editor.set(R.nameField, name)
                if !record.aliases.contains(where: { $0.lowercased() == lowerName }) {
                    try editor.append(R.aliasesField, [oldName])
                }
            } catch {
                throw EditRefusal(description: "\(oldPath) was left as it is: \(error.description); nothing was changed")
            }
            if newPath == oldPath {
                files.changes[oldPath] = (old, editor.text)
            } else {
                files.changes[oldPath] = (old, nil)
                files.changes[newPath] = (nil, editor.text)
            }
        }
        if R.kind == .org, let me = config.myOrg, me.target == id.slug {
            notes.append("ties.yaml's me.org still says '\(me.text)'; it names the org as before")
        }
        return JournalChange(
            root: root, files: files.changes.map { JournalChange.File(path: $0.key, old: $0.value.old, new: $0.value.new) },
            notes: notes)
    }

    /// The files of records that refer to `target`, with each reference whose text `replacement`
    /// gives a new text rewritten: front-matter references and wiki links, by where parsing
    /// found them. Files are read from disk as they are now.
    ///
    /// With `merging` (the record `target` merges into), a list that then names that record
    /// twice, such as an encounter's `with: [Keep, Drop]`, loses the second item instead.
    ///
    /// A wiki link's new target that cannot stand inside `[[…]]` (it holds `]]`, `[[`, `|`, `#`
    /// or `^`, which end the target or start a heading) is `slug` instead, which always can.
    internal func rewriteReferences(
        to target: RecordID, merging: RecordID? = nil, slug: String, _ replacement: (String) -> String?
    ) throws(EditRefusal) -> (changes: [String: (old: String?, new: String?)], notes: [String]) {
        enum Edit {
            case reference(SourceLocation, String)
            case wikiLink(SourceLocation, String)
            case remove(SourceLocation)

            var location: SourceLocation {
                switch self {
                case let .reference(location, _), let .wikiLink(location, _), let .remove(location): return location
                }
            }
        }
        var edits: [String: [Edit]] = [:]
        func collect<R: Record>(_ type: R.Type) {
            for record in self[R.self] where !record.path.isEmpty {
                for field in R.schema.referenceFields {
                    var references: [Reference] = []
                    field.references?(record) { reference, kind in
                        if kind == .record(target.kind) { references.append(reference) }
                    }
                    // In a list that comes to name `merging` twice, the first stays and the rest go.
                    let isList = field.shape.hasSuffix("references")
                    let dedupe = isList && merging != nil && references.contains { $0.target == target.slug }
                    var kept = false
                    for reference in references {
                        let isTarget = reference.target == target.slug
                        guard isTarget || (dedupe && reference.target == merging?.slug) else { continue }
                        if dedupe && kept {
                            edits[record.path, default: []].append(.remove(reference.location))
                        } else if isTarget, let text = replacement(reference.text), text != reference.text {
                            edits[record.path, default: []].append(.reference(reference.location, text))
                        }
                        kept = true
                    }
                }
                for link in record.wikiLinks where link.target == target {
                    guard var text = replacement(link.text), text != link.text else { continue }
                    if !WikiLinkSyntax.canBeTarget(text) { text = slug }
                    edits[record.path, default: []].append(.wikiLink(link.location, text))
                }
            }
        }
        for kind in RecordKind.allCases { collect(kind.recordType) }

        var changes: [String: (old: String?, new: String?)] = [:]
        var notes: [String] = []
        for (path, places) in edits.sorted(by: { $0.key < $1.key }) {
            let old = try readText(path)
            var editor = FrontMatterEditor<Contact>(old)
            // Last first, so an edit never moves a place another edit is to be made at.
            let ordered = places.sorted {
                ($0.location.line, $0.location.column) > ($1.location.line, $1.location.column)
            }
            for edit in ordered {
                switch edit {
                case let .reference(location, text):
                    do {
                        try editor.replaceReference(at: location, with: text)
                    } catch {
                        throw EditRefusal(description: "\(location) was left as it is: \(error.description); nothing was changed")
                    }
                case let .remove(location):
                    do {
                        try editor.removeListItem(at: location)
                    } catch {
                        throw EditRefusal(description: "\(location) was left as it is: \(error.description); nothing was changed")
                    }
                case let .wikiLink(location, text):
                    if !editor.replaceWikiLinkTarget(at: location, with: text) {
                        notes.append("\(location): a link ties could not find in the text was left as it is")
                    }
                }
            }
            changes[path] = (old, editor.text)
        }
        return (changes, notes)
    }

    /// A file of the journal as it is on disk now.
    internal func readText(_ path: String) throws(EditRefusal) -> String {
        guard let data = FileManager.default.contents(atPath: root.appending(path: path).path),
            let text = String(data: data, encoding: .utf8)
        else { throw EditRefusal(description: "\(path) cannot be read; nothing was changed") }
        return text
    }
}
