import Foundation
import Index
import Support

/// What an import would do to a journal, worked out before anything is written: the report a
/// person reads, and the files to write, all at once or not at all.
public struct ImportPlan: Sendable {
    public var report = ImportReport()
    /// Full paths and new texts.
    var changes: [AtomicFile.Change] = []

    /// The journal's root: nothing is written outside it.
    var root: URL?
    /// The text each changed file had when it was read: a file changed since (an editor saved
    /// it) is not written over.
    var originals: [String: String] = [:]

    /// Writes every new and changed file, or none. A record folder that is a link out of the
    /// journal is refused: an import writes into the journal only.
    public func apply() throws(AtomicFile.Failure) {
        precondition(changes.allSatisfy { ImportPlan.fits($0.data) }, "the plan holds a file ties would not read")
        let folders = Set(changes.map { URL(filePath: $0.path).deletingLastPathComponent().path })
        for folder in folders.sorted() {
            if let root {
                let relative = String(folder.dropFirst(root.path.count)).drop { $0 == "/" }
                guard staysInJournal(String(relative), root: root) else {
                    let real = resolvedPath(folder) ?? folder
                    throw AtomicFile.Failure(description: "\(folder) leads out of the journal (to \(real)/); nothing was written")
                }
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw AtomicFile.Failure(description: "cannot create \(folder): \(error.localizedDescription)")
            }
        }
        for change in changes where !change.isNew {
            guard let original = originals[change.path] else { continue }
            let current = FileManager.default.contents(atPath: change.path).map { String(decoding: $0, as: UTF8.self) }
            guard current == original else {
                throw AtomicFile.Failure(description: "\(change.path) changed since it was read; nothing was written")
            }
        }
        try AtomicFile.writeAll(changes)
    }
}

extension ImportPlan {
    /// Whether a file an import would write is one ties reads back: no larger than a record
    /// may be (`SourceText.largestFile`).
    static func fits(_ data: Data) -> Bool { data.count <= SourceText.largestFile }

    static func tooLarge(_ path: String, _ bytes: Int) -> String {
        let mebibytes = (Double(bytes) / 1_048_576 * 10).rounded(.up) / 10
        return "\(path) would be \(mebibytes) MiB, more than ties reads in a record (\(SourceText.largestFile >> 20) MiB)"
    }
}

/// What an import did, or would do: for `ties import`'s text and JSON.
public struct ImportReport: Sendable, Equatable {
    public struct Created: Sendable, Equatable {
        /// Relative to the journal's root.
        public var file: String
        public var name: String
    }

    public struct Updated: Sendable, Equatable {
        public var file: String
        public var name: String
        /// The keys that gained a value, in the order first changed.
        public var fields: [String]
        /// "Acme → Globex (VP Engineering)" when the person moved on.
        public var jobChange: String?
    }

    public var created: [Created] = []
    public var updated: [Updated] = []
    /// A value of the file that differs from the journal's, kept as the journal has it.
    public struct Difference: Sendable, Equatable {
        public var line: Int
        /// The import file, when several are imported at once.
        public var importFile: String?
        /// The contact's file.
        public var file: String
        public var name: String
        public var field: String
        public var journal: String
        public var imported: String
    }

    public var unchanged = 0
    public var skipped: [ImportSkip] = []
    /// What the file said that has no place in the journal, or was read otherwise than
    /// written (a name without its decorations), by row.
    public var notes: [ImportSkip] = []
    public var differences: [Difference] = []

    /// Someone in the calendar's past events the journal does not know, with the number of
    /// meetings they were in: most first.
    public struct Attendee: Sendable, Equatable {
        public var name: String?
        public var email: String
        public var events: Int
    }
    public var unknownAttendees: [Attendee] = []
    /// Calendar events (occurrences) that no contact of the journal attended: counted only.
    public var withoutKnownAttendee = 0
}

public extension Journal {
    /// Matches each person of `file` with the journal's contacts and works out the new files and
    /// the edits: an existing contact only gains what it lacks (emails, phones, links, tags, a
    /// birthday, notes, an org and title); a value that differs from the journal's is reported,
    /// never written over. A job change is recorded only from a professional profile
    /// (LinkedIn), or from any file with `jobChanges`, and only forward (docs/IMPORT.md).
    /// Nothing is written.
    func planImport(_ file: ImportFile, today: Day, jobChanges: Bool = false) -> ImportPlan {
        var planner = ImportPlanner(journal: self, today: today, jobChanges: jobChanges)
        for person in file.people { planner.take(person) }
        return planner.plan(skipped: file.skipped)
    }
}

