import Index
import Template

/// The shape of the values a template receives, merged over every page that uses it: the
/// field reference of docs/THEMES.md is made from it, so it cannot drift from the view models.
indirect enum FieldOutline: Equatable {
    case text, number, truth, empty
    case list(FieldOutline)
    case map([(String, FieldOutline)])

    init(_ value: Value) {
        switch value {
        case .null: self = .empty
        case .bool: self = .truth
        case .int, .double: self = .number
        case .text: self = .text
        case .list(let items): self = .list(items.reduce(FieldOutline.empty) { $0.merged(with: FieldOutline($1)) })
        case .map(let fields): self = .map(zip(fields.keys, fields.values).map { ($0, FieldOutline($1)) })
        }
    }

    /// Both shapes in one: a map has the keys of both, in the order first seen.
    func merged(with other: FieldOutline) -> FieldOutline {
        switch (self, other) {
        case (.empty, _): return other
        case (_, .empty): return self
        case (.list(let a), .list(let b)): return .list(a.merged(with: b))
        case (.map(let a), .map(let b)):
            var entries = a
            for (key, shape) in b {
                if let index = entries.firstIndex(where: { $0.0 == key }) {
                    entries[index].1 = entries[index].1.merged(with: shape)
                } else {
                    entries.append((key, shape))
                }
            }
            return .map(entries)
        default: return self
        }
    }

    static func == (a: FieldOutline, b: FieldOutline) -> Bool {
        switch (a, b) {
        case (.text, .text), (.number, .number), (.truth, .truth), (.empty, .empty): return true
        case (.list(let x), .list(let y)): return x == y
        case (.map(let x), .map(let y)): return x.map(\.0) == y.map(\.0) && zip(x, y).allSatisfy { $0.1 == $1.1 }
        default: return false
        }
    }

    var word: String {
        switch self {
        case .text: return "text"
        case .number: return "number"
        case .truth: return "true or false"
        case .empty: return "(empty on every page of the sample journal)"
        case .list(let item):
            if case .map = item { return "list of:" }
            return "list of \(item.word)"
        case .map: return "map:"
        }
    }

    /// Markdown: a nested list of the fields, `skip` names a field shown only by name.
    func markdown(level: Int = 0, skip: Set<String> = []) -> String {
        let entries: [(String, FieldOutline)]
        switch self {
        case .map(let fields): entries = fields
        case .list(.map(let fields)): entries = fields
        default: return ""
        }
        var text = ""
        let indent = String(repeating: "  ", count: level)
        for (key, shape) in entries {
            if skip.contains(key) {
                text += "\(indent)- `\(key)`: the frame of the page, above\n"
                continue
            }
            if key == "t" {
                text += "\(indent)- `t`: the words of the interface, one text per word (`{{t.contacts}}`)\n"
                continue
            }
            text += "\(indent)- `\(key)`: \(shape.word)\n"
            text += shape.markdown(level: level + 1)
        }
        return text
    }
}

extension ThemeFiles {
    /// The field reference of docs/THEMES.md: the frame every page has, then each page
    /// template's fields, merged over every page of `journal` that uses it.
    public static func reference(for journal: Journal, today: Day) -> String {
        var outlines: [String: FieldOutline] = [:]
        let plan = SitePlan(journal: journal, today: today, publicOnly: false, sealer: nil)
        let publicPlan = SitePlan(journal: journal, today: today, publicOnly: true, sealer: nil)
        for (plan, pages) in [(plan, plan.pages), (publicPlan, publicPlan.pages)] {
            for maker in pages {
                guard let job = maker.make(plan.context) else { continue }
                outlines[job.template.name, default: .empty] = outlines[job.template.name, default: .empty].merged(
                    with: FieldOutline(job.allFields))
            }
        }
        outlines["lock"] = FieldOutline(lockValue(journal, today))
        var text = "### Every page: `page`\n\n"
        text += "Every private page's value has `page`, its frame, which `layout.mustache` reads; "
        text += "`page.t` holds the words of the interface in the journal's language (`{{page.t.contacts}}`), "
        text += "the same keys on every page.\n\n"
        if case .map(let fields)? = outlines["index"], let frame = fields.first(where: { $0.0 == "page" })?.1 {
            text += FieldOutline.map([("page", frame)]).markdown()
        }
        for template in pageTemplates.map(\.name) {
            guard let outline = outlines[template] else { continue }
            text += "\n### `\(template).mustache`\n\n"
            text += "Renders \(pageTemplates.first { $0.name == template }?.renders ?? template).\n\n"
            text += outline.markdown(skip: template == "lock" ? [] : ["page"])
        }
        return text
    }

    private static func lockValue(_ journal: Journal, _ today: Day) -> Value {
        let context = SiteContext(journal: journal, today: today)
        return PageJob.value(
            of: SealedSite.LockPage(lang: "en", t: context.words, salt: "", iterations: 0, sealed: ""), keepingNil: false)
    }
}
