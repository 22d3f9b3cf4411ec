import Authoring
import Foundation
import Index
import Support

/// The text `ties show` prints, section by section.
struct ShowPage: RecordProfileVisitor {
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

    /// Any record, from its profile: the one its page on the site shows.
    mutating func record(_ id: RecordID) {
        JournalReader(journal).visitProfile(of: id, today: today, &self)
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

    /// What every kind ends with: the notes, the bodies that mention it and its file.
    private mutating func tail<P: RecordProfile>(_ profile: P) {
        notes(profile.record.body)
        if !profile.mentions.isEmpty {
            heading("Mentioned in")
            for mention in profile.mentions {
                line("  \(name(mention.source))  \(style.dim(mention.location.description))")
            }
        }
        // An org named only in other files has no file of its own.
        if !profile.record.path.isEmpty {
            line()
            line(style.dim("file: \(profile.record.path)"))
        }
    }

    /// A record's tags and the fields ties does not know, as written.
    private mutating func tagsAndExtras<R: Record>(_ record: R) {
        fact("tags", record.tags.joined(separator: ", "))
        for field in record.extraFields { fact(field.key, field.value.description) }
    }

    mutating func visit(_ profile: EncounterProfile) {
        let encounter = profile.record
        line(style.bold(encounter.displayName))
        line(
            [encounter.date.description, encounter.kind, encounter.location, encounter.event].compactMap { $0 }.joined(
                separator: " · "))
        let people = names(encounter.with, .contact)
        if !people.isEmpty { line("with \(people)") }
        line()
        fact("introduced", names(encounter.introduced, .contact))
        fact("goals", names(encounter.goals, .goal))
        tagsAndExtras(encounter)
        if !profile.followUps.isEmpty {
            heading("Follow-ups")
            for (item, due) in profile.followUps {
                line("  \(item.done ? "[x]" : "[ ]") \(padded(due.description, 10))  \(item.task)")
            }
        }
        if !encounter.gave.isEmpty || !encounter.received.isEmpty {
            heading("Give and take")
            for what in encounter.gave { line("  \(padded("gave", 8)) \(what)") }
            for what in encounter.received { line("  \(padded("received", 8)) \(what)") }
        }
        tail(profile)
    }

    mutating func visit(_ profile: PublicationProfile) {
        let publication = profile.record
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
        let figures = profile.figures
        fact("audience", figures.audience.map { "\($0)" })
        fact("views", figures.views.map { "\($0)" })
        fact("reach", figures.reach.map { "\($0)" })
        fact("goals", names(publication.goals, .goal))
        tagsAndExtras(publication)
        if let abstract = publication.abstract {
            heading("Abstract")
            line("  " + abstract)
        }
        tail(profile)
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

    mutating func visit(_ profile: ContactProfile) {
        let contact = profile.record
        line(style.bold(contact.name))
        let org = contact.org.map { $0.id(Org.self).map { name($0.record) } ?? $0.text }
        let cadence = profile.cadence
        let circle = contact.circle.map { "\($0.target ?? $0.text) circle" }
        // The brief the contact's page shows first: the tie and the people in common.
        let brief = profile.brief
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
        fact("goals", names(contact.goals, .goal))
        for field in contact.extraFields { fact(field.key, field.value.description) }

        let affiliations = profile.roles
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
        if let next = profile.nextDue {
            let last = profile.lastContact.map { "last \($0)" }
            let days = next.days(until: today)
            if let snooze = contact.snoozeUntil, snooze > today {
                line("  snoozed until \(snooze)" + (last.map { " (\($0))" } ?? ""))
            } else if days >= 0 {
                let context = [days == 0 ? nil : "due \(next)", last, "every \(cadence)"].compactMap { $0 }
                line(
                    "  " + style.red(days == 0 ? "due today" : "\(English.count(days, "day")) overdue")
                        + style.dim(" (\(context.joined(separator: ", ")))"))
            } else {
                let context = [last, "every \(cadence)"].compactMap { $0 }
                line("  next \(next), \(English.inDays(-days))" + style.dim(" (\(context.joined(separator: ", ")))"))
            }
        } else {
            line("  " + (cadence == .none ? "no reminders (cadence: none)" : "never met: add an encounter or 'met'"))
        }
        let encounters = profile.encounters
        for item in brief.openFollowUps { line("  follow-up \(item.due): \(item.task)") }

        heading("Timeline (\(encounters.count))")
        if encounters.isEmpty { line(style.dim("  no encounters yet")) }
        encounterList(encounters, excluding: contact.id)

        let by = profile.introducedBy
        let to = profile.introducedTo
        if !by.isEmpty || !to.isEmpty {
            heading("Introductions")
            for item in by {
                let date = item.date.map { " (\($0))" } ?? ""
                if item.introducers.isEmpty {
                    line("  introduced at \(name(item.source))\(date)")
                } else {
                    line("  introduced by \(item.introducers.map { name($0.record) }.joined(separator: ", "))\(date)")
                }
            }
            for item in to {
                line("  introduced me to \(name(item.introduced.record))\(item.date.map { " (\($0))" } ?? "")")
            }
        }
        if !profile.introductionsMade.isEmpty {
            heading("Introductions you make")
            for item in profile.introductionsMade.reversed() {
                let other = name(item.other(than: profile.record.id).record)
                let direction = item.a == profile.record.id ? "to \(other)" : "\(other) to them"
                line(
                    "  \(item.date)  introducing \(direction): \(item.state.rawValue)"
                        + (item.outcome.map { " — \($0)" } ?? ""))
            }
        }
        let exchanges = profile.exchanges
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
        let publications = profile.publications
        if !publications.isEmpty {
            heading("Publications together")
            for publication in publications.reversed() {
                line("  \(publication.date?.description ?? "          ")  \(publication.kind ?? "") \(publication.title)")
            }
        }
        tail(profile)
    }

    mutating func visit(_ profile: OrgProfile) {
        let org = profile.record
        line(style.bold(org.name))
        if !org.aliases.isEmpty { line(style.dim("also: \(org.aliases.joined(separator: ", "))")) }
        line()
        fact("website", org.website)
        fact("industry", org.industry)
        tagsAndExtras(org)
        let current = profile.current
        heading("People there now (\(current.count))")
        for person in current {
            line(
                "  \(padded(name(person.contact.record), 24)) \(person.title ?? "")\(style.dim(person.from.map { "  since \($0)" } ?? ""))"
            )
        }
        let former = profile.former
        if !former.isEmpty {
            heading("Former (\(former.count))")
            for person in former {
                line(
                    "  \(padded(name(person.contact.record), 24)) \(person.title ?? "")\(style.dim("  " + period(person.from, person.to)))"
                )
            }
        }
        heading("Encounters with them (\(profile.encounters.count))")
        encounterList(profile.encounters)
        tail(profile)
    }

    mutating func visit(_ profile: GoalProfile) {
        let goal = profile.record
        line(style.bold(goal.title))
        line([goal.status.rawValue, goal.due.map { "due \($0)" }].compactMap { $0 }.joined(separator: " · "))
        line(
            "last activity \(profile.lastActivity?.description ?? "never")"
                + (profile.stale ? " · no activity for \(English.count(Goal.staleAfterDays, "day"))" : ""))
        if !profile.openFollowUps.isEmpty {
            heading("Open follow-ups (\(profile.openFollowUps.count))")
            for item in profile.openFollowUps { line("  \(item.due)  \(item.item.task)  (\(item.encounter.displayName))") }
        }
        if !goal.tags.isEmpty || !goal.extraFields.isEmpty {
            line()
            tagsAndExtras(goal)
        }
        if !profile.orgs.isEmpty {
            heading("Whom you know at the orgs it names")
            for (org, known) in profile.orgs {
                let people = known.map { tie in
                    "\(name(tie.contact.record)) (\(tie.strength.rawValue), \(tie.last.map { "last met \($0)" } ?? "never met"))"
                }
                line("  \(name(org.record)): " + (people.isEmpty ? style.dim("nobody yet") : people.joined(separator: ", ")))
            }
        }
        heading("People (\(profile.contacts.count))")
        for contact in profile.contacts { line("  \(contact.name)") }
        heading("Encounters (\(profile.encounters.count))")
        encounterList(profile.encounters)
        let publications = profile.publications
        if !publications.isEmpty {
            heading("Publications (\(publications.count))")
            for publication in publications.reversed() {
                line("  \(publication.date?.description ?? "          ")  \(publication.status.rawValue)  \(publication.title)")
            }
        }
        tail(profile)
    }
}
