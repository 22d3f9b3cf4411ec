/// Something the owner published or presented: a talk, post, podcast, video, panel, paper…
public struct Publication: Record, Hashable {
    public static let kind = RecordKind.publication
    public static func table(in journal: Journal) -> RecordTable<Publication> { journal.publications }
    public typealias Profile = PublicationProfile

    public enum Status: String, Sendable, CaseIterable, Codable {
        case idea, draft, submitted, accepted, rejected, published
    }

    public var slug: String
    public var path: String
    public var title = ""
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
    public var aliases: [String] = []
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

    public static let schema = Schema<Publication>([
        Field("title", \.title, .text, required: true, fallback: .headingOrFileName, ""),
        Field("aliases", \.aliases, .texts, "other titles references may use, e.g. the one before `ties rename`"),
        Field("kind", \.kind, .word, "talk, post, podcast, video, panel, workshop, paper, interview, newsletter, …"),
        Field("date", \.date, .day, ""),
        Field("status", \.status, .choice, "default `published`"),
        Field("venue", \.venue, .text, ""),
        Field("url", \.url, .text, ""),
        Field("slides", \.slides, .text, ""),
        Field("recording", \.recording, .text, ""),
        Field("with", \.with, .references(to: .record(.contact)), "co-speakers, hosts, interviewers"),
        Field("audience", \.audience, .figure, "people in the room or listening"),
        Field("views", \.undatedViews, .figure, stored: false, "views as they stand: one undated measurement"),
        Field("reach", \.undatedReach, .figure, stored: false, "reach as it stands: one undated measurement"),
        Field("metrics", \.listedMetrics, .items(Metric.self), "figures over time; the latest of each counts"),
        Field(
            "submitted", \.submitted, .day,
            "when it went to a call for papers: an unanswered one is flagged after 60 days"),
        Field("abstract", \.abstract, .text, "the public description; the body (notes) never reaches a public build"),
        Field("tags", \.tags, .tags, ""),
        Field("goals", \.goals, .references(to: .record(.goal)), ""),
    ])

    /// The measurements of `metrics:`, added after those of `views:` and `reach:`.
    var listedMetrics: [Metric] {
        get { metrics }
        set { metrics += newValue }
    }

    /// `views:` written alone: an undated measurement, kept in `metrics` before the listed ones.
    var undatedViews: Int? {
        get { nil }
        set { if let newValue { metrics.append(Metric(views: newValue, location: SourceLocation(path: path))) } }
    }

    /// `reach:` written alone, like `undatedViews`.
    var undatedReach: Int? {
        get { nil }
        set { if let newValue { metrics.append(Metric(reach: newValue, location: SourceLocation(path: path))) } }
    }

    /// One measurement: any of reach, audience and views, on a day (or undated).
    public struct Metric: Hashable, Sendable, ListItem {
        public var date: Day?
        public var reach: Int?
        public var audience: Int?
        public var views: Int?
        public var location: SourceLocation

        public init(date: Day? = nil, reach: Int? = nil, audience: Int? = nil, views: Int? = nil, location: SourceLocation) {
            self.date = date
            self.reach = reach
            self.audience = audience
            self.views = views
            self.location = location
        }

        init(at location: SourceLocation) { self.init(location: location) }

        public static let schema = Schema<Metric>(
            item: "a measurement", example: "{date: 2026-01-31, views: 1200}",
            needsOneOf: [\.reach, \.audience, \.views],
            [
                Field("date", \.date, .day, ""),
                Field("reach", \.reach, .figure, ""),
                Field("audience", \.audience, .figure, ""),
                Field("views", \.views, .figure, ""),
            ])
    }

    /// The latest figure of each metric: a later measurement replaces an earlier one.
    public var latestMetrics: Metric {
        var latest = Metric(audience: audience, location: SourceLocation(path: path))
        for metric in metrics.sorted(by: { ($0.date ?? Day(dayNumber: Int.min / 2)) < ($1.date ?? Day(dayNumber: Int.min / 2)) })
        {
            latest.reach = metric.reach ?? latest.reach
            latest.audience = metric.audience ?? latest.audience
            latest.views = metric.views ?? latest.views
            latest.date = metric.date ?? latest.date
        }
        return latest
    }

    /// The figures a person is shown, by `ties show` and on the publication's page: the audience
    /// written, else the latest measured; the latest views and reach.
    public var figures: (audience: Int?, views: Int?, reach: Int?) {
        let latest = latestMetrics
        return (audience ?? latest.audience, latest.views, latest.reach)
    }
}