/// A contact's file, read and parsed for editing only when an import changes it: a re-import
/// of thousands of known people reads none of their files.
struct DeferredEditor {
    let url: URL
    private(set) var editor: FrontMatterEditor<Contact>?
    /// The file's text as read.
    private(set) var original: String?

    init(url: URL) { self.url = url }

    mutating func edit<T>(
        _ change: (inout FrontMatterEditor<Contact>) throws(FrontMatterEditor<Contact>.Refusal) -> T
    ) throws(FrontMatterEditor<Contact>.Refusal) -> T {
        var loaded: FrontMatterEditor<Contact>
        if let editor {
            loaded = editor
        } else {
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
            else { throw FrontMatterEditor<Contact>.Refusal(description: "the file cannot be read") }
            original = text
            loaded = FrontMatterEditor(text)
        }
        editor = nil
        defer { editor = loaded }
        return try change(&loaded)
    }

    var text: String? { editor?.text }
}

/// The state of planning one import.
private struct ImportPlanner {
    typealias Refusal = FrontMatterEditor<Contact>.Refusal
    let journal: Journal
    let today: Day
    let jobChanges: Bool
    var matcher: ContactMatcher
    /// Edited contacts by slug: their editor, the contact as edited so far, and the report entry.
    var edits: [String: (editor: DeferredEditor, contact: Contact, entry: ImportReport.Updated)] = [:]
    var editOrder: [String] = []
    /// Rows of this import that matched each contact, its body as compared (`squeezed`), and
    /// the bytes of notes added to it.
    var rowsPerContact: [String: Int] = [:]
    var squeezedBodies: [String: String] = [:]
    var notesAdded: [String: Int] = [:]
    /// The most rows of one import that update one contact.
    static let mostRowsPerContact = 1_000
    /// Where the first row that changed a contact is, for a message about the whole change.
    var editSource: [String: (line: Int, file: String?)] = [:]
    /// New people by planned path: everything the file's rows say of them, merged.
    var created: [(path: String, person: ImportedPerson)] = []
    var createdIndex: [String: Int] = [:]
    var createdKeys: [Int: CreatedKeys] = [:]

    /// A new person's emails (folded), phones (digits) and tags (folded), for `merge`.
    struct CreatedKeys {
        var emails: Set<String>
        var phones: Set<String>
        var tags: Set<String>
        var notes: Set<String>
        /// What later rows would have added past `mostPerList`, said once per list at the end,
        /// at the first row that passed it.
        var leftOut: [String: Int] = [:]
        var leftOutAt: (line: Int, file: String?)?

        init(_ person: ImportedPerson) {
            notes = Set(person.notes.map { [ImportPlanner.squeezed($0)] } ?? [])
            emails = Set(person.emails.map { $0.lowercased() })
            phones = Set(person.phones.map(ImportPlanner.digits))
            tags = Set(person.tags.map { $0.lowercased() })
        }
    }
    var takenStems: Set<String>
    var report = ImportReport()
    /// Contacts some row matched, so that the unchanged are counted once.
    var seen: Set<String> = []

