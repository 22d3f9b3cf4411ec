import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct PubsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pubs",
        abstract: "The publication log: what was published, what is in the pipeline, what needs doing.",
        discussion: """
            Published talks, posts, podcasts and the rest by year, with counts per kind and the summed reach, audience and views; the pipeline of ideas, drafts, submissions, acceptances and rejections; and what needs action: a call for papers unanswered for 60 days, an accepted talk in the next 28 days, an accepted one already past.

            Examples:
              ties pubs
              ties pubs --year 2025 --kind talk
              ties pubs --status submitted
              ties pubs --format csv > publications.csv

            """ + TiesExitCode.help
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(help: "Only this year.") var year: Int?
    @Option(help: "Only this kind: talk, post, podcast, …") var kind: String?
    @Option(help: "Only this status: idea, draft, submitted, accepted, rejected, published.") var status: Publication.Status?
    @Option(help: "Output format: text, json or csv.") var format: Format = .text
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func run() throws {
        let journal = try options.load()
        let today = day.day(for: journal)
        if let kind {
            // An unknown kind would print nothing, as if there were no such publications.
            let kinds = Set(journal.publications.compactMap(\.kind)).sorted()
            guard kinds.contains(kind.lowercased()) else {
                throw CommandFailure(
                    message: "no publication is of kind '\(kind)'\(Suggestion.clause(Suggestion.nearest(to: kind, in: kinds))); "
                        + (kinds.isEmpty ? "the journal has no kinds yet" : "kinds: \(kinds.joined(separator: ", "))"),
                    exitCode: .problems)
            }
        }
        let items = journal.publications(year: year, kind: kind, status: status)
        let log = PublicationLog(items, journal: journal, today: today)
        switch format {
        case .csv: Terminal.print(csv(items, journal: journal), terminator: "")
        case .json: Terminal.printJSON(jsonText(PubsReport(journal: journal, log: log)))
        case .text: Terminal.print(text(log, journal: journal), terminator: "")
        }
    }

    private func people(_ publication: Publication, _ journal: Journal) -> [String] {
        publication.with.map { $0.id(Contact.self).flatMap { journal.contacts[$0]?.name } ?? $0.text }
    }

    private func text(_ log: PublicationLog, journal: Journal) -> String {
        let style = Style.standardOutput
        var out = ""
        func line(_ text: String = "") { out += TerminalText.inline(text) + "\n" }
        func row(_ publication: Publication, status: Bool) {
            let date = publication.date?.description ?? "          "
            var text = "  \(date)  "
            if status { text += padded(publication.status.rawValue, 10) + " " }
            text += padded(publication.kind ?? "", 10) + " " + publication.title
            var details: [String] = []
            if let venue = publication.venue { details.append(venue) }
            let with = people(publication, journal)
            if !with.isEmpty { details.append("with " + with.joined(separator: ", ")) }
            if publication.status == .submitted, let submitted = publication.submitted {
                details.append("submitted \(submitted)")
            }
            line(text + (details.isEmpty ? "" : style.dim(" — " + details.joined(separator: " · "))))
        }
        let published = log.published
        for year in log.years {
            let kinds = year.kinds.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
            var figures: [String] = []
            if year.audience > 0 { figures.append("audience \(year.audience)") }
            if year.views > 0 { figures.append("views \(year.views)") }
            if year.reach > 0 { figures.append("reach \(year.reach)") }
            line(
                style.bold("\(year.year): \(year.count) published") + " (\(kinds))"
                    + style.dim(figures.isEmpty ? "" : " · " + figures.joined(separator: " · ")))
            for publication in published.filter({ $0.date?.year == year.year }).reversed() { row(publication, status: false) }
            line()
        }
        let undated = log.undated
        if !undated.isEmpty {
            line(style.bold("Published, undated (\(undated.count))"))
            for publication in undated { row(publication, status: false) }
            line()
        }
        if !log.pipeline.isEmpty {
            line(style.bold("Pipeline (\(log.pipeline.count))"))
            for publication in log.pipeline { row(publication, status: true) }
            line()
        }
        if !log.rejected.isEmpty {
            line(style.bold("Rejected (\(log.rejected.count))"))
            for publication in log.rejected { row(publication, status: false) }
            line()
        }
        if !log.actions.isEmpty {
            line(style.bold("Needs action (\(log.actions.count))"))
            for action in log.actions { line("  \(action.date)  \(action.title): " + style.yellow(action.what)) }
            line()
        }
        if out.isEmpty { return "No publications match.\n" }
        return String(out.dropLast())
    }

    /// RFC 4180: a header, then one row per publication; fields with commas, quotes or line
    /// breaks are quoted, and a field a spreadsheet would take for a formula is made inert.
    private func csv(_ items: [Publication], journal: Journal) -> String {
        func field(_ value: String?) -> String {
            guard let value = value.map(ContactSheet.inert) else { return "" }
            return value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var rows = ["date,status,kind,title,venue,with,url,slides,recording,audience,views,reach"]
        for publication in items {
            let metrics = publication.latestMetrics
            rows.append(
                [
                    publication.date?.description, publication.status.rawValue, publication.kind, publication.title,
                    publication.venue, people(publication, journal).joined(separator: "; "), publication.url,
                    publication.slides, publication.recording, metrics.audience.map(String.init),
                    metrics.views.map(String.init), metrics.reach.map(String.init),
                ].map(field).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}

/// The JSON of `ties pubs`.
struct PubsReport: Encodable {
    struct Item: Encodable {
        var slug, title, status: String
        var kind, date, venue, url, slides, recording, submitted: String?
        var with: [String]
        var audience, views, reach: Int?
    }

    struct Year: Encodable {
        var year, count, reach, audience, views: Int
        var kinds: [String: Int]
    }

    struct Action: Encodable {
        var slug, title, what, date: String
    }

    var published: [Item]
    var pipeline: [Item]
    var rejected: [Item]
    var years: [Year]
    var actions: [Action]

    init(journal: Journal, log: PublicationLog) {
        func item(_ p: Publication) -> Item {
            let metrics = p.latestMetrics
            return Item(
                slug: p.slug, title: p.title, status: p.status.rawValue, kind: p.kind, date: p.date?.description,
                venue: p.venue, url: p.url, slides: p.slides, recording: p.recording,
                submitted: p.submitted?.description,
                with: p.with.map { $0.id(Contact.self).flatMap { journal.contacts[$0]?.name } ?? $0.text },
                audience: metrics.audience, views: metrics.views, reach: metrics.reach)
        }
        published = log.published.map(item)
        pipeline = log.pipeline.map(item)
        rejected = log.rejected.map(item)
        years = log.years.map {
            Year(
                year: $0.year, count: $0.count, reach: $0.reach, audience: $0.audience, views: $0.views,
                kinds: Dictionary(uniqueKeysWithValues: $0.kinds.map { ($0.kind, $0.count) }))
        }
        actions = log.actions.map { Action(slug: $0.slug, title: $0.title, what: $0.what, date: $0.date.description) }
    }
}
