import Foundation
import Index

/// Dates as people read them in the site's language, without any locale of the machine.
public struct DateText: Sendable {
    let language: JournalConfig.Language

    public init(_ language: JournalConfig.Language) { self.language = language }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]
    static let germanMonths = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember",
    ]

    public func monthName(_ month: Int) -> String {
        (language == .de ? DateText.germanMonths : DateText.englishMonths)[month - 1]
    }

    /// "5 March 2025" or "5. März 2025".
    public func long(_ day: Day) -> String {
        language == .de ? "\(day.day). \(monthName(day.month)) \(day.year)" : "\(day.day) \(monthName(day.month)) \(day.year)"
    }

    /// German months as German writes them short (Duden): a full stop only where letters
    /// were left out.
    static let germanShortMonths = [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
    ]

    /// "5 Mar 2025" or "5. März 2025": for tables.
    public func short(_ day: Day) -> String {
        if language == .de { return "\(day.day). \(DateText.germanShortMonths[day.month - 1]) \(day.year)" }
        return "\(day.day) \(monthName(day.month).prefix(3)) \(day.year)"
    }

    /// "3 December" / "3. Dezember": a birthday without its year.
    public func dayAndMonth(month: Int, day: Int) -> String {
        language == .de ? "\(day). \(monthName(month))" : "\(day) \(monthName(month))"
    }

    /// "March 2025" / "März 2025".
    public func month(year: Int, month: Int) -> String { "\(monthName(month)) \(year)" }

    /// A moment with its time when known: "5 March 2025, 14:30".
    public func long(_ moment: Moment) -> String {
        guard let minutes = moment.minuteOfDay else { return long(moment.day) }
        let time = String(format: "%02d:%02d", minutes / 60, minutes % 60)
        return "\(long(moment.day)), \(time)"
    }

    /// A partial date: "2019", "March 2019", "5 March 2019".
    public func partial(_ date: PartialDate) -> String {
        switch date.precision {
        case .year: return "\(date.year)"
        case .month: return month(year: date.year, month: date.month ?? 1)
        case .day: return long(date.earliest)
        }
    }
}
