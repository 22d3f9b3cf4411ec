/// The small pieces every page shows. Values are text ready to print; templates escape them.

/// A link inside the site or out of it.
public struct Link: Sendable, Hashable {
    public var href: String?
    public var text: String
}

/// A label and a value, with an optional link: one line of a profile.
public struct Fact: Sendable {
    public var label: String
    public var value: String
    public var href: String?
}

/// The frame of every page: language, title, the way back to the root, navigation.
public struct PageFrame: Sendable {
    public var lang: String
    public var title: String
    public var siteTitle: String
    /// `../` per folder level: prepended to every link to the site's root.
    public var root: String
    public var nav: [NavItem]
    public var today: String
    public var t: Labels

    public struct NavItem: Sendable {
        public var href: String?
        public var text: String
        /// `aria-current="page"` for the section the page belongs to.
        public var current: Bool
    }
}

/// An encounter as a row of a list.
public struct EncounterRow: Sendable {
    public var date: String
    public var isoDate: String
    public var link: Link
    public var kind: String?
    public var with: [Link]
}

/// A publication as a row of a list.
public struct PublicationRow: Sendable {
    public var date: String?
    public var isoDate: String?
    public var link: Link
    public var kind: String
    public var status: String
    public var isPublished: Bool
    public var venue: String?
    public var with: [Link]
    public var outbound: [Link]
}

/// A contact as a row of the contacts table.
public struct ContactRow: Sendable {
    public var link: Link
    public var org: Link?
    public var title: String?
    public var circle: String?
    public var last: String
    public var next: String
    public var overdue: Bool
}
