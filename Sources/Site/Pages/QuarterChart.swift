import Index

/// Published items per quarter as an inline SVG bar chart: the rhythm of publishing at a glance.
struct QuarterChart {
    let publications: [Publication]
    let today: Day
    let label: String

    /// The last `quarters` quarters up to today's, or from the first publication if that is later.
    func svg(quarters: Int = 16) -> String {
        let dated = publications.filter { $0.status == .published }.compactMap(\.date)
        let current = today.year * 4 + (today.month - 1) / 3
        // Items dated after today's quarter are left out: the chart ends today.
        let first = min(current, max(current - quarters + 1, dated.map { $0.year * 4 + ($0.month - 1) / 3 }.min() ?? current))
        var counts = [Int](repeating: 0, count: current - first + 1)
        for day in dated {
            let index = day.year * 4 + (day.month - 1) / 3 - first
            if counts.indices.contains(index) { counts[index] += 1 }
        }
        let most = max(1, counts.max() ?? 1)
        let bar = 22
        let gap = 6
        let top = 14  // room for the count above the tallest bar
        let height = 90
        let width = counts.count * (bar + gap)
        // Drawn at its natural size: a few quarters must not be blown up to the page's width.
        var svg =
            "<svg class=\"quarters\" width=\"\(width * 3 / 2)\" height=\"\((top + height + 34) * 3 / 2)\" "
            + "viewBox=\"0 \(-top) \(width) \(top + height + 34)\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
        for (index, count) in counts.enumerated() {
            let quarter = first + index
            let year = quarter / 4
            let q = quarter % 4 + 1
            let x = index * (bar + gap)
            let h = count == 0 ? 1 : max(4, count * height / most)
            svg +=
                "<rect x=\"\(x)\" y=\"\(height - h)\" width=\"\(bar)\" height=\"\(h)\" rx=\"2\" class=\"\(count == 0 ? "empty" : "bar")\">"
                + "<title>\(year) Q\(q): \(count)</title></rect>"
            if count > 0 { svg += "<text x=\"\(x + bar / 2)\" y=\"\(height - h - 3)\" class=\"n\">\(count)</text>" }
            svg += "<text x=\"\(x + bar / 2)\" y=\"\(height + 14)\">Q\(q)</text>"
            if q == 1 || index == 0 { svg += "<text x=\"\(x + bar / 2)\" y=\"\(height + 30)\" class=\"y\">\(year)</text>" }
        }
        return svg + "</svg>"
    }
}
