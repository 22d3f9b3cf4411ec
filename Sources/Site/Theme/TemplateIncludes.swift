import Index
import Template

/// Which templates of a theme include which (`{{> partial}}`, `{{< parent}}`), as the compiler
/// found them, to find a template that includes itself before rendering recurses.
///
/// Every include counts, even one inside a section: a template that includes itself only
/// through data would still stop at `TemplateLimits.inclusionDepth`, but a theme's own templates
/// have no reason to, and the built-in one is the better page.
struct TemplateIncludes {
    /// Template name → the templates it includes, with where each tag stands.
    private let edges: [String: [CompiledTemplate.Include]]

    init(_ templates: [String: CompiledTemplate]) {
        edges = templates.mapValues(\.includes)
    }

    /// A cycle through one of the templates named in `own`, as the names along it (first and
    /// last the same) and the place of the first tag; nil when there is none.
    func cycle(through own: Set<String>) -> (names: [String], location: SourceLocation)? {
        for start in own.sorted() {
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
                let target = targets[top.next].name
                top.next += 1
                stack.append(top)
                if target == start {
                    let names = stack.map(\.name) + [start]
                    let tag = edges[start]?[stack[0].next - 1]
                    return (
                        names,
                        SourceLocation(path: "theme/\(start).mustache", line: tag?.line ?? 0, column: tag?.column ?? 0)
                    )
                }
                if !onPath.contains(target), !done.contains(target), edges[target] != nil {
                    onPath.insert(target)
                    stack.append((target, 0))
                }
            }
        }
        return nil
    }
}
