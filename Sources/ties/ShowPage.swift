import Authoring
import Foundation
import Index
import Support

/// The text `ties show` prints, section by section.
struct ShowPage {
    let journal: Journal
    let today: Day
    let style: Style
    private(set) var text = ""

    init(journal: Journal, today: Day, style: Style) {
        self.journal = journal
        self.today = today
        self.style = style
    }

    /// One line of the page: a line break in a value (a name with a newline) is shown escaped.
    private mutating func line(_ value: String = "") { text += TerminalText.inline(value) + "\n" }

    private mutating func heading(_ value: String) {
        line()
        line(style.bold(value))
    }

    private mutating func fact(_ label: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        line("  \(style.dim(padded(label, 11)))\(value)")
    }

    private func name(_ id: RecordID) -> String { journal.displayName(of: id) ?? id.slug }

    private func period(_ from: PartialDate?, _ to: PartialDate?) -> String {
        "\(from?.description ?? "?") – \(to?.description ?? "present")"
    }

    private mutating func encounterList(_ encounters: [Encounter], limit: Int = 20, excluding: Contact.ID? = nil) {
        for encounter in encounters.suffix(limit).reversed() {
            let others = encounter.with.compactMap { $0.id(Contact.self) }.filter { $0 != excluding }.map { name($0.record) }
            line(
                "  \(encounter.date.day)  \(padded(encounter.kind ?? "", 8)) \(encounter.displayName)\(style.dim(others.isEmpty ? "" : "  — " + others.joined(separator: ", ")))"
            )
        }
        if encounters.count > limit { line(style.dim("  … and \(encounters.count - limit) earlier")) }
    }

    /// Any record, by its kind.
    mutating func record(_ id: RecordID) {
        switch id.kind {
        case .contact: if let record = journal.contacts[Contact.ID(id.slug)] { contact(record) }
        case .org: if let record = journal.orgs[Org.ID(id.slug)] { org(record) }
        case .goal: if let record = journal.goals[Goal.ID(id.slug)] { goal(record) }
        case .publication: if let record = journal.publications[Publication.ID(id.slug)] { publication(record) }
        case .encounter: if let record = journal.encounters[Encounter.ID(id.slug)] { encounter(record) }
        }
    }

    private func names(_ references: [Reference], _ kind: RecordKind) -> String {
        references.map { reference in reference.target.map { name(RecordID(kind, $0)) } ?? reference.text }
            .joined(separator: ", ")
    }

