import Foundation
import Index

/// Why an edit could not be made; nothing was written.
public struct EditRefusal: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public extension Journal {
    /// Sets a contact's `snooze_until`, changing only that line (or adding it).
    func snooze(_ contact: Contact, until day: Day) throws(EditRefusal) -> JournalChange {
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
        return JournalChange(root: root, files: [.init(path: contact.path, old: text, new: editor.text)])
    }
}
