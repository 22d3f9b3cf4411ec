import Foundation
import Index
import Support

/// A record to add to a journal: `ties new`.
public struct NewRecord: Sendable {
    public enum Kind: Sendable {
        case contact(name: String, org: String?, title: String?, circle: String?, via: String?, met: Day?, emails: [String])
        case encounter(
            with: [String], kind: String?, date: Moment, title: String?, note: String? = nil, followups: [FollowUpText] = [],
            gave: [String] = [], received: [String] = [], introduced: [String] = [])
        case publication(title: String, kind: String?, status: Publication.Status, date: Day?, venue: String?, with: [String])
        case goal(title: String, due: Day?)
        /// An introduction I make between two contacts (`ties intro`): an encounter of kind
        /// `introduction` with both, its state, and, once introduced, what I gave.
        case introduction(a: String, b: String, state: IntroductionState, date: Day, outcome: String?, gave: [String])
    }

    public var kind: Kind

    /// A follow-up as `ties new encounter --followup TEXT[@DATE]` gives it.
    public struct FollowUpText: Sendable, Equatable {
        public var task: String
        public var due: Day?

        public init(task: String, due: Day? = nil) {
            self.task = task
            self.due = due
        }
    }

    public init(_ kind: Kind) { self.kind = kind }

    /// Why a record was not created. Nothing was written.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
    }
}

public extension Journal {
    /// Writes a new record file and returns its path relative to the journal.
    ///
    /// References are resolved like those in files (slug, name or alias); one that matches
    /// nothing or several records is refused with a suggestion. The file name is a slug of the
    /// name or title, with `-2`, `-3`, … when taken; the file is created atomically and never
    /// replaces an existing one.
    func create(_ record: NewRecord) throws(NewRecord.Refusal) -> String {
        let (text, folder, stem) = try compose(record)
        return try write(text, folder: folder, stem: stem)
    }

    /// The file `create` would write, as a change not made: `--dry-run`.
    func creation(_ record: NewRecord) throws(NewRecord.Refusal) -> JournalChange {
        let (text, folder, stem) = try compose(record)
        guard staysInJournal(folder, root: root) else {
            throw NewRecord.Refusal(description: "\(folder) leads out of the journal (a symbolic link); nothing was written")
        }
        let kind = RecordKind(folder: String(folder.split(separator: "/")[0])) ?? .contact
        let taken = Set(slugs(of: kind).map { $0.lowercased() })
        let directory = root.appending(path: folder, directoryHint: .isDirectory)
        for counter in 1...1000 {
            let name = counter == 1 ? stem : "\(stem)-\(counter)"
            let slug = kind.slugKeepsFolders ? String("\(folder)/\(name)".dropFirst(kind.folder.count + 1)) : name
            if taken.contains(slug.lowercased())
                || FileManager.default.fileExists(atPath: directory.appending(path: "\(name).md").path)
            {
                continue
            }
            return JournalChange(root: root, files: [.init(path: "\(folder)/\(name).md", old: nil, new: text)])
        }
        throw NewRecord.Refusal(description: "no free file name for \(stem) in \(folder)")
    }