    /// The first lines of a body, as written, without the blank lines around them.
    private mutating func notes(_ body: String, limit: Int = 30) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
            let last = lines.lastIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else { return }
        heading("Notes")
        let shown = lines[first...last]
        for text in shown.prefix(limit) { line(text.isEmpty ? "" : "  " + text) }
        if shown.count > limit { line(style.dim("  … \(shown.count - limit) more lines in the file")) }
    }

    mutating func encounter(_ encounter: Encounter) {
        line(style.bold(encounter.displayName))
        line(
            [encounter.date.description, encounter.kind, encounter.location, encounter.event].compactMap { $0 }.joined(
                separator: " · "))
        let people = names(encounter.with, .contact)
        if !people.isEmpty { line("with \(people)") }
        line()
        fact("introduced", names(encounter.introduced, .contact))
        fact("goals", names(encounter.goals, .goal))
        fact("tags", encounter.tags.joined(separator: ", "))
        for field in encounter.extraFields { fact(field.key, field.value.description) }
        if !encounter.followups.isEmpty {
            heading("Follow-ups")
            for item in encounter.followups {
                line("  \(item.done ? "[x]" : "[ ]") \(padded(item.due?.description ?? "", 10))  \(item.task)")
            }
        }
        if !encounter.gave.isEmpty || !encounter.received.isEmpty {
            heading("Give and take")
            for what in encounter.gave { line("  \(padded("gave", 8)) \(what)") }
            for what in encounter.received { line("  \(padded("received", 8)) \(what)") }
        }
        notes(encounter.body)
        mentions(encounter.recordID)
        line()
        line(style.dim("file: \(encounter.path)"))
    }

    mutating func publication(_ publication: Publication) {
        line(style.bold(publication.title))
        line(
            [publication.kind, publication.status.rawValue, publication.date?.description, publication.venue].compactMap { $0 }
                .joined(separator: " · "))
        if !publication.aliases.isEmpty { line(style.dim("also: \(publication.aliases.joined(separator: ", "))")) }
        line()
        fact("with", names(publication.with, .contact))
        fact("submitted", publication.submitted?.description)
        fact("url", publication.url)
        fact("slides", publication.slides)
        fact("recording", publication.recording)
        let figures = publication.figures
        fact("audience", figures.audience.map { "\($0)" })
        fact("views", figures.views.map { "\($0)" })
        fact("reach", figures.reach.map { "\($0)" })
        fact("goals", names(publication.goals, .goal))
        fact("tags", publication.tags.joined(separator: ", "))
        for field in publication.extraFields { fact(field.key, field.value.description) }
        if let abstract = publication.abstract {
            heading("Abstract")
            line("  " + abstract)
        }
        notes(publication.body)
        mentions(publication.recordID)
        line()
        line(style.dim("file: \(publication.path)"))
    }

    /// What carries a tag, by kind; people by name, the rest in journal order.
    mutating func tag(_ tag: String, _ ids: [RecordID]) {
        line(style.bold("#\(tag)") + style.dim("  \(ids.count) record\(ids.count == 1 ? "" : "s")"))
        for kind in RecordKind.allCases {
            let ofKind = ids.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            heading("\(kind.folder.prefix(1).uppercased())\(kind.folder.dropFirst()) (\(ofKind.count))")
            let ordered =
                kind == .encounter || kind == .publication ? ofKind : NameOrder.sorted(ofKind, name: name, tieBreak: \.slug)
            var table = TextTable()
            let style = self.style
            for id in ordered {
                table.add([TextTable.Cell(text: name(id)), TextTable.Cell(text: id.slug, style: { style.dim($0) })])
            }
            for row in table.lines() { line(row) }
        }
    }

    mutating func contact(_ contact: Contact) {
        line(style.bold(contact.name))
        let org = contact.org.map { $0.id(Org.self).map { name($0.record) } ?? $0.text }
        let cadence = journal.cadence(of: contact)
        let circle = contact.circle.map { "\($0.target ?? $0.text) circle" }
        // The brief the contact's page shows first: the tie and the people in common.
        let brief = ContactBrief(contact, journal: journal, today: today)
        line(
            [contact.title, org, circle, "every \(cadence)", "\(brief.tie.strength.rawValue) tie"].compactMap { $0 }
                .joined(separator: " · "))
        if !contact.aliases.isEmpty { line(style.dim("also: \(contact.aliases.joined(separator: ", "))")) }
        line()
        fact("email", contact.emails.joined(separator: ", "))
        fact("phone", contact.phones.joined(separator: ", "))
        for link in contact.links { fact(link.label, link.url) }
        fact("location", contact.location)
        if let birthday = contact.birthday { fact("birthday", "\(birthday) (next \(birthday.next(onOrAfter: today)))") }
        fact("met", [contact.met?.description, contact.howMet].compactMap { $0 }.joined(separator: " — "))
        if let via = contact.metVia { fact("met via", via.id(Contact.self).map { name($0.record) } ?? via.text) }
        fact("tags", contact.tags.joined(separator: ", "))
        fact("goals", contact.goals.map { $0.target.map { name(RecordID(.goal, $0)) } ?? $0.text }.joined(separator: ", "))
        for field in contact.extraFields { fact(field.key, field.value.description) }

        let affiliations = journal.affiliations(of: contact.id)
        if !affiliations.isEmpty {
            heading("Roles")
            for affiliation in affiliations.reversed() {
                let role = [affiliation.title, name(affiliation.org.record)].compactMap { $0 }.joined(separator: ", ")
                line(
                    "  \(padded(period(affiliation.from, affiliation.to), 22)) \(affiliation.isCurrent ? style.bold(role) : role)"
                )
            }
        }

        heading("Due")
        if let next = journal.nextDue(of: contact, today: today) {
            let last = journal.lastContact(with: contact).map { "last \($0)" } ?? ""
            let days = next.days(until: today)
            if let snooze = contact.snoozeUntil, snooze > today {
                line("  snoozed until \(snooze) (\(last))")
            } else if days >= 0 {
                line(
                    "  " + style.red(days == 0 ? "due today" : "\(days) days overdue") + style.dim(" (\(last), every \(cadence))")
                )
            } else {
                line("  next \(next), in \(-days) days" + style.dim(" (\(last), every \(cadence))"))
            }
        } else {
            line("  " + (cadence == .none ? "no reminders (cadence: none)" : "never met: add an encounter or 'met'"))
        }
        let encounters = journal.encounters(with: contact.id)
        for item in brief.openFollowUps { line("  follow-up \(item.due): \(item.task)") }

        heading("Timeline (\(encounters.count))")
        if encounters.isEmpty { line(style.dim("  no encounters yet")) }
        encounterList(encounters, excluding: contact.id)

        let by = Introduction.onePerPerson(journal.introductions(of: contact.id), people: \.introducers, today: today)
            .filter { !$0.introducers.isEmpty }
        let to = Introduction.onePerPerson(journal.introductions(by: contact.id), people: { [$0.introduced] }, today: today)
        if !by.isEmpty || !to.isEmpty {
            heading("Introductions")
            for item in by {
                line(
                    "  introduced by \(item.introducers.map { name($0.record) }.joined(separator: ", "))\(item.date.map { " (\($0))" } ?? "")"
                )
            }
            for item in to {
                line("  introduced me to \(name(item.introduced.record))\(item.date.map { " (\($0))" } ?? "")")
            }
        }
        let exchanges = journal.exchanges(with: contact.id)
        if !exchanges.isEmpty {
            let gave = exchanges.filter { $0.direction == .gave }.count
            heading("Give and take (gave \(gave), received \(exchanges.count - gave))")
            for exchange in exchanges.suffix(10).reversed() {
                line("  \(exchange.date)  \(padded(exchange.direction.rawValue, 8)) \(exchange.what)")
            }
        }
        if !brief.mutual.isEmpty {
            heading("People you both know (\(brief.mutual.count))")
            let listed = ContactBrief.mostMutualListed
            line(
                "  " + brief.mutual.prefix(listed).map { name($0.record) }.joined(separator: ", ")
                    + (brief.mutual.count > listed ? ", and \(brief.mutual.count - listed) more" : ""))
        }
        let publications = journal.publications(with: contact.id)
        if !publications.isEmpty {
            heading("Publications together")
            for publication in publications.reversed() {
                line("  \(publication.date?.description ?? "          ")  \(publication.kind ?? "") \(publication.title)")
            }
        }
        mentions(contact.recordID)
        line()
        line(style.dim("file: \(contact.path)"))
    }

    private mutating func mentions(_ id: RecordID) {
        let mentions = journal.mentions(of: id)
        guard !mentions.isEmpty else { return }
        heading("Mentioned in")
        for mention in mentions { line("  \(name(mention.source))  \(style.dim(mention.location.description))") }
    }

    mutating func org(_ org: Org) {
        line(style.bold(org.name))
        if !org.aliases.isEmpty { line(style.dim("also: \(org.aliases.joined(separator: ", "))")) }
        line()
        fact("website", org.website)
        fact("industry", org.industry)
        fact("tags", org.tags.joined(separator: ", "))
        let current = journal.currentPeople(at: org.id)
        heading("People there now (\(current.count))")
        for person in current {
            line(
                "  \(padded(name(person.contact.record), 24)) \(person.title ?? "")\(style.dim(person.from.map { "  since \($0)" } ?? ""))"
            )
        }
        let former = journal.formerPeople(at: org.id)
        if !former.isEmpty {
            heading("Former (\(former.count))")
            for person in former {
                line(
                    "  \(padded(name(person.contact.record), 24)) \(person.title ?? "")\(style.dim("  " + period(person.from, person.to)))"
                )
            }
        }
        let encounters = journal.encounters(withPeopleAt: org.id)
        heading("Encounters with them (\(encounters.count))")
        encounterList(encounters)
        mentions(org.recordID)
        if !org.isImplicit {
            line()
            line(style.dim("file: \(org.path)"))
        }
    }

    mutating func goal(_ goal: Goal) {
        line(style.bold(goal.title))
        line([goal.status.rawValue, goal.due.map { "due \($0)" }].compactMap { $0 }.joined(separator: " · "))
        let contacts = journal.contacts(for: goal.id)
        heading("People (\(contacts.count))")
        for contact in NameOrder.sorted(contacts) { line("  \(contact.name)") }
        let encounters = journal.encounters(for: goal.id)
        heading("Encounters (\(encounters.count))")
        encounterList(encounters)
        let publications = journal.publications(for: goal.id)
        if !publications.isEmpty {
            heading("Publications (\(publications.count))")
            for publication in publications.reversed() {
                line("  \(publication.date?.description ?? "          ")  \(publication.status.rawValue)  \(publication.title)")
            }
        }
        mentions(goal.recordID)
        line()
        line(style.dim("file: \(goal.path)"))
    }
}
