import Foundation

/// What an import would do to a journal, worked out before anything is written: the report a
/// person reads, and the files to write, all at once or not at all.
public struct ImportPlan: Sendable {
    public var report = ImportReport()
    /// Full paths and new texts.
    var changes: [AtomicFile.Change] = []

    /// The journal's root: nothing is written outside it.
    var root: URL?

    /// Writes every new and changed file, or none. A record folder that is a link out of the
    /// journal is refused: an import writes into the journal only.
    public func apply() throws(AtomicFile.Failure) {
        let folders = Set(changes.map { URL(filePath: $0.path).deletingLastPathComponent().path })
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw AtomicFile.Failure(description: "cannot create \(folder): \(error.localizedDescription)")
            }
            if let root {
                let journal = root.resolvingSymlinksInPath().path + "/"
                let real = URL(filePath: folder).resolvingSymlinksInPath().path + "/"
                guard real.hasPrefix(journal) else {
                    throw AtomicFile.Failure(
                        description: "\(folder) leads out of the journal (to \(real)); nothing was written")
                }
            }
        }
        try AtomicFile.writeAll(changes)
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
    public var unchanged = 0
    public var skipped: [ImportSkip] = []
    /// Calendar events (occurrences) that no contact of the journal attended: counted only.
    public var withoutKnownAttendee = 0
}

public extension Journal {
    /// Matches each person of `file` with the journal's contacts and works out the new files and
    /// the edits: an existing contact only gains what it lacks (emails, phones, links, a
    /// birthday, an org and title), or, when the import names another org or title than the
    /// current ones, a job change (the current role closed on `today`, a new one from `today`).
    /// Nothing is written.
    func planImport(_ file: ImportFile, today: Day) -> ImportPlan {
        var planner = ImportPlanner(journal: self, today: today)
        for person in file.people { planner.take(person) }
        return planner.plan(skipped: file.skipped)
    }
}

/// A contact's file, read and parsed for editing only when an import changes it: a re-import
/// of thousands of known people reads none of their files.
struct DeferredEditor {
    let url: URL
    private(set) var editor: FrontMatterEditor<Contact>?

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
    let journal: Journal
    let today: Day
    var matcher: ContactMatcher
    /// Edited contacts by slug: their editor, the contact as edited so far, and the report entry.
    var edits: [String: (editor: DeferredEditor, contact: Contact, entry: ImportReport.Updated)] = [:]
    var editOrder: [String] = []
    var created: [(path: String, text: String, entry: ImportReport.Created, line: Int)] = []
    var takenStems: Set<String>
    var report = ImportReport()

