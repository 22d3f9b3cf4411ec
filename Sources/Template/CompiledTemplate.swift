/// A template compiled once: a flat list of instructions, sections pointing at where they end,
/// so that rendering is a loop that writes bytes.
public struct CompiledTemplate: Sendable {
    enum Op: Sendable {
        case text([UInt8])
        /// The start of a line of the template: the current indentation goes here.
        case lineStart
        case value(Name, escaped: Bool)
        /// The instructions up to `end` once, or once per item of a list.
        case section(Name, end: Int)
        case inverted(Name, end: Int)
        /// The partial named in `includes[include]`; `indent` when it stands alone on its line.
        case partial(include: Int, indent: [UInt8]?)
        case dynamicPartial(Name, indent: [UInt8]?)
        /// A parent template, with the blocks given to it: each a name and the instructions of
        /// its content in this template.
        case parent(include: Int, dynamic: Name?, blocks: [(name: String, body: Range<Int>)], indent: [UInt8]?, end: Int)
        /// A block: the content a parent call gave it, or its own up to `end`. `indent` (when it
        /// stands alone on its line) indents that content, whose own indentation was removed.
        case block(String, end: Int, indent: [UInt8]?)
    }

    let ops: [Op]

    /// A partial or parent this template names, where its tag stands.
    public struct Include: Sendable, Equatable {
        public var name: String
        public var line: Int
        public var column: Int
    }

    /// The partials and parents named, in order of their tags (dynamic names not included).
    public let includes: [Include]

    /// Compiles `source`, or throws the first problem in it, located.
    public init(_ source: String) throws(TemplateError) {
        var compiler = Compiler()
        try compiler.compile(Lexer.tokens(of: Array(source.utf8)))
        ops = compiler.ops
        includes = compiler.includes
    }
}
