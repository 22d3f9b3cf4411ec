import Index

/// The words of the interface, in English and German (`language` in ties.yaml).
///
/// Templates read them as `{{t.contacts}}`; nothing from the journal is in here.
public struct Labels: Sendable, Encodable {
    public let lang: String
    public let dashboard, contacts, timeline, orgs, publications, goals, tags, search, searchHint: String
    public let thisWeek, knownAtOrgs, nobodyKnown, askAbout: String
    public let due, overdueBy, dueToday, followUps, occasions, recentEncounters, recentPublications, activity: String
    public let nothingDue, noFollowUps, noOccasions, birthday, turns: String
    public let name, org, circle, lastContact, nextDue, never, title, kind, date, status, venue, with: String
    public let profile, links, roles, current, former, encounters, mentions, introducedBy, introducedTo, introductionsMade: String
    public let gave, received, giveAndTake, publicationsTogether, notes, otherFields, people, currentPeople, formerPeople: String
    public let event, location, introduced, followUp, done, open, slides, recording, audience, website, industry: String
    public let all, perKind, pipeline, rejected, published, skipToContent, privateSite, generatedBy, today, emails, phones,
        birthdayLabel: String
    public let met, metVia, howMet, cadence, aliases, noResults, since, until: String
    public let andMore, lastTwelveMonths: String
    /// The Due page: its name, who is due soon, and the occasions it looks ahead to.
    public let duePage, dueSoon, occasionsAhead, allDue: String
    /// The contact list's sorting and filters.
    public let sortBy, strength, anyChoice, onlyDue: String
    /// The heatmap's key: fewer and more encounters a day.
    public let less, more: String
    public let perQuarter, views, reach, needsAction, abstract, feed, dueBy: String
    /// A publication's facts: when it was submitted, and its latest figures.
    public let submitted, viewsLabel, reachLabel: String
    /// The password form of an encrypted site, and the link that forgets the key.
    public let locked, password, unlock, wrongPassword, needsScript, lock: String
    /// The Network page's words.
    public var network = NetworkLabels.english

    public static func `for`(_ language: JournalConfig.Language) -> Labels {
        switch language {
        case .en: return .english
        case .de: return .german
        }
    }

    static let english = Labels(
        lang: "en", dashboard: "Dashboard", contacts: "Contacts", timeline: "Timeline", orgs: "Organisations",
        publications: "Publications", goals: "Goals", tags: "Tags", search: "Search", searchHint: "Names, orgs, tags, titles",
        thisWeek: "This week", knownAtOrgs: "Whom you know at the organisations it names",
        nobodyKnown: "nobody yet", askAbout: "A question to ask", due: "Due for contact", overdueBy: "days overdue",
        dueToday: "due today",
        followUps: "Open follow-ups",
        occasions: "Birthdays and greetings, next 14 days", recentEncounters: "Recent encounters",
        recentPublications: "Recent publications", activity: "Activity in the last 12 months",
        nothingDue: "Nobody is overdue.", noFollowUps: "No open follow-ups.", noOccasions: "Nothing coming up.",
        birthday: "birthday", turns: "turns", name: "Name", org: "Organisation", circle: "Circle",
        lastContact: "Last contact", nextDue: "Next due", never: "never", title: "Title", kind: "Kind", date: "Date",
        status: "Status", venue: "Venue", with: "With", profile: "Profile", links: "Links", roles: "Roles",
        current: "current", former: "former", encounters: "Encounters", mentions: "Mentioned in",
        introducedBy: "Introduced by", introducedTo: "Introduced me to", introductionsMade: "Introductions I make",
        gave: "I gave", received: "I received",
        giveAndTake: "Give and take", publicationsTogether: "Publications together", notes: "Notes",
        otherFields: "Other fields", people: "People", currentPeople: "Current people", formerPeople: "Former people",
        event: "Event", location: "Location", introduced: "Introduced", followUp: "Follow-ups", done: "done",
        open: "open", slides: "Slides", recording: "Recording", audience: "Audience", website: "Website",
        industry: "Industry", all: "All", perKind: "By kind", pipeline: "Pipeline", rejected: "Rejected", published: "Published",
        skipToContent: "Skip to content", privateSite: "Private — not for publication",
        generatedBy: "Built by ties from", today: "Today", emails: "Email", phones: "Phone", birthdayLabel: "Birthday",
        met: "Met", metVia: "Met via", howMet: "How we met", cadence: "Cadence", aliases: "Also known as",
        noResults: "Nothing found.", since: "since", until: "until", andMore: "and more:",
        lastTwelveMonths: "The last twelve months", duePage: "Due", dueSoon: "Due in the next 30 days",
        occasionsAhead: "Birthdays and greetings, next 60 days", allDue: "Everything due", sortBy: "Sort by",
        strength: "Tie", anyChoice: "any", onlyDue: "Due now", less: "fewer", more: "more",
        perQuarter: "Published per quarter", views: "views", reach: "reach", needsAction: "Needs action", abstract: "Abstract",
        feed: "Feed", dueBy: "Due by", submitted: "Submitted", viewsLabel: "Views", reachLabel: "Reach", locked: "Private site",
        password: "Password", unlock: "Open",
        wrongPassword: "Wrong password: nothing was opened.", needsScript: "This site is encrypted; it opens with JavaScript.",
        lock: "Lock")

