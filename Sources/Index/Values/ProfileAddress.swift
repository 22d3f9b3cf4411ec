import Support

/// A profile or web address as one person has it, whichever way it is written: what tells two
/// contacts of one name apart, and what an import matches a row by.
package enum ProfileAddress {
    /// The host of a normalised address: `linkedin.com` of `linkedin.com/in/ada`.
    package static func site(_ address: String) -> Substring { address.prefix { $0 != "/" } }

    /// `https://de.linkedin.com/in/jonas-mueller/en/` and `linkedin.com/in/jonas-mueller` are one
    /// address: no scheme, no `www.`, no query or trailing slash, and for linkedin.com no
    /// country sub-domain or locale path.
    package static func normalised(_ url: String) -> String {
        var text = url.trimmed.lowercased()
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text.removeFirst(scheme.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<query]) }
        while text.hasSuffix("/") { text.removeLast() }
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let host = parts.first, host.hasSuffix(".linkedin.com") || host == "linkedin.com" {
            parts[0] = "linkedin.com"
            // /in/<name>/<locale>: a locale such as `de` or `en-us` after the profile's name.
            if parts.count == 4, parts[1] == "in", parts[3].count <= 5,
                parts[3].allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" })
            {
                parts.removeLast()
            }
        }
        return parts.joined(separator: "/")
    }
}
