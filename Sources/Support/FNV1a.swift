/// FNV-1a over a text's UTF-8, as 16 hex digits: names that stay the same for the same text
/// on every machine and every run (calendar UIDs, feed entry ids), with no clock and no randomness.
public enum FNV1a {
    public static func hex(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
