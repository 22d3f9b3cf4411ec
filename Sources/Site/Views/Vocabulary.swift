import Foundation
import Index

/// The words for values the journal writes in English, shown in the site's language: the kinds
/// of encounters and publications ties knows (`coffee`, `talk`), statuses, and the title of an
/// encounter that has none. A kind ties does not know is shown as written.
///
/// Apart from `Labels`, which every page's value carries for its templates: these are looked up
/// while pages are made.
struct Vocabulary: Sendable {
    let encounterKinds: [String: String]
    let publicationKinds: [String: String]
    let publicationStatuses: [Publication.Status: String]
    let goalStatuses: [Goal.Status: String]
    let introductionStates: [IntroductionState: String]
    /// The title of an encounter without one, from its kind (as shown) and day: in English as
    /// the terminal gives it ("coffee on 2026-12-07"), in German "Kaffee am 7. Dez. 2026".
    let untitled: @Sendable (String, Day, DateText) -> String
    /// The word for an encounter whose kind is not given.
    let encounter: String
    /// One record of each kind: "contact", "Kontakt".
    let kindNames: [RecordKind: String]
    /// A number of people, encounters or publications: "1 person", "3 Begegnungen".
    let counted: [Counted: (one: String, many: String)]

    enum Counted { case person, encounter, publication, dayOverdue }

    func count(_ number: Int, _ what: Counted) -> String {
        guard let words = counted[what] else { return "\(number)" }
        return "\(number) \(number == 1 ? words.one : words.many)"
    }
    /// A cadence of one unit and of several (`#` is the number), per unit, and no cadence.
    let units: [Cadence.Unit: (one: String, many: String)]
    let noCadence: String
    /// A publication's place: "at DevConf", "bei DevConf".
    let at: String
    /// What separates the whole part of a number from its fraction.
    let decimalSeparator: String

    static func `for`(_ language: JournalConfig.Language) -> Vocabulary {
        switch language {
        case .en: return .english
        case .de: return .german
        }
    }

    func kindName(_ kind: RecordKind) -> String { kindNames[kind] ?? kind.rawValue }
    func encounterKind(_ kind: String) -> String { encounterKinds[kind.lowercased()] ?? kind }
    func publicationKind(_ kind: String) -> String { publicationKinds[kind.lowercased()] ?? kind }
    func status(_ status: Publication.Status) -> String { publicationStatuses[status] ?? status.rawValue }
    func status(_ status: Goal.Status) -> String { goalStatuses[status] ?? status.rawValue }
    func state(_ state: IntroductionState) -> String { introductionStates[state] ?? state.rawValue }

    /// "every month", "alle 3 Monate": a cadence as a person says it.
    func cadence(_ cadence: Cadence) -> String {
        switch cadence {
        case .none: return noCadence
        case let .every(count, unit):
            guard let words = units[unit] else { return cadence.description }
            return count == 1 ? words.one : words.many.replacingOccurrences(of: "#", with: String(count))
        }
    }

    /// `value` with `digits` digits after the separator of the site's language: 63.50, 63,50.
    func decimal(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: decimalSeparator)
    }

    /// The encounter's title, or for one without, its kind and day in this language.
    func title(of encounter: Encounter, dates: DateText) -> String {
        title(encounter.title, kind: encounter.kind, day: encounter.date.day, dates: dates)
    }

    func title(_ title: String?, kind: String?, day: Day, dates: DateText) -> String {
        if let title { return title }
        return untitled(kind.map(encounterKind) ?? encounter, day, dates)
    }

    static let english = Vocabulary(
        encounterKinds: [:], publicationKinds: [:],
        publicationStatuses: Dictionary(uniqueKeysWithValues: Publication.Status.allCases.map { ($0, $0.rawValue) }),
        goalStatuses: Dictionary(uniqueKeysWithValues: Goal.Status.allCases.map { ($0, $0.rawValue) }),
        introductionStates: [
            .proposed: "planned", .askedA: "asked the first", .askedB: "asked the second", .introduced: "introduced",
            .declined: "declined", .outcome: "came to something",
        ],
        untitled: { kind, day, _ in "\(kind) on \(day)" }, encounter: "encounter",
        kindNames: [
            .contact: "contact", .encounter: "encounter", .publication: "publication", .org: "organisation", .goal: "goal",
        ],
        counted: [
            .person: ("person", "people"), .encounter: ("encounter", "encounters"),
            .publication: ("publication", "publications"), .dayOverdue: ("day overdue", "days overdue"),
        ],
        units: [
            .day: ("every day", "every # days"), .week: ("every week", "every # weeks"),
            .month: ("every month", "every # months"), .year: ("every year", "every # years"),
        ], noCadence: "none", at: "at", decimalSeparator: ".")

    static let german = Vocabulary(
        encounterKinds: [
            "coffee": "Kaffee", "call": "Anruf", "video": "Videoanruf", "meeting": "Treffen", "lunch": "Mittagessen",
            "dinner": "Abendessen", "breakfast": "Frühstück", "event": "Veranstaltung", "email": "E-Mail",
            "message": "Nachricht", "conference": "Konferenz", "meetup": "Meetup", "talk": "Vortrag",
            "workshop": "Workshop", "interview": "Gespräch", "visit": "Besuch", "walk": "Spaziergang", "drinks": "Drinks",
            "intro": "Vorstellung", "introduction": "Vorstellung", "chat": "Gespräch", "letter": "Brief",
            "greeting": "Gruß", "greetings": "Grüße", "card": "Karte", "party": "Feier",
        ],
        publicationKinds: [
            "talk": "Vortrag", "post": "Beitrag", "podcast": "Podcast", "video": "Video", "panel": "Podium",
            "workshop": "Workshop", "paper": "Paper", "interview": "Interview", "newsletter": "Newsletter",
            "article": "Artikel", "book": "Buch", "keynote": "Keynote", "webinar": "Webinar", "other": "Sonstiges",
            "link": "Link",
        ],
        publicationStatuses: [
            .idea: "Idee", .draft: "Entwurf", .submitted: "eingereicht", .accepted: "angenommen", .rejected: "abgelehnt",
            .published: "veröffentlicht",
        ],
        goalStatuses: Dictionary(uniqueKeysWithValues: Goal.Status.allCases.map { ($0, Self.germanGoalStatus($0)) }),
        introductionStates: [
            .proposed: "geplant", .askedA: "erste Person gefragt", .askedB: "zweite Person gefragt",
            .introduced: "vorgestellt", .declined: "abgelehnt", .outcome: "mit Ergebnis",
        ],
        untitled: { kind, day, dates in "\(kind) am \(dates.short(day))" }, encounter: "Begegnung",
        kindNames: [
            .contact: "Kontakt", .encounter: "Begegnung", .publication: "Publikation", .org: "Organisation", .goal: "Ziel",
        ],
        counted: [
            .person: ("Person", "Personen"), .encounter: ("Begegnung", "Begegnungen"),
            .publication: ("Publikation", "Publikationen"), .dayOverdue: ("Tag überfällig", "Tage überfällig"),
        ],
        units: [
            .day: ("täglich", "alle # Tage"), .week: ("wöchentlich", "alle # Wochen"),
            .month: ("monatlich", "alle # Monate"), .year: ("jährlich", "alle # Jahre"),
        ], noCadence: "kein Rhythmus", at: "bei", decimalSeparator: ",")

    private static func germanGoalStatus(_ status: Goal.Status) -> String {
        switch status {
        case .active: return "aktiv"
        case .achieved: return "erreicht"
        case .dropped: return "aufgegeben"
        }
    }
}
