/// Numbers with their nouns as the terminal writes them: "1 day", "3 days", "1 person".
public enum English {
    /// `number` and the noun in the form it takes; `many` defaults to `one` + "s".
    public static func count(_ number: Int, _ one: String, _ many: String? = nil) -> String {
        "\(number) \(number == 1 || number == -1 ? one : many ?? one + "s")"
    }

    /// "in 1 day", "in 3 days".
    public static func inDays(_ days: Int) -> String { "in " + count(days, "day") }

    /// How long ago, as people say it: "3 days ago", "5 months ago", "7 years ago".
    public static func ago(days: Int) -> String {
        if days < 60 { return count(days, "day") + " ago" }
        if days < 730 { return count(days / 30, "month") + " ago" }
        return count(days / 365, "year") + " ago"
    }
}
