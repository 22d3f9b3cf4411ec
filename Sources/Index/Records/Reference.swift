/// A name in one record that points at another: `with: [Ada]`, `org: Acme`, `met_via: bob`.
///
/// Parsing keeps the text as written and where it was written; linking fills in `target`, the
/// slug of the record it names, or leaves it nil when it names nothing (a warning) or several
/// records (an error).
public struct Reference: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    public var target: String?

    public init(_ text: String, at location: SourceLocation, target: String? = nil) {
        self.text = text
        self.location = location
        self.target = target
    }
}

/// An Obsidian-style link in a body: `[[slug]]`, `[[Name]]` or `[[slug|shown text]]`.
public struct WikiLink: Hashable, Sendable {
    /// The part before `|` (and before any `#heading`), as written.
    public var text: String
    /// The part after `|`, if any.
    public var label: String?
    public var location: SourceLocation
    /// The record linked to, once linking found exactly one.
    public var target: RecordID?

    public init(_ text: String, label: String? = nil, at location: SourceLocation, target: RecordID? = nil) {
        self.text = text
        self.label = label
        self.location = location
        self.target = target
    }
}
