import Foundation
import Index
import Template

/// For theme authors: the built-in theme's files, and the fields a page's template receives.
public enum ThemeFiles {
    /// The names of the built-in theme's files, sorted.
    public static var names: [String] { Theme.builtInFiles.keys.sorted() }

    /// A built-in file's bytes.
    public static func builtIn(_ name: String) -> Data? { Theme.builtInFiles[name] }

    /// The templates that render a whole page, each with the page it renders.
    public static var pageTemplates: [(name: String, renders: String)] { PageTemplate.allCases.map { ($0.name, $0.renders) } }

    /// The templates included by others, each with what it is given.
    public static let partials: [(name: String, givenIn: String)] = [
        ("layout", "the frame of every private page: {{<layout}} with a {{$main}} block"),
        ("public-layout", "the frame of the public build's pages"), ("facts", "a list of facts (label, value, href)"),
        ("person", "a link (href, text) to a person"), ("encounter-row", "an encounter as a row of a list"),
        ("publication-row", "a publication as a row of a list"), ("record-footer", "the tags and mentions under a record"),
        ("occasion-row", "the rows of a list of occasions (people, what, date)"),
    ]

    /// The value the template `name` receives on one page of the journal's site (the first page
    /// that uses it), as JSON with the page's path; nil when no page of this journal uses it.
    public static func sample(of name: String, in journal: Journal, today: Day) -> (path: String, json: String)? {
        if name == "lock" {
            let context = SiteContext(journal: journal, today: today)
            let lock = SealedSite.LockPage(
                lang: context.t.lang, t: context.words, salt: "(the salt, base64)", iterations: SiteCipher.iterations,
                sealed: "(the page, sealed, base64)")
            return ("every page of an encrypted build", PageJob.value(of: lock, keepingNil: true).json())
        }
        let plan = SitePlan(journal: journal, today: today, publicOnly: name.hasPrefix("public-"), sealer: nil)
        for maker in plan.pages {
            if let job = maker.make(plan.context), job.template.name == name { return (job.path, job.allFields.json()) }
        }
        return nil
    }
}
