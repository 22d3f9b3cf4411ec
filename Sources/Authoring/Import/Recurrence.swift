import Index

/// The days a repeating event happened on, as RFC 5545 says: `FREQ` DAILY, WEEKLY, MONTHLY or
/// YEARLY with `INTERVAL`, `COUNT`, `UNTIL` (a time, compared with the start's time), `BYDAY`
/// (with ordinals such as `1TH` or `-1FR` in monthly and yearly rules), `BYMONTHDAY` and
/// `BYMONTH`; several `RRULE`s, `RDATE`s and `EXDATE`s. Anything else is not guessed at:
/// `occurrences` is nil, and the import lists the event as skipped.
extension CalendarEvent {
    /// The most occurrences of one event taken (the latest): a daily rule over decades stops here.
    public static let mostOccurrences = 5_000
    /// The most encounters one calendar import writes: 50 daily events without end would
    /// otherwise write 250,000 files that every command then reads.
    public static let mostEncountersPerImport = 20_000
    /// The most days, weeks or months one rule is stepped through, whether they give an
    /// occurrence or not: a rule from the year 1, or one whose `BYDAY` never matches, ends here.
    static let mostSteps = 100_000
    /// The largest `INTERVAL` or `COUNT` read: far beyond any calendar, small enough that no
    /// arithmetic on it overflows.
    static let largestNumber = 1_000_000

    static let ruleParts: Set<String> = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"]

    /// The days of the event from `since` through `last`, in order; nil for a rule not handled.
    public func occurrences(since: Day?, through last: Day) -> [Day]? {
        let first = start.day
        func wanted(_ day: Day) -> Bool { day <= last && since.map { day >= $0 } ?? true && !exceptions.contains(day) }
        guard let rule else {
            return Array(Set(([first] + moreDays).filter(wanted))).sorted()
        }
        var days = Set<Day>()
        for rule in [rule] + moreRules {
            guard let ruleDays = expand(rule, through: last) else { return nil }
            days.formUnion(ruleDays)
        }
        days.formUnion(moreDays)
        // The latest occurrences are the ones a journal of today wants.
        return Array(days.filter(wanted)).sorted().suffix(Self.mostOccurrences).map { $0 }
    }

