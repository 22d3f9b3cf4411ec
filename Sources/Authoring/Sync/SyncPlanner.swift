import Foundation
import Index
import Support

/// The three-way merge of a contact's fields with its card's, field by field.
enum Merge {
    struct Result {
        var fields: CardFields
        /// Fields where both sides changed to different values: the journal's kept.
        var conflicts: [(field: CardFields.Field, journal: [String], server: [String])] = []
    }

    /// With a base: a field changed on one side takes that side; changed on both to the same
    /// value takes it; lists (e-mails, phones, links, tags) take what either side added and drop
    /// what either removed; two different values keep the journal's and are a conflict. Without
    /// a base (the first sync): lists are united, and a value only one side has is taken.
    /// Links the address book dropped stay in the journal (ties does not remove them from a
    /// file) and so go back to the card.
    static func fields(journal: CardFields, server: CardFields, base: CardFields?) -> Result {
        var merged = journal
        var conflicts: [(CardFields.Field, [String], [String])] = []
        for field in CardFields.Field.allCases {
            let j = journal.keys(field)
            let s = server.keys(field)
            guard j != s else { continue }
            let b = base?.keys(field)
            if field.isSet {
                let removed = field == .links ? Set<String>() : Set(b ?? []).subtracting(s)
                let added = Set(s).subtracting(b ?? [])
                var values = journal.values(field).filter { !removed.contains(CardFields.key($0, of: field)) }
                var have = Set(values.map { CardFields.key($0, of: field) })
                for value in server.values(field) where added.contains(CardFields.key(value, of: field)) {
                    if have.insert(CardFields.key(value, of: field)).inserted { values.append(value) }
                }
                merged.set(field, values)
            } else if let b {
                if s == b {
                    continue
                } else if j == b {
                    merged.set(field, server.values(field))
                } else {
                    conflicts.append((field, journal.values(field), server.values(field)))
                }
            } else if j.isEmpty {
                merged.set(field, server.values(field))
            } else if !s.isEmpty {
                conflicts.append((field, journal.values(field), server.values(field)))
            }
        }
        return Result(fields: merged, conflicts: conflicts)
    }
}

/// Works out a sync from what both sides hold and the last sync's state: pairs cards with
/// contacts, merges each pair, and says what to write where.
struct Planner {
    let journal: Journal
    let settings: JournalConfig.CardDAV
    let old: SyncState
    let today: Day

    /// Whether a contact goes to the address book: every one, or those of the chosen circles or
    /// with the chosen tags.
    func isSelected(_ contact: Contact) -> Bool {
        if settings.circles.isEmpty && settings.tags.isEmpty { return true }
        let circles = Set(settings.circles.map { $0.lowercased() })
        let tags = Set(settings.tags.map { CardFields.key($0, of: .tags) })
        if let circle = contact.circle?.target ?? contact.circle?.text, circles.contains(circle.lowercased()) { return true }
        return contact.tags.contains { tags.contains(CardFields.key($0, of: .tags)) }
    }

    enum PushKind {
        case create
        case update(href: URL, etag: String, card: String)
        case delete(href: URL, etag: String?)
    }

    struct Push {
        var kind: PushKind
        var uid: String
        var fields: CardFields
        var changed: Set<CardFields.Field> = []
        /// An update planned without the card's text (its ETag was unchanged, so it was not
        /// read): the card is read and the plan made again, so nothing of it is lost.
        var needsText = false
    }

    struct Plan {
        var pushes: [Push] = []
        var deletions: [String] = []
        var keptCards: [String: SyncState.Card] = [:]
        /// Per contact file: the old text and the new (nil old: created).
        var files: [String: (old: String?, new: String)] = [:]
        var pulledCreated: [CardDAVSync.Entry] = []
        var pulledUpdated: [CardDAVSync.Entry] = []
        var pushedCreated: [CardDAVSync.Entry] = []
        var pushedUpdated: [CardDAVSync.Entry] = []
        var pushedDeleted: [CardDAVSync.Entry] = []
        var conflicts: [CardDAVSync.Conflict] = []
        var kept: [CardDAVSync.Entry] = []
        /// Contacts left alone: their file could not be changed (`fields` says why).
        var failed: [CardDAVSync.Entry] = []
        var unchanged = 0
        var conflictLog = ""

