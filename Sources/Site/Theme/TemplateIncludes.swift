import Foundation
import Index

/// Which templates of a theme include which (`{{> partial}}`, `{{< parent}}`), read from their
/// text, to find a template that includes itself before rendering recurses without end.
///
/// Tags are found as Mustache finds them, set-delimiter tags (`{{=<% %>=}}`) included.
struct TemplateIncludes {
    /// Template name (without `.mustache`) → the templates it includes, with where each tag stands.
    private var edges: [String: [(target: String, location: SourceLocation)]] = [:]

    init(_ files: [String: Data]) {
        for (file, data) in files {
            let name = String(file.dropLast(".mustache".count))
            edges[name] = TemplateIncludes.includes(in: Array(data), file: "theme/" + file)
        }
    }

    /// A cycle through one of the templates named in `own` (file names), as the names along it
    /// (first and last the same) and the place of the first tag; nil when there is none.
    func cycle(through own: Set<String>) -> (names: [String], location: SourceLocation)? {
        for file in own.sorted() where file.hasSuffix(".mustache") {
            let start = String(file.dropLast(".mustache".count))
            // Depth-first, with an explicit stack: a theme is small, but nothing here recurses.
            var stack: [(name: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            var done: Set<String> = []
            while var top = stack.popLast() {
                let targets = edges[top.name] ?? []
                guard top.next < targets.count else {
                    onPath.remove(top.name)
                    done.insert(top.name)
                    continue
                }
                let target = targets[top.next].target
                top.next += 1
                stack.append(top)
                if target == start {
                    let names = stack.map(\.name) + [start]
                    return (names, edges[start]?[stack[0].next - 1].location ?? SourceLocation(path: "theme/" + file))
                }
                if !onPath.contains(target), !done.contains(target), edges[target] != nil {
                    onPath.insert(target)
                    stack.append((target, 0))
                }
            }
        }
        return nil
    }

    /// The partial and parent tags of one template, in order.
    static func includes(in bytes: [UInt8], file: String) -> [(target: String, location: SourceLocation)] {
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var found: [(String, SourceLocation)] = []
        var index = 0
        var line = 1
        var lineStart = 0
        func matches(_ token: [UInt8], at position: Int) -> Bool {
            position + token.count <= bytes.count && bytes[position..<position + token.count].elementsEqual(token)
        }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let tagStart = index
            var end = index + open.count
            while end < bytes.count, !matches(close, at: end) { end += 1 }
            guard end < bytes.count else { break }
            let inner = bytes[(tagStart + open.count)..<end]
            let text = String(decoding: inner, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let closeLength = close.count
            if let sigil = text.first, sigil == ">" || sigil == "<" {
                let target = text.dropFirst().trimmingCharacters(in: .whitespaces)
                let column = bytes[lineStart..<tagStart].count { $0 & 0xC0 != 0x80 } + 1
                found.append((target, SourceLocation(path: file, line: line, column: column)))
            } else if text.hasPrefix("="), text.hasSuffix("="), text.count > 2 {
                let delimiters = text.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 {
                    open = Array(delimiters[0].utf8)
                    close = Array(delimiters[1].utf8)
                }
            }
            // Lines inside the tag still count.
            for position in tagStart..<end where bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            index = end + closeLength
        }
        return found
    }
}
