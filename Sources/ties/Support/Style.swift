import Foundation
import Support

/// ANSI colour for terminal output, or none when the output is piped or NO_COLOR is set.
struct Style {
    let enabled: Bool

    static var standardOutput: Style { Style(enabled: Terminal.colorOnStandardOutput) }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\(Terminal.colorEscape)[\(code)m\(text)\(Terminal.colorEscape)[0m" : text
    }
}

/// Pads to a width in terminal columns, so names with umlauts or in CJK scripts line up.
func padded(_ text: String, _ width: Int) -> String {
    let columns = displayWidth(text)
    return columns >= width ? text : text + String(repeating: " ", count: width - columns)
}

/// Terminal columns a text takes: East Asian wide characters take two.
func displayWidth(_ text: String) -> Int {
    // Most names are ASCII: a column each, without asking each scalar's properties.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
    return text.unicodeScalars.reduce(0) { total, scalar in
        let v = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark { return total }
        let wide =
            (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        return total + (wide ? 2 : 1)
    }
}

/// JSON with sorted keys and no escaped slashes: stable output for scripts and tests.
func jsonText<T: Encodable>(_ value: T) -> String { JSONText.encode(value) }
