import Foundation
import Index
import Support

/// Mail as a source of contact (`ties import mail`): each thread the owner wrote in with known
/// contacts is one encounter of kind `email`, dated by its last message, found again by its
/// `uid` (`mail:` and the thread's first message id) and brought up to date as the thread
/// grows. Headers only; bulk mail never counts; mail only received is listed, not counted,
/// unless asked.
public struct MailImport {
    public struct Options: Sendable {
        public var since: Day?
        /// Count threads the owner only received, never answered.
        public var received = false

        public init(since: Day? = nil, received: Bool = false) {
            self.since = since
            self.received = received
        }
    }

    /// A message with more recipients than this is bulk, whoever sent it.
    public static let mostRecipients = 20

    public struct Report: Sendable, Encodable {
        public struct Entry: Sendable, Encodable {
            public var file: String
            public var name: String
            public var fields: [String] = []
        }
        public struct Correspondent: Sendable, Encodable {
            public var name: String?
            public var email: String
            public var messages: Int
        }
        public struct Received: Sendable, Encodable {
            public var subject: String
            public var from: String
            public var date: String
        }
        public var messages = 0
        public var created: [Entry] = []
        public var updated: [Entry] = []
        /// Encounters of threads that grew but could not be changed in place (`fields` says why).
        public var failed: [Entry] = []
        public var unchanged = 0
        /// People written to or from who are no contacts, most messages first.
        public var unknown: [Correspondent] = []
        /// Threads with contacts the owner only received, not counted (`--received` counts them).
        public var received: [Received] = []
        public var bulk = 0
        public var undated = 0
        public var beforeSince = 0
        public var diff = ""

        enum CodingKeys: String, CodingKey {
            case messages, created, updated, failed, unchanged, unknown, received, bulk, undated
            case beforeSince = "before_since"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// One message, as much as the plan needs of it.
    private struct Note {
        var id: String
        var date: Date
        var subject: String
        var fromMe: Bool
        /// The other people: recipients of a message from the owner, the sender of one to them.
        var others: [MailReader.Address]
        var firstReference: String?
    }

    let journal: Journal
    let options: Options

    public init(journal: Journal, options: Options) {
        self.journal = journal
        self.options = options
    }

