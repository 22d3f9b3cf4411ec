import Foundation
import Index
import Support

/// One day's meetings from a calendar, with the journal's people in each: what `ties brief
/// --calendar` prepares for.
public struct CalendarDay: Sendable {
    public struct Meeting: Sendable {
        public var summary: String?
        public var start: Moment
        public var isAllDay: Bool
        public var location: String?
        /// Contacts met there, in the order the event names them.
        public var people: [Contact.ID]
        /// Attendees the journal does not know.
        public var unknown: [(name: String?, email: String)]
    }

    public var day: Day
    /// By start, then summary.
    public var meetings: [Meeting]
}

public extension Journal {
    /// The events of `day` (each occurrence of a repeating one, an occurrence moved to it
    /// included), leaving out cancelled ones and those the owner (`me.emails`) declined; in each,
    /// the attendees matched to contacts by e-mail, else by name (`CN`), and with no attendee known,
    /// the person a summary such as "Coffee with Lena" names.
    func meetings(on day: Day, in events: [CalendarEvent]) -> CalendarDay {
        var byEmail: [String: [Contact.ID]] = [:]
        for contact in contacts {
            for email in Set(contact.emails.map { $0.lowercased() }) { byEmail[email, default: []].append(contact.id) }
        }
        let mine = Set(config.myEmails.map { $0.lowercased() })
        let moved = Set(events.compactMap { event in event.recurrenceID.map { "\(event.uid)/\($0)" } })
        var meetings: [CalendarDay.Meeting] = []
        for event in events where !event.isCancelled {
            if event.attendees.contains(where: { mine.contains($0.email) && $0.answer == "DECLINED" }) { continue }
            let onDay: Bool
            if event.recurrenceID != nil {
                onDay = event.start.day == day
            } else {
                onDay =
                    (event.occurrences(since: day, through: day) ?? []).contains(day) && !moved.contains("\(event.uid)/\(day)")
            }
            guard onDay else { continue }
            var people: [Contact.ID] = []
            var unknown: [(name: String?, email: String)] = []
            for attendee in event.attendees where !mine.contains(attendee.email) && attendee.answer != "DECLINED" {
                if let found = byEmail[attendee.email], found.count == 1 {
                    if !people.contains(found[0]) { people.append(found[0]) }
                } else if let name = attendee.name, let id = try? find(name, among: [.contact]) {
                    let contact = Contact.ID(id.slug)
                    if !people.contains(contact) { people.append(contact) }
                } else {
                    unknown.append((attendee.name, attendee.email))
                }
            }
            if people.isEmpty, let summary = event.summary, let named = Self.personNamed(in: summary, journal: self) {
                people = [named]
            }
            meetings.append(
                CalendarDay.Meeting(
                    summary: event.summary, start: Moment(day: day, minuteOfDay: event.isAllDay ? nil : event.start.minuteOfDay),
                    isAllDay: event.isAllDay, location: event.location, people: people, unknown: unknown))
        }
        meetings.sort { ($0.start, $0.summary ?? "") < ($1.start, $1.summary ?? "") }
        return CalendarDay(day: day, meetings: meetings)
    }

    /// The contact a summary names after "with" or "mit": "Coffee with Lena Schäfer".
    private static func personNamed(in summary: String, journal: Journal) -> Contact.ID? {
        let words = summary.split(separator: " ").map(String.init)
        guard let index = words.firstIndex(where: { ["with", "mit", "w/"].contains($0.lowercased()) }), index + 1 < words.count
        else { return nil }
        let rest = Array(words[(index + 1)...].prefix(3))
        // The longest run of words that names exactly one contact.
        for count in stride(from: rest.count, through: 1, by: -1) {
            let name = rest.prefix(count).joined(separator: " ").trimmingCharacters(in: .punctuationCharacters)
            if let id = try? journal.find(name, among: [.contact]) { return Contact.ID(id.slug) }
        }
        return nil
    }
}
