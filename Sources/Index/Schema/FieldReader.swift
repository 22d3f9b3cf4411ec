/// How a value of one type is read from a front matter, and described in docs.
///
/// Readers report what is wrong (a date that is no date, a list where a text belongs) into the
/// `Fields` they read, at the value's place, and give nil for a value absent or unusable.
struct FieldReader<V>: @unchecked Sendable {
    /// What the value looks like, for docs.
    let shape: String
    /// What to write, in a "missing required field" message.
    var placeholder = "…"
    /// What the value's references refer to, nested items' included.
    var targets: [ReferenceTarget] = []
    /// For a list of items: their schema's signature, so the cache's format follows it.
    var nestedSignature = ""
    let read: (inout Fields, String, ReadContext) -> V?
    /// For values holding references: each reference and what it refers to.
    var visit: ((V, ReferenceVisit) -> Void)?
    /// For values holding references: lets a resolver fill in each reference's target; the
    /// `String` is the key of the field.
    var resolve: ((inout V, String, ReferenceResolve) -> Void)?
}

extension FieldReader where V == String {
    static var text: FieldReader { FieldReader(shape: "text") { fields, key, _ in fields.text(key) } }

    /// A text compared case-insensitively, kept lower-cased: an encounter's `kind`.
    static var word: FieldReader {
        FieldReader(shape: "word") { fields, key, _ in fields.text(key)?.lowercased() }
    }
}

extension FieldReader where V == [String] {
    static var texts: FieldReader { FieldReader(shape: "list of texts") { fields, key, _ in fields.list(key) } }

    /// Tags without a leading `#`; a text of several (`a, b` or `#a #b`) is split, as Obsidian
    /// accepts both.
    static var tags: FieldReader {
        FieldReader(shape: "list of tags") { fields, key, _ in
            fields.list(key)
                .flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }) }
                .map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) }
                .filter { !$0.isEmpty }
        }
    }
}

extension FieldReader where V == Day {
    static var day: FieldReader {
        FieldReader(shape: "date `YYYY-MM-DD`", placeholder: "YYYY-MM-DD") { fields, key, _ in fields.day(key) }
    }

    /// A date, or a duration after the day the context anchors (`2w` after the encounter).
    static var dayOrDuration: FieldReader {
        FieldReader(shape: "date, or a duration after the encounter (`2w`)", placeholder: "YYYY-MM-DD") {
            fields, key, context in
            guard let (text, location) = fields.located(key) else { return nil }
            if let day = Day(text) { return day }
            if let cadence = Cadence(text), let anchor = context.anchor, let after = cadence.after(anchor) { return after }
            if case .failure(.tooLong) = Cadence.parse(text) {
                fields.error(
                    .outOfRange, "'\(text)' in '\(key)' is longer than \(Cadence.longestYears) years; write a date",
                    at: location)
            } else {
                fields.error(
                    .invalidDate, "'\(text)' in '\(key)' is not a date; write YYYY-MM-DD or a duration like 2w", at: location)
            }
            return nil
        }
    }
}

extension FieldReader where V == Moment {
    static var moment: FieldReader {
        FieldReader(shape: "`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`", placeholder: "YYYY-MM-DD") { fields, key, _ in
            guard let (text, location) = fields.located(key) else { return nil }
            guard let moment = Moment(text) else {
                fields.error(
                    .invalidDate, "'\(text)' in '\(key)' is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:MM", at: location)
                return nil
            }
            return moment
        }
    }
}

extension FieldReader where V == PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    static var partialDate: FieldReader {
        FieldReader(shape: "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`", placeholder: "YYYY") { fields, key, _ in
            fields.partialDate(key)
        }
    }

    /// The end of a role: a partial date, or `present` (or nothing) for one still held.
    static var endDate: FieldReader {
        FieldReader(shape: "`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `present`", placeholder: "YYYY") { fields, key, _ in
            guard let (text, location) = fields.located(key), text.lowercased() != "present" else { return nil }
            guard let date = PartialDate(text) else {
                fields.error(
                    .invalidDate, "'\(text)' in '\(key)' is not a date; write YYYY, YYYY-MM, YYYY-MM-DD or present",
                    at: location)
                return nil
            }
            return date
        }
    }
}

