/// A name in a tag, split once when the template is compiled: `.` (the current item), a dotted
/// path (`page.root`), or one of the theme functions applied to one (`empty(roles)`, `last()`).
struct Name: Sendable, Hashable {
    /// The parts of the path; empty for `.`.
    var path: [String]
    var function: Function?

    init(path: [String], function: Function? = nil) {
        self.path = path
        self.function = function
    }

    /// Reads the text of a tag as a name, or says what is wrong with it.
    static func parse(_ text: String) throws(NameError) -> Name {
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            let functionName = String(text[..<open]).trimmingWhitespace()
            guard let function = Function(rawValue: functionName) else { throw .unknownFunction(functionName) }
            let argument = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingWhitespace()
            return Name(path: argument.isEmpty ? [] : path(of: argument), function: function)
        }
        return Name(path: path(of: text))
    }

    private static func path(of text: String) -> [String] {
        text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    enum NameError: Error {
        case unknownFunction(String)
    }
}

/// The functions a template may apply to a name: what the built-in theme needs beyond plain
/// Mustache (docs/THEMES.md). `first()`, `last()`, `index()`, `even()` and `odd()` take no name
/// and tell where the innermost list section is.
enum Function: String, Sendable, CaseIterable {
    /// True for a missing name, null, false, an empty list or empty text.
    case empty
    /// The number of items of a list, characters of a text or entries of a map; 0 otherwise.
    case count
    case first, last, index, even, odd
    /// A list in the other order.
    case reversed
    case uppercased, lowercased, capitalized

    /// The name nearest to `name`, for a "did you mean".
    static func nearest(to name: String) -> String? {
        let candidates = allCases.map(\.rawValue)
        let scored = candidates.map { ($0, distance(name.lowercased(), $0)) }.filter { $0.1 <= max(2, name.count / 3) }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64))
        let b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