    init(journal: Journal, today: Day, jobChanges: Bool) {
        self.journal = journal
        self.today = today
        self.jobChanges = jobChanges
        matcher = ContactMatcher(journal.contacts)
        takenStems = Set(journal.contacts.map { $0.slug.lowercased() })
        // Files the journal could not read still take their names; a journal without a
        // contacts folder yet has none.
        let folder = journal.root.appending(path: RecordKind.contact.folder).path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") {
            takenStems.insert(String(name.dropLast(3)).lowercased())
        }
    }

    mutating func take(_ written: ImportedPerson) {
        let person = written.readable()
        guard !person.name.isEmpty else {
            report.skipped.append(ImportSkip(line: person.line, file: person.file, reason: "no name ties can write"))
            return
        }
        for remark in person.remarks {
            report.notes.append(ImportSkip(line: person.line, file: person.file, reason: "\(person.name): \(remark)"))
        }
        switch matcher.match(person) {
        case let .several(keys):
            let files = keys.map { describe($0) }.joined(separator: " and ")
            report.skipped.append(
                ImportSkip(
                    line: person.line, file: person.file,
                    reason:
                        "\(person.name) matches both \(files); add this row's email or profile address to the one it is (or merge them if they are one person)"
                ))
        case let .one(key) where key.hasPrefix("new:"):
            merge(person, into: String(key.dropFirst(4)))
        case let .one(slug):
            update(slug, with: person)
        case .none:
            create(person)
        }
    }

    private func describe(_ key: String) -> String {
        if key.hasPrefix("new:") { return String(key.dropFirst(4)) + " (new)" }
        return journal.contacts[Contact.ID(key)]?.path ?? key
    }

    private mutating func difference(
        _ person: ImportedPerson, file: String, name: String, field: String, journal: String, imported: String
    ) {
        report.differences.append(
            ImportReport.Difference(
                line: person.line, importFile: person.file, file: file, name: name, field: field, journal: journal,
                imported: imported))
    }

    // MARK: New contacts

    private mutating func create(_ person: ImportedPerson) {
        let candidate = Slug.unique(Slug.fitted(Slug.make(from: person.name)), among: &takenStems)
        let path = "\(RecordKind.contact.folder)/\(candidate).md"
        // A namesake (another profile): references by that name elsewhere stop naming one person.
        let namesakes = journal.records(named: person.name, among: [.contact])
        if !namesakes.isEmpty {
            let files = namesakes.compactMap { journal.path(of: $0) }.joined(separator: ", ")
            report.notes.append(
                ImportSkip(
                    line: person.line, file: person.file,
                    reason:
                        "\(person.name): a second person of this name (\(path) beside \(files)); references by the name in other files now name both (ties check lists them): write the slug of the one you mean"
                ))
        }
        createdIndex[path] = created.count
        created.append((path, person))
        matcher.add(
            "new:\(path)", links: person.links.map(\.url), emails: person.emails, names: [person.name],
            orgs: person.org.map { [$0] } ?? [])
    }

    /// A second row or card of a person this import creates: what it adds is kept, what it
    /// says otherwise is reported.
    private mutating func merge(_ person: ImportedPerson, into path: String) {
        guard let index = createdIndex[path] else { return }
        // Taken out of the table while it grows, so that its lists and notes are added to in
        // place, not copied for every row; and the keys of what the person has so far, kept
        // between rows: thousands of rows or addresses of one person are each compared once.
        var merged = created[index].person
        created[index].person = ImportedPerson(line: merged.line, name: "")
        var keys = createdKeys.removeValue(forKey: index) ?? CreatedKeys(merged)
        func leave(_ field: String) {
            keys.leftOut[field, default: 0] += 1
            if keys.leftOutAt == nil { keys.leftOutAt = (person.line, person.file) }
        }
        func add<Item>(_ item: Item, to list: WritableKeyPath<ImportedPerson, [Item]>, _ field: String) {
            if merged[keyPath: list].count < ImportedPerson.mostPerList {
                merged[keyPath: list].append(item)
            } else {
                leave(field)
            }
        }
        for email in person.emails where keys.emails.insert(email.lowercased()).inserted { add(email, to: \.emails, "emails") }
        for phone in person.phones where keys.phones.insert(Self.digits(phone)).inserted { add(phone, to: \.phones, "phones") }
        for link in person.links {
            if merged.links.count < ImportedPerson.mostPerList {
                merged.addLink(label: link.label, url: link.url)
            } else {
                leave("links")
            }
        }
        for tag in person.tags where keys.tags.insert(tag.lowercased()).inserted { add(tag, to: \.tags, "tags") }
        createdKeys[index] = keys
        // Each row's notes once, and no more than one row's cap in all: many rows of one person
        // must not each search and copy everything before them.
        if let notes = person.notes, keys.notes.insert(Self.squeezed(notes)).inserted {
            if (merged.notes?.utf8.count ?? 0) + notes.utf8.count <= ImportedPerson.longestNotes {
                if merged.notes == nil { merged.notes = notes } else { merged.notes?.append("\n\n" + notes) }
            } else {
                report.notes.append(
                    ImportSkip(line: person.line, file: person.file, reason: ImportedPerson.notesLeftOut(merged.name)))
            }
        }
        func single<V: Equatable & CustomStringConvertible>(_ key: WritableKeyPath<ImportedPerson, V?>, _ field: String) {
            guard let value = person[keyPath: key] else { return }
            if let kept = merged[keyPath: key] {
                if kept != value {
                    difference(
                        person, file: path, name: merged.name, field: field, journal: kept.description,
                        imported: value.description)
                }
            } else {
                merged[keyPath: key] = value
            }
        }
        single(\.org, "org")
        single(\.title, "title")
        single(\.birthday, "birthday")
        single(\.met, "met")
        single(\.location, "location")
        created[index].person = merged
        matcher.add(
            "new:\(path)", links: person.links.map(\.url), emails: person.emails, names: [person.name],
            orgs: person.org.map { [$0] } ?? [])
    }

    private static func file(for person: ImportedPerson) -> String {
        var writer = FrontMatterWriter<Contact>()
        writer.field(\.name, person.name)
        writer.list(\.emails, person.emails)
        writer.list(\.phones, person.phones)
        writer.map(\.links, person.links.map { ($0.label, $0.url) })
        writer.field(\.location, person.location)
        writer.field(\.birthday, person.birthday?.description)
        writer.field(\.org, person.org)
        writer.field(\.title, person.title)
        writer.field(\.met, person.met?.description)
        writer.field(\.howMet, person.howMet)
        writer.list(\.tags, person.tags)
        let notes = person.notes?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return writer.file(body: notes.isEmpty ? "\n" : "\n\(notes)\n")
    }

    // MARK: Existing contacts

    private mutating func update(_ slug: String, with person: ImportedPerson) {
        guard let original = journal.contacts[Contact.ID(slug)] else { return }
        let state =
            edits[slug]
            ?? (
                DeferredEditor(url: journal.root.appending(path: original.path)), original,
                ImportReport.Updated(file: original.path, name: original.name, fields: [])
            )
        var (editor, contact, entry) = state
        let rows = rowsPerContact[slug, default: 0] + 1
        rowsPerContact[slug] = rows
        guard rows <= Self.mostRowsPerContact else {
            report.skipped.append(
                ImportSkip(
                    line: person.line, file: person.file,
                    reason:
                        "\(original.name): more than \(Self.mostRowsPerContact) rows of this import are this contact; the rest are left out (import them in parts)"
                ))
            return
        }
        let gained: Bool
        do {
            gained = try gainWhatIsMissing(person, slug: slug, &editor, &contact, &entry)
        } catch {
            report.skipped.append(
                ImportSkip(
                    line: person.line, file: person.file, reason: "\(original.path) was left as it is: \(error.description)"))
            return
        }
        let firstTime = seen.insert(slug).inserted
        if !gained {
            if edits[slug] == nil && firstTime { report.unchanged += 1 }
            return
        }
        if edits[slug] == nil {
            editOrder.append(slug)
            editSource[slug] = (person.line, person.file)
            if !firstTime { report.unchanged -= 1 }
        }
        edits[slug] = (editor, contact, entry)
    }

    /// Adds what the contact lacks; whether anything was added.
    private mutating func gainWhatIsMissing(
        _ person: ImportedPerson, slug: String, _ editor: inout DeferredEditor, _ contact: inout Contact,
        _ entry: inout ImportReport.Updated
    ) throws(Refusal) -> Bool {
        var gained = false
        func changed(_ key: PartialKeyPath<Contact>) {
            gained = true
            let name = Contact.schema.key(key)
            if !entry.fields.contains(name) { entry.fields.append(name) }
        }
        // A contact keeps at most `mostPerList` of each list; what would pass it is a note.
        func room<Item>(_ items: [Item], beside count: Int, _ field: String) -> [Item] {
            let room = max(0, ImportedPerson.mostPerList - count)
            guard items.count > room else { return items }
            report.notes.append(
                ImportSkip(
                    line: person.line, file: person.file,
                    reason: "\(person.name): \(ImportedPerson.overflow(items.count - room, field))"))
            return Array(items.prefix(room))
        }
        let knownEmails = Set(contact.emails.map { $0.lowercased() })
        let emails = room(
            unique(person.emails.filter { !knownEmails.contains($0.lowercased()) }) { $0.lowercased() },
            beside: contact.emails.count, "emails")
        if !emails.isEmpty {
            try editor.edit { e throws(Refusal) in try e.append(\.emails, emails) }
            contact.emails += emails
            changed(\.emails)
        }
        let knownPhones = Set(contact.phones.map(Self.digits))
        let phones = room(
            unique(person.phones.filter { !knownPhones.contains(Self.digits($0)) }, by: Self.digits),
            beside: contact.phones.count, "phones")
        if !phones.isEmpty {
            try editor.edit { e throws(Refusal) in try e.append(\.phones, phones) }
            contact.phones += phones
            changed(\.phones)
        }
        var knownLinks = Set(contact.links.map { ContactMatcher.normalisedLink($0.url) })
        var labels = Set(contact.links.map(\.label))
        var newLinks: [(label: String, value: String)] = []
        let links = room(
            person.links.filter { !knownLinks.contains(ContactMatcher.normalisedLink($0.url)) }, beside: contact.links.count,
            "links")
        for link in links {
            guard knownLinks.insert(ContactMatcher.normalisedLink(link.url)).inserted else { continue }
            let label = ImportedPerson.freeLabel(link.label, among: labels)
            labels.insert(label)
            newLinks.append((label, link.url))
            contact.links.append(Contact.Link(label: label, url: link.url))
        }
        if !newLinks.isEmpty {
            try editor.edit { e throws(Refusal) in try e.add(\.links, pairs: newLinks) }
            changed(\.links)
        }
        let knownTags = Set(contact.tags.map { $0.lowercased() })
        let tags = room(person.tags.filter { !knownTags.contains($0.lowercased()) }, beside: contact.tags.count, "tags")
        if !tags.isEmpty {
            try editor.edit { e throws(Refusal) in try e.append(\.tags, tags) }
            contact.tags += tags
            changed(\.tags)
        }
        if let birthday = person.birthday {
            if let kept = contact.birthday {
                if kept != birthday {
                    difference(
                        person, file: contact.path, name: contact.name, field: "birthday", journal: kept.description,
                        imported: birthday.description)
                }
            } else {
                try editor.edit { e throws(Refusal) in try e.add(\.birthday, birthday.description) }
                contact.birthday = birthday
                changed(\.birthday)
            }
        }
        if let location = person.location {
            if let kept = contact.location {
                if ContactMatcher.foldedName(kept) != ContactMatcher.foldedName(location) {
                    difference(
                        person, file: contact.path, name: contact.name, field: "location", journal: kept, imported: location)
                }
            } else {
                try editor.edit { e throws(Refusal) in try e.add(\.location, location) }
                contact.location = location
                changed(\.location)
            }
        }
        if let met = person.met, contact.met == nil {
            try editor.edit { e throws(Refusal) in try e.add(\.met, met.description) }
            contact.met = met
            changed(\.met)
        }
        if let notes = person.notes?.trimmingCharacters(in: .whitespacesAndNewlines), !notes.isEmpty {
            // The body as compared is made once per contact and grows with what is added, and
            // one import adds at most `longestNotes` to it: rows of one person do not each fold
            // the whole body again.
            let squeezedNotes = Self.squeezed(notes)
            var body: String
            // Taken out of the table while it grows, so that it is not copied.
            if let known = squeezedBodies.removeValue(forKey: slug) {
                body = known
            } else {
                body = Self.squeezed(try editor.edit { e throws(Refusal) in e.body })
            }
            if !body.contains(squeezedNotes) {
                let added = notesAdded[slug, default: 0] + notes.utf8.count
                if added <= ImportedPerson.longestNotes {
                    try editor.edit { e throws(Refusal) in e.appendToBody(notes) }
                    contact.body += "\n\n" + notes
                    body += " " + squeezedNotes
                    notesAdded[slug] = added
                    gained = true
                    if !entry.fields.contains("notes") { entry.fields.append("notes") }
                } else {
                    report.notes.append(
                        ImportSkip(line: person.line, file: person.file, reason: ImportedPerson.notesLeftOut(contact.name)))
                }
            }
            squeezedBodies[slug] = body
        }
        let hadJobChange = entry.jobChange
        var roleChanges: [PartialKeyPath<Contact>] = []
        try takeRole(person, &editor, &contact, &entry.jobChange, changed: &roleChanges)
        for key in roleChanges { changed(key) }
        return gained || entry.jobChange != hadJobChange
    }

    /// Lower case, runs of white space as one space: notes as compared, so that a note imported
    /// once is not added again.
    private static func squeezed(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The job the contact has now: the `org` and `title` keys, else the open role (the latest
    /// begun of those without `to`).
    private static func currentJob(of contact: Contact) -> (org: String, title: String?, role: Role?, inKeys: Bool)? {
        let open = contact.roles.filter { $0.to == nil }.max { ($0.from?.description ?? "") < ($1.from?.description ?? "") }
        if let org = contact.org?.text { return (org, contact.title, open, true) }
        if let open { return (open.org.text, open.title, open, false) }
        return nil
    }

    /// An org and title the contact lacks are added. Another org, or another title at the
    /// same org, is a job change where the file is a professional profile (or `jobChanges`);
    /// else, and when the file names a job the contact had before, it is reported.
    private mutating func takeRole(
        _ person: ImportedPerson, _ editor: inout DeferredEditor, _ contact: inout Contact,
        _ jobChange: inout String?, changed: inout [PartialKeyPath<Contact>]
    ) throws(Refusal) {
        let newOrg = person.org.flatMap { $0.isEmpty ? nil : $0 }
        let newTitle = person.title.flatMap { $0.isEmpty ? nil : $0 }
        guard newOrg != nil || newTitle != nil else { return }
        guard let current = Self.currentJob(of: contact) else {
            if let newOrg {
                try editor.edit { e throws(Refusal) in try e.set(\.org, newOrg) }
                contact.org = Reference(newOrg, at: contact.location)
                changed.append(\.org)
                if contact.title == nil, let newTitle {
                    try editor.edit { e throws(Refusal) in try e.set(\.title, newTitle) }
                    contact.title = newTitle
                    changed.append(\.title)
                }
            }
            return
        }
        let currentNames = orgNames(current.org)
        let sameOrg = newOrg.map { currentNames.contains(ContactMatcher.foldedOrg($0)) } ?? true
        let sameTitle =
            newTitle.map { title in
                current.title.map { ContactMatcher.foldedName($0) == ContactMatcher.foldedName(title) } ?? false
            }
            ?? true
        if sameOrg, current.title == nil, let newTitle {
            if current.inKeys {
                try editor.edit { e throws(Refusal) in try e.set(\.title, newTitle) }
                contact.title = newTitle
                changed.append(\.title)
            } else if let role = current.role {
                try editor.edit { e throws(Refusal) in
                    try e.set(
                        Role.schema.key(\.title), YAMLScalar.text(newTitle, inFlow: true), inItemAt: role.location, of: \.roles,
                        plainKey: Role.schema.key(\.org))
                }
                changed.append(\.roles)
            }
            return
        }
        guard !(sameOrg && sameTitle) else { return }
        let was = "\(current.org)\(current.title.map { " (\($0))" } ?? "")"
        let now = "\(sameOrg ? current.org : newOrg ?? current.org)\(newTitle.map { " (\($0))" } ?? "")"
        // A job the contact had before, or an address book's view: reported, never applied.
        let earlier = contact.roles.first { role in
            role.to != nil && newOrg.map { orgNames(role.org.text).contains(ContactMatcher.foldedOrg($0)) } ?? false
                && newTitle.map { title in
                    role.title.map { ContactMatcher.foldedName($0) == ContactMatcher.foldedName(title) } ?? true
                }
                    ?? true
        }
        // A role begun today, in the journal or by an earlier row of this import, is not changed again.
        let openedToday = jobChange != nil || (current.role?.from.map { $0.description == today.description } ?? false)
        guard person.isProfessionalProfile || jobChanges, earlier == nil, !openedToday else {
            let why =
                earlier.map {
                    "a job the journal has as ended (\($0.org.text)\($0.to.map { " until \($0)" } ?? "")): not recorded again"
                }
                ?? (openedToday
                    ? "the current role began today: not changed again"
                    : "only a professional profile (LinkedIn) records a job change; run with --job-changes to take this one")
            difference(person, file: contact.path, name: contact.name, field: "job", journal: was, imported: now + "; " + why)
            return
        }
        let day = today.description
        let orgKey = Role.schema.key(\.org)
        let toKey = Role.schema.key(\.to)
        var closed = false
        if let role = current.role, currentNames.contains(ContactMatcher.foldedOrg(role.org.text)) {
            try editor.edit { e throws(Refusal) in
                try e.set(toKey, day, inItemAt: role.location, of: \.roles, plainKey: orgKey)
            }
            closed = true
        }
        var items: [[(String, String)]] = []
        if !closed {
            items.append(
                [(orgKey, current.org)] + (current.title.map { [(Role.schema.key(\.title), $0)] } ?? []) + [(toKey, day)])
        }
        // The same org written another way keeps the spelling the owner chose.
        let org = sameOrg ? current.org : newOrg ?? current.org
        items.append(
            [(orgKey, org)] + (newTitle.map { [(Role.schema.key(\.title), $0)] } ?? []) + [(Role.schema.key(\.from), day)])
        try editor.edit { e throws(Refusal) in try e.append(\.roles, maps: items) }
        changed.append(\.roles)
        if current.inKeys {
            if !sameOrg {
                try editor.edit { e throws(Refusal) in try e.set(\.org, org) }
                changed.append(\.org)
            }
            if let newTitle {
                try editor.edit { e throws(Refusal) in try e.set(\.title, newTitle) }
                changed.append(\.title)
            }
            contact.org = Reference(org, at: contact.location)
            contact.title = newTitle ?? contact.title
        }
        jobChange = "\(was) → \(now)"
    }

    /// The names an org goes by: as written, and the org's name, slug and aliases.
    private func orgNames(_ written: String) -> Set<String> {
        var names = [written]
        if let id = journal.record(named: written, among: [.org]), let org = journal.orgs[Org.ID(id.slug)] {
            names += [org.name, org.slug] + org.aliases
        }
        return Set(names.map(ContactMatcher.foldedOrg))
    }

    private static func digits(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        return phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? "+" + digits : digits
    }

    private func unique(_ items: [String], by key: (String) -> String) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert(key($0)).inserted }
    }

    // MARK: The plan

    func plan(skipped: [ImportSkip]) -> ImportPlan {
        var plan = ImportPlan()
        plan.root = journal.root
        plan.report = report
        var skipped = skipped + report.skipped
        for (index, item) in created.enumerated() {
            if let keys = createdKeys[index], let at = keys.leftOutAt {
                for (field, count) in keys.leftOut.sorted(by: { $0.key < $1.key }) {
                    plan.report.notes.append(
                        ImportSkip(
                            line: at.line, file: at.file,
                            reason: "\(item.person.name): \(ImportedPerson.overflow(count, field))"))
                }
            }
            let data = Data(Self.file(for: item.person).utf8)
            guard ImportPlan.fits(data) else {
                skipped.append(
                    ImportSkip(
                        line: item.person.line, file: item.person.file,
                        reason:
                            "\(item.person.name): \(ImportPlan.tooLarge(item.path, data.count)); nothing of this person was written"
                    ))
                continue
            }
            plan.report.created.append(ImportReport.Created(file: item.path, name: item.person.name))
            plan.changes.append(AtomicFile.Change(path: journal.root.appending(path: item.path).path, data: data, isNew: true))
        }
        plan.report.notes.sort { ($0.file ?? "", $0.line, $0.reason) < ($1.file ?? "", $1.line, $1.reason) }
        for slug in editOrder {
            guard let edit = edits[slug], let text = edit.editor.text else { continue }
            guard ImportPlan.fits(Data(text.utf8)) else {
                skipped.append(
                    ImportSkip(
                        line: editSource[slug]?.line ?? 0, file: editSource[slug]?.file,
                        reason:
                            "\(edit.entry.name): \(ImportPlan.tooLarge(edit.entry.file, text.utf8.count)); \(edit.entry.file) was left as it is"
                    ))
                continue
            }
            plan.report.updated.append(edit.entry)
            let path = journal.root.appending(path: edit.entry.file).path
            plan.originals[path] = edit.editor.original
            plan.changes.append(AtomicFile.Change(path: path, data: Data(text.utf8), isNew: false))
        }
        plan.report.skipped = skipped.sorted {
            ($0.file ?? "", $0.line, $0.reason) < ($1.file ?? "", $1.line, $1.reason)
        }
        return plan
    }
}
