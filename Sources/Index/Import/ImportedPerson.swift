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
    /// When we connected (LinkedIn's `Connected On`).
    public var met: Day?
    /// Where the person comes from: "LinkedIn", "Google Contacts", "vCard".
    public var howMet: String?
    /// Free text for the body of a new contact's file.
    public var notes: String?
    public var tags: [String] = []

    public init(line: Int, name: String) {
        self.line = line
        self.name = name
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
