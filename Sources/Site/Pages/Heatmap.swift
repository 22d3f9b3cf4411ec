import Index

/// The activity of the last twelve months as an inline SVG: a cell per day, darker for more
/// encounters and publications, like a contribution graph.
struct Heatmap {
    let journal: JournalReader
    let today: Day
    let dates: DateText
    let label: String

    static let cell = 11
    static let gap = 2

    func svg() -> String {
        // 53 weeks ending with the week of today; weeks start on Monday.
        let weekday = (today.dayNumber + 3) % 7  // 1970-01-01 was a Thursday: Monday is 0
        let last = today
        let first = today.adding(days: -(52 * 7 + weekday))
        var counts: [Int: Int] = [:]
        for encounter in journal.encounters where encounter.date.day >= first && encounter.date.day <= last {
            counts[encounter.date.day.dayNumber, default: 0] += 1
        }
        for publication in journal.publications where publication.status == .published {
            if let day = publication.date, day >= first, day <= last { counts[day.dayNumber, default: 0] += 1 }
        }
        let step = Heatmap.cell + Heatmap.gap
        let width = 53 * step + 20
        let height = 7 * step + 18
        var svg = "<svg class=\"heatmap\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(label))\">"
        var lastMonth = -1
        var number = first.dayNumber
        while number <= last.dayNumber {
            let offset = number - first.dayNumber
            let week = offset / 7
            let day = Day(dayNumber: number)
            let x = week * step
            let y = (offset % 7) * step + 16
            if day.day <= 7 && day.month != lastMonth && offset % 7 == 0 {
                svg += "<text x=\"\(x)\" y=\"10\">\(escape(String(dates.monthName(day.month).prefix(3))))</text>"
                lastMonth = day.month
            }
            let count = counts[number] ?? 0
            let level = min(count, 4)
            svg +=
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(Heatmap.cell)\" height=\"\(Heatmap.cell)\" rx=\"2\" class=\"l\(level)\">"
                + "<title>\(escape(dates.long(day))): \(count)</title></rect>"
            number += 1
        }
        return svg + "</svg>"
    }

    private func escape(_ text: String) -> String { HTML.escape(text) }
}
