import Foundation
import Support

/// When an encounter happened: a day, and a time of day when the owner wrote one.
public struct Moment: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let day: Day
    /// Minutes after midnight, local to the owner.
    public let minuteOfDay: Int?

    public init(day: Day, minuteOfDay: Int? = nil) {
        self.day = day
        self.minuteOfDay = minuteOfDay
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`.
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmed
        guard trimmed.count >= 10 else { return nil }
        let dayPart = trimmed.prefix(10)
        guard let day = Day(dayPart) else { return nil }
        let rest = trimmed.dropFirst(10)
        if rest.isEmpty {
            self.init(day: day)
            return
        }
        guard rest.first == " " || rest.first == "T" else { return nil }
        let time = rest.dropFirst().trimmed
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        self.init(day: day, minuteOfDay: hour * 60 + minute)
    }

    public var description: String {
        guard let minuteOfDay else { return day.description }
        return "\(day) \(Day.pad(minuteOfDay / 60, 2)):\(Day.pad(minuteOfDay % 60, 2))"
    }

    public static func < (a: Moment, b: Moment) -> Bool {
        (a.day, a.minuteOfDay ?? -1) < (b.day, b.minuteOfDay ?? -1)
    }
}
