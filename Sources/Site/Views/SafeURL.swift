import Foundation
import Support

/// Decides which addresses written in the journal may become links.
///
/// Escaping stops a value from breaking out of an attribute, but `javascript:` in an `href`
/// would still run: only web, mail and phone addresses become links; anything else is shown
/// as text.
enum SafeURL {
    static func href(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        for scheme in ["https://", "http://", "mailto:", "tel:"] where lower.hasPrefix(scheme) {
            return trimmed.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0.isWhitespace && $0 != " " })
                ? nil : trimmed.replacingOccurrences(of: " ", with: "%20")
        }
        return nil
    }

    static func mail(_ address: String) -> String? { href("mailto:" + address) }

    static func phone(_ number: String) -> String? {
        href("tel:" + number.filter { $0.isNumber || $0 == "+" })
    }
}
