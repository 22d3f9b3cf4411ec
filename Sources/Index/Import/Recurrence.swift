/// The days a repeating event happened on: the common rules of RFC 5545 (`FREQ` DAILY, WEEKLY,
/// MONTHLY or YEARLY, with `INTERVAL`, `COUNT`, `UNTIL`, `BYDAY` for daily and weekly rules,
/// and `EXDATE`). Anything else is not guessed at: `occurrences` is nil.
extension CalendarEvent {
    /// The most occurrences of one event taken: a daily rule over decades stops here.
    static let mostOccurrences = 5_000
    /// The most days, weeks or months one rule is stepped through, whether they give an
    /// occurrence or not: a rule from the year 1, or one whose `BYDAY` never matches, ends here.
    static let mostSteps = 100_000

    /// The days of the event from `since` through `last`, in order; nil for a rule not handled.
    public func occurrences(since: Day?, through last: Day) -> [Day]? {
        let first = start.day
        guard let rule else { return (first <= last && since.map { first >= $0 } ?? true) ? [first] : [] }
        guard let frequency = rule["FREQ"], Set(rule.keys).isSubset(of: ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"]),
            let interval = Int(rule["INTERVAL"] ?? "1"), interval >= 1
        else { return nil }
        let count = rule["COUNT"].flatMap { Int($0) }
        let until = rule["UNTIL"].flatMap { text -> Day? in
            let digits = text.filter(\.isNumber)
            guard digits.count >= 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
                let day = Int(digits.dropFirst(6).prefix(2))
            else { return nil }
            return Day(year: year, month: month, day: day)
        }
        let names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        var weekdays: Set<Int>?
        if let byDay = rule["BYDAY"] {
            guard frequency == "DAILY" || frequency == "WEEKLY" else { return nil }
            var days = Set<Int>()
            for name in byDay.split(separator: ",") {
                guard let index = names.firstIndex(of: String(name)) else { return nil }  // `1MO`: an ordinal
                days.insert(index)
            }
            weekdays = days
        }
        let end = min(last, until ?? last)
        var days: [Day] = []
        var generated = 0
        var steps = 0
        func take(_ day: Day) -> Bool {
            if let count, generated >= count { return false }
            generated += 1
            if !exceptions.contains(day), since.map({ day >= $0 }) ?? true { days.append(day) }
            return days.count < Self.mostOccurrences
        }
        switch frequency {
        case "DAILY":
            var day = first
            while day <= end, steps < Self.mostSteps {
                steps += 1
                if weekdays.map({ $0.contains(Self.weekday(of: day)) }) ?? true, !take(day) { break }
                day = day.adding(days: interval)
            }
        case "WEEKLY":
            let wanted = weekdays ?? [Self.weekday(of: first)]
            var weekStart = first.adding(days: -Self.weekday(of: first))
            outer: while weekStart <= end, steps < Self.mostSteps {
                steps += 1
                for offset in 0..<7 where wanted.contains(offset) {
                    let day = weekStart.adding(days: offset)
                    guard day >= first else { continue }
                    guard day <= end, take(day) else { break outer }
                }
                weekStart = weekStart.adding(days: 7 * interval)
            }
        case "MONTHLY", "YEARLY":
            let step = frequency == "MONTHLY" ? interval : 12 * interval
            var months = 0
            while steps < Self.mostSteps {
                steps += 1
                let total = first.month - 1 + months
                let year = first.year + total / 12
                guard year <= end.year else { break }
                if let day = Day(year: year, month: total % 12 + 1, day: first.day) {
                    guard day <= end, take(day) else { break }
                }
                months += step
            }
        default:
            return nil
        }
        return days
    }

    /// 0 for Monday … 6 for Sunday.
    static func weekday(of day: Day) -> Int {
        let monday = Day(year: 2024, month: 1, day: 1)?.dayNumber ?? 0
        return ((day.dayNumber - monday) % 7 + 7) % 7
    }
}
