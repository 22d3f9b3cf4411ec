/// The plan's reasons and actions in words, in the journal's language: `ties week` (with days as
/// `YYYY-MM-DD`) and the dashboard (with days as the site writes them).
public struct WeekPlanWords: Sendable {
    public var language: JournalConfig.Language
    /// A record's name as shown.
    public var name: @Sendable (RecordID) -> String
    /// A day as shown.
    public var day: @Sendable (Day) -> String

    public init(
        language: JournalConfig.Language, name: @escaping @Sendable (RecordID) -> String,
        day: @escaping @Sendable (Day) -> String = { $0.description }
    ) {
        self.language = language
        self.name = name
        self.day = day
    }

    private var german: Bool { language == .de }

    private func days(_ count: Int) -> String {
        german ? "\(count) \(count == 1 ? "Tag" : "Tagen")" : "\(count) \(count == 1 ? "day" : "days")"
    }

    private func inDays(_ count: Int) -> String {
        if count == 0 { return german ? "heute" : "today" }
        return german ? "in \(count) \(count == 1 ? "Tag" : "Tagen")" : "in \(days(count))"
    }

    private func contact(_ id: Contact.ID) -> String { name(id.record) }

    public func text(_ reason: WeekPlan.Reason) -> String {
        switch reason {
        case let .overdue(count, _, last):
            let since = last.map { german ? "; zuletzt \(day($0))" : "; last in touch \(day($0))" } ?? ""
            if count == 0 { return (german ? "heute fällig" : "due today") + since }
            return (german ? "seit \(days(count)) überfällig" : "overdue by \(days(count))") + since
        case let .followUp(task, due, daysOverdue):
            let when =
                daysOverdue > 0
                ? (german ? "seit \(days(daysOverdue)) überfällig" : "\(days(daysOverdue)) overdue")
                : (german ? "fällig \(inDays(-daysOverdue))" : "due \(inDays(-daysOverdue))")
            return (german ? "du schuldest: \(task) (\(day(due)), \(when))" : "you owe: \(task) (\(day(due)), \(when))")
        case let .jobChange(org, title, since):
            let role = title.map { german ? "\($0) bei \(org)" : "\($0) at \(org)" } ?? org
            return german ? "neue Stelle: \(role) seit \(day(since))" : "new job: \(role) since \(day(since))"
        case let .birthday(date, count):
            return german ? "Geburtstag am \(day(date)), \(inDays(count))" : "birthday on \(day(date)), \(inDays(count))"
        case let .greeting(what, date, count):
            return german ? "\(what) am \(day(date)), \(inDays(count))" : "\(what) on \(day(date)), \(inDays(count))"
        case let .thankIntroducer(introduced, date):
            return german
                ? "hat dich am \(day(date)) mit \(contact(introduced)) bekannt gemacht; noch nicht gedankt"
                : "introduced you to \(contact(introduced)) on \(day(date)); not thanked yet"
        case let .introduction(other, state, since):
            switch state {
            case .proposed:
                return german
                    ? "du willst sie mit \(contact(other)) bekannt machen (seit \(day(since)))"
                    : "you mean to introduce them to \(contact(other)) (since \(day(since)))"
            default:
                return german
                    ? "noch keine Antwort zur Vorstellung bei \(contact(other)) (gefragt am \(day(since)))"
                    : "no answer yet about meeting \(contact(other)) (asked \(day(since)))"
            }
        case let .weakening(last):
            let since = last.map { german ? "; zuletzt \(day($0))" : "; last met \(day($0))" } ?? ""
            return (german ? "eine starke Verbindung wird schwächer" : "a strong tie is weakening") + since
        case let .gateway(org, goal, formerColleague, last):
            let who =
                formerColleague
                ? (german ? "ehemalige Kollegin oder Kollege" : "a former colleague")
                : (german ? "eine lose Verbindung" : "a weak tie")
            let met =
                last.map { german ? ", zuletzt \(day($0))" : ", last met \(day($0))" }
                ?? (german ? ", nie getroffen" : ", never met")
            return german
                ? "\(who) bei \(name(org.record)), das dein Ziel „\(name(goal.record))“ nennt\(met)"
                : "\(who) at \(name(org.record)), which your goal '\(name(goal.record))' names\(met)"
        }
    }

    public func text(_ action: WeekPlan.Action) -> String {
        switch action {
        case let .doFollowUp(task): return german ? "erledigen: \(task)" : "do: \(task)"
        case let .congratulate(org):
            return german ? "zur neuen Stelle bei \(org) gratulieren" : "congratulate on the new job at \(org)"
        case .birthdayWishes: return german ? "zum Geburtstag gratulieren" : "send birthday wishes"
        case let .sendGreeting(what): return german ? "\(what) senden (ties greet)" : "send the \(what) (ties greet)"
        case let .thank(introduced):
            return german
                ? "für die Vorstellung bei \(contact(introduced)) danken"
                : "thank them for the introduction to \(contact(introduced))"
        case let .nextIntroductionStep(other, state):
            return state == .proposed
                ? (german
                    ? "fragen, ob sie \(contact(other)) kennenlernen möchten"
                    : "ask whether they would like to meet \(contact(other))")
                : (german ? "wegen \(contact(other)) nachfragen" : "follow up about meeting \(contact(other))")
        case .getInTouch:
            return german ? "melden: ein Anruf, ein Kaffee, eine Nachricht" : "get in touch: a call, a coffee, a message"
        case let .reconnect(org):
            return german ? "wieder melden und nach \(name(org.record)) fragen" : "reconnect and ask about \(name(org.record))"
        }
    }
}
