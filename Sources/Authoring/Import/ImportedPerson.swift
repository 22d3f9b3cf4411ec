import Index
import Support

/// One person as an import file describes them, before it is matched with the journal.
public struct ImportedPerson: Sendable, Equatable {
    /// The 1-based line of the row, card or event in the import file.
    public var line: Int
    /// The import file, when several are imported at once.
    public var file: String?
    public var name: String
    public var emails: [String] = []
    public var phones: [String] = []
    /// Profile and web addresses, labelled (`linkedin`, `web`, or the file's own label).
    public var links: [Contact.Link] = []
    public var org: String?
    public var title: String?
    public var birthday: Birthday?
    /// Where the person lives or works (a vCard's town and country).
    public var location: String?
    /// When we connected (LinkedIn's `Connected On`).
    public var met: Day?
    /// Where the person comes from: "LinkedIn", "Google Contacts", "vCard".
    public var howMet: String?
    /// Free text for the body of a new contact's file.
    public var notes: String?
    public var tags: [String] = []
    /// Whether the file is the person's own professional profile (LinkedIn), which says where
    /// they work now: only such a source records a job change on its own.
    public var isProfessionalProfile = false
    /// The normalised addresses and labels of `links`, for `addLink`.
    var linkIndex = LinkIndex()

    struct LinkIndex: Sendable, Equatable {
        var addresses: Set<String> = []
        var labels: Set<String> = []
    }

    /// What the reader noticed about this person and says in the report: a name cleaned of
    /// decorations, a value it could not read, a second value for a field that takes one.
    public var remarks: [String] = []

    public init(line: Int, name: String) {
        self.line = line
        self.name = name
    }

    /// A name from the file, cleaned of decorations (`Patrick Huber, MBA`, `Sandra Keller 🚀`),
    /// with a note saying what was taken.
    mutating func takeName(_ written: String) {
        guard let cleaned = PersonName.undecorated(written) else { return }
        remarks.append("name '\(written)' imported as '\(cleaned)'")
        name = cleaned
    }

    /// Adds a link, under a label no other link of the person has (`web`, `web-2`, …).
    mutating func addLink(label: String, url: String) {
        // The addresses and labels so far, kept beside the links: a card of 8,000 URLs must
        // not compare each with all the others.
        let normalised = ContactMatcher.normalisedLink(url)
        if linkIndex.addresses.count != links.count {
            linkIndex = LinkIndex(
                addresses: Set(links.map { ContactMatcher.normalisedLink($0.url) }), labels: Set(links.map(\.label)))
        }
        guard linkIndex.addresses.insert(normalised).inserted else { return }
        let free = Self.freeLabel(label, among: linkIndex.labels)
        linkIndex.labels.insert(free)
        links.append(Contact.Link(label: free, url: url))
    }

    /// `label`, or `label-2`, `label-3`, … when taken (`Slug.firstFree`).
    static func freeLabel(_ label: String, among taken: Set<String>) -> String {
        Slug.firstFree(label) { taken.contains($0) }
    }

    /// The longest text an import writes into one field (notes: `longestNotes`); a longer one is
    /// cut there, and the report says so. Far beyond any real value; it keeps a contact file
    /// well under the 8 MiB ties reads.
    static let longestValue = 4_096
    static let longestNotes = 1 << 20
    /// The longest link label: libyaml takes keys of at most 1,024 characters.
    static let longestLabel = 64
    /// The most emails, phones, links or tags an import gives one person: far beyond any
    /// address book's, and with `longestValue` it keeps a contact file under what ties reads.
    static let mostPerList = 1_000

    /// A row whose notes would take a person's notes from this import past `longestNotes`.
    static func notesLeftOut(_ name: String) -> String {
        "\(name): the notes of this row were left out: one import adds at most \(longestNotes >> 20) MiB of notes to a person"
    }

    /// What is left out of a list past `mostPerList`, said once per list.
    static func overflow(_ count: Int, _ field: String) -> String {
        "\(count) more \(field) left out: ties keeps at most \(mostPerList) per person"
    }