    static let german = Labels(
        lang: "de", dashboard: "Übersicht", contacts: "Kontakte", timeline: "Zeitleiste", orgs: "Organisationen",
        publications: "Publikationen", goals: "Ziele", tags: "Schlagwörter", search: "Suche",
        searchHint: "Namen, Organisationen, Schlagwörter, Titel", thisWeek: "Diese Woche",
        knownAtOrgs: "Wen du bei den genannten Organisationen kennst", nobodyKnown: "noch niemand", askAbout: "Eine Frage",
        due: "Kontakt fällig",
        overdueBy: "Tage überfällig",
        dueToday: "heute fällig", followUps: "Offene Nachfassaktionen", occasions: "Geburtstage und Grüße, nächste 14 Tage",
        recentEncounters: "Letzte Begegnungen", recentPublications: "Letzte Publikationen",
        activity: "Aktivität der letzten 12 Monate", nothingDue: "Niemand ist überfällig.",
        noFollowUps: "Keine offenen Nachfassaktionen.", noOccasions: "Nichts in Sicht.", birthday: "Geburtstag",
        turns: "wird", name: "Name", org: "Organisation", circle: "Kreis", lastContact: "Letzter Kontakt",
        nextDue: "Nächster Kontakt", never: "nie", title: "Titel", kind: "Art", date: "Datum", status: "Status",
        venue: "Ort", with: "Mit", profile: "Profil", links: "Links", roles: "Stationen", current: "aktuell",
        former: "ehemals", encounters: "Begegnungen", mentions: "Erwähnt in", introducedBy: "Vorgestellt von",
        introducedTo: "Hat mich bekannt gemacht mit", introductionsMade: "Meine Vorstellungen", gave: "Ich gab",
        received: "Ich bekam", giveAndTake: "Geben und Nehmen",
        publicationsTogether: "Gemeinsame Publikationen", notes: "Notizen", otherFields: "Weitere Felder",
        people: "Personen", currentPeople: "Aktuelle Personen", formerPeople: "Ehemalige", event: "Veranstaltung",
        location: "Ort", introduced: "Vorgestellt", followUp: "Nachfassen", done: "erledigt", open: "offen",
        slides: "Folien", recording: "Aufzeichnung", audience: "Publikum", website: "Website", industry: "Branche",
        all: "Alle", perKind: "Nach Art", pipeline: "In Arbeit", rejected: "Abgelehnt", published: "Veröffentlicht",
        skipToContent: "Zum Inhalt springen", privateSite: "Privat — nicht zur Veröffentlichung",
        generatedBy: "Erstellt von ties aus", today: "Heute", emails: "E-Mail", phones: "Telefon",
        birthdayLabel: "Geburtstag", met: "Kennengelernt", metVia: "Kennengelernt über", howMet: "Wie wir uns kennen",
        cadence: "Rhythmus", aliases: "Auch bekannt als", noResults: "Nichts gefunden.", since: "seit", until: "bis",
        andMore: "und weitere:",
        lastTwelveMonths: "Die letzten zwölf Monate", duePage: "Fällig", dueSoon: "In den nächsten 30 Tagen fällig",
        occasionsAhead: "Geburtstage und Grüße, nächste 60 Tage", allDue: "Alles Fällige", sortBy: "Sortieren nach",
        strength: "Beziehung", anyChoice: "alle", onlyDue: "Jetzt fällig",
        less: "weniger", more: "mehr",
        perQuarter: "Veröffentlicht pro Quartal", views: "Aufrufe", reach: "Reichweite", needsAction: "Zu tun",
        abstract: "Zusammenfassung", feed: "Feed", dueBy: "Fällig bis", submitted: "Eingereicht", viewsLabel: "Aufrufe",
        reachLabel: "Reichweite", locked: "Private Seite", password: "Passwort",
        unlock: "Öffnen", wrongPassword: "Falsches Passwort: nichts wurde geöffnet.",
        needsScript: "Diese Seite ist verschlüsselt; sie öffnet sich mit JavaScript.", lock: "Sperren",
        network: .german)
}

