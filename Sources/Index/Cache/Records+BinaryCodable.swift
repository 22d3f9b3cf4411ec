// How each record, and each value in one, is stored in the parse cache: its fields in
// declaration order. A field added to a type must be added here too; `ParseCacheTests` fails
// until it is.

extension ParsedFile: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(record)
        writer.write(diagnostics)
    }

    init(from reader: BinaryReader) throws {
        self.init(record: try reader.read(), diagnostics: try reader.read())
    }
}

extension AnyRecord: BinaryCodable {
    func write(to writer: BinaryWriter) {
        switch self {
        case let .contact(record):
            writer.write(RecordKind.contact)
            writer.write(record)
        case let .encounter(record):
            writer.write(RecordKind.encounter)
            writer.write(record)
        case let .publication(record):
            writer.write(RecordKind.publication)
            writer.write(record)
        case let .org(record):
            writer.write(RecordKind.org)
            writer.write(record)
        case let .goal(record):
            writer.write(RecordKind.goal)
            writer.write(record)
        }
    }

    init(from reader: BinaryReader) throws {
        switch try RecordKind(from: reader) {
        case .contact: self = .contact(try reader.read())
        case .encounter: self = .encounter(try reader.read())
        case .publication: self = .publication(try reader.read())
        case .org: self = .org(try reader.read())
        case .goal: self = .goal(try reader.read())
        }
    }
}

extension Contact: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(slug)
        writer.write(path)
        writer.write(name)
        writer.write(aliases)
        writer.write(emails)
        writer.write(phones)
        writer.write(links)
        writer.write(location)
        writer.write(birthday)
        writer.write(org)
        writer.write(title)
        writer.write(roles)
        writer.write(met)
        writer.write(metVia)
        writer.write(howMet)
        writer.write(circle)
        writer.write(cadence)
        writer.write(snoozeUntil)
        writer.write(tags)
        writer.write(isPublic)
        writer.write(goals)
        writer.write(body)
        writer.write(bodyLine)
        writer.write(wikiLinks)
        writer.write(extraFields)
    }

    init(from reader: BinaryReader) throws {
        self.init(slug: try reader.read(), path: try reader.read(), name: try reader.read())
        aliases = try reader.read()
        emails = try reader.read()
        phones = try reader.read()
        links = try reader.read()
        location = try reader.read()
        birthday = try reader.read()
        org = try reader.read()
        title = try reader.read()
        roles = try reader.read()
        met = try reader.read()
        metVia = try reader.read()
        howMet = try reader.read()
        circle = try reader.read()
        cadence = try reader.read()
        snoozeUntil = try reader.read()
        tags = try reader.read()
        isPublic = try reader.read()
        goals = try reader.read()
        body = try reader.read()
        bodyLine = try reader.read()
        wikiLinks = try reader.read()
        extraFields = try reader.read()
    }
}

extension Contact.Link: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(label)
        writer.write(url)
    }

    init(from reader: BinaryReader) throws {
        self.init(label: try reader.read(), url: try reader.read())
    }
}

extension Role: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(org)
        writer.write(title)
        writer.write(from)
        writer.write(to)
        writer.write(location)
    }

    init(from reader: BinaryReader) throws {
        self.init(
            org: try reader.read(), title: try reader.read(), from: try reader.read(), to: try reader.read(),
            location: try reader.read())
    }
}

extension Encounter: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(slug)
        writer.write(path)
        writer.write(date)
        writer.write(title)
        writer.write(kind)
        writer.write(with)
        writer.write(introduced)
        writer.write(event)
        writer.write(location)
        writer.write(gave)
        writer.write(received)
        writer.write(followups)
        writer.write(goals)
        writer.write(tags)
        writer.write(body)
        writer.write(bodyLine)
        writer.write(wikiLinks)
        writer.write(extraFields)
        writer.write(hasDate)
    }

    init(from reader: BinaryReader) throws {
        self.init(slug: try reader.read(), path: try reader.read(), date: try reader.read())
        title = try reader.read()
        kind = try reader.read()
        with = try reader.read()
        introduced = try reader.read()
        event = try reader.read()
        location = try reader.read()
        gave = try reader.read()
        received = try reader.read()
        followups = try reader.read()
        goals = try reader.read()
        tags = try reader.read()
        body = try reader.read()
        bodyLine = try reader.read()
        wikiLinks = try reader.read()
        extraFields = try reader.read()
        hasDate = try reader.read()
    }
}

extension FollowUp: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(task)
        writer.write(due)
        writer.write(done)
        writer.write(location)
    }

    init(from reader: BinaryReader) throws {
        self.init(task: try reader.read(), due: try reader.read(), done: try reader.read(), location: try reader.read())
    }
}

extension Publication: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(slug)
        writer.write(path)
        writer.write(title)
        writer.write(kind)
        writer.write(date)
        writer.write(status)
        writer.write(venue)
        writer.write(url)
        writer.write(slides)
        writer.write(recording)
        writer.write(with)
        writer.write(audience)
        writer.write(submitted)
        writer.write(abstract)
        writer.write(metrics)
        writer.write(tags)
        writer.write(goals)
        writer.write(body)
        writer.write(bodyLine)
        writer.write(wikiLinks)
        writer.write(extraFields)
    }

    init(from reader: BinaryReader) throws {
        self.init(slug: try reader.read(), path: try reader.read(), title: try reader.read())
        kind = try reader.read()
        date = try reader.read()
        status = try reader.read()
        venue = try reader.read()
        url = try reader.read()
        slides = try reader.read()
        recording = try reader.read()
        with = try reader.read()
        audience = try reader.read()
        submitted = try reader.read()
        abstract = try reader.read()
        metrics = try reader.read()
        tags = try reader.read()
        goals = try reader.read()
        body = try reader.read()
        bodyLine = try reader.read()
        wikiLinks = try reader.read()
        extraFields = try reader.read()
    }
}

