/// A problem in a template's text, at the 1-based line and column (in characters) where it is.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// How far templates may go, so that no theme can exhaust the stack or loop for ever.
public enum TemplateLimits {
    /// Sections, blocks and parents nested inside one another in one template.
    public static let nesting = 100
    /// Partials and parents rendered inside one another while rendering one page: a template
    /// that includes itself through data (`{{#page}}{{>self}}{{/page}}`) stops here.
    public static let inclusionDepth = 64
    /// Partials and parents rendered for one page in all: templates that include one another
    /// twice at every level would otherwise take exponential time within the depth limit.
    public static let inclusions = 10_000_000
}