    init(journal: Journal, today: Day) {
        self.journal = journal
        self.today = today
        matcher = ContactMatcher(journal.contacts)
        takenStems = Set(journal.contacts.map { $0.slug.lowercased() })
        let folder = journal.root.appending(path: RecordKind.contact.folder).path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") {
            takenStems.insert(String(name.dropLast(3)).lowercased())
        }
    }

    mutating func take(_ person: ImportedPerson) {
        switch matcher.match(person) {
        case let .several(keys):
            let files = keys.map { describe($0) }.joined(separator: " and ")
            report.skipped.append(
                ImportSkip(line: person.line, file: person.file, reason: "matches both \(files); merge them first"))
        case let .one(key) where key.hasPrefix("new:"):
            let line = created.first { "new:\($0.path)" == key }?.line ?? 0
            report.skipped.append(ImportSkip(line: person.line, file: person.file, reason: "the same person as line \(line)"))
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

    // MARK: New contacts

    private mutating func create(_ person: ImportedPerson) {
        var writer = FrontMatterWriter<Contact>()
        writer.field(\.name, person.name)
        writer.list(\.emails, person.emails)
        writer.list(\.phones, person.phones)
        writer.map(\.links, person.links.map { ($0.label, $0.url) })
        writer.field(\.birthday, person.birthday?.description)
        writer.field(\.org, person.org)
        writer.field(\.title, person.title)
        writer.field(\.met, person.met?.description)
        writer.field(\.howMet, person.howMet)
        writer.list(\.tags, person.tags)
        let notes = person.notes?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let text = writer.file(body: notes.isEmpty ? "\n" : "\n\(notes)\n")
        let candidate = Slug.unique(Slug.fitted(Slug.make(from: person.name)), among: &takenStems)
        let path = "\(RecordKind.contact.folder)/\(candidate).md"
        created.append((path, text, ImportReport.Created(file: path, name: person.name), person.line))
        matcher.add("new:\(path)", links: person.links.map(\.url), emails: person.emails, names: [person.name])
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
        let before = entry.fields.count
        let hadJobChange = entry.jobChange != nil
        do {
            try gainWhatIsMissing(person, &editor, &contact, &entry)
        } catch {
            report.skipped.append(
                ImportSkip(
                    line: person.line, file: person.file, reason: "\(original.path) was left as it is: \(error.description)"))
            return
        }
        if entry.fields.count == before && (entry.jobChange != nil) == hadJobChange {
            if edits[slug] == nil { report.unchanged += 1 }
            return
        }
        if edits[slug] == nil { editOrder.append(slug) }
        edits[slug] = (editor, contact, entry)
    }

    private func gainWhatIsMissing(
        _ person: ImportedPerson, _ editor: inout DeferredEditor, _ contact: inout Contact,
        _ entry: inout ImportReport.Updated
    ) throws(FrontMatterEditor<Contact>.Refusal) {
        func changed(_ key: PartialKeyPath<Contact>) {
            let name = Contact.schema.key(key)
            if !entry.fields.contains(name) { entry.fields.append(name) }
        }
        let knownEmails = Set(contact.emails.map { $0.lowercased() })
        let emails = unique(person.emails.filter { !knownEmails.contains($0.lowercased()) }) { $0.lowercased() }
        if !emails.isEmpty {
            try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.append(\.emails, emails) }
            contact.emails += emails
            changed(\.emails)
        }
        let knownPhones = Set(contact.phones.map(Self.digits))
        let phones = unique(person.phones.filter { !knownPhones.contains(Self.digits($0)) }, by: Self.digits)
        if !phones.isEmpty {
            try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.append(\.phones, phones) }
            contact.phones += phones
            changed(\.phones)
        }
        for link in person.links {
            let known = Set(contact.links.map { ContactMatcher.normalisedLink($0.url) })
            guard !known.contains(ContactMatcher.normalisedLink(link.url)) else { continue }
            var label = link.label
            var counter = 1
            while contact.links.contains(where: { $0.label == label }) {
                counter += 1
                label = "\(link.label)-\(counter)"
            }
            try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.add(\.links, label: label, value: link.url) }
            contact.links.append(Contact.Link(label: label, url: link.url))
            changed(\.links)
        }
        if contact.birthday == nil, let birthday = person.birthday {
            try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.add(\.birthday, birthday.description) }
            contact.birthday = birthday
            changed(\.birthday)
        }
        var roleChanges: [PartialKeyPath<Contact>] = []
        try takeRole(person, &editor, &contact, &entry.jobChange, changed: &roleChanges)
        for key in roleChanges { changed(key) }
    }

    /// An org and title the contact lacks are added; another org, or another title at the same
    /// org, is a job change.
    private func takeRole(
        _ person: ImportedPerson, _ editor: inout DeferredEditor, _ contact: inout Contact,
        _ jobChange: inout String?, changed: inout [PartialKeyPath<Contact>]
    ) throws(FrontMatterEditor<Contact>.Refusal) {
        let newOrg = person.org.flatMap { $0.isEmpty ? nil : $0 }
        let newTitle = person.title.flatMap { $0.isEmpty ? nil : $0 }
        guard let currentOrg = contact.org?.text else {
            if let newOrg {
                try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.set(\.org, newOrg) }
                contact.org = Reference(newOrg, at: contact.location)
                changed.append(\.org)
                if contact.title == nil, let newTitle {
                    try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.set(\.title, newTitle) }
                    contact.title = newTitle
                    changed.append(\.title)
                }
            }
            return
        }
        let orgNames = orgNames(of: contact)
        let sameOrg = newOrg.map { orgNames.contains(ContactMatcher.foldedOrg($0)) } ?? true
        let sameTitle =
            newTitle.map { title in
                contact.title.map { ContactMatcher.foldedName($0) == ContactMatcher.foldedName(title) } ?? false
            } ?? true
        if sameOrg, contact.title == nil, let newTitle {
            try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.set(\.title, newTitle) }
            contact.title = newTitle
            changed.append(\.title)
            return
        }
        guard !(sameOrg && sameTitle) else { return }
        let day = today.description
        let orgKey = Role.schema.key(\.org)
        let toKey = Role.schema.key(\.to)
        let closed = try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in
            try e.add(toKey, day, toItemOf: \.roles) { fields in
                fields[toKey] == nil && fields[orgKey].map { orgNames.contains(ContactMatcher.foldedOrg($0)) } == true
            }
        }
        var items: [[(String, String)]] = []
        if !closed {
            items.append(
                [(orgKey, currentOrg)] + (contact.title.map { [(Role.schema.key(\.title), $0)] } ?? []) + [(toKey, day)])
        }
        // The same org written another way keeps the spelling the owner chose.
        let org = sameOrg ? currentOrg : newOrg ?? currentOrg
        items.append(
            [(orgKey, org)] + (newTitle.map { [(Role.schema.key(\.title), $0)] } ?? [])
                + [(Role.schema.key(\.from), day)])
        try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.append(\.roles, maps: items) }
        changed.append(\.roles)
        if !sameOrg {
            try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.set(\.org, org) }
            changed.append(\.org)
        }
        if let newTitle {
            try editor.edit { e throws(FrontMatterEditor<Contact>.Refusal) in try e.set(\.title, newTitle) }
            changed.append(\.title)
        }
        jobChange = "\(currentOrg)\(contact.title.map { " (\($0))" } ?? "") → \(org)\(newTitle.map { " (\($0))" } ?? "")"
        contact.org = Reference(org, at: contact.location)
        contact.title = newTitle ?? contact.title
    }

    /// The names the contact's current org goes by: as written, and the org's name and aliases.
    private func orgNames(of contact: Contact) -> Set<String> {
        var names: [String] = contact.org.map { [$0.text] } ?? []
        if let id = contact.org?.id(Org.self), let org = journal.orgs[id] { names += [org.name, org.slug] + org.aliases }
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
        plan.report.skipped = (skipped + report.skipped).sorted {
            ($0.file ?? "", $0.line, $0.reason) < ($1.file ?? "", $1.line, $1.reason)
        }
        for item in created {
            plan.report.created.append(item.entry)
            plan.changes.append(
                AtomicFile.Change(path: journal.root.appending(path: item.path).path, data: Data(item.text.utf8), isNew: true))
        }
        for slug in editOrder {
            guard let edit = edits[slug], let text = edit.editor.text else { continue }
            plan.report.updated.append(edit.entry)
            plan.changes.append(
                AtomicFile.Change(
                    path: journal.root.appending(path: edit.entry.file).path, data: Data(text.utf8), isNew: false))
        }
        return plan
    }
}