extension Publication.Status: BinaryRawValue {}

extension Publication.Metric: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(date)
        writer.write(reach)
        writer.write(audience)
        writer.write(views)
    }

    init(from reader: BinaryReader) throws {
        self.init(date: try reader.read(), reach: try reader.read(), audience: try reader.read(), views: try reader.read())
    }
}

extension Org: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(slug)
        writer.write(path)
        writer.write(name)
        writer.write(aliases)
        writer.write(website)
        writer.write(industry)
        writer.write(tags)
        writer.write(body)
        writer.write(bodyLine)
        writer.write(wikiLinks)
        writer.write(extraFields)
    }

    init(from reader: BinaryReader) throws {
        self.init(slug: try reader.read(), path: try reader.read(), name: try reader.read())
        aliases = try reader.read()
        website = try reader.read()
        industry = try reader.read()
        tags = try reader.read()
        body = try reader.read()
        bodyLine = try reader.read()
        wikiLinks = try reader.read()
        extraFields = try reader.read()
    }
}

extension Goal: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(slug)
        writer.write(path)
        writer.write(title)
        writer.write(due)
        writer.write(status)
        writer.write(aliases)
        writer.write(tags)
        writer.write(body)
        writer.write(bodyLine)
        writer.write(wikiLinks)
        writer.write(extraFields)
    }

    init(from reader: BinaryReader) throws {
        self.init(slug: try reader.read(), path: try reader.read(), title: try reader.read())
        due = try reader.read()
        status = try reader.read()
        aliases = try reader.read()
        tags = try reader.read()
        body = try reader.read()
        bodyLine = try reader.read()
        wikiLinks = try reader.read()
        extraFields = try reader.read()
    }
}

extension Goal.Status: BinaryRawValue {}
extension RecordKind: BinaryRawValue {}

extension RecordID: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(kind)
        writer.write(slug)
    }

    init(from reader: BinaryReader) throws {
        self.init(try reader.read(), try reader.read())
    }
}

extension Reference: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(text)
        writer.write(location)
        writer.write(target)
    }

    init(from reader: BinaryReader) throws {
        self.init(try reader.read(), at: try reader.read(), target: try reader.read())
    }
}

extension WikiLink: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(text)
        writer.write(label)
        writer.write(location)
        writer.write(target)
    }

    init(from reader: BinaryReader) throws {
        self.init(try reader.read(), label: try reader.read(), at: try reader.read(), target: try reader.read())
    }
}

extension ExtraField: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(key)
        writer.write(value)
        writer.write(location)
    }

    init(from reader: BinaryReader) throws {
        self.init(key: try reader.read(), value: try reader.read(), location: try reader.read())
    }
}

extension FieldValue: BinaryCodable {
    func write(to writer: BinaryWriter) {
        switch self {
        case let .text(text):
            writer.byte(0)
            writer.write(text)
        case let .list(items):
            writer.byte(1)
            writer.write(items)
        case let .map(entries):
            writer.byte(2)
            writer.write(entries)
        }
    }

    init(from reader: BinaryReader) throws {
        switch try reader.byte() {
        case 0: self = .text(try reader.read())
        case 1: self = .list(try reader.read())
        case 2: self = .map(try reader.read())
        default: throw BinaryReader.Malformed()
        }
    }
}

extension FieldValue.Entry: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(key)
        writer.write(value)
    }

    init(from reader: BinaryReader) throws {
        self.init(key: try reader.read(), value: try reader.read())
    }
}

extension SourceLocation: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(path)
        writer.write(line)
        writer.write(column)
    }

    init(from reader: BinaryReader) throws {
        self.init(path: try reader.read(), line: try reader.read(), column: try reader.read())
    }
}

extension Diagnostic: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(severity)
        writer.write(code)
        writer.write(message)
        writer.write(location)
    }

    init(from reader: BinaryReader) throws {
        self.init(try reader.read(), try reader.read(), try reader.read(), at: try reader.read())
    }
}

extension Diagnostic.Severity: BinaryRawValue {}
extension Diagnostic.Code: BinaryRawValue {}

extension Day: BinaryCodable {
    func write(to writer: BinaryWriter) { writer.write(dayNumber) }
    init(from reader: BinaryReader) throws { self.init(dayNumber: try reader.read()) }
}

extension Moment: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(day)
        writer.write(minuteOfDay)
    }

    init(from reader: BinaryReader) throws {
        self.init(day: try reader.read(), minuteOfDay: try reader.read())
    }
}

/// Dates and cadences without a public memberwise form are stored as the text they parse from.
protocol BinaryText: BinaryCodable, CustomStringConvertible {
    init?(_ text: String)
}

extension BinaryText {
    func write(to writer: BinaryWriter) { writer.string(description) }
    init(from reader: BinaryReader) throws {
        guard let value = Self(try reader.string()) else { throw BinaryReader.Malformed() }
        self = value
    }
}

extension PartialDate: BinaryText {}
extension Birthday: BinaryText {}
extension Cadence: BinaryText {}
