import Foundation
import Index
import Support

/// One `VEVENT` of an iCalendar file (RFC 5545), as `ties import ics` reads it.
public struct CalendarEvent: Sendable, Equatable {
    /// The line of its `BEGIN:VEVENT`.
    public var line: Int
    public var uid: String
    public var summary: String?
    public var location: String?
    /// The start, in the time zone the event gives (or the journal's, for UTC times).
    public var start: Moment
    public var isAllDay: Bool
    public var isCancelled: Bool
    /// Attendees' and the organiser's addresses, lower-cased, with their answer (`DECLINED`, …)
    /// and name (`CN`).
    public var attendees: [(email: String, answer: String?, name: String?)]
    /// The first `RRULE`; `moreRules` has any other.
    public var rule: [String: String]?
    public var moreRules: [[String: String]] = []
    /// `RDATE`s: days the event happened on besides its rules'.
    public var moreDays: [Day] = []
    public var exceptions: Set<Day> = []
    /// The zone a rule's `UNTIL` in UTC is turned into, so that it compares with the start's
    /// local time: the start's `TZID`, else the journal's.
    public var ruleZone: String?
    /// For an event that changes one occurrence of a repeating one: the day it replaces.
    public var recurrenceID: Day?

    public static func == (a: CalendarEvent, b: CalendarEvent) -> Bool {
        a.line == b.line && a.uid == b.uid && a.start == b.start
    }
}

/// Reads the events of an iCalendar export (Google Calendar, Outlook, Thunderbird).
public enum CalendarReader {
    public static func read(_ text: String, path: String, timeZone: String?) throws(ImportFormatError) -> [CalendarEvent] {
        try readAll(text, path: path, timeZone: timeZone).events
    }

    /// The events, and the `VEVENT`s that are no event ties can place (no start), by line.
    public static func readAll(
        _ text: String, path: String, timeZone: String?
    ) throws(ImportFormatError) -> (
        events: [CalendarEvent], skipped: [ImportSkip]
    ) {
        var skipped: [ImportSkip] = []
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = ContentLine.unfolded(text)
        // A file of bare events (no VCALENDAR around them, as some tools save one event) is read too.
        guard
            lines.contains(where: {
                $0.text.uppercased().hasPrefix("BEGIN:VCALENDAR") || $0.text.uppercased().hasPrefix("BEGIN:VEVENT")
            })
        else {
            throw ImportFormatError("not an iCalendar file: no line 'BEGIN:VCALENDAR'", at: SourceLocation(path: path))
        }
        var events: [CalendarEvent] = []
        var current: [ContentLine.Property]?
        var depth = 0
        var start = 0
        for line in lines {
            guard let property = ContentLine.parse(line.text) else { continue }
            let value = property.value.uppercased()
            if property.name == "BEGIN", value == "VEVENT" {
                current = []
                start = line.number
                depth = 0
            } else if property.name == "BEGIN", current != nil {
                depth += 1  // a VALARM inside the event
            } else if property.name == "END", value == "VEVENT" {
                if let properties = current {
                    if let event = event(properties, line: start, timeZone: timeZone) {
                        events.append(event)
                    } else {
                        let summary =
                            properties.first { $0.name == "SUMMARY" }.map { " '\(ContentLine.unescaped($0.value[...]))'" } ?? ""
                        skipped.append(
                            ImportSkip(line: start, reason: "an event\(summary) without a start (DTSTART) ties can read"))
                    }
                }
                current = nil
            } else if property.name == "END", current != nil {
                depth -= 1
            } else if depth == 0 {
                current?.append(property)
            }
        }
        return (events, skipped)
    }

