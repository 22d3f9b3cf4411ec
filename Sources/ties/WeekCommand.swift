import ArgumentParser
import Foundation
import Index
import Support

struct WeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        abstract: "Whom to get in touch with this week, and why: a reconnect plan.",
        discussion: """
            At most --limit people (default 7), each with every reason and a suggested action: a follow-up you owe (due within 7 days or overdue), a job change an import recorded (congratulate), a birthday within 7 days or a greeting within 14, an introducer not thanked, an introduction you are making that waits on a step (ties intro), overdue by cadence, a strong tie weakening (strong 90 days ago, not now), a weak tie or former colleague at an org one of your active goals names (a link or its name), not met for 180 days. Snoozed people are left out. Ranked by the sum of the reasons' scores (docs/FORMAT.md), then by name. Acting on a reason (an encounter, ties done, ties greet, ties snooze) takes it off the next plan. The dashboard shows the same plan.

            Examples:
              ties week
              ties week --limit 3
              ties week --format json | jq '.week[].name'

            """ + TiesExitCode.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: [.customShort("n"), .long, .customLong("count")], help: "How many people at most.") var limit = WeekPlan
        .defaultLimit
    @Option(help: "Output format: text or json.") var format: Format = .text
    @OptionGroup var options: JournalOptions
    @OptionGroup var day: TodayOption

    func validate() throws {
        if limit < 1 || limit > 10_000 { throw ValidationError("--limit must be from 1 to 10000") }
    }

    func run() throws {
        let journal = try options.load()
        let today = day.day(for: journal)
        let plan = WeekPlan(journal, today: today, limit: limit)
        let words = WeekPlanWords(language: .en) { journal.displayName(of: $0) ?? $0.slug }
        switch format {
        case .json: Terminal.printJSON(jsonText(WeekReport(plan, words: words)))
        case .text:
            guard !plan.entries.isEmpty else {
                Terminal.print("Nobody needs you this week: no one overdue, owed or due for a greeting.")
                return
            }
            let style = Style.standardOutput
            var out = "This week (\(today)): \(English.count(plan.entries.count, "person", "people"))\n"
            for (index, entry) in plan.entries.enumerated() {
                out += "\n\(index + 1). " + style.bold(entry.name) + "  " + style.dim(entry.contact.slug) + "\n"
                for reason in entry.reasons { out += "   - \(words.text(reason))\n" }
                out += "   → \(words.text(entry.action))\n"
            }
            Terminal.print(TerminalText.lines(out), terminator: "")
        }
    }
}

/// The JSON of `ties week`: `{"today", "week": [{"slug", "name", "score", "reasons", "kinds", "action"}]}`;
/// `reasons` are the reasons in words, `kinds` the kind of each (`overdue`, `follow-up`, …).
struct WeekReport: Encodable {
    struct Entry: Encodable {
        var slug: String
        var name: String
        var score: Int
        var reasons: [String]
        var kinds: [String]
        var action: String
    }

    var today: String
    var week: [Entry]

    init(_ plan: WeekPlan, words: WeekPlanWords) {
        today = plan.today.description
        week = plan.entries.map { entry in
            Entry(
                slug: entry.contact.slug, name: entry.name, score: entry.score, reasons: entry.reasons.map(words.text),
                kinds: entry.reasons.map(\.kind), action: words.text(entry.action))
        }
    }
}
