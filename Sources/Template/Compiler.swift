/// Turns a template's tokens into instructions: matches sections, resolves names, removes the
/// indentation of standalone blocks (added back where they are rendered), and drops what a
/// parent tag holds besides blocks.
struct Compiler {
    private(set) var ops: [CompiledTemplate.Op] = []
    private(set) var includes: [CompiledTemplate.Include] = []

    private struct Open {
        var tag: Lexer.Tag
        var op: Int
        /// Inside a parent but not in one of its blocks: nothing here renders.
        var skipped: Bool
        var name: Name?
        var include = 0
        var blocks: [(name: String, body: Range<Int>)] = []
    }
    private var stack: [Open] = []
    /// The number of instructions when the last text was added: text that follows it directly
    /// joins it, but never across the end of a section.
    private var textEnds = -1

    mutating func compile(_ tokens: [Lexer.Token]) throws(TemplateError) {
        var tokens = tokens
        Compiler.dedentBlocks(&tokens)
        for token in tokens {
            let skipping = stack.last.map { $0.skipped || $0.tag.kind == .parent } ?? false
            switch token {
            case .text(let bytes):
                if skipping { continue }
                if textEnds == ops.count, case .text(let previous)? = ops.last {
                    ops[ops.count - 1] = .text(previous + bytes)
                } else {
                    ops.append(.text(bytes))
                }
                textEnds = ops.count
            case .lineStart:
                if !skipping { ops.append(.lineStart) }
            case .tag(let tag):
                try compile(tag, skipping: skipping)
                textEnds = -1
            }
        }
        if let open = stack.last {
            throw TemplateError(
                line: open.tag.line, column: open.tag.column,
                message:
                    "\(open.tag.kind == .parent ? "parent" : open.tag.kind == .block ? "block" : "section") '\(open.tag.name)' is never closed"
            )
        }
    }