    /// The new file's text, its folder and the stem of its name, checked as `ties check` would.
    private func compose(_ record: NewRecord) throws(NewRecord.Refusal) -> (text: String, folder: String, stem: String) {
        let text: String
        let folder: String
        var stem: String
        let body = "\n"
        switch record.kind {
        case let .contact(name, org, title, circle, via, met, emails):
            try refuseTakenName(name, kind: .contact)
            var writer = FrontMatterWriter<Contact>()
            writer.field(\.name, name)
            writer.list(\.emails, emails)
            writer.field(\.org, org)
            writer.field(\.title, title)
            writer.field(\.met, met?.description)
            if let via { writer.field(\.metVia, try referenceText(via, kind: .contact)) }
            if let circle {
                guard let known = config.circle(named: circle) else {
                    let names = config.circles.map(\.name)
                    let hint =
                        names.isEmpty
                        ? "; ties.yaml defines no circles"
                        : Suggestion.clause(Suggestion.nearest(to: circle, in: names))
                            + "; circles: \(names.joined(separator: ", "))"
                    throw NewRecord.Refusal(description: "unknown circle '\(circle)'\(hint)")
                }
                writer.field(\.circle, known.name)
            }
            text = writer.file(body: body)
            (folder, stem) = (RecordKind.contact.folder, Slug.make(from: name))
        case let .encounter(with, kind, date, title, note, followups, gave, received, introduced):
            guard !with.isEmpty || !introduced.isEmpty else {
                throw NewRecord.Refusal(description: "an encounter needs someone to meet: --with NAME")
            }
            let newPeople = try introduced.map { text throws(NewRecord.Refusal) in try resolve(text, kind: .contact) }
            // Those introduced were met too: `with` holds everyone, `introduced` says who was new.
            var ids: [RecordID] = []
            for id in try with.map({ text throws(NewRecord.Refusal) in try resolve(text, kind: .contact) }) + newPeople
            where !ids.contains(id) {
                ids.append(id)
            }
            var writer = FrontMatterWriter<Encounter>()
            writer.field(\.knownDate, date.description)
            writer.field(\.title, title)
            writer.field(\.kind, kind)
            writer.list(\.with, ids.map(referenceText))
            writer.list(\.introduced, ids.filter(newPeople.contains).map(referenceText))
            writer.list(\.gave, gave)
            writer.list(\.received, received)
            let taskKey = FollowUp.schema.key(\.task)
            let dueKey = FollowUp.schema.key(\.due)
            writer.items(
                \.followups,
                followups.map { item in
                    item.due.map { "{\(taskKey): \(YAMLScalar.text(item.task, inFlow: true)), \(dueKey): \($0)}" }
                        ?? YAMLScalar.text(item.task, inFlow: true)
                })
            let notes = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            text = writer.file(body: notes.isEmpty ? body : "\n\(notes)\n")
            // The people's slugs, as their files are named: `jonas-mueller`, not a new spelling.
            let names = ids.map(\.slug).prefix(2).joined(separator: "-")
            let what =
                title.map { Slug.make(from: $0) }
                ?? [kind.map { Slug.make(from: $0) }, names].compactMap { $0 }.joined(separator: "-")
            folder = "\(RecordKind.encounter.folder)/\(date.day.year)"
            stem = "\(date.day)-\(what)"
        case let .publication(title, kind, status, date, venue, with):
            try refuseTakenName(title, kind: .publication)
            let people = try with.map { text throws(NewRecord.Refusal) in try referenceText(text, kind: .contact) }
            var writer = FrontMatterWriter<Publication>()
            writer.field(\.title, title)
            writer.field(\.kind, kind)
            writer.field(\.date, date?.description)
            writer.field(\.status, status.rawValue)
            writer.field(\.venue, venue)
            writer.list(\.with, people)
            text = writer.file(body: body)
            // As the sample journal files them: by year, and what has no date yet under `ideas/`.
            folder = "\(RecordKind.publication.folder)/\(date.map { "\($0.year)" } ?? "ideas")"
            stem = Slug.make(from: title)
        case let .introduction(a, b, state, date, outcome, gave):
            let first = try resolve(a, kind: .contact)
            let second = try resolve(b, kind: .contact)
            guard first != second else { throw NewRecord.Refusal(description: "an introduction needs two different people") }
            let names = [first, second].map { displayName(of: $0) ?? $0.slug }
            var writer = FrontMatterWriter<Encounter>()
            writer.field(\.knownDate, date.description)
            writer.field(
                \.title,
                config.language == .de
                    ? "\(names[0]) und \(names[1]) bekannt machen" : "Introducing \(names[0]) to \(names[1])")
            writer.field(\.kind, "introduction")
            writer.list(\.with, [referenceText(first), referenceText(second)])
            writer.field(\.introState, state.rawValue)
            writer.field(\.introSince, date.description)
            writer.field(\.outcome, outcome)
            writer.list(\.gave, gave)
            text = writer.file(body: body)
            folder = "\(RecordKind.encounter.folder)/\(date.year)"
            stem = "\(date)-introduction-\(first.slug)-\(second.slug)"
        case let .goal(title, due):
            try refuseTakenName(title, kind: .goal)
            var writer = FrontMatterWriter<Goal>()
            writer.field(\.title, title)
            writer.field(\.due, due?.description)
            writer.field(\.status, Goal.Status.active.rawValue)
            (folder, stem) = (RecordKind.goal.folder, Slug.make(from: title))
            // A prompt for the notes, in the journal's language.
            let prompt =
                config.language == .de
                ? "Wofür dieses Ziel steht und wie das Netzwerk dabei hilft."
                : "What this goal is for, and how the network helps."
            text = writer.file(body: "\n\(prompt)\n")
        }
        // A name of any length makes a file name the file system takes.
        stem = Slug.fitted(stem)
        try verify(text, folder: folder, stem: stem)
        return (text, folder, stem)
    }

