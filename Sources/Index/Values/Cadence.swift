import Foundation

/// How often to be in touch with someone: `30d`, `6w`, `3m`, `1y`, or `none`.
public enum Cadence: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: Character, Sendable {
        case day = "d", week = "w", month = "m", year = "y"
    }

    /// Never due: for people one keeps in the journal without wanting reminders.
    case none
    case every(Int, Unit)

    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmed.lowercased()
        if trimmed == "none" {
            self = .none
            return
        }
        guard let last = trimmed.last, let unit = Unit(rawValue: last),
            let count = Int(trimmed.dropLast()), count > 0, trimmed.dropLast().allSatisfy(\.isASCIIDigit)
        else { return nil }
        self = .every(count, unit)
    }

    /// The day one cadence after `day`, or nil for `none`.
    public func after(_ day: Day) -> Day? {
        switch self {
        case .none: return nil
        case let .every(n, .day): return day.adding(days: n)
        case let .every(n, .week): return day.adding(days: 7 * n)
        case let .every(n, .month): return day.adding(months: n)
        case let .every(n, .year): return day.adding(months: 12 * n)
        }
    }

    public var description: String {
        switch self {
        case .none: return "none"
        case let .every(n, unit): return "\(n)\(unit.rawValue)"
        }
    }
}
