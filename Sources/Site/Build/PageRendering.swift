import Foundation
import Index
import Support
import Template

/// The render and seal stages: a page's view model through its template, and in an encrypted
/// build through the lock page.
struct PageRendering: Sendable {
    let theme: Theme
    let sealer: SealedSite?
    let words: Value
    let language: String

    /// The hash a page's file is kept by: its value, its template, the theme and ties (in the
    /// theme's fingerprint), and in an encrypted build the key (so another password makes
    /// every page again).
    func hash(of job: PageJob) -> String {
        var hash = StableHash()
        hash.combine(sealer?.cipher.pageHashKey ?? "")
        hash.combine(theme.fingerprint)
        hash.combine(job.template.name)
        hash.combine(job.model)
        return hash.hex
    }

    /// The bytes of the page's file; `tooDeep` when its templates included one another beyond
    /// the limits (the deeper parts are left out).
    func file(for job: PageJob) throws -> (data: Data, tooDeep: Bool) {
        let rendered = theme.render(job)
        guard let sealer else { return (Data(rendered.html), rendered.tooDeep) }
        return (try sealer.page(rendered.html, at: job.path, theme: theme, words: words, language: language), rendered.tooDeep)
    }
}
