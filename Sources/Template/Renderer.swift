/// Runs compiled templates: one per page, writing UTF-8 bytes into one buffer.
struct Renderer {
    let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    private(set) var tooDeep = false
    /// The context stack: the page's value at the bottom, each section's value above it.
    private var stack: [Value]
    /// Where the innermost list sections are: item and count.
    private var positions: [(index: Int, count: Int)] = []
    /// What each line of template text starts with: the indentation of the standalone
    /// partials, parents and blocks being rendered.
    private var indentation: [UInt8] = []
    /// The blocks given by each parent call being rendered, outermost first: the outermost
    /// template's content for a block wins.
    private var blockFrames: [[(name: String, template: Int, body: Range<Int>)]] = []
    private var depth = 0
    private var inclusions = 0

    init(library: TemplateLibrary, root: Value) {
        self.library = library
        stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    /// Renders template `number`, indented by `indent` when it stands alone on its line; a
    /// partial that does not stand alone starts mid-line and is not indented.
    mutating func include(_ number: Int, indent: [UInt8]?) {
        guard depth < TemplateLimits.inclusionDepth, inclusions < TemplateLimits.inclusions else {
            tooDeep = true
            return
        }
        depth += 1
        inclusions += 1
        let saved = indentation
        if let indent { indentation += indent } else { indentation = [] }
        run(number, 0..<library.templates[number].ops.count)
        indentation = saved
        depth -= 1
    }

    private mutating func run(_ number: Int, _ range: Range<Int>) {
        let template = library.templates[number]
        var position = range.lowerBound
        while position < range.upperBound {
            switch template.ops[position] {
            case .text(let bytes):
                output.append(contentsOf: bytes)
                position += 1
            case .lineStart:
                if !indentation.isEmpty { output.append(contentsOf: indentation) }
                position += 1
            case .value(let name, let escaped):
                write(resolve(name), escaped: escaped)
                position += 1
            case .section(let name, let end):
                let value = resolve(name)
                if case .list(let items) = value {
                    for (index, item) in items.enumerated() {
                        stack.append(item)
                        positions.append((index, items.count))
                        run(number, (position + 1)..<end)
                        positions.removeLast()
                        stack.removeLast()
                    }
                } else if value == .bool(true) {
                    run(number, (position + 1)..<end)  // true is no context: `.` stays what it was
                } else if let value, value.isTruthy {
                    stack.append(value)
                    run(number, (position + 1)..<end)
                    stack.removeLast()
                }
                position = end
            case .inverted(let name, let end):
                if !(resolve(name)?.isTruthy ?? false) { run(number, (position + 1)..<end) }
                position = end
            case .partial(let include, let indent):
                if let target = library.targets[number][include] { self.include(target, indent: indent) }
                position += 1
            case .dynamicPartial(let name, let indent):
                if case .text(let partial)? = resolve(name), let target = library.number(of: partial) {
                    include(target, indent: indent)
                }
                position += 1
            case .parent(let include, let dynamic, let blocks, let indent, let end):
                let target: Int?
                if let dynamic {
                    if case .text(let parent)? = resolve(dynamic) { target = library.number(of: parent) } else { target = nil }
                } else {
                    target = library.targets[number][include]
                }
                if let target {
                    blockFrames.append(blocks.map { ($0.name, number, $0.body) })
                    self.include(target, indent: indent)
                    blockFrames.removeLast()
                }
                position = end
            case .block(let name, let end, let indent):
                let given = given(name)
                let saved = indentation
                if let indent {
                    indentation += indent
                } else if given != nil {
                    indentation = []
                }
                if let given {
                    run(given.template, given.body)
                } else {
                    run(number, (position + 1)..<end)
                }
                indentation = saved
                position = end
            }
        }
    }

    /// The content the outermost parent call gave for block `name`.
    private func given(_ name: String) -> (template: Int, body: Range<Int>)? {
        for frame in blockFrames {
            for block in frame where block.name == name { return (block.template, block.body) }
        }
        return nil
    }

    /// The value a name means here: its first part looked up from the innermost section out,
    /// the others inside what that found.
    private func resolve(_ name: Name) -> Value? {
        var value: Value?
        if let first = name.path.first {
            for context in stack.reversed() {
                if case .map(let fields) = context, let found = fields[first] {
                    value = found
                    break
                }
            }
            for part in name.path.dropFirst() {
                guard let current = value else { break }
                value = current[part]
            }
        } else {
            value = stack.last
        }
        guard let function = name.function else { return value }
        return apply(function, to: value)
    }

    private func apply(_ function: Function, to value: Value?) -> Value? {
        switch function {
        case .empty: return .bool(!(value?.isTruthy ?? false))
        case .count:
            switch value {
            case .list(let items)?: return .int(items.count)
            case .text(let text)?: return .int(text.count)
            case .map(let fields)?: return .int(fields.count)
            default: return .int(0)
            }
        case .first: return .bool(positions.last.map { $0.index == 0 } ?? false)
        case .last: return .bool(positions.last.map { $0.index == $0.count - 1 } ?? false)
        case .index: return positions.last.map { .int($0.index) }
        case .even: return .bool(positions.last.map { $0.index % 2 == 0 } ?? false)
        case .odd: return .bool(positions.last.map { $0.index % 2 == 1 } ?? false)
        case .reversed:
            if case .list(let items)? = value { return .list(items.reversed()) }
            return value
        case .uppercased:
            if case .text(let text)? = value { return .text(text.uppercased()) }
            return value
        case .lowercased:
            if case .text(let text)? = value { return .text(text.lowercased()) }
            return value
        case .capitalized:
            if case .text(let text)? = value { return .text(text.prefix(1).uppercased() + text.dropFirst()) }
            return value
        }
    }

    private mutating func write(_ value: Value?, escaped: Bool) {
        switch value {
        case .text(var text)?:
            if escaped { text.withUTF8 { appendEscaped($0) } } else { text.withUTF8 { output.append(contentsOf: $0) } }
        case .int(let number)?: output.append(contentsOf: String(number).utf8)
        case .double(let number)?:
            let text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            output.append(contentsOf: text.utf8)
        case .bool(let truth)?: output.append(contentsOf: (truth ? "true" : "false").utf8)
        case .null?, .list?, .map?, nil: break
        }
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
}
