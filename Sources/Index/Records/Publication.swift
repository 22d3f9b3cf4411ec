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
    /// People in the room or listening, as a single figure; see `metrics` for figures over time.
    public var audience: Int?
    /// When it was submitted to a call for papers: how long an answer has been pending.
    public var submitted: Day?
    /// A public description: the only text of a publication that a public build shows.
    public var abstract: String?
    /// Reach, audience and views as measured over time, oldest first.
    public var metrics: [Metric] = []
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

    /// One measurement: any of reach, audience and views, on a day (or undated).
    public struct Metric: Hashable, Sendable {
        public var date: Day?
        public var reach: Int?
        public var audience: Int?
        public var views: Int?
    }

    /// The latest figure of each metric: a later measurement replaces an earlier one.
    public var latestMetrics: Metric {
        var latest = Metric(date: nil, reach: nil, audience: audience, views: nil)
        for metric in metrics.sorted(by: { ($0.date ?? Day(dayNumber: Int.min / 2)) < ($1.date ?? Day(dayNumber: Int.min / 2)) })
        {
            latest.reach = metric.reach ?? latest.reach
            latest.audience = metric.audience ?? latest.audience
            latest.views = metric.views ?? latest.views
            latest.date = metric.date ?? latest.date
        }
        return latest
    }
    public var aliases: [String] { [] }
}