    private static func event(_ properties: [ContentLine.Property], line: Int, timeZone: String?) -> CalendarEvent? {
        func first(_ name: String) -> ContentLine.Property? { properties.first { $0.name == name } }
        guard let startProperty = first("DTSTART"), let (start, allDay) = moment(startProperty, timeZone: timeZone) else {
            return nil
        }
        var event = CalendarEvent(
            line: line, uid: uid(first("UID"), start: startProperty, summary: first("SUMMARY")),
            summary: first("SUMMARY").map { ContentLine.unescaped($0.value[...]).trimmingCharacters(in: .whitespaces) },
            location: first("LOCATION").map { ContentLine.unescaped($0.value[...]).trimmingCharacters(in: .whitespaces) }
                .flatMap { $0.isEmpty ? nil : $0 },
            start: start, isAllDay: allDay, isCancelled: first("STATUS")?.value.uppercased() == "CANCELLED",
            attendees: [], rule: nil)
        for property in properties where property.name == "ATTENDEE" || property.name == "ORGANIZER" {
            guard let address = address(of: property) else { continue }
            let name = property.parameters.first { $0.name == "CN" }?.value.trimmingCharacters(in: .whitespaces)
            event.attendees.append(
                (
                    address, property.parameters.first { $0.name == "PARTSTAT" }?.value.uppercased(),
                    name?.isEmpty == true ? nil : name
                ))
        }
        event.ruleZone = startProperty.parameters.first { $0.name == "TZID" }?.value ?? timeZone
        for rule in properties where rule.name == "RRULE" {
            var parts: [String: String] = [:]
            for part in rule.value.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { parts[pair[0].uppercased()] = pair[1].uppercased() }
            }
            if event.rule == nil { event.rule = parts } else { event.moreRules.append(parts) }
        }
        for property in properties where property.name == "RDATE" {
            for value in property.value.split(separator: ",") {
                var single = property
                // A PERIOD is a start and an end or a length: the start is the day.
                single.value = String(value.split(separator: "/").first ?? value)
                if let (moment, _) = moment(single, timeZone: timeZone), moment.day != event.start.day {
                    event.moreDays.append(moment.day)
                }
            }
        }
        for property in properties where property.name == "EXDATE" {
            for value in property.value.split(separator: ",") {
                var single = property
                single.value = String(value)
                if let (moment, _) = moment(single, timeZone: timeZone) { event.exceptions.insert(moment.day) }
            }
        }
        if let recurrence = first("RECURRENCE-ID") { event.recurrenceID = moment(recurrence, timeZone: timeZone)?.0.day }
        return event
    }

    /// The event's `UID`; for one without (or with an empty one), a key made from its start and
    /// summary, the same on every import of the file, so a re-import finds the encounter.
    static func uid(_ property: ContentLine.Property?, start: ContentLine.Property, summary: ContentLine.Property?) -> String {
        let written = property.map { ContentLine.unescaped($0.value[...]).trimmingCharacters(in: .whitespaces) } ?? ""
        if !written.isEmpty { return written }
        var hash = StableHash()
        hash.combine("ties event")
        hash.combine(start.value)
        hash.combine(start.parameters.first { $0.name == "TZID" }?.value ?? "")
        hash.combine(summary?.value ?? "")
        return "ties-" + String(hash.value, radix: 16)
    }

    /// The e-mail address of an attendee or organiser: the `EMAIL` parameter (RFC 7986), else a
    /// `mailto:` value, quoted or not; nil for one with no address (`urn:uuid:…`).
    static func address(of property: ContentLine.Property) -> String? {
        if let email = property.parameters.first(where: { $0.name == "EMAIL" })?.value, email.contains("@") {
            return email.lowercased()
        }
        var value = property.value.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        if value.lowercased().hasPrefix("mailto:") { value.removeFirst(7) }
        value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        return value.contains("@") ? value.lowercased() : nil
    }

    /// `20241105`, `20241105T100000` (floating or with a `TZID`, kept as that zone's local time)
    /// or `20241105T090000Z` (UTC, turned into the journal's time zone).
    static func moment(_ property: ContentLine.Property, timeZone: String?) -> (Moment, Bool)? {
        let value = property.value.trimmingCharacters(in: .whitespaces)
        let digits = value.filter(\.isNumber)
        guard digits.count >= 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
            let dayNumber = Int(digits.dropFirst(6).prefix(2)), let day = Day(year: year, month: month, day: dayNumber)
        else { return nil }
        guard value.contains("T"), digits.count >= 12, let hour = Int(digits.dropFirst(8).prefix(2)),
            let minute = Int(digits.dropFirst(10).prefix(2))
        else { return (Moment(day: day), true) }
        guard value.hasSuffix("Z") else { return (Moment(day: day, minuteOfDay: hour * 60 + minute), false) }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let date = utc.date(from: DateComponents(year: year, month: month, day: dayNumber, hour: hour, minute: minute))
        else { return nil }
        var local = Calendar(identifier: .gregorian)
        local.timeZone = timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
        let parts = local.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let localDay = Day(year: parts.year ?? year, month: parts.month ?? month, day: parts.day ?? dayNumber)
        else { return nil }
        return (Moment(day: localDay, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0)), false)
    }
}
