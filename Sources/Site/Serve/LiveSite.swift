import Foundation
import Index
import Support

/// The private site as `ties serve` gives it: pages made when asked, from the journal in
/// memory, with the live overlay (the reload script and the problems banner) that only served
/// pages carry.
///
/// Each change of the journal or the theme makes a new generation: a plan of the pages (their
/// paths and makers, no page made yet) over the new journal. Pages are made and rendered on
/// request and kept for the generation, so a page asked twice is rendered once.
public final class LiveSite: @unchecked Sendable {
    /// A file of the site: a page or an asset, ready to send.
    public struct File: Sendable {
        public var data: Data
        public var contentType: String
    }

    private let lock = NSLock()
    private var current: Generation
    private let fixedToday: Day?
    /// Tells this run's generations from another run's: a page served by an earlier `ties
    /// serve` reloads when it reconnects to this one.
    private let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private var counter = 1

    /// `today` fixes the day the dashboard is about; nil for today in the journal's time zone,
    /// which moves on at midnight.
    public init(journal: Journal, today: Day? = nil) {
        fixedToday = today
        let theme = Theme(overrides: journal.root.appending(path: "theme"))
        current = Generation(
            id: "\(run)-1", journal: journal, theme: theme,
            today: today ?? Day.today(in: journal.config.timezone))
    }

    /// Names this generation of the site; served pages carry it, and the events say it.
    public var generation: String { lock.withLock { current.id } }

    /// The paths of the site's pages, sorted.
    public var pagePaths: [String] { lock.withLock { current.makers.keys.sorted() } }

    /// The problems the served pages show: the journal's and the theme's, sorted.
    public var diagnostics: [Diagnostic] { lock.withLock { current.diagnostics } }

    /// Takes in a new journal (and, with `themeChanged`, reads the theme again); returns the
    /// new generation.
    @discardableResult
    public func update(journal: Journal, themeChanged: Bool) -> String {
        let theme = themeChanged ? Theme(overrides: journal.root.appending(path: "theme")) : lock.withLock { current.theme }
        return replace(journal: journal, theme: theme)
    }

    /// Makes the next generation; with `expected`, only while that one is still the current
    /// one (a new day noticed by a request must not undo a change taken in meanwhile).
    @discardableResult
    private func replace(journal: Journal, theme: Theme, expected: String? = nil) -> String {
        let today = fixedToday ?? Day.today(in: journal.config.timezone)
        // Planned outside the lock: requests go on being served from the last generation.
        lock.lock()
        counter += 1
        let id = "\(run)-\(counter)"
        lock.unlock()
        let next = Generation(id: id, journal: journal, theme: theme, today: today, previous: lock.withLock { current })
        let previous = lock.withLock { () -> Generation in
            let previous = current
            if expected == nil || previous.id == expected { current = next }
            return previous
        }
        // Let go on another thread: freeing a large site's plan is not the change's wait.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(previous) {} }
        return id
    }

    /// The file at a path of the site (`index.html`, `contacts/ada.html`, `style.css`), or nil
    /// when the site has none.
    public func file(at path: String) -> File? {
        var generation = lock.withLock { current }
        if fixedToday == nil, generation.today != Day.today(in: generation.context.journal.whole.config.timezone) {
            replace(journal: generation.context.journal.whole, theme: generation.theme, expected: generation.id)
            generation = lock.withLock { current }
        }
        let path = path.isEmpty ? FixedPage.dashboard.path : path
        if let page = generation.page(at: path) { return File(data: page, contentType: "text/html; charset=utf-8") }
        return generation.otherFile(at: path).map { File(data: $0, contentType: LiveSite.contentType(of: path)) }
    }

    /// The reload script and the banner's style, served at `/_ties/live.js` and `/_ties/live.css`.
    public static let liveScript = Data(LiveOverlay.script.utf8)
    public static let liveStyle = Data(LiveOverlay.style.utf8)

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/atom+xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        default: return "application/octet-stream"
        }
    }

    /// One state of the site. Pages and files are made on first request and kept.
    private final class Generation: @unchecked Sendable {
        let id: String
        let theme: Theme
        let today: Day
        let plan: SitePlan
        let context: SiteContext
        let makers: [String: SitePlan.PageMaker]
        let diagnostics: [Diagnostic]
        let overlay: LiveOverlay
        private let lock = NSLock()
        private var pages: [String: Data] = [:]
        private var files: [String: Data]?

        /// Pages kept per generation at most; past it the kept ones are let go.
        static let keptPages = 2_000

        /// What this generation's pages follow from: a next one of the same shape keeps them.
        let shape: SitePlan.Shape

        /// A generation over `journal`; its pages planned anew, or taken from `previous` when
        /// the journal still has its shape (most edits: a name, a note, a date within a year).
        init(id: String, journal: Journal, theme: Theme, today: Day, previous: Generation? = nil) {
            self.id = id
            self.theme = theme
            self.today = today
            var timer = PhaseTimer()
            shape = SitePlan.Shape(journal)
            timer.lap("the journal's shape")
            if let previous, previous.shape == shape {
                plan = SitePlan(reusing: previous.plan, journal: journal, today: today)
                makers = previous.makers
            } else {
                plan = SitePlan(journal: journal, today: today, publicOnly: false, sealer: nil)
                timer.lap("plan the pages")
                makers = Dictionary(plan.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
                timer.lap("index the pages by path")
            }
            context = plan.context
            diagnostics = (journal.diagnostics + theme.diagnostics).sorted()
            overlay = LiveOverlay(generation: id, diagnostics: diagnostics, language: context.t.lang)
        }

        func page(at path: String) -> Data? {
            if let kept = lock.withLock({ pages[path] }) { return kept }
            guard let maker = makers[path], let job = maker.make(context) else { return nil }
            let page = overlay.apply(to: Data(theme.render(job).html))
            lock.withLock {
                if pages.count >= Generation.keptPages { pages.removeAll(keepingCapacity: true) }
                pages[path] = page
            }
            return page
        }

        /// The look, the search index, the feeds and robots.txt: made together when one is first asked.
        func otherFile(at path: String) -> Data? {
            lock.lock()
            defer { lock.unlock() }
            if files == nil {
                let made = plan.clearFiles(theme: theme).files
                files = Dictionary(made, uniquingKeysWith: { first, _ in first })
            }
            return files?[path]
        }
    }
}
