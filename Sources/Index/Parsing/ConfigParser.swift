import Foundation

/// Reads `ties.yaml`. A problem in it is a diagnostic like any other; the defaults stand in for
/// whatever could not be read, so the rest of the journal is still checked.
enum ConfigParser {
    static let fileName = "ties.yaml"

    package static func parse(at url: URL) -> (config: JournalConfig, diagnostics: [Diagnostic]) {
        switch SourceText.read(url.path, path: fileName) {
        case let .failure(diagnostic): return (JournalConfig(), [diagnostic])
        case let .success(text): return parse(text)
        }
    }

    package static func parse(_ text: String) -> (config: JournalConfig, diagnostics: [Diagnostic]) {
        var (fields, _) = Fields.parse(yaml: text, yamlLine: 1, path: fileName)
        var config = JournalConfig()
        var greetingCircles: [(text: String, location: SourceLocation)] = []
        if let title = fields.text("title") { config.title = title }
        config.owner = fields.text("owner")
        if let language = fields.choice("language", as: JournalConfig.Language.self) { config.language = language }
        if let (zone, location) = fields.located("timezone") {
            if TimeZone(identifier: zone) == nil {
                fields.warning(
                    .invalidValue, "unknown time zone '\(zone)'; write an IANA name like Europe/Berlin",
                    at: location)
            } else {
                config.timezone = zone
            }
        }
        if let node = fields.node("me") {
            if var me = fields.child(node) {
                config.myOrg = me.reference("org")
                config.myEmails = me.list("emails")
                config.myRoles = Role.schema.readItems(
                    "roles", from: &me, context: ReadContext(heading: nil, fileStem: "ties", anchor: nil))
                _ = me.text("name")
                _ = me.unknownFields()
                fields.absorb(me)
            } else {
                fields.error(
                    .wrongType, "field 'me' must be a map like 'org: Acme', found \(Fields.describe(node))",
                    at: fields.location(of: node))
            }
        }
        for entry in fields.textMap("circles") {
            guard let cadence = fields.cadence(entry.value, at: entry.location, in: "for circle '\(entry.key)'") else {
                continue
            }
            config.circles.append(.init(name: entry.key, cadence: cadence))
        }
        for item in fields.maps("greetings", what: "a greeting", example: "{what: Season's greetings, date: 12-15}") {
            var greeting = item
            let what = greeting.text("what")
            var monthDay: Birthday?
            if let (text, location) = greeting.located("date") {
                monthDay = Birthday(text)
                if monthDay == nil || monthDay?.year != nil {
                    greeting.error(.invalidDate, "'\(text)' in 'date' is not a day of the year; write MM-DD", at: location)
                    monthDay = nil
                }
            }
            let circles = greeting.locatedList("circles")
            _ = greeting.unknownFields()
            if what == nil {
                greeting.error(.missingField, "a greeting needs 'what', e.g. Season's greetings", at: greeting.mapLocation)
            }
            if monthDay == nil && greeting.diagnostics.isEmpty {
                greeting.error(.missingField, "a greeting needs a 'date' as MM-DD", at: greeting.mapLocation)
            }
            fields.absorb(greeting)
            guard let what, let monthDay else { continue }
            config.greetings.append(.init(what: what, month: monthDay.month, day: monthDay.day, circles: circles.map(\.text)))
            greetingCircles += circles
        }
        if let node = fields.node("carddav") {
            if var carddav = fields.child(node) {
                let url = carddav.text("url")
                let username = carddav.text("username")
                let command = carddav.text("password_command")
                let circles = carddav.list("circles")
                let tags = carddav.list("tags")
                let notes = carddav.bool("notes") ?? false
                if carddav.text("password") != nil {
                    carddav.error(
                        .invalidValue,
                        "a password in ties.yaml would be in every copy of the journal; set TIES_CARDDAV_PASSWORD or password_command",
                        at: carddav.mapLocation)
                }
                _ = carddav.unknownFields()
                if url == nil {
                    carddav.error(
                        .missingField, "carddav needs 'url', the address book's or the server's", at: carddav.mapLocation)
                }
                fields.absorb(carddav)
                if let url {
                    config.carddav = .init(
                        url: url, username: username, passwordCommand: command, circles: circles, tags: tags, notes: notes)
                }
            } else {
                fields.error(
                    .wrongType, "field 'carddav' must be a map like 'url: https://…', found \(Fields.describe(node))",
                    at: fields.location(of: node))
            }
        }
        if let cadence = fields.cadence("default_cadence") { config.defaultCadence = cadence }
        if let after = fields.cadence("followup_after") {
            if after == .none {
                fields.error(
                    .invalidDuration, "'followup_after' must be a duration like 7d or 2w, not none",
                    at: fields.keyLocation("followup_after"))
            } else {
                config.followupAfter = after
            }
        }
        if let (output, location) = fields.located("output") {
            if output.hasPrefix("/") || output.split(separator: "/").contains("..") || output == "." {
                fields.error(.invalidValue, "'output' must be a folder inside the journal, like _site", at: location)
            } else {
                config.output = output
            }
        }
        if let unsafe = fields.bool("unsafe_html") { config.unsafeHTML = unsafe }
        if let (url, location) = fields.located("url") {
            if url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") {
                config.url = url.hasSuffix("/") ? url : url + "/"
            } else {
                fields.error(.invalidValue, "'url' must be a web address like https://example.org/talks/", at: location)
            }
        }
        for (name, location) in greetingCircles where config.circle(named: name) == nil {
            let hint = Suggestion.clause(Suggestion.nearest(to: name, in: config.circles.map(\.name)))
            fields.warning(.unknownCircle, "unknown circle '\(name)' in a greeting\(hint)", at: location)
        }
        config.extraFields = fields.unknownFields()
        return (config, fields.diagnostics + RecordParser.conflictMarkers(in: text, path: fileName))
    }
}
