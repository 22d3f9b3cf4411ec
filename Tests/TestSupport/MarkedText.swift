/// Test input with numbered markers (1️⃣, 2️⃣, …) where a diagnostic is expected, the way
/// swift-format's tests mark findings.
///
/// `text` is the input without the markers; `location(of:)` gives the 1-based line and column,
/// in Unicode scalars, that the marker stood at.
public struct MarkedText {
    public let text: String
    private let markers: [String: (line: Int, column: Int)]

    public init(_ marked: String) {
        var text = ""
        var markers: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if ("0"..."9").contains(s), i + 2 < scalars.count, scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}" {
                markers[String(s)] = (line, column)
                i += 3
                continue
            }
            text.unicodeScalars.append(s)
            if s == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        self.text = text
        self.markers = markers
    }

    /// The position of marker `n` (the digit of 1️⃣, 2️⃣, …).
    public func location(of marker: Int) -> (line: Int, column: Int) {
        guard let found = markers[String(marker)] else { fatalError("no marker \(marker) in test input") }
        return found
    }
}
