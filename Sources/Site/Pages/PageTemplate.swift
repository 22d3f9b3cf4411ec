/// The templates that render a whole page, one per kind of page. A page names its template by
/// this enumeration, so a page cannot ask for a template that does not exist; the theme
/// reference (`ties theme fields`, docs/THEMES.md) lists them from here.
public enum PageTemplate: String, CaseIterable, Sendable {
    case index, due, contacts, contact, orgs, org, publications, publication, goals, goal, timeline, encounter, tag, network
    case lock
    case publicIndex = "public-index"
    case publicPublication = "public-publication"

    /// The template's file in a theme: `contact.mustache`.
    public var name: String { rawValue }

    /// What it renders, for theme authors.
    public var renders: String {
        switch self {
        case .index: return "the dashboard, index.html"
        case .due: return "due.html: everyone overdue or due soon, every open follow-up, the coming occasions"
        case .contacts: return "contacts.html"
        case .contact: return "a contact's page"
        case .orgs: return "orgs.html"
        case .org: return "an org's page"
        case .publications: return "publications.html, the publication log"
        case .publication: return "a publication's page"
        case .goals: return "goals.html"
        case .goal: return "a goal's page"
        case .timeline: return "timeline.html and timeline/YEAR.html"
        case .encounter: return "an encounter's page"
        case .tag: return "a tag's page"
        case .network: return "network.html: who knows whom, tie strength, brokers, gateways, give and take, goals, cadence"
        case .lock: return "the password form of an encrypted build"
        case .publicIndex: return "index.html of the public build"
        case .publicPublication: return "a publication's page in the public build"
        }
    }
}

/// The pages every private site has besides those of records, tags and timeline years, in the
/// order of the navigation: each with its path, its template and its title; the pages under
/// one (a contact's under `.contacts`) name it as their navigation section.
public enum FixedPage: String, CaseIterable, Sendable {
    case dashboard = "index.html"
    case due = "due.html"
    case contacts = "contacts.html"
    case timeline = "timeline.html"
    case network = "network.html"
    case orgs = "orgs.html"
    case publications = "publications.html"
    case goals = "goals.html"

    /// Its path in a clear build (an encrypted build names all but the dashboard opaquely).
    public var path: String { rawValue }

    var template: PageTemplate {
        switch self {
        case .dashboard: return .index
        case .due: return .due
        case .contacts: return .contacts
        case .timeline: return .timeline
        case .network: return .network
        case .orgs: return .orgs
        case .publications: return .publications
        case .goals: return .goals
        }
    }

    /// Its title and name in the navigation, in the site's language.
    func title(_ t: Labels) -> String {
        switch self {
        case .dashboard: return t.dashboard
        case .due: return t.duePage
        case .contacts: return t.contacts
        case .timeline: return t.timeline
        case .network: return t.network.title
        case .orgs: return t.orgs
        case .publications: return t.publications
        case .goals: return t.goals
        }
    }
}
