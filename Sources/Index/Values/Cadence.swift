import Foundation
import Support

/// How often to be in touch with someone: `30d`, `6w`, `3m`, `1y`, or `none`.
public enum Cadence: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: Character, Sendable {
        case day = "d", week = "w", month = "m", year = "y"
    }

    /// Never due: for people one keeps in the journal without wanting reminders.
    case none
    case every(Int, Unit)

    /// The longest cadence, in years: a hundred years is "never" in all but name, and keeps
    /// every date computed from a cadence within the years a journal can write.
    public static let longestYears = 100

    /// Why a text is not a cadence.
    public enum Problem: Error, Sendable {
        /// Not of the form `30d`, `6w`, `3m`, `1y` or `none`.
        case notACadence
        /// Of that form, but longer than `longestYears`.
        case tooLong
    }

    public init?(_ text: some StringProtocol) {
        guard case let .success(cadence) = Cadence.parse(text) else { return nil }
        self = cadence
    }

    /// Parses a cadence, telling a misspelt one from one that is too long.
    public static func parse(_ text: some StringProtocol) -> Result<Cadence, Problem> {
        let trimmed = text.trimmed.lowercased()
        if trimmed == "none" { return .success(.none) }
        let digits = trimmed.dropLast()
        guard let last = trimmed.last, let unit = Unit(rawValue: last), !digits.isEmpty,
            digits.allSatisfy(\.isASCIIDigit)
        else { return .failure(.notACadence) }
        // Digits beyond Int's range are simply too long, not a reason to trap.
        guard let count = Int(digits) else { return .failure(.tooLong) }
        guard count > 0 else { return .failure(.notACadence) }
        let limit: Int
        switch unit {
        case .day: limit = longestYears * 366
        case .week: limit = longestYears * 53
        case .month: limit = longestYears * 12
        case .year: limit = longestYears
        }
        return count <= limit ? .success(.every(count, unit)) : .failure(.tooLong)
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