    /// A second record answering to a name would make every reference by that name ambiguous.
    /// For a contact the name is compared as identity compares it (`Jonas Mueller` is
    /// `Jonas Müller`, `Dr. Christine Bauer` is `Christine Bauer`).
    private func refuseTakenName(_ name: String, kind: RecordKind) throws(NewRecord.Refusal) {
        let found = record(named: name, among: [kind])
        if found == nil, kind == .contact {
            let key = PersonName.identityKey(name)
            if !key.isEmpty,
                let same = contacts.first(where: { contact in
                    ([contact.name] + contact.aliases).contains { PersonName.identityKey($0) == key }
                })
            {
                throw NewRecord.Refusal(
                    description: "'\(name)' is \(same.name) (\(same.path)) written another way; to add to that contact, edit it, "
                        + "or give a second person of that name a name that tells them apart, e.g. '\(name) (Acme)'; nothing was written"
                )
            }
        }
        guard let id = found else { return }
        let path = self.path(of: id)
        throw NewRecord.Refusal(
            description: "a \(kind.rawValue) called '\(name)' exists already (\(path ?? id.description)); "
                + "give the new one a name that tells them apart, e.g. '\(name) (\(kind == .contact ? "Acme" : "2027"))'; nothing was written"
        )
    }

    /// How a resolved reference is written: the record's name, or its slug when the name is shared.
    private func referenceText(_ text: String, kind: RecordKind) throws(NewRecord.Refusal) -> String {
        referenceText(try resolve(text, kind: kind))
    }

    /// How a reference to `id` is written: the record's name, or its slug when the name is shared.
    private func referenceText(_ id: RecordID) -> String {
        guard let name = displayName(of: id) else { return id.slug }
        return record(named: name, among: [id.kind]) == id ? name : id.slug
    }

    /// The record a name typed on the command line means, or a refusal saying why none.
    private func resolve(_ text: String, kind: RecordKind) throws(NewRecord.Refusal) -> RecordID {
        do {
            return try find(text, among: [kind])
        } catch {
            switch error {
            case let .notFound(_, suggestion):
                throw NewRecord.Refusal(
                    description: "unknown \(kind.rawValue) '\(text)'\(Suggestion.clause(suggestion)); nothing was written")
            case .ambiguous:
                throw NewRecord.Refusal(description: "\(error.description)\nnothing was written")
            }
        }
    }

    /// Parses the new file as `ties check` would, so ties never writes a file it cannot read.
    private func verify(_ text: String, folder: String, stem: String) throws(NewRecord.Refusal) {
        let kind = RecordKind(folder: String(folder.split(separator: "/")[0])) ?? .contact
        let path = "\(folder)/\(stem).md"
        let file = JournalFile(absolutePath: root.appending(path: path).path, path: path, kind: kind, slug: stem)
        let problems = RecordParser.parse(text, file: file).diagnostics.filter { $0.severity == .error }
        if let first = problems.first {
            throw NewRecord.Refusal(description: "the new file would not be valid: \(first.message)")
        }
    }

    private func write(_ text: String, folder: String, stem: String) throws(NewRecord.Refusal) -> String {
        let directory = root.appending(path: folder, directoryHint: .isDirectory)
        guard staysInJournal(folder, root: root) else {
            throw NewRecord.Refusal(
                description: "\(folder) leads out of the journal (a symbolic link); nothing was written")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw NewRecord.Refusal(description: "cannot create \(directory.path): \(error.localizedDescription)")
        }
        let kind = RecordKind(folder: String(folder.split(separator: "/")[0])) ?? .contact
        let taken = Set(slugs(of: kind).map { $0.lowercased() })
        for counter in 1...1000 {
            let name = counter == 1 ? stem : "\(stem)-\(counter)"
            let slug = kind.slugKeepsFolders ? String("\(folder)/\(name)".dropFirst(kind.folder.count + 1)) : name
            guard !taken.contains(slug.lowercased()) else { continue }
            do {
                try AtomicFile.create(directory.appending(path: "\(name).md"), contents: Data(text.utf8))
                return "\(folder)/\(name).md"
            } catch {
                // Taken by a file the journal did not load (or one made meanwhile): try the next name.
                if FileManager.default.fileExists(atPath: directory.appending(path: "\(name).md").path) { continue }
                throw NewRecord.Refusal(description: error.description)
            }
        }
        throw NewRecord.Refusal(description: "no free file name for \(stem) in \(folder)")
    }

    private func slugs(of kind: RecordKind) -> [String] {
        func slugs<R: Record>(_ kind: R.Type) -> [String] { self[R.self].map(\.slug) }
        return slugs(kind.recordType)
    }
}