/// The words of the Network page (`{{page.t.network.title}}`).
public struct NetworkLabels: Sendable, Encodable {
    public let title, graphLabel, strongestShown, noCircle, tieStrength, strong, weak, dormant, revive, introducers,
        introduced, brokers, brokersHint, gateways, nowThere, formerColleagues, onlyReceived, beyondDailyWork,
        internalPeople, externalPeople, externalShare, goals, stale, lastActivity, onCadence, ofThem, beforeYouMeet, tie,
        inCommon: String
    /// The map: the owner when ties.yaml names none, the marks, the people not drawn.
    public let you, brokerMark, gatewayMark, otherGroups, markedBroker, markedGateway, knownAlone: String

    static let english = NetworkLabels(
        title: "Network", graphLabel: "Who knows whom: you in the middle, strong ties inside, dormant ones outside",
        strongestShown: "The strongest ties:", noCircle: "no circle", tieStrength: "Tie strength", strong: "strong",
        weak: "weak", dormant: "dormant", revive: "Worth reviving", introducers: "Introduced me to most people",
        introduced: "introduced", brokers: "Brokers", brokersHint: "They connect groups that would not meet otherwise.",
        gateways: "Gateways", nowThere: "Now there", formerColleagues: "Former colleagues, now elsewhere",
        onlyReceived: "Only received from — give first", beyondDailyWork: "Beyond the daily work",
        internalPeople: "internal", externalPeople: "external", externalShare: "Encounters per quarter, with external people",
        goals: "Goals", stale: "no activity for 60 days", lastActivity: "last activity", onCadence: "On cadence",
        ofThem: "of", beforeYouMeet: "Before you meet", tie: "Tie", inCommon: "People you both know", you: "You",
        brokerMark: "broker", gatewayMark: "gateway", otherGroups: "other orgs and circles",
        markedBroker: "ringed: a broker", markedGateway: "or a gateway",
        knownAlone: "Known to you alone (they know no one else here)")

    static let german = NetworkLabels(
        title: "Netzwerk", graphLabel: "Wer wen kennt: du in der Mitte, starke Beziehungen innen, ruhende außen",
        strongestShown: "Die stärksten Kontakte:", noCircle: "ohne Kreis", tieStrength: "Stärke der Beziehungen",
        strong: "stark", weak: "schwach", dormant: "ruhend", revive: "Wiederbeleben lohnt sich",
        introducers: "Haben mir die meisten Menschen vorgestellt", introduced: "vorgestellt", brokers: "Brückenbauer",
        brokersHint: "Sie verbinden Gruppen, die sich sonst nicht begegnen.", gateways: "Türöffner",
        nowThere: "Jetzt dort", formerColleagues: "Ehemalige Kollegen, jetzt anderswo",
        onlyReceived: "Nur von ihnen erhalten — zuerst geben", beyondDailyWork: "Über den Arbeitsalltag hinaus",
        internalPeople: "intern", externalPeople: "extern", externalShare: "Begegnungen pro Quartal, mit Externen",
        goals: "Ziele", stale: "seit 60 Tagen nichts", lastActivity: "zuletzt", onCadence: "Im Rhythmus", ofThem: "von",
        beforeYouMeet: "Vor dem nächsten Treffen", tie: "Beziehung", inCommon: "Gemeinsame Bekannte", you: "Du",
        brokerMark: "Brückenbauer", gatewayMark: "Türöffner", otherGroups: "weitere Organisationen und Kreise",
        markedBroker: "umrandet: Brückenbauer", markedGateway: "oder Türöffner",
        knownAlone: "Nur dir bekannt (sie kennen hier sonst niemanden)")
}
