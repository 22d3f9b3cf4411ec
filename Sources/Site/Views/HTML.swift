/// Escaping for the few strings the Swift side writes into HTML itself (the heatmap, the search
/// index); templates escape everything else.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `escape`, less the characters XML 1.0 does not allow even as references (C0 controls
    /// but tab and line ends, U+FFFE, U+FFFF): one of them from the journal would make a feed
    /// that no reader parses.
    public static func escapeXML(_ text: String) -> String {
        escape(String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowedInXML))))
    }

    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
