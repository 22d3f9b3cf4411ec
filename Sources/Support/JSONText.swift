import Foundation

/// JSON as ties writes it for scripts and feeds: sorted keys, no escaped slashes, indented, the
/// same bytes for the same value.
public enum JSONText {
    /// `value` as JSON text ending in a line break.
    ///
    /// A number JSON cannot hold (NaN, infinity) is written as a string (`"NaN"`) rather than
    /// failing the whole document: Foundation's encoder would otherwise throw, and a command's
    /// output would be empty. Values of ties' own types encode nothing else that can fail; if
    /// one ever did, this says so instead of printing `{}`.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("a value of ties could not be written as JSON: \(error)")
        }
    }
}