    private func name(_ tag: Lexer.Tag) throws(TemplateError) -> Name {
        switch Result(catching: { () throws(Name.NameError) -> Name in try Name.parse(tag.name) }) {
        case .success(let name): return name
        case .failure(.unknownFunction(let function)):
            let suggestion = Function.nearest(to: function).map { " (did you mean '\($0)'?)" } ?? ""
            throw TemplateError(
                line: tag.line, column: tag.column,
                message: "unknown function '\(function)'\(suggestion); the functions are "
                    + Function.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    private mutating func compile(_ tag: Lexer.Tag, skipping: Bool) throws(TemplateError) {
        switch tag.kind {
        case .comment, .delimiters:
            return
        case .variable, .unescaped:
            if !skipping { ops.append(.value(try name(tag), escaped: tag.kind == .variable)) }
        case .partial:
            if skipping { return }
            if tag.name.hasPrefix("*") {
                ops.append(.dynamicPartial(Name(path: Compiler.dynamicPath(tag.name)), indent: tag.indent))
            } else {
                includes.append(.init(name: tag.name, line: tag.line, column: tag.column))
                ops.append(.partial(include: includes.count - 1, indent: tag.indent))
            }
        case .section, .inverted, .parent, .block:
            guard stack.count < TemplateLimits.nesting else {
                throw TemplateError(
                    line: tag.line, column: tag.column,
                    message: "sections nested more than \(TemplateLimits.nesting) deep")
            }
            // A block directly inside a parent is the content given to it; anything else there
            // is skipped, as the spec says.
            let parentOpen = stack.last.map { $0.tag.kind == .parent && !$0.skipped } ?? false
            let skipped = skipping && !(parentOpen && tag.kind == .block)
            var open = Open(tag: tag, op: ops.count, skipped: skipped)
            if skipped {
                stack.append(open)
                return
            }
            switch tag.kind {
            case .section, .inverted: open.name = try name(tag)
            case .parent:
                if tag.name.hasPrefix("*") {
                    open.name = Name(path: Compiler.dynamicPath(tag.name))
                } else {
                    includes.append(.init(name: tag.name, line: tag.line, column: tag.column))
                    open.include = includes.count - 1
                }
            default: break
            }
            stack.append(open)
            ops.append(.lineStart)  // a placeholder, replaced when the tag is closed
        case .close:
            guard let open = stack.popLast() else {
                throw TemplateError(line: tag.line, column: tag.column, message: "'/\(tag.name)' closes no section")
            }
            guard open.tag.name == tag.name else {
                // Closing a section around it means this one was never closed: say so where it opens.
                if stack.contains(where: { $0.tag.name == tag.name }) {
                    throw TemplateError(
                        line: open.tag.line, column: open.tag.column,
                        message:
                            "section '\(open.tag.name)' is never closed ('/\(tag.name)' at \(tag.line):\(tag.column) closes the one around it)"
                    )
                }
                throw TemplateError(
                    line: tag.line, column: tag.column,
                    message:
                        "'/\(tag.name)' closes no open section; the section open here is '\(open.tag.name)', opened at \(open.tag.line):\(open.tag.column)"
                )
            }
            if open.skipped { return }
            let end = ops.count
            switch open.tag.kind {
            case .section: ops[open.op] = .section(open.name ?? Name(path: []), end: end)
            case .inverted: ops[open.op] = .inverted(open.name ?? Name(path: []), end: end)
            case .block:
                ops[open.op] = .block(open.tag.name, end: end, indent: open.tag.indent)
                if let index = stack.indices.last, stack[index].tag.kind == .parent, !stack[index].skipped {
                    stack[index].blocks.append((open.tag.name, (open.op + 1)..<end))
                }
            case .parent:
                ops[open.op] = .parent(
                    include: open.include, dynamic: open.name, blocks: open.blocks, indent: open.tag.indent, end: end)
            default: break
            }
        }
    }

    /// `*name` → the path of `name`: the partial is the one the context names.
    private static func dynamicPath(_ text: String) -> [String] {
        let name = String(text.dropFirst()).trimmingWhitespace()
        return name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Removes from each line of a standalone block's content the indentation its lines have in
    /// common, and sets the block's indentation to it (or, when there is none, to the white space
    /// before the tag): content is indented where it is rendered, not where it was written.
    static func dedentBlocks(_ tokens: inout [Lexer.Token]) {
        // Where each block closes, found once.
        var closing: [Int: Int] = [:]
        var opened: [Int] = []
        for (position, token) in tokens.enumerated() {
            guard case .tag(let tag) = token else { continue }
            switch tag.kind {
            case .section, .inverted, .parent, .block: opened.append(position)
            case .close: if let open = opened.popLast() { closing[open] = position }
            default: break
            }
        }
        for position in tokens.indices {
            guard case .tag(var tag) = tokens[position], tag.kind == .block, let indent = tag.indent,
                let end = closing[position]
            else { continue }
            // The first text of each line of the content.
            var firstTexts: [Int] = []
            var index = position + 1
            while index < end {
                if case .lineStart = tokens[index] {
                    if index + 1 < end, case .text = tokens[index + 1] {
                        firstTexts.append(index + 1)
                    } else {
                        firstTexts.append(-1)
                    }
                }
                index += 1
            }
            var common: [UInt8]?
            for text in firstTexts {
                guard text >= 0, case .text(let bytes) = tokens[text] else {
                    common = []
                    break
                }
                let leading = Array(bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
                if leading.count == bytes.count || bytes.dropFirst(leading.count).first == UInt8(ascii: "\n")
                    || bytes.dropFirst(leading.count).first == UInt8(ascii: "\r")
                {
                    continue  // a blank line says nothing of the indentation
                }
                common = common.map { Array(zip($0, leading).prefix { $0 == $1 }.map(\.0)) } ?? leading
            }
            let removed = common ?? []
            if !removed.isEmpty {
                for text in firstTexts where text >= 0 {
                    guard case .text(let bytes) = tokens[text] else { continue }
                    var cut = 0
                    while cut < removed.count, cut < bytes.count, bytes[cut] == removed[cut] { cut += 1 }
                    tokens[text] = .text(Array(bytes.dropFirst(cut)))
                }
            }
            tag.indent = removed.isEmpty ? indent : removed
            tokens[position] = .tag(tag)
        }
    }
}