    /// Reads every mailbox and plans the journal's change.
    public func plan(_ paths: [String]) throws(Failure) -> (change: JournalChange, report: Report) {
        let mine = Set(journal.config.myEmails.map { $0.lowercased() })
        guard !mine.isEmpty else {
            throw Failure(
                description:
                    "ties.yaml names none of your addresses: add 'me: {emails: [you@example.com]}' so ties knows which mail you sent"
            )
        }
        var report = Report()
        var notes: [Note] = []
        var parent: [String: String] = [:]
        func find(_ id: String) -> String {
            var root = id
            while let next = parent[root], next != root { root = next }
            var node = id
            while let next = parent[node], next != root {
                parent[node] = root
                node = next
            }
            return root
        }
        func union(_ a: String, _ b: String) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var unknown: [String: (name: String?, count: Int)] = [:]
        var byEmail: [String: Contact.ID] = [:]
        for contact in journal.contacts { for email in contact.emails { byEmail[email.lowercased()] = contact.id } }
        let since = options.since.map { "\($0)" }
        let zone = journal.config.timezone.flatMap(TimeZone.init(identifier:)) ?? .current

        for path in paths {
            do {
                try MailReader.read(path) { message in
                    report.messages += 1
                    guard let sender = message.from.first else { return }
                    let recipients = message.to + message.cc
                    let local = sender.email.split(separator: "@").first.map { $0.lowercased() } ?? ""
                    if message.isBulk || recipients.count > Self.mostRecipients
                        || ["noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster"].contains(where: {
                            local.hasPrefix($0)
                        })
                    {
                        report.bulk += 1
                        return
                    }
                    guard let date = message.date else {
                        report.undated += 1
                        return
                    }
                    if let since, Self.day(of: date, in: zone).description < since {
                        report.beforeSince += 1
                        return
                    }
                    let fromMe = mine.contains(sender.email)
                    let others = fromMe ? recipients.filter { !mine.contains($0.email) } : [sender]
                    guard fromMe || recipients.contains(where: { mine.contains($0.email) }) else { return }
                    for other in others where byEmail[other.email] == nil {
                        let seen = unknown[other.email]
                        unknown[other.email] = (seen?.name ?? other.name, (seen?.count ?? 0) + 1)
                    }
                    let id = message.messageID ?? "\(sender.email)/\(date.timeIntervalSince1970)/\(message.subject ?? "")"
                    parent[id] = parent[id] ?? id
                    for reference in message.references + (message.inReplyTo.map { [$0] } ?? []) {
                        parent[reference] = parent[reference] ?? reference
                        union(id, reference)
                    }
                    notes.append(
                        Note(
                            id: id, date: date, subject: Self.topic(message.subject), fromMe: fromMe, others: others,
                            firstReference: message.references.first ?? message.inReplyTo))
                }
            } catch {
                throw Failure(description: "cannot read \(path): \(error.localizedDescription)")
            }
        }
        report.unknown = unknown.map { Report.Correspondent(name: $0.value.name, email: $0.key, messages: $0.value.count) }
            .sorted { ($1.messages, $0.email) < ($0.messages, $1.email) }

        // Threads, each one encounter.
        var threads: [String: [Note]] = [:]
        for note in notes { threads[find(note.id), default: []].append(note) }
        var byUID: [String: Encounter] = [:]
        for encounter in journal.encounters { if let uid = encounter.uid, uid.hasPrefix("mail:") { byUID[uid] = encounter } }
        var files: [JournalChange.File] = []
        var taken = Set(journal.encounters.map { $0.slug.lowercased() })
        for (_, thread) in threads.sorted(by: { $0.key < $1.key }) {
            let messages = thread.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            guard let first = messages.first, let last = messages.last else { continue }
            let counted = options.received || messages.contains(where: \.fromMe)
            var people: [Contact.ID] = []
            for note in messages {
                for other in note.others { if let id = byEmail[other.email], !people.contains(id) { people.append(id) } }
            }
            guard !people.isEmpty else { continue }
            guard counted else {
                report.received.append(
                    .init(
                        subject: first.subject, from: first.others.first?.name ?? first.others.first?.email ?? "",
                        date: Self.moment(of: last.date, in: zone).description))
                continue
            }
            // The thread's own first message: what every reply names first.
            let root = messages.compactMap(\.firstReference).first ?? first.id
            let uid = "mail:" + root
            let when = Self.moment(of: last.date, in: zone)
            if let existing = byUID[uid] {
                do {
                    if let change = try update(existing, to: when, people: people) {
                        files.append(change.file)
                        report.updated.append(.init(file: existing.path, name: existing.displayName, fields: change.fields))
                    } else {
                        report.unchanged += 1
                    }
                } catch {
                    report.failed.append(.init(file: existing.path, name: existing.displayName, fields: [error.description]))
                }
                continue
            }
            let names = people.map {
                journal.contacts[$0].map { c in
                    journal.record(named: c.name, among: [.contact]) == c.id.record ? c.name : c.id.slug
                } ?? $0.slug
            }
            var writer = FrontMatterWriter<Encounter>()
            writer.field(\.knownDate, when.description)
            writer.field(\.title, first.subject.isEmpty ? nil : first.subject)
            writer.field(\.kind, "email")
            writer.list(\.with, names)
            writer.field(\.uid, uid)
            let stem = Slug.fitted(
                "\(when.day)-email-" + (Slug.make(from: first.subject).isEmpty ? people[0].slug : Slug.make(from: first.subject)))
            var slug = "\(when.day.year)/\(stem)"
            var counter = 2
            while taken.contains(slug.lowercased()) {
                slug = "\(when.day.year)/\(stem)-\(counter)"
                counter += 1
            }
            taken.insert(slug.lowercased())
            let path = "\(RecordKind.encounter.folder)/\(slug).md"
            files.append(.init(path: path, old: nil, new: writer.file(body: "\n")))
            report.created.append(.init(file: path, name: first.subject.isEmpty ? "email" : first.subject))
        }
        let change = JournalChange(root: journal.root, files: files)
        report.diff = change.diff
        return (change, report)
    }

    /// A thread grown since: its date the last message's, and the people new in it added.
    private func update(
        _ encounter: Encounter, to when: Moment, people: [Contact.ID]
    ) throws(Failure) -> (file: JournalChange.File, fields: [String])? {
        let known = Set(encounter.with.compactMap { $0.id(Contact.self) })
        let added = people.filter { !known.contains($0) }
        let later = when > encounter.date
        guard later || !added.isEmpty else { return nil }
        guard let old = try? String(contentsOf: journal.root.appending(path: encounter.path), encoding: .utf8) else {
            throw Failure(description: "the file cannot be read")
        }
        var editor = FrontMatterEditor<Encounter>(old)
        var fields: [String] = []
        do {
            if later {
                try editor.set(\.knownDate, when.description)
                fields.append("date")
            }
            if !added.isEmpty {
                try editor.append(\.with, added.compactMap { journal.contacts[$0]?.name })
                fields.append("with")
            }
        } catch {
            throw Failure(description: "left as it is: \(error.description)")
        }
        return (JournalChange.File(path: encounter.path, old: old, new: editor.text), fields)
    }

    /// A subject without `Re:`, `Fwd:`, `AW:`, `WG:` and the like.
    static func topic(_ subject: String?) -> String {
        var text = (subject ?? "").trimmingCharacters(in: .whitespaces)
        let prefixes = ["re:", "fwd:", "fw:", "aw:", "wg:", "antw:", "sv:", "vs:", "tr:"]
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where text.lowercased().hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func day(of date: Date, in zone: TimeZone) -> Day { moment(of: date, in: zone).day }

    static func moment(of date: Date, in zone: TimeZone) -> Moment {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(dayNumber: 0)
        return Moment(day: day, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
