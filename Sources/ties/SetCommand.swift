import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change many contacts at once: a circle, a cadence, tags, goals.",
        discussion: """
            Each assignment is one change to every contact chosen: key=VALUE sets one value (circle, cadence, snooze_until, org, title, location, how_met, met); key+=A,B adds to a list and key-=A removes from it (tags, goals, aliases, emails, phones). Contacts are chosen by the names given, --tag, --org (who works there now), --circle, and --report (every contact file an import's report names, text or JSON); given several, a contact must match all. Circles, cadences, dates and goals are checked first. In each file only the lines a value changes, in the file's own style; a contact that has the value already is left alone. All files change or none; --dry-run prints the unified diff.

            Examples:
              ties set circle=network --report linkedin-report.json
              ties set cadence=2m tags+=speaker ada "Ben Ng"
              ties set tags-=old-team goals+=staff-engineer-role --org Acme --dry-run

            """ + TiesExitCode.help)

    @Argument(
        help: ArgumentHelp(
            "Assignments (key=value, key+=value, key-=value) and contacts (slug, name or alias).",
            valueName: "assignment-or-contact"))
    var words: [String] = []
    @Option(help: "Contacts with this tag.") var tag: String?
    @Option(help: ArgumentHelp("Contacts who work at this org now.", valueName: "org")) var org: String?
    @Option(help: "Contacts in this circle.") var circle: String?
    @Option(help: ArgumentHelp("Contacts an import's report names (ties import … > FILE).", valueName: "file")) var report:
        String?
    @Flag(help: "Print the change as a unified diff and write nothing.") var dryRun = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        var edits: [ContactEdit] = []
        var names: [String] = []
        for word in words {
            do {
                if let edit = try ContactEdit.parse(word) { edits.append(edit) } else { names.append(word) }
            } catch {
                throw CommandFailure(message: error.description, exitCode: .usage)
            }
        }
        guard !edits.isEmpty else {
            throw CommandFailure(message: "give at least one change, e.g. circle=network or tags+=x", exitCode: .usage)
        }
        guard !names.isEmpty || tag != nil || org != nil || circle != nil || report != nil else {
            throw CommandFailure(message: "choose the contacts: names, --tag, --org, --circle or --report", exitCode: .usage)
        }
        let journal = try options.loadForChange()
        let chosen = try choose(names: names, in: journal)
        guard !chosen.isEmpty else { throw CommandFailure(message: "no contact matches all that was asked", exitCode: .problems) }
        try JournalChange.perform(dryRun: dryRun, { () throws(EditRefusal) in try journal.set(edits, on: chosen) }) { change in
            let changes = edits.map(\.description).joined(separator: " ")
            guard !change.isEmpty else {
                return "Nothing to change: \(English.count(chosen.count, "contact")) had \(changes) already."
            }
            let unchanged = chosen.count - change.files.count
            var text = "Changed \(English.count(change.files.count, "contact")) (\(changes))"
            text += unchanged > 0 ? "; \(unchanged) had it already:" : ":"
            for file in change.files.prefix(20) { text += "\n  \(file.path)" }
            if change.files.count > 20 { text += "\n  and \(change.files.count - 20) more" }
            return text
        }
    }

    /// The contacts every selector given matches, in journal order.
    private func choose(names: [String], in journal: Journal) throws -> [Contact.ID] {
        var sets: [Set<Contact.ID>] = []
        if !names.isEmpty {
            sets.append(Set(try names.map { Contact.ID(try journal.resolve($0, among: [.contact]).slug) }))
        }
        if let tag {
            let key = tag.hasPrefix("#") ? String(tag.dropFirst()).lowercased() : tag.lowercased()
            sets.append(Set(journal.contacts.filter { $0.tags.contains { $0.lowercased() == key } }.map(\.id)))
        }
        if let org {
            let id = Org.ID(try journal.resolve(org, among: [.org]).slug)
            sets.append(Set(journal.currentPeople(at: id).map(\.contact)))
        }
        if let circle {
            guard let known = journal.config.circle(named: circle) else {
                let names = journal.config.circles.map(\.name)
                throw CommandFailure(
                    message: "unknown circle '\(circle)'" + Suggestion.clause(Suggestion.nearest(to: circle, in: names))
                        + (names.isEmpty ? "; ties.yaml defines no circles" : "; circles: \(names.joined(separator: ", "))"),
                    exitCode: .problems)
            }
            sets.append(Set(journal.contacts.filter { $0.circle?.target?.lowercased() == known.name.lowercased() }.map(\.id)))
        }
        if let report { sets.append(try contacts(namedIn: report, journal: journal)) }
        let chosen = sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) }
        return journal.contacts.map(\.id).filter(chosen.contains)
    }

    /// Every contact whose file an import's report names: `contacts/….md` in its text or JSON.
    private func contacts(namedIn path: String, journal: Journal) throws -> Set<Contact.ID> {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url), data.count <= 256 << 20 else {
            throw CommandFailure(message: "cannot read the report \(path)", exitCode: .problems)
        }
        let text = String(decoding: data, as: UTF8.self)
        let byPath = Dictionary(journal.contacts.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
        var found = Set<Contact.ID>()
        var rest = Substring(text)
        while let start = rest.range(of: "contacts/") {
            let tail = rest[start.lowerBound...]
            guard let end = tail.range(of: ".md") else { break }
            if let id = byPath[String(tail[..<end.upperBound])] {
                found.insert(id)
                rest = tail[end.upperBound...]
            } else {
                rest = rest[start.upperBound...]
            }
        }
        if found.isEmpty {
            throw CommandFailure(message: "the report \(path) names no contact file of this journal", exitCode: .problems)
        }
        return found
    }
}
