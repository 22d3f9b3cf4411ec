import Foundation
import Index
import Support

/// One change `ties set` makes to every contact chosen: `circle=network`, `cadence=2m`,
/// `tags+=x`, `tags-=x`, `goals+=g`.
public struct ContactEdit: Sendable, Equatable, CustomStringConvertible {
    public enum Operation: String, Sendable {
        case set = "="
        case add = "+="
        case remove = "-="
    }

    /// The front matter key.
    public var key: String
    public var operation: Operation
    /// One value for a single field; for a list, the values separated by commas.
    public var values: [String]

    /// Fields set to one value.
    public static var singleKeys: [String] {
        [\Contact.circle, \.cadence, \.snoozeUntil, \.org, \.title, \.location, \.howMet, \.met].map {
            Contact.schema.key($0)
        }
    }
    /// Lists added to and removed from.
    public static var listKeys: [String] {
        [\Contact.tags, \.goals, \.aliases, \.emails, \.phones].map { Contact.schema.key($0) }
    }

    public var description: String { "\(key)\(operation.rawValue)\(values.joined(separator: ","))" }

    /// Reads `key=value`, `key+=a,b` or `key-=a`; nil for text that is not an assignment (a name).
    /// Throws for an assignment ties cannot make: an unknown field (with a suggestion), `+=` on a
    /// single field, no value.
    public static func parse(_ text: String) throws(EditRefusal) -> ContactEdit? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        var key = String(text[..<equals])
        var operation = Operation.set
        if key.hasSuffix("+") || key.hasSuffix("-") {
            operation = key.hasSuffix("+") ? .add : .remove
            key.removeLast()
        }
        key = key.trimmingCharacters(in: .whitespaces)
        // A name with `=` in it is rare; a key is one word.
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        let value = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        let all = singleKeys + listKeys
        guard all.contains(key) else {
            throw EditRefusal(
                description: "ties set cannot change '\(key)'\(Suggestion.clause(Suggestion.nearest(to: key, in: all))); "
                    + "it sets \(singleKeys.joined(separator: ", ")) (key=value) and adds to or removes from "
                    + "\(listKeys.joined(separator: ", ")) (key+=value, key-=value)")
        }
        let isList = listKeys.contains(key)
        if !isList && operation != .set {
            throw EditRefusal(description: "'\(key)' is one value: write \(key)=VALUE")
        }
        if isList && operation == .set {
            throw EditRefusal(description: "'\(key)' is a list: write \(key)+=VALUE to add or \(key)-=VALUE to remove")
        }
        let values =
            isList
            ? value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            : (value.isEmpty ? [] : [value])
        guard !values.isEmpty else { throw EditRefusal(description: "'\(text)' gives no value") }
        return ContactEdit(key: key, operation: operation, values: values)
    }
}

public extension Journal {
    /// Makes `edits` to every contact of `chosen`, as one change of many files (all or none):
    /// in each file only the lines a value changes, in the style the file is written in. A
    /// contact that has a value already is left as it is. Values are checked first: a circle of
    /// ties.yaml, a cadence, a date, a goal of the journal (written by its name).
    func set(_ edits: [ContactEdit], on chosen: [Contact.ID]) throws(EditRefusal) -> JournalChange {
        let edits = try edits.map { edit throws(EditRefusal) in try checked(edit) }
        var files: [JournalChange.File] = []
        for id in chosen {
            guard let contact = contacts[id] else { continue }
            let url = root.appending(path: contact.path)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
            else {
                throw EditRefusal(description: "\(contact.path) cannot be read; nothing was written")
            }
            var editor = FrontMatterEditor<Contact>(text)
            do {
                for edit in edits { try apply(edit, to: contact, in: &editor) }
            } catch {
                throw EditRefusal(description: "\(contact.path) cannot be changed: \(error.description); nothing was written")
            }
            files.append(.init(path: contact.path, old: text, new: editor.text))
        }
        return JournalChange(root: root, files: files)
    }

