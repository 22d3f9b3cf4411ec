/// A calendar day with no time zone: what a person means by "we met on 2024-03-05".
///
/// Stored as year, month and day, with arithmetic through a day number (days since
/// 1970-01-01) so no `Calendar` or time zone can shift a date by one.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid day, or nil for impossible ones such as 2023-02-29.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day with this number of days since 1970-01-01, kept within `Day.earliest`…`Day.latest`.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days, on a number that cannot overflow it.
        let z = min(max(dayNumber, -719_162), 2_932_896) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The first and last days a journal can name: dates are written with four-digit years.
    public static let earliest = Day(uncheckedYear: 1, month: 1, day: 1)
    public static let latest = Day(uncheckedYear: 9999, month: 12, day: 31)

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Adds days, stopping at `Day.earliest` and `Day.latest`: any count, however large, gives
    /// a day that can be written, so no reminder or `--days` can overflow.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        let bounds = Day.earliest.dayNumber...Day.latest.dayNumber
        if overflow { return days > 0 ? Day.latest : Day.earliest }
        return Day(dayNumber: min(max(sum, bounds.lowerBound), bounds.upperBound))
    }

    /// Adds calendar months, clamping the day to the target month (Jan 31 + 1 month = Feb 28/29)
    /// and the result to `Day.earliest`…`Day.latest`.
    public func adding(months: Int) -> Day {
        let limit = 12 * 10_000  // more months than lie between the earliest and the latest day
        let index = year * 12 + (month - 1) + min(max(months, -limit), limit)
        guard index >= 12 else { return Day.earliest }
        guard index < 10_000 * 12 else { return Day.latest }
        let y = index / 12
        let m = index % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y))) ?? Day.latest
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
