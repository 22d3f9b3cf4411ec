import Foundation
import Index

/// The Network page's small charts.
enum NetworkCharts {
    /// Encounters per quarter, the part with external people darker.
    static func quarters(_ quarters: [NetworkInsights.Quarter], label: String) -> String {
        let most = max(1, quarters.map(\.encounters).max() ?? 1)
        let bar = 26
        let gap = 8
        let height = 80
        let width = quarters.count * (bar + gap)
        var svg =
            "<svg class=\"quarters\" width=\"\(width * 3 / 2)\" height=\"\((height + 48) * 3 / 2)\" viewBox=\"0 -12 \(width) \(height + 48)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
        for (index, quarter) in quarters.enumerated() {
            let x = index * (bar + gap)
            let all = quarter.encounters == 0 ? 1 : max(4, quarter.encounters * height / most)
            let external = quarter.encounters == 0 ? 0 : quarter.external * all / quarter.encounters
            let share = quarter.encounters == 0 ? 0 : quarter.external * 100 / quarter.encounters
            svg +=
                "<rect x=\"\(x)\" y=\"\(height - all)\" width=\"\(bar)\" height=\"\(all)\" rx=\"2\" class=\"\(quarter.encounters == 0 ? "empty" : "bar")\">"
                + "<title>\(HTML.escape(quarter.name)): \(quarter.encounters), \(share)%</title></rect>"
            if external > 0 {
                svg +=
                    "<rect x=\"\(x)\" y=\"\(height - external)\" width=\"\(bar)\" height=\"\(external)\" rx=\"2\" class=\"external\"/>"
            }
            if quarter.encounters > 0 {
                svg += "<text x=\"\(x + bar / 2)\" y=\"\(height - all - 3)\" class=\"n\">\(share)%</text>"
            }
            svg += "<text x=\"\(x + bar / 2)\" y=\"\(height + 14)\">\(HTML.escape(String(quarter.name.suffix(2))))</text>"
            if quarter.name.hasSuffix("Q1") || index == 0 {
                svg +=
                    "<text x=\"\(x + bar / 2)\" y=\"\(height + 30)\" class=\"y\">\(HTML.escape(String(quarter.name.prefix(4))))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Per circle, the share on cadence at the end of each of the last twelve months.
    static func cadence(
        _ months: [(month: Day, shares: [NetworkInsights.CadenceShare])], circles: [String], label: String
    ) -> String {
        let cell = 16
        let gap = 3
        let labelWidth = 90
        let width = labelWidth + 12 * (cell + gap)
        let height = max(1, circles.count) * (cell + gap) + 16
        var svg =
            "<svg class=\"cadence\" width=\"\(width * 3 / 2)\" height=\"\(height * 3 / 2)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
        let keys = months.first?.shares.map(\.circle) ?? []
        for (row, circle) in circles.enumerated() {
            let y = row * (cell + gap)
            svg += "<text x=\"0\" y=\"\(y + cell - 4)\" class=\"label\">\(HTML.escape(circle))</text>"
            for (column, month) in months.enumerated() {
                let key = row < keys.count ? keys[row] : ""
                let share = month.shares.first { $0.circle == key }
                let percent = share.map { $0.total == 0 ? 0 : $0.onCadence * 100 / $0.total } ?? 0
                let level = min(4, percent / 25)
                svg +=
                    "<rect x=\"\(labelWidth + column * (cell + gap))\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" rx=\"2\" class=\"l\(level)\">"
                    + "<title>\(month.month.year)-\(month.month.month < 10 ? "0" : "")\(month.month.month): \(percent)%</title></rect>"
            }
        }
        return svg + "</svg>"
    }
}
