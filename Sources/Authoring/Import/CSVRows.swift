import CSV
import Foundation
import Index
import Support

/// The rows of a CSV export after its header line, each with the 1-based line it starts on
/// (a quoted field may span lines), read by CSV.swift.
struct CSVRows {
    /// The header's names, trimmed.
    let header: [String]
    /// Each row's fields by header name, and its line.
    let rows: [(line: Int, fields: [String: String])]
    /// The 1-based line of the header.
    let headerLine: Int

    /// Reads `text` from the first line whose fields include every name of `required`: exports
    /// put notes before the header (LinkedIn's `Notes:`). Nil when no line has them.
    init?(_ text: String, headerWith required: [String]) throws(ImportFormatError) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Split on the byte: "\r\n" is one Character, which a split on "\n" would not find.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        var headerIndex: Int?
        for (index, line) in lines.prefix(50).enumerated() {
            let names = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\r")) }
            if required.allSatisfy(names.contains) {
                headerIndex = index
                break
            }
        }
        guard let headerIndex else { return nil }
        let rest = lines[headerIndex...].joined(separator: "\n")
        let reader: CSVReader
        do {
            reader = try CSVReader(string: rest, hasHeaderRow: false)
        } catch {
            throw ImportFormatError("not CSV: \(error)", at: SourceLocation(path: "", line: headerIndex + 1))
        }
        var line = headerIndex + 1
        var header: [String]?
        var rows: [(Int, [String: String])] = []
        while let row = reader.next() {
            let start = line
            line += 1 + row.reduce(0) { $0 + $1.utf8.count { $0 == 0x0A } }
            guard let names = header else {
                header = row.map(\.trimmed)
                continue
            }
            if row.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            var fields: [String: String] = [:]
            for (name, value) in zip(names, row) where fields[name] == nil {
                fields[name] = value.trimmed
            }
            rows.append((start, fields))
        }
        if let error = reader.error {
            throw ImportFormatError(
                "the CSV cannot be read after line \(line): \(error)", at: SourceLocation(path: "", line: line))
        }
        self.header = header ?? []
        self.rows = rows
        self.headerLine = headerIndex + 1
    }
}

extension [String: String] {
    /// The field, nil when missing or empty.
    func value(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