        func report(into report: CardDAVSync.Report) -> CardDAVSync.Report {
            var report = report
            report.pulled.created = pulledCreated
            report.pulled.updated = pulledUpdated
            report.pushed.created = pushedCreated
            report.pushed.updated = pushedUpdated
            report.pushed.deleted = pushedDeleted
            report.conflicts = conflicts
            report.kept = kept
            report.failed = failed
            report.unchanged = unchanged
            return report
        }

        func journalChange(root: URL) -> JournalChange {
            JournalChange(root: root, files: files.map { JournalChange.File(path: $0.key, old: $0.value.old, new: $0.value.new) })
        }
    }

    func plan(listing: [String: String], fetched: [String: (etag: String, text: String)]) -> Plan {
        var plan = Plan()
        let contacts = journal.contacts.array
        var byUID: [String: Contact] = [:]
        var formerUIDs = Set<String>()
        for contact in contacts {
            if let uid = contact.uid, byUID[uid] == nil { byUID[uid] = contact }
            formerUIDs.formUnion(contact.formerUIDs)
        }
        let knownUIDs = Set(old.cards.values.map(\.uid))
        var paired = Set<Contact.ID>()
        var unmatchedCards: [(href: String, uid: String, fields: CardFields, etag: String, text: String?)] = []
        var pairs: [(contact: Contact, href: String, uid: String, server: CardFields, etag: String, text: String?)] = []

        for href in listing.keys.sorted() {
            let etag = listing[href] ?? ""
            let text = fetched[href]?.text
            let uid = text.flatMap(Self.uid(of:)) ?? old.cards[href]?.uid ?? href
            let server = text.map { CardFields(card: $0) } ?? old.cards[href]?.base ?? CardFields()
            guard let url = URL(string: href) else { continue }
            if let contact = byUID[uid] {
                if isSelected(contact) && contact.cardDeleted == nil {
                    pairs.append((contact, href, uid, server, fetched[href]?.etag ?? etag, text))
                    paired.insert(contact.id)
                } else {
                    plan.pushes.append(Push(kind: .delete(href: url, etag: etag), uid: uid, fields: server))
                    plan.deletions.append(href)
                    plan.pushedDeleted.append(.init(file: contact.path, name: contact.name))
                }
            } else if formerUIDs.contains(uid) || old.cards[href] != nil {
                // Merged into another contact, or the contact's file was removed: the card goes.
                let name = server.name ?? uid
                plan.pushes.append(Push(kind: .delete(href: url, etag: etag), uid: uid, fields: server))
                plan.deletions.append(href)
                plan.pushedDeleted.append(.init(file: "", name: name))
            } else {
                unmatchedCards.append((href, uid, server, fetched[href]?.etag ?? etag, text))
            }
        }

        // Cards new to the journal: the person, found as imports find people, else a new contact.
        var byEmail: [String: [Contact]] = [:]
        var byName: [String: [Contact]] = [:]
        for contact in contacts where !paired.contains(contact.id) && isSelected(contact) && contact.cardDeleted == nil {
            if let uid = contact.uid, knownUIDs.contains(uid) { continue }
            for email in contact.emails { byEmail[CardFields.key(email, of: .emails), default: []].append(contact) }
            for name in [contact.name] + contact.aliases { byName[PersonName.identityKey(name), default: []].append(contact) }
        }
        var takenSlugs = Set(contacts.map { $0.slug.lowercased() })
        var extra: [Int: CardFields] = [:]
        for card in unmatchedCards {
            let byMail = card.fields.emails.compactMap { byEmail[CardFields.key($0, of: .emails)] }.flatMap { $0 }
                .filter { !paired.contains($0.id) }
            let byNameKey = card.fields.name.map { byName[PersonName.identityKey($0)] ?? [] } ?? []
            let candidates = Set((byMail.isEmpty ? byNameKey : byMail).map(\.id)).filter { !paired.contains($0) }
            if candidates.count == 1, let id = candidates.first, let contact = journal.contacts[id] {
                pairs.append((contact, card.href, card.uid, card.fields, card.etag, card.text))
                paired.insert(id)
            } else if let index = duplicate(of: card.fields, in: pairs), let url = URL(string: card.href) {
                // A second card of someone who has one (made on the phone by hand, or by another
                // app): its values join the person's card, and it goes, so the person is one.
                extra[index, default: CardFields()].add(card.fields)
                plan.pushes.append(Push(kind: .delete(href: url, etag: card.etag), uid: card.uid, fields: card.fields))
                plan.deletions.append(card.href)
                plan.pushedDeleted.append(
                    .init(
                        file: pairs[index].contact.path,
                        name: "\(card.fields.name ?? card.uid), a second card of \(pairs[index].contact.name)"))
            } else {
                createContact(from: card.fields, uid: card.uid, href: card.href, etag: card.etag, taken: &takenSlugs, into: &plan)
            }
        }

        // Pairs: merged by field, each side given what it lacks.
        for (index, pair) in pairs.enumerated() {
            let journalFields = fields(of: pair.contact)
            let base = old.cards[pair.href].flatMap { $0.uid == pair.uid ? $0.base : nil }
            // What a second card of the person adds counts as added on the server's side; what is
            // sent is still worked out against the card itself.
            var server = pair.server
            if let added = extra[index] { server.add(added) }
            var result = Merge.fields(journal: journalFields, server: server, base: base)
            // The note is the journal's to send, or the card's own: never merged, never pulled.
            result.fields.note = settings.notes ? journalFields.note : pair.server.note
            result.conflicts.removeAll { $0.field == .note }
            let toJournal = Set(
                CardFields.Field.allCases.filter { $0 != .note && journalFields.keys($0) != result.fields.keys($0) })
            let toServer = Set(CardFields.Field.allCases.filter { pair.server.keys($0) != result.fields.keys($0) })
            let needsUID = pair.contact.uid != pair.uid
            if !toJournal.isEmpty || needsUID {
                if let problem = edit(
                    pair.contact, to: result.fields, fields: toJournal, uid: needsUID ? pair.uid : nil, into: &plan)
                {
                    // Left alone on both sides, the last state kept: the next sync tries again.
                    plan.failed.append(.init(file: pair.contact.path, name: pair.contact.name, fields: [problem]))
                    if let kept = old.cards[pair.href] { plan.keptCards[pair.href] = kept }
                    continue
                }
                if !toJournal.isEmpty {
                    plan.pulledUpdated.append(
                        .init(file: pair.contact.path, name: pair.contact.name, fields: toJournal.map(\.rawValue).sorted()))
                }
            }
            for conflict in result.conflicts {
                let entry = CardDAVSync.Conflict(
                    file: pair.contact.path, name: pair.contact.name, field: conflict.field.rawValue,
                    journal: conflict.journal.joined(separator: ", "), server: conflict.server.joined(separator: ", "))
                plan.conflicts.append(entry)
                plan.conflictLog +=
                    "\(today)  \(entry.file)  \(entry.field): kept the journal's '\(entry.journal)'; the address book had '\(entry.server)'\n"
            }
            if !toServer.isEmpty, let href = URL(string: pair.href) {
                let card = pair.text ?? CardText.new(pair.server, uid: pair.uid)
                plan.pushes.append(
                    Push(
                        kind: .update(href: href, etag: pair.etag, card: card), uid: pair.uid, fields: result.fields,
                        changed: toServer, needsText: pair.text == nil))
                plan.pushedUpdated.append(
                    .init(file: pair.contact.path, name: pair.contact.name, fields: toServer.map(\.rawValue).sorted()))
            } else {
                plan.keptCards[pair.href] = .init(uid: pair.uid, etag: pair.etag, base: result.fields)
            }
            if toJournal.isEmpty && toServer.isEmpty && !needsUID { plan.unchanged += 1 }
        }

        // Contacts without a card: new ones go to the address book; one whose card was deleted
        // there stays in the journal, marked.
        for contact in contacts where !paired.contains(contact.id) && isSelected(contact) && contact.cardDeleted == nil {
            if let uid = contact.uid, knownUIDs.contains(uid) {
                mark(contact, into: &plan)
                plan.kept.append(.init(file: contact.path, name: contact.name))
                continue
            }
            let uid = contact.uid ?? "urn:uuid:" + UUID().uuidString.lowercased()
            if contact.uid == nil, let problem = edit(contact, to: fields(of: contact), fields: [], uid: uid, into: &plan) {
                plan.failed.append(.init(file: contact.path, name: contact.name, fields: [problem]))
                continue
            }
            plan.pushes.append(Push(kind: .create, uid: uid, fields: fields(of: contact)))
            plan.pushedCreated.append(.init(file: contact.path, name: contact.name))
        }
        return plan
    }