    /// The person with every value as ties can read it back: characters YAML forbids
    /// (U+FFFE, U+FFFF, other noncharacters, control characters but tab and line break) and
    /// invisible byte-order marks dropped, so a cell starting with U+FEFF is the same org on
    /// every import; over-long values cut, with a remark.
    func readable() -> ImportedPerson {
        var person = self
        var cut: [String] = []
        func clean(_ text: String, limit: Int, field: String, oneLine: Bool = true) -> String {
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where Self.isKept(scalar, oneLine: oneLine) { out.append(scalar) }
            var result = String(out)
            if oneLine { result = result.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            if result.count > limit {
                result = String(result.prefix(limit))
                cut.append(field)
            }
            return result
        }
        person.name = clean(name, limit: Self.longestValue, field: "name")
        person.emails = emails.map { clean($0, limit: Self.longestValue, field: "email") }.filter { !$0.isEmpty }
        person.phones = phones.map { clean($0, limit: Self.longestValue, field: "phone") }.filter { !$0.isEmpty }
        person.links = links.compactMap { link in
            let url = clean(link.url, limit: Self.longestValue, field: "link")
            let label = String(clean(link.label, limit: Self.longestLabel, field: "link label").prefix(Self.longestLabel))
            return url.isEmpty ? nil : Contact.Link(label: label.isEmpty ? "web" : label, url: url)
        }
        person.org = org.map { clean($0, limit: Self.longestValue, field: "org") }.flatMap { $0.isEmpty ? nil : $0 }
        person.title = title.map { clean($0, limit: Self.longestValue, field: "title") }.flatMap { $0.isEmpty ? nil : $0 }
        person.location = location.map { clean($0, limit: Self.longestValue, field: "location") }.flatMap {
            $0.isEmpty ? nil : $0
        }
        person.howMet = howMet.map { clean($0, limit: Self.longestValue, field: "how_met") }
        person.notes = notes.map { clean($0, limit: Self.longestNotes, field: "notes", oneLine: false) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        person.tags = Self.uniqued(tags.compactMap { Self.tag(clean($0, limit: Self.longestValue, field: "tag")) }) {
            $0.lowercased()
        }
        var overflows: [String] = []
        func capped<Item>(_ items: [Item], _ field: String) -> [Item] {
            guard items.count > Self.mostPerList else { return items }
            overflows.append(Self.overflow(items.count - Self.mostPerList, field))
            return Array(items.prefix(Self.mostPerList))
        }
        person.emails = capped(person.emails, "emails")
        person.phones = capped(person.phones, "phones")
        person.links = capped(person.links, "links")
        person.tags = capped(person.tags, "tags")
        person.remarks += overflows
        for field in Set(cut).sorted() {
            person.remarks.append(
                "its \(field) is longer than ties keeps (\(field == "notes" ? Self.longestNotes : Self.longestValue) characters) and was cut there"
            )
        }
        return person
    }

    /// What YAML may not hold is dropped (`YAMLScalar.mustBeEscaped`), but tab, and the
    /// line breaks of a text of several lines.
    private static func isKept(_ scalar: Unicode.Scalar, oneLine: Bool) -> Bool {
        switch scalar {
        case "\t": return true
        case "\n", "\u{2028}", "\u{2029}": return !oneLine
        default: return !YAMLScalar.mustBeEscaped(scalar)
        }
    }

    /// A category or label as one tag: a tag has no spaces or commas (`ties` splits a tag
    /// text at them), so `TRAVEL AGENT` is `TRAVEL-AGENT`.
    static func tag(_ text: String) -> String? {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasPrefix("#") { text.removeFirst() }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        return words.isEmpty ? nil : words.joined(separator: "-")
    }

    mutating func addTag(_ text: String) {
        guard let tag = Self.tag(text), !tags.contains(where: { $0.lowercased() == tag.lowercased() }) else { return }
        tags.append(tag)
    }

    /// `items` without those whose key an earlier one has, in one pass: a card may hold
    /// thousands of addresses, which must not each be compared with all the others.
    static func uniqued(_ items: [String], by key: (String) -> String) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert(key($0)).inserted }
    }
}

/// What an import file holds: the people it describes, and the rows it could not use.
public struct ImportFile: Sendable, Equatable {
    public var people: [ImportedPerson] = []
    public var skipped: [ImportSkip] = []

    public init(people: [ImportedPerson] = [], skipped: [ImportSkip] = []) {
        self.people = people
        self.skipped = skipped
    }
}

/// A row, card or event of an import file that was not used, and why.
public struct ImportSkip: Sendable, Equatable {
    public var line: Int
    /// The import file, when several are imported at once.
    public var file: String?
    public var reason: String

    public init(line: Int, file: String? = nil, reason: String) {
        self.line = line
        self.file = file
        self.reason = reason
    }
}

/// An import file that is not in the format it was given as: nothing was imported.
public struct ImportFormatError: Error, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): error: \(message)" }
}
