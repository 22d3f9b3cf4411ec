import Foundation
import Index
import Support

public extension Journal {
    /// Works out the encounters a calendar's past events give: one per event (per past
    /// occurrence of a repeating one) that a known contact attended, by email; one who declined
    /// did not attend. Each keeps the event's `UID` (`UID/YYYY-MM-DD` for an occurrence) in
    /// `uid`, so importing the calendar again finds it and changes nothing. Cancelled events,
    /// events the owner (`me.emails`) declined, events without a start (`skipped`, from the
    /// reader) and rules ties does not expand are listed as skipped; events with no known
    /// attendee are counted, and the people in them the journal does not know are listed by
    /// name and email, so the owner can add them. Nothing is written.
    func planCalendarImport(_ events: [CalendarEvent], skipped: [ImportSkip] = [], today: Day, since: Day? = nil) -> ImportPlan {
        var byEmail: [String: [Contact]] = [:]
        for contact in contacts {
            for email in Set(contact.emails.map { $0.lowercased() }) { byEmail[email, default: []].append(contact) }
        }
        let mine = Set(config.myEmails.map { $0.lowercased() })
        var known = Set(encounters.compactMap(\.uid))
        var takenSlugs = Set(encounters.map { $0.slug.lowercased() })
        let names = NameTable(contacts.array)
        var plan = ImportPlan()
        plan.root = root
        plan.report.skipped = skipped
        var unknown: [String: (name: String?, events: Int)] = [:]
        let overridden = Set(events.compactMap { event in event.recurrenceID.map { "\(event.uid)/\($0)" } })
        let yesterday = today.adding(days: -1)
        for event in events {
            if event.isCancelled {
                plan.report.skipped.append(ImportSkip(line: event.line, reason: "cancelled"))
                continue
            }
            if event.attendees.contains(where: { mine.contains($0.email) && $0.answer == "DECLINED" }) {
                plan.report.skipped.append(ImportSkip(line: event.line, reason: "you declined it"))
                continue
            }
            var occurrences: [(day: Day, key: String)]
            if let replaced = event.recurrenceID {
                let day = event.start.day
                occurrences = day <= yesterday && since.map({ day >= $0 }) ?? true ? [(day, "\(event.uid)/\(replaced)")] : []
            } else if let days = event.occurrences(since: since, through: yesterday) {
                let single = event.rule == nil && event.moreDays.isEmpty
                occurrences = days.map { (day: $0, key: single ? event.uid : "\(event.uid)/\($0)") }
                occurrences.removeAll { overridden.contains($0.key) }
                if days.count == CalendarEvent.mostOccurrences {
                    plan.report.notes.append(
                        ImportSkip(
                            line: event.line,
                            reason:
                                "\(event.summary.map { "'\($0)': " } ?? "")repeats more than \(CalendarEvent.mostOccurrences) times; the latest \(CalendarEvent.mostOccurrences) are taken"
                        ))
                }
            } else {
                let rule = (event.rule ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
                let more = event.moreRules.isEmpty ? "" : " and \(event.moreRules.count) more"
                plan.report.skipped.append(
                    ImportSkip(
                        line: event.line,
                        reason: "\(event.summary.map { "'\($0)': " } ?? "")a repeating rule ties does not expand (\(rule))\(more)"
                    ))
                continue
            }
            guard !occurrences.isEmpty else { continue }
            var people: [Contact] = []
            for attendee in event.attendees where !mine.contains(attendee.email) && attendee.answer != "DECLINED" {
                guard let found = byEmail[attendee.email], found.count == 1 else {
                    if byEmail[attendee.email] == nil {
                        let seen = unknown[attendee.email]
                        unknown[attendee.email] = (seen?.name ?? attendee.name, (seen?.events ?? 0) + occurrences.count)
                    }
                    continue
                }
                if !people.contains(found[0]) { people.append(found[0]) }
            }
            guard !people.isEmpty else {
                plan.report.withoutKnownAttendee += occurrences.count
                continue
            }
            let with = people.map { contact in
                if case .one = names.match(contact.name) { return contact.name }
                return contact.slug
            }
            for (index, occurrence) in occurrences.enumerated() {
                guard plan.report.created.count < CalendarEvent.mostEncountersPerImport else {
                    plan.report.skipped.append(
                        ImportSkip(
                            line: event.line,
                            reason:
                                "\(occurrences.count - index) occurrences left out: one import writes at most \(CalendarEvent.mostEncountersPerImport) encounters; import the rest with --since, or a shorter calendar"
                        ))
                    break
                }
                guard known.insert(occurrence.key).inserted else {
                    plan.report.unchanged += 1
                    continue
                }
                var writer = FrontMatterWriter<Encounter>()
                let date = Moment(day: occurrence.day, minuteOfDay: event.isAllDay ? nil : event.start.minuteOfDay)
                writer.field(\.knownDate, date.description)
                writer.field(\.title, event.summary.map { String($0.prefix(ImportedPerson.longestValue)) })
                writer.field(\.kind, "meeting")
                writer.list(\.with, with)
                writer.field(\.location, event.location.map { String($0.prefix(ImportedPerson.longestValue)) })
                writer.field(\.uid, occurrence.key)
                let what = Slug.make(from: event.summary ?? with.joined(separator: " "))
                let stem = Slug.fitted("\(occurrence.day)-\(what)")
                let slug = Slug.unique("\(occurrence.day.year)/\(stem)", among: &takenSlugs)
                let path = "\(RecordKind.encounter.folder)/\(slug).md"
                let data = Data(writer.file(body: "\n").utf8)
                guard ImportPlan.fits(data) else {
                    plan.report.skipped.append(
                        ImportSkip(
                            line: event.line, reason: "\(ImportPlan.tooLarge(path, data.count)); the event was not written"))
                    break
                }
                plan.report.created.append(
                    ImportReport.Created(file: path, name: event.summary ?? "meeting on \(occurrence.day)"))
                plan.changes.append(AtomicFile.Change(path: root.appending(path: path).path, data: data, isNew: true))
            }
        }
        plan.report.skipped.sort { ($0.line, $0.reason) < ($1.line, $1.reason) }
        plan.report.unknownAttendees = unknown.map {
            ImportReport.Attendee(name: $0.value.name, email: $0.key, events: $0.value.events)
        }
        .sorted { ($1.events, $0.email) < ($0.events, $1.email) }
        return plan
    }
}
