/// A date known to the year, the month or the day: `2019`, `2019-04` or `2019-04-15`.
///
/// Roles start and end at dates people often remember only roughly.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), (1...9999).contains(year)
        else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        } else {
            self.month = nil
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), Day(year: year, month: month ?? 1, day: day) != nil
            else { return nil }
            self.day = day
        } else {
            self.day = nil
        }
    }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// The first day the date could mean.
    public var earliest: Day { Day(year: year, month: month ?? 1, day: day ?? 1) ?? Day(dayNumber: 0) }

    /// The last day the date could mean.
    public var latest: Day {
        let m = month ?? 12
        return Day(year: year, month: m, day: day ?? Day.daysIn(month: m, year: year)) ?? earliest
    }

    public var description: String {
        var text = Day.pad(year, 4)
        if let month { text += "-" + Day.pad(month, 2) }
        if let day { text += "-" + Day.pad(day, 2) }
        return text
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.earliest, a.precision) < (b.earliest, b.precision)
    }
}
