import Template

/// The small pieces every page shows. Values are text ready to print; templates escape them.

/// A link inside the site or out of it.
struct Link: Sendable, Hashable, Encodable {
    var href: String?
    var text: String
}

/// A label and a value, with an optional link: one line of a profile.
struct Fact: Sendable, Encodable {
    var label: String
    var value: String
    var href: String?
}

/// The frame of every page: language, title, the way back to the root, navigation.
struct PageFrame: Sendable, Encodable {
    var lang: String
    var title: String
    var siteTitle: String
    /// `../` per folder level: prepended to every link to the site's root.
    var root: String
    var nav: [NavItem]
    var today: String
    /// An encrypted build's pages load the sealed search index with the page (script.js opens
    /// it); a clear build's load it when the search is first used, as it holds every word of
    /// the journal's notes.
    var sealed: Bool
    /// The words of the interface (`Labels`), made into a value once per build.
    var t: Value

    struct NavItem: Sendable, Encodable {
        var href: String?
        var text: String
        /// `aria-current="page"` for the section the page belongs to.
        var current: Bool
    }
}

/// An encounter as a row of a list.
struct EncounterRow: Sendable, Encodable {
    var date: String
    var isoDate: String
    var link: Link
    var kind: String?
    var with: [Link]
}

/// A publication as a row of a list.
struct PublicationRow: Sendable, Encodable {
    var date: String?
    var isoDate: String?
    var link: Link
    /// As written, for filters and styles; `kindText` and `statusText` as shown.
    var kind: String
    var kindText: String
    var status: String
    var statusText: String
    var isPublished: Bool
    var venue: String?
    var with: [Link]
    var outbound: [Link]
}

/// A contact as a row of the contacts table.
struct ContactRow: Sendable, Encodable {
    var link: Link
    var org: Link?
    var title: String?
    var circle: String?
    var last: String
    var next: String
    var overdue: Bool
    /// What the list sorts and filters by in the page (script.js): the name's sort key, the
    /// days as `YYYY-MM-DD` (empty for none), the tie's strength (0 strong, 1 weak, 2 dormant)
    /// and its word, the org's name and the tags, each as search folds them.
    var sortName: String
    var isoLast: String
    var isoNext: String
    var strength: Int
    var strengthText: String
    var orgKey: String
    var tagKeys: String
}
