import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Everything to read before meeting someone, on one screen.",
        discussion: """
            Their role now and any job change of the last two years, how strong your tie is, a question to ask from the notes, the last three encounters with the first lines of their notes, open follow-ups, what you gave and received, a birthday or greeting in the next 30 days, people you both know, and shared publications and goals. The contact's page on the site shows the same.

            With --calendar FILE.ics: a brief for everyone in the meetings and events of --date (default today): attendees found by e-mail, else by name, else the person a summary such as "Coffee with Lena" names; attendees the journal does not know are listed. Cancelled events and those you declined (me.emails) are left out.

            Examples:
              ties brief lena
              ties brief "Jonas Müller" --format json
              ties brief --calendar ~/calendar.ics --date 2026-12-10

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The contact: slug, name, alias or a unique part of a name.", valueName: "ref")) var ref: String?
    @Option(help: ArgumentHelp("A calendar: brief everyone in the day's meetings.", valueName: "file.ics")) var calendar: String?
    @Option(help: ArgumentHelp("The day of the calendar to prepare for (default: today).", valueName: "YYYY-MM-DD"))
    var date: Day?
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func validate() throws {
        if (ref == nil) == (calendar == nil) { throw ValidationError("name a contact, or give --calendar FILE.ics") }
        if date != nil && calendar == nil { throw ValidationError("--date is the day of --calendar") }
    }

    func run() throws {
        let journal = try options.load()
        let today = day.day(for: journal)
        if let calendar { return try prepare(calendar, journal: journal, today: today) }
        guard let ref else { return }
        let id = try journal.resolve(ref, among: [.contact])
        guard let contact = journal.contacts[Contact.ID(id.slug)] else { return }
        let brief = ContactBrief(contact, journal: journal, today: today)
        switch format {
        case .json: Terminal.printJSON(jsonText(BriefReport(brief, contact: contact, journal: journal)))
        case .text:
            Terminal.print(
                BriefText(journal: journal, brief: brief, contact: contact, style: .standardOutput).text, terminator: "")
        }
    }

    /// A brief for everyone in a day's meetings.
    private func prepare(_ path: String, journal: Journal, today: Day) throws {
        let text = try ImportOptions.text(of: path)
        let events: [CalendarEvent]
        do {
            events = try CalendarReader.readAll(text, path: path, timeZone: journal.config.timezone).events
        } catch {
            throw CommandFailure(message: error.description, exitCode: .problems)
        }
        let calendarDay = journal.meetings(on: date ?? today, in: events)
        switch format {
        case .json: Terminal.printJSON(jsonText(DayBriefReport(calendarDay, journal: journal, today: today)))
        case .text:
            let style = Style.standardOutput
            let people = Set(calendarDay.meetings.flatMap(\.people)).count
            var out =
                style.bold("\(calendarDay.day): \(English.count(calendarDay.meetings.count, "meeting")), ")
                + style.bold("\(English.count(people, "person", "people")) you know") + "\n"
            for meeting in calendarDay.meetings {
                let time = meeting.isAllDay ? "all day" : meeting.start.description.dropFirst(11).description
                out += "\n" + style.bold("\(time)  \(meeting.summary ?? "(no title)")")
                out += (meeting.location.map { style.dim("  \($0)") } ?? "") + "\n"
                for person in meeting.people {
                    guard let contact = journal.contacts[person] else { continue }
                    let brief = ContactBrief(contact, journal: journal, today: today)
                    let text = BriefText(journal: journal, brief: brief, contact: contact, style: style).text
                    out +=
                        "\n"
                        + text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  \($0)" }
                        .joined(separator: "\n")
                }
                for guest in meeting.unknown {
                    out += style.dim("  not in the journal: \(guest.name.map { "\($0) " } ?? "")<\(guest.email)>") + "\n"
                }
            }
            if calendarDay.meetings.isEmpty { out += "No meetings that day.\n" }
            Terminal.print(TerminalText.lines(out), terminator: "")
        }
    }
}

/// The JSON of `ties brief --calendar`: `{"date", "meetings": [{"summary", "start", "all_day",
/// "location", "people": [brief…], "unknown": [{"name", "email"}]}]}`.
struct DayBriefReport: Encodable {
    struct Meeting: Encodable {
        struct Guest: Encodable {
            @NullWhenAbsent var name: String?
            var email: String
        }

        @NullWhenAbsent var summary: String?
        var start: String
        var allDay: Bool
        @NullWhenAbsent var location: String?
        var people: [BriefReport]
        var unknown: [Guest]

        enum CodingKeys: String, CodingKey {
            case summary, start, location, people, unknown
            case allDay = "all_day"
        }
    }

    var date: String
    var meetings: [Meeting]

    init(_ day: CalendarDay, journal: Journal, today: Day) {
        date = day.day.description
        meetings = day.meetings.map { meeting in
            Meeting(
                summary: meeting.summary, start: meeting.start.description, allDay: meeting.isAllDay, location: meeting.location,
                people: meeting.people.compactMap { id in
                    journal.contacts[id].map {
                        BriefReport(ContactBrief($0, journal: journal, today: today), contact: $0, journal: journal)
                    }
                },
                unknown: meeting.unknown.map { Meeting.Guest(name: $0.name, email: $0.email) })
        }
    }
}

/// The JSON of `ties brief`.
struct BriefReport: Encodable {
    struct Role: Encodable {
        var org: String
        var title: String?
        var from: String?
    }

    struct EncounterRow: Encodable {
        var slug, date, title: String
        var notes: [String]
    }

    struct FollowUpRow: Encodable {
        var task, due, encounter: String
    }

    struct ExchangeRow: Encodable {
        var what, date, encounter: String
    }

    struct OccasionRow: Encodable {
        var what, date: String
    }

    var slug, name, strength: String
    var encounters: Int
    var roles: [Role]
    var recentChanges: [Role]
    var lastEncounters: [EncounterRow]
    var followups: [FollowUpRow]
    var gave, received: [ExchangeRow]
    var occasions: [OccasionRow]
    var mutual, publications, goals: [String]
    @NullWhenAbsent var question: String?

    enum CodingKeys: String, CodingKey {
        case slug, name, strength, encounters, roles, question
        case recentChanges = "recent_changes"
        case lastEncounters = "last_encounters"
        case followups, gave, received, occasions, mutual, publications, goals
    }

    init(_ brief: ContactBrief, contact: Contact, journal: Journal) {
        slug = contact.slug
        name = contact.name
        strength = brief.tie.strength.rawValue
        encounters = brief.tie.encounters
        func role(_ affiliation: Affiliation) -> Role {
            Role(org: affiliation.org.slug, title: affiliation.title, from: affiliation.from?.description)
        }
        roles = brief.currentRoles.map(role)
        recentChanges = brief.recentChanges.map(role)
        lastEncounters = brief.lastEncounters.map {
            EncounterRow(slug: $0.encounter.slug, date: $0.date.description, title: $0.title, notes: $0.notes)
        }
        followups = brief.openFollowUps.map { FollowUpRow(task: $0.task, due: $0.due.description, encounter: $0.encounter) }
        gave = brief.gave.map { ExchangeRow(what: $0.what, date: $0.date.description, encounter: $0.encounter.slug) }
        received = brief.received.map { ExchangeRow(what: $0.what, date: $0.date.description, encounter: $0.encounter.slug) }
        occasions = brief.occasions.map { occasion in
            switch occasion.what {
            case let .birthday(age):
                return OccasionRow(what: age.map { "birthday (\($0))" } ?? "birthday", date: occasion.date.description)
            case let .greeting(text): return OccasionRow(what: text, date: occasion.date.description)
            }
        }
        mutual = brief.mutual.map(\.slug)
        publications = brief.publications.map(\.slug)
        goals = brief.goals.map(\.slug)
        question = brief.question
    }
}

/// The text of `ties brief`.
struct BriefText {
    let journal: Journal
    let brief: ContactBrief
    let contact: Contact
    let style: Style

    var text: String {
        var out: [String] = []
        func heading(_ text: String) {
            out.append("")
            out.append(style.bold(text))
        }
        func org(_ id: Org.ID) -> String { journal.orgs[id]?.name ?? id.slug }
        func person(_ id: Contact.ID) -> String { journal.contacts[id]?.name ?? id.slug }
        out.append(style.bold(contact.name))
        let roles = brief.currentRoles.map { [$0.title, org($0.org)].compactMap { $0 }.joined(separator: ", ") }
        out.append(
            (roles.isEmpty ? "" : roles.joined(separator: "; ") + " · ")
                + "\(brief.tie.strength.rawValue) tie, \(brief.tie.encounters) encounter\(brief.tie.encounters == 1 ? "" : "s")"
                + (brief.tie.last.map { ", last \($0)" } ?? ""))
        for change in brief.recentChanges {
            out.append(
                style.yellow(
                    "new since \(change.from?.description ?? "?"): \([change.title, org(change.org)].compactMap { $0 }.joined(separator: ", "))"
                ))
        }
        for occasion in brief.occasions {
            switch occasion.what {
            case let .birthday(age):
                out.append("birthday \(occasion.date)\(age.map { " (\($0))" } ?? ""), \(English.inDays(occasion.inDays))")
            case let .greeting(text): out.append("\(text) \(occasion.date), \(English.inDays(occasion.inDays))")
            }
        }
        if let question = brief.question { out.append("ask: \(question)") }
        if !brief.lastEncounters.isEmpty {
            heading("Last time")
            for item in brief.lastEncounters {
                out.append("  \(item.date.day)  \(item.title)")
                for line in item.notes { out.append(style.dim("    \(line)")) }
            }
        }
        if !brief.openFollowUps.isEmpty {
            heading("Open follow-ups")
            for item in brief.openFollowUps { out.append("  \(item.due)  \(item.task)") }
        }
        if !brief.gave.isEmpty || !brief.received.isEmpty {
            heading("Give and take")
            for exchange in brief.gave { out.append("  gave      \(exchange.date)  \(exchange.what)") }
            for exchange in brief.received { out.append("  received  \(exchange.date)  \(exchange.what)") }
        }
        if !brief.mutual.isEmpty {
            heading("People you both know (\(brief.mutual.count))")
            out.append(
                "  " + brief.mutual.prefix(12).map(person).joined(separator: ", ") + (brief.mutual.count > 12 ? ", …" : ""))
        }
        if !brief.publications.isEmpty || !brief.goals.isEmpty {
            heading("Shared")
            for id in brief.publications { out.append("  publication  \(journal.publications[id]?.title ?? id.slug)") }
            for id in brief.goals { out.append("  goal         \(journal.goals[id]?.title ?? id.slug)") }
        }
        // Each entry is one line: a line break in a value is shown escaped, never a line of its own.
        return out.map(TerminalText.inline).joined(separator: "\n") + "\n"
    }
}
