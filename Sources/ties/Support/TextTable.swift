/// Rows printed as aligned columns: each column as wide as its widest cell in terminal columns
/// (East Asian wide characters count two), the last cell of a row never padded, so no line
/// ends in spaces.
import Index
import Support

struct TextTable {
    /// One cell: its text, and how it is styled once padded (colour codes take no columns).
    struct Cell {
        var text: String
        var style: (String) -> String = { $0 }
    }

    var rows: [[Cell]] = []
    /// The widest a column grows; a longer cell pushes the rest of its row right.
    var maxWidth = 40

    /// Cells hold the journal's values: each is shown on its one line (`TerminalText.inline`).
    mutating func add(_ cells: [Cell]) {
        rows.append(cells.map { Cell(text: TerminalText.inline($0.text), style: $0.style) })
    }
    mutating func add(_ texts: String...) { rows.append(texts.map { Cell(text: TerminalText.inline($0)) }) }

    /// The lines, each starting with `indent`, columns two spaces apart.
    func lines(indent: String = "  ") -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if widths.count <= index { widths.append(0) }
                widths[index] = max(widths[index], min(maxWidth, displayWidth(cell.text)))
            }
        }
        return rows.map { row in
            // Empty cells at the end add nothing, not even their padding.
            let used = row.lastIndex { !$0.text.isEmpty }.map { row[...$0] } ?? []
            let cells = used.enumerated().map { index, cell in
                cell.style(index == used.count - 1 ? cell.text : padded(cell.text, widths[index]))
            }
            return indent + cells.joined(separator: "  ")
        }
    }
}
