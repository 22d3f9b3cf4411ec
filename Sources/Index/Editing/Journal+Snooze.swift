import Foundation

/// A change to one record's file, worked out before it is written.
public struct FileEdit: Sendable {
    /// Relative to the journal's root.
    public var path: String
    public var old: String
    public var new: String
    let root: URL

    /// The change as a unified diff, for `--dry-run`.
    public var diff: String { LineDiff.unified(old, new, path: path) }

    /// Writes the new text in place of the old, atomically.
    public func apply() throws(AtomicFile.Failure) {
        try AtomicFile.writeAll([AtomicFile.Change(path: root.appending(path: path).path, data: Data(new.utf8), isNew: false)])
    }
}

/// Why an edit could not be made; nothing was written.
public struct EditRefusal: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public extension Journal {
    /// Sets a contact's `snooze_until`, changing only that line (or adding it).
    func snooze(_ contact: Contact, until day: Day) throws(EditRefusal) -> FileEdit {
        let url = root.appending(path: contact.path)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw EditRefusal(description: "\(contact.path) cannot be read")
        }
        var editor = FrontMatterEditor<Contact>(text)
        do {
            try editor.set(\.snoozeUntil, day.description)
        } catch {
            throw EditRefusal(description: "\(contact.path) was left as it is: \(error.description)")
        }
        return FileEdit(path: contact.path, old: text, new: editor.text, root: root)
    }
}
