/// The problems of references, each worded once: a field's reference, an org's name and a wiki
/// link say the same thing the same way.
public extension Diagnostic {
    /// A reference that names nothing: `unknown contact 'Charls Babbage' in 'with' (did you mean
    /// 'charles-babbage'?)`.
    static func unknownReference(
        _ text: String, kind: String, in key: String? = nil, suggestion: String?, at location: SourceLocation
    ) -> Diagnostic {
        .warning(
            .unknownReference, "unknown \(kind) '\(text)'\(key.map { " in '\($0)'" } ?? "")\(Suggestion.clause(suggestion))",
            at: location)
    }

    /// A reference that names several records: `'Ada' in 'with' names 2 contacts: 'ada-king',
    /// 'ada-lovelace'; write the slug of the one you mean`.
    static func ambiguousReference(
        _ text: String, in key: String? = nil, names candidates: [String], of noun: String, write form: String = "the slug",
        at location: SourceLocation
    ) -> Diagnostic {
        let listed = candidates.map { "'\($0)'" }.joined(separator: ", ")
        return .error(
            .ambiguousReference,
            "'\(text)'\(key.map { " in '\($0)'" } ?? "") names \(candidates.count) \(noun): \(listed); write \(form) of the one you mean",
            at: location)
    }

    /// A record that names itself: the reference is left out.
    static func selfReference(_ text: String, in key: String, kind: RecordKind, at location: SourceLocation) -> Diagnostic {
        .warning(.selfReference, "'\(text)' in '\(key)' is this \(kind.rawValue) itself; it is left out", at: location)
    }
}
