/// The compiled templates of a theme, each partial and parent name resolved to a template once.
public struct TemplateLibrary: Sendable {
    let templates: [CompiledTemplate]
    /// For each template, the template each of its `includes` names; nil for a name no template
    /// has (which renders as nothing, as the spec says).
    let targets: [[Int?]]
    private let numbers: [String: Int]

    public init(_ templates: [String: CompiledTemplate]) {
        let sorted = templates.sorted { $0.key < $1.key }
        var numbers: [String: Int] = [:]
        for (number, name) in sorted.map(\.key).enumerated() { numbers[name] = number }
        self.templates = sorted.map(\.value)
        self.targets = self.templates.map { template in template.includes.map { numbers[$0.name] } }
        self.numbers = numbers
    }

    func number(of name: String) -> Int? { numbers[name] }

    /// What rendering one page gave: the bytes, and whether partials went deeper than
    /// `TemplateLimits.inclusionDepth` or more often than `TemplateLimits.inclusions` (those
    /// were left out).
    public struct Rendering: Sendable {
        public var bytes: [UInt8]
        public var tooDeep: Bool
    }

    /// The template `name` rendered with `value`; nil when there is no such template.
    public func render(_ name: String, _ value: Value) -> Rendering? {
        guard let number = numbers[name] else { return nil }
        var renderer = Renderer(library: self, root: value)
        renderer.include(number, indent: nil)
        return Rendering(bytes: renderer.output, tooDeep: renderer.tooDeep)
    }
}
