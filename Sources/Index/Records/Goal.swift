/// A strategic networking goal: a job change, know-how to build, access to an expert field.
public struct Goal: Record, Hashable {
    public static let kind = RecordKind.goal
    public static func table(in journal: Journal) -> RecordTable<Goal> { journal.goals }
    public typealias Profile = GoalProfile

    public enum Status: String, Sendable, CaseIterable, Codable {
        case active, achieved, dropped
    }

    public var slug: String
    public var path: String
    public var title = ""
    public var due: Day?
    public var status: Status = .active
    public var aliases: [String] = []
    public var tags: [String] = []
    public var body: String = ""
    public var bodyLine: Int = 1
    public var wikiLinks: [WikiLink] = []
    public var extraFields: [ExtraField] = []

    public init(slug: String, path: String) {
        self.slug = slug
        self.path = path
    }

    public init(slug: String, path: String, title: String) {
        self.init(slug: slug, path: path)
        self.title = title
    }

    public var displayName: String { title }

    public static let schema = Schema<Goal>([
        Field("title", \.title, .text, fallback: .headingOrFileName, ""),
        Field("due", \.due, .day, ""),
        Field("status", \.status, .choice, "default `active`"),
        Field("aliases", \.aliases, .texts, ""),
        Field("tags", \.tags, .tags, ""),
    ])
}

extension Goal {
    /// Days without an encounter or publication for it after which an active goal is stale.
    public static let staleAfterDays = 60

    /// The day of the last encounter or publication up to `today`.
    public static func lastActivity(encounters: [Encounter], publications: [Publication], today: Day) -> Day? {
        let days = encounters.map(\.date.day).filter { $0 <= today } + publications.compactMap(\.date).filter { $0 <= today }
        return days.max()
    }

    /// Active, and nothing for it in `staleAfterDays` (or nothing at all).
    public func isStale(lastActivity: Day?, today: Day) -> Bool {
        status == .active && (lastActivity.map { $0.days(until: today) > Self.staleAfterDays } ?? true)
    }
}