    /// A contact's fields as sent: with `carddav.notes`, the first paragraph of its notes too.
    func fields(of contact: Contact) -> CardFields {
        var fields = CardFields(contact)
        if settings.notes { fields.note = CardFields.shortNote(contact.body) }
        return fields
    }

    /// The pair whose contact has an e-mail of `card`, when exactly one has: the card is then a
    /// second card of that person.
    private func duplicate(
        of card: CardFields,
        in pairs: [(contact: Contact, href: String, uid: String, server: CardFields, etag: String, text: String?)]
    ) -> Int? {
        let emails = Set(card.keys(.emails))
        guard !emails.isEmpty else { return nil }
        let matches = pairs.indices.filter { index in
            !emails.isDisjoint(with: CardFields(pairs[index].contact).keys(.emails))
        }
        return matches.count == 1 ? matches[0] : nil
    }

    static func uid(of card: String) -> String? {
        for line in ContentLine.unfolded(card) {
            guard let property = ContentLine.parse(line.text), property.name == "UID" else { continue }
            let value = ContentLine.unescaped(property.value[...]).trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return value }
        }
        return nil
    }

    // MARK: Writing the journal

    private func text(of contact: Contact, in plan: Plan) -> String? {
        if let planned = plan.files[contact.path] { return planned.new }
        return try? String(contentsOf: journal.root.appending(path: contact.path), encoding: .utf8)
    }

    /// Changes a contact's file: only the fields `fields` names, and its `uid`. Returns why it
    /// could not (the file unreadable, a value written in a way ties does not change in place).
    private func edit(
        _ contact: Contact, to merged: CardFields, fields: Set<CardFields.Field>, uid: String?, into plan: inout Plan
    ) -> String? {
        guard let old = text(of: contact, in: plan) else { return "the file cannot be read" }
        var editor = FrontMatterEditor<Contact>(old)
        let current = CardFields(contact)
        do {
            if let uid { try editor.set(\.uid, uid) }
            for field in CardFields.Field.allCases where fields.contains(field) {
                let values = merged.values(field)
                switch field {
                case .name:
                    guard let name = values.first else { continue }
                    try editor.set(\.name, name)
                    if !contact.aliases.contains(where: { $0.lowercased() == contact.name.lowercased() }) {
                        try editor.append(\.aliases, [contact.name])
                    }
                case .org: if let value = values.first { try editor.set(\.org, value) }
                case .title: if let value = values.first { try editor.set(\.title, value) }
                case .birthday: if let value = values.first { try editor.set(\.birthday, value) }
                case .emails, .phones, .tags:
                    let key = Contact.schema.key(
                        field == .emails ? \Contact.emails : field == .phones ? \Contact.phones : \Contact.tags)
                    let have = Set(current.keys(field))
                    let wanted = Set(merged.keys(field))
                    let added = values.filter { !have.contains(CardFields.key($0, of: field)) }
                    try editor.append(key: key, added)
                    let removed = have.subtracting(wanted)
                    if !removed.isEmpty {
                        let remaining = current.values(field).filter { wanted.contains(CardFields.key($0, of: field)) }
                        _ = try editor.removeListItems(
                            key: key, where: { removed.contains(CardFields.key($0, of: field)) }, remaining: remaining)
                    }
                case .note: continue
                case .links:
                    let have = Set(current.keys(.links))
                    var labels = Set(contact.links.map(\.label))
                    for url in values where !have.contains(CardFields.key(url, of: .links)) {
                        try editor.add(\.links, label: Self.label(for: url, taken: &labels), value: url)
                    }
                }
            }
        } catch {
            return error.description
        }
        plan.files[contact.path] = (plan.files[contact.path]?.old ?? old, editor.text)
        return nil
    }

    /// A link's label: the profile site it is on (`linkedin`, `xing`, `github`), else `web`, with
    /// `2`, `3`, … when taken.
    static func label(for url: String, taken labels: inout Set<String>) -> String {
        let host = ProfileAddress.site(ProfileAddress.normalised(url))
        let sites = [
            "linkedin.com": "linkedin", "xing.com": "xing", "github.com": "github", "twitter.com": "twitter", "x.com": "x",
        ]
        let label = sites[String(host)] ?? "web"
        var candidate = label
        var counter = 2
        while labels.contains(candidate) {
            candidate = "\(label)\(counter)"
            counter += 1
        }
        labels.insert(candidate)
        return candidate
    }

    private func mark(_ contact: Contact, into plan: inout Plan) {
        guard let old = text(of: contact, in: plan) else { return }
        var editor = FrontMatterEditor<Contact>(old)
        guard (try? editor.set(\.cardDeleted, today.description)) != nil else { return }
        plan.files[contact.path] = (plan.files[contact.path]?.old ?? old, editor.text)
    }

    /// A new contact file from a card the journal did not know.
    private func createContact(
        from fields: CardFields, uid: String, href: String, etag: String, taken: inout Set<String>, into plan: inout Plan
    ) {
        let name = fields.name ?? fields.emails.first ?? uid
        var writer = FrontMatterWriter<Contact>()
        writer.field(\.name, name)
        writer.list(\.emails, fields.emails)
        writer.list(\.phones, fields.phones)
        var labels = Set<String>()
        writer.map(\.links, fields.links.map { url in (Self.label(for: url, taken: &labels), url) })
        writer.field(\.birthday, fields.birthday)
        writer.field(\.org, fields.org)
        writer.field(\.title, fields.title)
        writer.field(\.met, today.description)
        writer.field(\.howMet, "address book")
        writer.list(\.tags, fields.tags)
        writer.field(\.uid, uid)
        let stem = Slug.fitted(Slug.make(from: name))
        var slug = stem.isEmpty ? "contact" : stem
        var counter = 2
        while taken.contains(slug.lowercased()) {
            slug = "\(stem)-\(counter)"
            counter += 1
        }
        taken.insert(slug.lowercased())
        let path = "\(RecordKind.contact.folder)/\(slug).md"
        plan.files[path] = (nil, writer.file(body: "\n"))
        plan.pulledCreated.append(.init(file: path, name: name))
        var base = fields
        base.name = name
        plan.keptCards[href] = .init(uid: uid, etag: etag, base: base)
    }
}
