import ArgumentParser
import Index

/// `--today YYYY-MM-DD`, for commands whose answer depends on the day.
struct TodayOption: ParsableArguments {
    @Option(help: ArgumentHelp("The day to answer for (default: today in the journal's time zone).", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError("--today '\(today)' is not a date; write YYYY-MM-DD") }
    }

    func day(for journal: Journal) -> Day { day(in: journal.config) }

    func day(in config: JournalConfig) -> Day {
        today.flatMap { Day($0) } ?? Day.today(in: config.timezone)
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Cadence: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
