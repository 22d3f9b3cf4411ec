/// Something the owner published or presented: a talk, post, podcast, video, panel, paper…
public struct Publication: Record, Hashable {
    public static let kind = RecordKind.publication

    public enum Status: String, Sendable, CaseIterable, Codable {
        case idea, draft, submitted, accepted, rejected, published
    }

    public var slug: String
    public var path: String
    public var title: String
    public var kind: String?
    public var date: Day?
    public var status: Status = .published
    public var venue: String?
    public var url: String?
    public var slides: String?
    public var recording: String?
    /// Co-speakers, hosts, interviewers.
    public var with: [Reference] = []
    public var audience: Int?
    public var tags: [String] = []
    public var goals: [Reference] = []
    public var body: String = ""
    public var bodyLine: Int = 1
    public var wikiLinks: [WikiLink] = []
    public var extraFields: [ExtraField] = []

    public init(slug: String, path: String, title: String) {
        self.slug = slug
        self.path = path
        self.title = title
    }

    public var displayName: String { title }
    public var aliases: [String] { [] }
}
