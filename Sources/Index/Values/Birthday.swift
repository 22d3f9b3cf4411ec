/// A birthday, with or without the year: `1985-07-14` or `07-14`.
public struct Birthday: Hashable, Sendable, CustomStringConvertible {
    public let year: Int?
    public let month: Int
    public let day: Int

    public init?(_ text: some StringProtocol) {
        if let full = Day(text) {
            (year, month, day) = (full.year, full.month, full.day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
            let m = Int(parts[0]), let d = Int(parts[1]),
            Day(year: 2000, month: m, day: d) != nil  // 2000 is a leap year: 02-29 is allowed
        else { return nil }
        (year, month, day) = (nil, m, d)
    }

    /// The next birthday on or after `today`; 02-29 falls on 02-28 in common years.
    public func next(onOrAfter today: Day) -> Day {
        func inYear(_ y: Int) -> Day {
            Day(year: y, month: month, day: min(day, Day.daysIn(month: month, year: y))) ?? today
        }
        let thisYear = inYear(today.year)
        return thisYear >= today ? thisYear : inYear(today.year + 1)
    }

    public var description: String {
        let monthDay = "\(Day.pad(month, 2))-\(Day.pad(day, 2))"
        return year.map { "\(Day.pad($0, 4))-\(monthDay)" } ?? monthDay
    }
}
