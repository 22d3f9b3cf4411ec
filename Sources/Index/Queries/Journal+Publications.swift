import Support

/// Something in the publication pipeline that wants the owner's attention.
public struct PublicationAction: Hashable, Sendable {
    public var slug: String
    public var title: String
    /// What to do, in words: "no answer for 75 days: ask the organisers".
    public var what: String
    /// The day that makes it urgent: the talk's date, or when it was submitted.
    public var date: Day
}

/// Published items of one year, with their figures added up.
public struct PublicationYear: Hashable, Sendable {
    public var year: Int
    public var count: Int
    /// Kind → count, sorted by count then kind.
    public var kinds: [KindCount]
    public var reach: Int
    public var audience: Int
    public var views: Int

    public struct KindCount: Hashable, Sendable {
        public var kind: String
        public var count: Int
    }
}

/// The publication log as `ties pubs` prints it and the site's publications page shows it: one
/// split and one order, so the two cannot disagree.
public struct PublicationLog: Sendable {
    /// Published items, in log order (by date, undated last).
    public var published: [Publication]
    /// Published items per year, newest first; undated ones are in `undated`.
    public var years: [PublicationYear]
    public var undated: [Publication]
    /// What is still to come, most advanced first: accepted, submitted, draft, idea; then by
    /// date (undated last) and slug.
    public var pipeline: [Publication]
    /// Rejected submissions: no longer in the pipeline, kept as a record. Newest first.
    public var rejected: [Publication]
    public var actions: [PublicationAction]

    /// The order of the pipeline, most advanced first.
    public static let pipelineOrder: [Publication.Status] = [.accepted, .submitted, .draft, .idea]

    public init(_ items: [Publication], journal: Journal, today: Day) {
        published = items.filter { $0.status == .published }
        years = journal.publicationYears(published)
        undated = published.filter { $0.date == nil }
        let never = Day.latest
        func rank(_ publication: Publication) -> Int {
            Self.pipelineOrder.firstIndex(of: publication.status) ?? Self.pipelineOrder.count
        }
        pipeline = items.filter { $0.status != .published && $0.status != .rejected }
            .sorted { (rank($0), $0.date ?? never, $0.slug) < (rank($1), $1.date ?? never, $1.slug) }
        rejected = items.filter { $0.status == .rejected }
            .sorted { ($1.date ?? Day.earliest, $1.slug) < ($0.date ?? Day.earliest, $0.slug) }
        let slugs = Set(items.map(\.slug))
        actions = journal.publicationActions(on: today).filter { slugs.contains($0.slug) }
    }
}

/// The publication log: what was published, what is in the pipeline, what needs doing.
public extension Journal {
    /// Days after submitting that an unanswered call for papers is worth a follow-up.
    static let unansweredAfterDays = 60
    /// Days ahead that an accepted talk counts as coming up.
    static let comingUpWithinDays = 28

    /// Publications matching every filter given, in log order (by date, undated last).
    func publications(year: Int? = nil, kind: String? = nil, status: Publication.Status? = nil) -> [Publication] {
        publications.filter { publication in
            (year == nil || publication.date?.year == year)
                && (kind == nil || publication.kind?.lowercased() == kind?.lowercased())
                && (status == nil || publication.status == status)
        }
    }

    /// Published items per year, newest year first, with counts per kind and summed figures.
    func publicationYears(_ items: [Publication]? = nil) -> [PublicationYear] {
        var years: [Int: [Publication]] = [:]
        for publication in items ?? publications.array where publication.status == .published {
            guard let year = publication.date?.year else { continue }
            years[year, default: []].append(publication)
        }
        return years.sorted { $0.key > $1.key }.map { year, items in
            var kinds: [String: Int] = [:]
            for item in items { kinds[item.kind ?? "other", default: 0] += 1 }
            let metrics = items.map(\.latestMetrics)
            return PublicationYear(
                year: year, count: items.count,
                kinds: kinds.map { PublicationYear.KindCount(kind: $0.key, count: $0.value) }
                    .sorted { ($1.count, $0.kind) < ($0.count, $1.kind) },
                reach: metrics.compactMap(\.reach).saturatingSum, audience: metrics.compactMap(\.audience).saturatingSum,
                views: metrics.compactMap(\.views).saturatingSum)
        }
    }

    /// The pipeline's loose ends on `today`: calls for papers unanswered for long, accepted talks
    /// coming up, accepted ones whose day has passed. Most urgent first.
    func publicationActions(on today: Day) -> [PublicationAction] {
        var actions: [PublicationAction] = []
        for publication in publications {
            switch publication.status {
            case .submitted:
                guard let submitted = publication.submitted else { continue }
                let waiting = submitted.days(until: today)
                if waiting >= Journal.unansweredAfterDays {
                    actions.append(
                        PublicationAction(
                            slug: publication.slug, title: publication.title,
                            what: "no answer for \(English.count(waiting, "day")): ask the organisers", date: submitted))
                }
            case .accepted:
                guard let date = publication.date else { continue }
                let days = today.days(until: date)
                if days < 0 {
                    actions.append(
                        PublicationAction(
                            slug: publication.slug, title: publication.title,
                            what: "took place \(English.count(-days, "day")) ago: mark it published", date: date))
                } else if days <= Journal.comingUpWithinDays {
                    actions.append(
                        PublicationAction(
                            slug: publication.slug, title: publication.title,
                            what: days == 0 ? "today" : "\(English.inDays(days)): prepare", date: date))
                }
            default:
                continue
            }
        }
        return actions.sorted { ($0.date, $0.slug) < ($1.date, $1.slug) }
    }
}