    /// Every day one rule gives from the start through `last`, `COUNT` and `UNTIL` applied.
    private func expand(_ rule: [String: String], through last: Day) -> [Day]? {
        let first = start.day
        guard let frequency = rule["FREQ"], Set(rule.keys).isSubset(of: Self.ruleParts),
            let interval = Int(rule["INTERVAL"] ?? "1"), (1...Self.largestNumber).contains(interval)
        else { return nil }
        var count: Int?
        if let text = rule["COUNT"] {
            guard let number = Int(text), number >= 0 else { return nil }
            count = min(number, Self.largestNumber)
        }
        var until: Moment?
        if let text = rule["UNTIL"] {
            let property = ContentLine.Property(group: nil, name: "UNTIL", parameters: [], value: text)
            guard let (moment, _) = CalendarReader.moment(property, timeZone: ruleZone) else { return nil }
            until = moment
        }
        /// Whether an occurrence on `day` (at the start's time) is not after `UNTIL`.
        func beforeUntil(_ day: Day) -> Bool {
            guard let until else { return true }
            if day != until.day { return day < until.day }
            guard let limit = until.minuteOfDay else { return true }
            return (start.minuteOfDay ?? 0) <= limit
        }
        let end = min(last, until?.day ?? last)
        let weekdayNames = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        /// `BYDAY` as (ordinal, weekday): `1TH` is (1, 3), `FR` is (nil, 4).
        var byDay: [(ordinal: Int?, weekday: Int)] = []
        for item in (rule["BYDAY"] ?? "").split(separator: ",") {
            let name = String(item.suffix(2))
            guard let weekday = weekdayNames.firstIndex(of: name) else { return nil }
            let prefix = item.dropLast(2)
            if prefix.isEmpty {
                byDay.append((nil, weekday))
            } else {
                guard let ordinal = Int(prefix), ordinal != 0, abs(ordinal) <= 5 else { return nil }
                byDay.append((ordinal, weekday))
            }
        }
        var byMonthDay: [Int] = []
        for item in (rule["BYMONTHDAY"] ?? "").split(separator: ",") {
            guard let number = Int(item), number != 0, abs(number) <= 31 else { return nil }
            byMonthDay.append(number)
        }
        var byMonth: [Int] = []
        for item in (rule["BYMONTH"] ?? "").split(separator: ",") {
            guard let number = Int(item), (1...12).contains(number) else { return nil }
            byMonth.append(number)
        }

        var days: [Day] = []
        var generated = 0
        var steps = 0
        /// Counts `day` (COUNT counts from the start, whatever `since`); false when the rule ends.
        func take(_ day: Day) -> Bool {
            guard day <= end, beforeUntil(day) else { return false }
            if let count, generated >= count { return false }
            generated += 1
            days.append(day)
            return days.count < Self.mostOccurrences * 4
        }
        switch frequency {
        case "DAILY":
            guard byDay.allSatisfy({ $0.ordinal == nil }), byMonthDay.isEmpty else { return nil }
            var day = first
            while day <= end, steps < Self.mostSteps {
                steps += 1
                let weekdayOK = byDay.isEmpty || byDay.contains { $0.weekday == Self.weekday(of: day) }
                let monthOK = byMonth.isEmpty || byMonth.contains(day.month)
                if weekdayOK, monthOK, !take(day) { break }
                day = day.adding(days: interval)
            }
        case "WEEKLY":
            guard byDay.allSatisfy({ $0.ordinal == nil }), byMonthDay.isEmpty else { return nil }
            let wanted = byDay.isEmpty ? [Self.weekday(of: first)] : Set(byDay.map(\.weekday))
            var weekStart = first.adding(days: -Self.weekday(of: first))
            outer: while weekStart <= end, steps < Self.mostSteps {
                steps += 1
                for offset in 0..<7 where wanted.contains(offset) {
                    let day = weekStart.adding(days: offset)
                    guard day >= first else { continue }
                    if !byMonth.isEmpty, !byMonth.contains(day.month) { continue }
                    guard take(day) else { break outer }
                }
                weekStart = weekStart.adding(days: 7 * interval)
            }
        case "MONTHLY", "YEARLY":
            let yearly = frequency == "YEARLY"
            // A yearly rule with weekdays but no months would count weeks of the year: not handled.
            if yearly, !byDay.isEmpty, byMonth.isEmpty { return nil }
            var period = 0
            outer: while steps < Self.mostSteps {
                steps += 1
                let months: [(year: Int, month: Int)]
                let periodYear: Int
                if yearly {
                    periodYear = first.year + period * interval
                    months = (byMonth.isEmpty ? [first.month] : byMonth.sorted()).map { (periodYear, $0) }
                } else {
                    let total = first.month - 1 + period * interval
                    periodYear = first.year + total / 12
                    months = byMonth.isEmpty || byMonth.contains(total % 12 + 1) ? [(periodYear, total % 12 + 1)] : []
                }
                guard periodYear <= end.year else { break }
                for (year, month) in months {
                    for day in Self.days(inYear: year, month: month, byDay: byDay, byMonthDay: byMonthDay, default: first.day)
                    where day >= first {
                        guard take(day) else { break outer }
                    }
                }
                period += 1
            }
        default:
            return nil
        }
        return days
    }

    /// The days of one month a monthly or yearly rule names: its `BYMONTHDAY`s (from the end
    /// when negative), limited by its weekdays; else its weekdays (the `n`th of the month for
    /// an ordinal, every one without); else the start's day of the month, when the month has it.
    static func days(
        inYear year: Int, month: Int, byDay: [(ordinal: Int?, weekday: Int)], byMonthDay: [Int], default dayOfMonth: Int
    )
        -> [Day]
    {
        guard let firstDay = Day(year: year, month: month, day: 1) else { return [] }
        var length = 28
        while length < 31, Day(year: year, month: month, day: length + 1) != nil { length += 1 }
        var numbers: [Int] = []
        if !byMonthDay.isEmpty {
            numbers = byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 }.filter { (1...length).contains($0) }
            if !byDay.isEmpty {
                numbers = numbers.filter { number in
                    byDay.contains { $0.weekday == weekday(of: firstDay.adding(days: number - 1)) }
                }
            }
        } else if !byDay.isEmpty {
            let firstWeekday = weekday(of: firstDay)
            for (ordinal, weekday) in byDay {
                let firstOfThem = (weekday - firstWeekday + 7) % 7 + 1
                let all = Array(stride(from: firstOfThem, through: length, by: 7))
                if let ordinal {
                    let index = ordinal > 0 ? ordinal - 1 : all.count + ordinal
                    if all.indices.contains(index) { numbers.append(all[index]) }
                } else {
                    numbers += all
                }
            }
        } else if dayOfMonth <= length {
            numbers = [dayOfMonth]
        }
        return Set(numbers).sorted().map { firstDay.adding(days: $0 - 1) }
    }

    /// 0 for Monday … 6 for Sunday.
    static func weekday(of day: Day) -> Int {
        let monday = Day(year: 2024, month: 1, day: 1)?.dayNumber ?? 0
        return ((day.dayNumber - monday) % 7 + 7) % 7
    }
}