extension FieldReader where V == Birthday {
    static var birthday: FieldReader {
        FieldReader(shape: "`YYYY-MM-DD` or `MM-DD`", placeholder: "MM-DD") { fields, key, _ in
            guard let (text, location) = fields.located(key) else { return nil }
            guard let birthday = Birthday(text) else {
                fields.error(.invalidDate, "'\(text)' in '\(key)' is not a date; write YYYY-MM-DD or MM-DD", at: location)
                return nil
            }
            return birthday
        }
    }
}

extension FieldReader where V == Cadence {
    static var cadence: FieldReader {
        FieldReader(shape: "cadence (`30d`, `6w`, `3m`, `1y`, `none`)", placeholder: "3m") { fields, key, _ in
            fields.cadence(key)
        }
    }
}

extension FieldReader where V == Bool {
    static var flag: FieldReader { FieldReader(shape: "true or false") { fields, key, _ in fields.bool(key) } }
}

extension FieldReader where V == Int {
    /// A whole number up to `Fields.largestFigure`: an audience, views.
    static var figure: FieldReader {
        FieldReader(shape: "whole number", placeholder: "0") { fields, key, _ in fields.integer(key) }
    }
}

extension FieldReader where V: RawRepresentable & CaseIterable, V.RawValue == String {
    /// One of a fixed set of words, with a "did you mean" when misspelt.
    static var choice: FieldReader {
        FieldReader(shape: V.allCases.map(\.rawValue).joined(separator: ", ")) { fields, key, _ in
            fields.choice(key, as: V.self)
        }
    }
}

extension FieldReader where V == Reference {
    /// One name of a record (or circle), resolved when the journal is linked.
    static func reference(to target: ReferenceTarget) -> FieldReader {
        FieldReader(
            shape: target == .circle ? "a circle of `ties.yaml`" : "\(target.noun) reference", targets: [target],
            read: { fields, key, _ in fields.reference(key) },
            visit: { reference, body in body(reference, target) },
            resolve: { reference, key, body in body(&reference, target, key) })
    }
}

extension FieldReader where V == [Reference] {
    static func references(to target: ReferenceTarget) -> FieldReader {
        FieldReader(
            shape: "\(target.noun) references", targets: [target],
            read: { fields, key, _ in fields.references(key) },
            visit: { references, body in for reference in references { body(reference, target) } },
            resolve: { references, key, body in
                for index in references.indices { body(&references[index], target, key) }
            })
    }
}

extension FieldReader where V == [Contact.Link] {
    /// A map of labelled addresses, `{linkedin: …, web: …}`, in the order written.
    static var links: FieldReader {
        FieldReader(shape: "map of texts") { fields, key, _ in
            fields.textMap(key).map { Contact.Link(label: $0.key, url: $0.value) }
        }
    }
}

extension FieldReader {
    /// A list of maps, each read by the item type's own schema: a contact's roles, an
    /// encounter's follow-ups.
    static func items<I: ListItem>(_ type: I.Type) -> FieldReader where V == [I] {
        let targets = I.schema.fields.flatMap(\.targets)
        let holdsReferences = !targets.isEmpty
        return FieldReader(
            shape: "list of `{\(I.schema.allKeys.joined(separator: ", "))}`", targets: targets,
            nestedSignature: I.schema.signature,
            read: { fields, key, context in I.schema.readItems(key, from: &fields, context: context) },
            visit: holdsReferences
                ? { items, body in for item in items { I.schema.forEachReference(in: item, body) } } : nil,
            resolve: holdsReferences
                ? { items, _, body in
                    for index in items.indices { I.schema.resolveReferences(in: &items[index], body) }
                } : nil)
    }
}
