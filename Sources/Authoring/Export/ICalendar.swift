import Foundation
import Index
import Support

/// An iCalendar (RFC 5545) file of what is due: open follow-ups, the day each contact is due,
/// birthdays and yearly greetings, for a calendar app to import or subscribe to.
///
/// Every event has a UID that stays the same while the thing it stands for does (the contact,
/// the follow-up's encounter and task), so a subscribing app moves an event rather than adding
/// a second one. Output depends only on the journal and `today`: the same inputs give the same
/// bytes.
public struct ICalendar: Sendable {
    public let journal: Journal
    public let today: Day

    public init(journal: Journal, today: Day) {
        self.journal = journal
        self.today = today
    }

    /// The whole file, with CRLF line endings and lines folded at 75 octets.
    public func text() -> String {
        let w = Words.for(journal.config.language)
        let domain = "ties-" + Slug.make(from: journal.config.title)
        let stamp = "\(compact(today))T000000Z"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ties//ties 0.1.0//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ContentLine.escaped(journal.config.title),
        ]
        func event(uid: String, day: Day, summary: String, description: String?, category: String, yearly: Birthday? = nil) {
            lines += [
                "BEGIN:VEVENT", "UID:\(uid)@\(domain)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(compact(day))",
                "DTEND;VALUE=DATE:\(compact(day.adding(days: 1)))", "SUMMARY:" + ContentLine.escaped(summary),
            ]
            if let description { lines.append("DESCRIPTION:" + ContentLine.escaped(description)) }
            if let yearly {
                // 29 February falls on the last day of February in other years.
                lines.append(
                    yearly.month == 2 && yearly.day == 29 ? "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "RRULE:FREQ=YEARLY")
            }
            lines += ["CATEGORIES:" + ContentLine.escaped(category), "TRANSP:TRANSPARENT", "END:VEVENT"]
        }

        for item in journal.openFollowUps(on: today, within: 3650) {
            let encounter = journal.encounters[Encounter.ID(item.encounter)]
            var description = "\(w.from) \(encounter?.title ?? encounter?.kind ?? item.encounter)"
            if let day = encounter?.date.day { description += " \(w.on) \(day)" }
            if item.daysOverdue > 0 { description += "; \(w.dueSince) \(item.due)" }
            event(
                uid: "followup-" + FNV1a.hex(item.encounter + "\n" + item.task), day: max(item.due, today),
                summary: "\(w.followUp): \(item.task)", description: description, category: w.followUpCategory)
        }
        for contact in journal.contacts {
            guard let due = journal.nextDue(of: contact, today: today) else { continue }
            if let snooze = contact.snoozeUntil, snooze > due, snooze > today {
                event(
                    uid: "due-\(contact.slug)", day: snooze, summary: "\(w.getInTouch) \(contact.name)",
                    description: "\(w.snoozedUntil) \(snooze)", category: w.keepInTouch)
                continue
            }
            let last = journal.lastContact(with: contact).map { "\(w.lastContact) \($0)" } ?? ""
            event(
                uid: "due-\(contact.slug)", day: max(due, today), summary: "\(w.getInTouch) \(contact.name)",
                description:
                    "\(last); \(w.cadence) \(journal.cadence(of: contact))\(due < today ? "; \(w.dueSince) \(due)" : "")",
                category: w.keepInTouch)
        }
        for contact in journal.contacts {
            guard let birthday = contact.birthday else { continue }
            let first =
                birthday.year.flatMap { Day(year: $0, month: birthday.month, day: birthday.day) }
                ?? birthday.next(onOrAfter: today)
            event(
                uid: "birthday-\(contact.slug)", day: first, summary: "\(contact.name): \(w.birthday)", description: nil,
                category: w.birthday, yearly: birthday)
        }
        for greeting in journal.config.greetings {
            guard let yearly = Birthday("\(pad(greeting.month))-\(pad(greeting.day))") else { continue }
            let circles = greeting.circles.isEmpty ? w.everyone : greeting.circles.joined(separator: ", ")
            event(
                uid: "greeting-" + Slug.make(from: greeting.what), day: yearly.next(onOrAfter: today), summary: greeting.what,
                description: "\(w.for) \(circles)", category: w.greeting, yearly: yearly)
        }
        lines.append("END:VCALENDAR")
        return lines.map(ContentLine.folded).joined(separator: "\r\n") + "\r\n"
    }

    private func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }
    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The words of the events, in the journal's language (`language` in ties.yaml).
    struct Words {
        var from, on, dueSince, followUp, followUpCategory, getInTouch, snoozedUntil, keepInTouch, lastContact, cadence,
            birthday, everyone, `for`, greeting: String

        static func `for`(_ language: JournalConfig.Language) -> Words {
            switch language {
            case .en:
                return Words(
                    from: "From", on: "on", dueSince: "due since", followUp: "Follow up", followUpCategory: "follow-up",
                    getInTouch: "Get in touch with", snoozedUntil: "Snoozed until", keepInTouch: "keep in touch",
                    lastContact: "Last contact", cadence: "every", birthday: "birthday", everyone: "everyone with a cadence",
                    for: "For", greeting: "greeting")
            case .de:
                return Words(
                    from: "Aus", on: "am", dueSince: "fällig seit", followUp: "Nachfassen", followUpCategory: "Nachfassen",
                    getInTouch: "Melden bei", snoozedUntil: "Zurückgestellt bis", keepInTouch: "in Kontakt bleiben",
                    lastContact: "Letzter Kontakt", cadence: "Rhythmus", birthday: "Geburtstag",
                    everyone: "alle mit einem Rhythmus", for: "Für", greeting: "Gruß")
            }
        }
    }
}