    /// The edit with its values as the file should hold them, or why it cannot be made.
    private func checked(_ edit: ContactEdit) throws(EditRefusal) -> ContactEdit {
        var edit = edit
        switch edit.key {
        case Contact.schema.key(\.circle):
            guard let circle = config.circle(named: edit.values[0]) else {
                let names = config.circles.map(\.name)
                throw EditRefusal(
                    description: "unknown circle '\(edit.values[0])'"
                        + (names.isEmpty
                            ? "; ties.yaml defines no circles"
                            : Suggestion.clause(Suggestion.nearest(to: edit.values[0], in: names))
                                + "; circles: \(names.joined(separator: ", "))"))
            }
            edit.values = [circle.name]
        case Contact.schema.key(\.cadence):
            if case .failure = Cadence.parse(edit.values[0]) {
                throw EditRefusal(description: "'\(edit.values[0])' is not a cadence; write 2w, 3m, 1y or none")
            }
        case Contact.schema.key(\.snoozeUntil), Contact.schema.key(\.met):
            guard Day(edit.values[0]) != nil else {
                throw EditRefusal(description: "'\(edit.values[0])' in \(edit.key) is not a date; write YYYY-MM-DD")
            }
        case Contact.schema.key(\.goals):
            edit.values = try edit.values.map { text throws(EditRefusal) in
                guard edit.operation == .add else { return text }
                do {
                    let id = try find(text, among: [.goal])
                    guard let name = displayName(of: id) else { return id.slug }
                    return record(named: name, among: [.goal]) == id ? name : id.slug
                } catch {
                    throw EditRefusal(description: String(describing: error))
                }
            }
        default: break
        }
        return edit
    }

    private func apply(
        _ edit: ContactEdit, to contact: Contact, in editor: inout FrontMatterEditor<Contact>
    ) throws(FrontMatterEditor<Contact>.Refusal) {
        let current = currentValues(of: edit.key, in: contact)
        switch edit.operation {
        case .set:
            guard current.first != edit.values[0] else { return }
            try editor.set(key: edit.key, edit.values[0])
        case .add:
            let have = Set(current.map { fold(edit.key, $0) })
            var seen = Set<String>()
            let new = edit.values.filter { !have.contains(fold(edit.key, $0)) && seen.insert(fold(edit.key, $0)).inserted }
            try editor.append(key: edit.key, new)
        case .remove:
            let gone = Set(edit.values.map { fold(edit.key, $0) })
            guard current.contains(where: { gone.contains(fold(edit.key, $0)) }) else { return }
            let remaining = current.filter { !gone.contains(fold(edit.key, $0)) }
            _ = try editor.removeListItems(
                key: edit.key, where: { gone.contains(fold(edit.key, $0)) }, remaining: remaining)
        }
    }

    /// A field's values as the contact holds them, as written.
    private func currentValues(of key: String, in contact: Contact) -> [String] {
        switch key {
        case Contact.schema.key(\.circle): return contact.circle.map { [$0.text] } ?? []
        case Contact.schema.key(\.cadence): return contact.cadence.map { [$0.description] } ?? []
        case Contact.schema.key(\.snoozeUntil): return contact.snoozeUntil.map { [$0.description] } ?? []
        case Contact.schema.key(\.met): return contact.met.map { [$0.description] } ?? []
        case Contact.schema.key(\.org): return contact.org.map { [$0.text] } ?? []
        case Contact.schema.key(\.title): return contact.title.map { [$0] } ?? []
        case Contact.schema.key(\.location): return contact.location.map { [$0] } ?? []
        case Contact.schema.key(\.howMet): return contact.howMet.map { [$0] } ?? []
        case Contact.schema.key(\.tags): return contact.tags
        case Contact.schema.key(\.goals): return contact.goals.map(\.text)
        case Contact.schema.key(\.aliases): return contact.aliases
        case Contact.schema.key(\.emails): return contact.emails
        case Contact.schema.key(\.phones): return contact.phones
        default: return []
        }
    }

    /// How two values of a field are compared: tags without `#` and case, goals by the record
    /// they mean, e-mails without case, the rest as written.
    private func fold(_ key: String, _ value: String) -> String {
        switch key {
        case Contact.schema.key(\.tags):
            return (value.hasPrefix("#") ? String(value.dropFirst()) : value).lowercased()
        case Contact.schema.key(\.goals):
            return (try? find(value, among: [.goal]))?.slug ?? value.lowercased()
        case Contact.schema.key(\.emails), Contact.schema.key(\.aliases): return value.lowercased()
        default: return value
        }
    }
}
