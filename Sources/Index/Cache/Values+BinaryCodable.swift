// How the values in records are stored in the parse cache. Records themselves, and the items of
// their lists, are stored as their schemas declare them (Schema+Codec.swift).

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

extension Contact: BinaryCodable {}
extension Encounter: BinaryCodable {}
extension Publication: BinaryCodable {}
extension Org: BinaryCodable {}
extension Goal: BinaryCodable {}
extension Publication.Status: BinaryRawValue {}

extension Contact.Link: BinaryCodable {
    func write(to writer: BinaryWriter) {
        writer.write(label)
        writer.write(url)
    }

    init(from reader: BinaryReader) throws {
        self.init(label: try reader.read(), url: try reader.read())
    }
}
extension Goal.Status: BinaryRawValue {}
extension IntroductionState: BinaryRawValue {}
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
