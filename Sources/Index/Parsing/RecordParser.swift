import Foundation

/// One file of the journal, before it is read: where it is and what it should hold.
package struct JournalFile: Sendable {
    /// The file's full path: a plain string, since making a `URL` for each of 100,000 files
    /// was a third of finding them.
    package var absolutePath: String
    /// Relative to the journal's root, with `/`.
    package var path: String
    package var kind: RecordKind
    package var slug: String

    package init(absolutePath: String, path: String, kind: RecordKind, slug: String) {
        self.absolutePath = absolutePath
        self.path = path
        self.kind = kind
        self.slug = slug
    }

    /// The order files are read in, and records of a kind come in before they are sorted: by
    /// the bytes of their paths. A full order, and without the Unicode comparison of
    /// `String`, which was a quarter of finding the files.
    package static func inPathOrder(_ a: JournalFile, _ b: JournalFile) -> Bool {
        let order = a.path.utf8.withContiguousStorageIfAvailable { x in
            b.path.utf8.withContiguousStorageIfAvailable { y in precedes(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) }
        }
        // Every native string is contiguous; a bridged one is compared byte by byte.
        return (order ?? nil) ?? a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
    }

    /// `files` sorted `inPathOrder`. The paths are laid out in one buffer and positions are
    /// sorted: sorting the files themselves moved three strings at each step, which with the
    /// Unicode comparison of `String` was a quarter of finding the files.
    package static func sortedByPath(_ files: [JournalFile]) -> [JournalFile] {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(files.count + 1)
        for file in files {
            bytes.append(contentsOf: file.path.utf8)
            starts.append(bytes.count)
        }
        var order = Array(files.indices)
        bytes.withUnsafeBytes { bytes in
            order.sort { a, b in
                precedes(
                    UnsafeRawBufferPointer(rebasing: bytes[starts[a]..<starts[a + 1]]),
                    UnsafeRawBufferPointer(rebasing: bytes[starts[b]..<starts[b + 1]]))
            }
        }
        return order.map { files[$0] }
    }

    /// Whether the bytes `x` come before the bytes `y`, as `memcmp` orders them.
    private static func precedes(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Bool {
        let common = min(x.count, y.count)
        guard common > 0, let xStart = x.baseAddress, let yStart = y.baseAddress else { return x.count < y.count }
        let sign = memcmp(xStart, yStart, common)
        return sign != 0 ? sign < 0 : x.count < y.count
    }
}

/// A record of any kind, as parsing returns it.
enum AnyRecord: Sendable {
    case contact(Contact)
    case encounter(Encounter)
    case publication(Publication)
    case org(Org)
    case goal(Goal)

    var kind: RecordKind {
        switch self {
        case .contact: return .contact
        case .encounter: return .encounter
        case .publication: return .publication
        case .org: return .org
        case .goal: return .goal
        }
    }
}

/// What parsing one file gave: its record, unless it could not be read at all, and its problems.
package struct ParsedFile: Sendable {
    var record: AnyRecord?
    package var diagnostics: [Diagnostic]
}

/// Turns one file into a record and its diagnostics. Pure: runs on any thread, touches nothing
/// but the file it reads.
package enum RecordParser {
    package static func parse(_ file: JournalFile) -> ParsedFile {
        switch SourceText.read(file.absolutePath, path: file.path) {
        case let .failure(diagnostic): return ParsedFile(record: nil, diagnostics: [diagnostic])
        case let .success(text): return parse(text, file: file)
        }
    }

    /// Parses a file already read.
    package static func parse(bytes: [UInt8], file: JournalFile) -> ParsedFile {
        switch SourceText.decode(bytes, path: file.path) {
        case let .failure(diagnostic): return ParsedFile(record: nil, diagnostics: [diagnostic])
        case let .success(text): return parse(text, file: file)
        }
    }

    /// Git's conflict markers left in a file (`<<<<<<< `, `=======`, `>>>>>>> ` at a line's
    /// start, as `git merge` and `ties merge-driver` write them): one error at each opening one.
    static func conflictMarkers(in text: String, path: String) -> [Diagnostic] {
        guard text.contains("<<<<<<<") else { return [] }
        var diagnostics: [Diagnostic] = []
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            guard raw.hasPrefix("<<<<<<<") else { continue }
            let rest = raw.drop { $0 == "<" }
            guard rest.isEmpty || rest.first == " " || rest.first == "\r" else { continue }
            diagnostics.append(
                .error(
                    .mergeConflict,
                    "an unresolved merge conflict: keep one side (or both) between the markers and remove the <<<<<<<, ======= and >>>>>>> lines",
                    at: SourceLocation(path: path, line: line, column: 1)))
            if diagnostics.count >= 100 { break }
        }
        return diagnostics
    }

    package static func parse(_ text: String, file: JournalFile) -> ParsedFile {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: file.path) {
        case let .failure(diagnostic): return ParsedFile(record: nil, diagnostics: [diagnostic])
        case let .success(split): frontMatter = split
        }
        var fields = Fields(path: file.path)
        var broken = false
        if let yaml = frontMatter.yaml {
            (fields, broken) = Fields.parse(yaml: yaml, yamlLine: frontMatter.yamlLine, path: file.path)
        }
        let body = MarkdownBody(frontMatter.body, firstLine: frontMatter.bodyLine, path: file.path)
        var context = Context(
            file: file, fields: fields, body: frontMatter.body, bodyLine: frontMatter.bodyLine,
            markdown: body, frontMatterBroken: broken)
        let record: AnyRecord
        switch file.kind {
        case .contact: record = .contact(context.read())
        case .encounter: record = .encounter(context.read())
        case .publication: record = .publication(context.read())
        case .org: record = .org(context.read())
        case .goal: record = .goal(context.read())
        }
        var diagnostics = context.fields.diagnostics + body.diagnostics
        if broken { diagnostics.removeAll { $0.code == .missingField } }
        diagnostics += conflictMarkers(in: text, path: file.path)
        return ParsedFile(record: record, diagnostics: diagnostics)
    }

    /// The state of parsing one file.
    struct Context {
        var file: JournalFile
        var fields: Fields
        var body: String
        var bodyLine: Int
        var markdown: MarkdownBody
        var frontMatterBroken: Bool

        /// The file name without folders or `.md`: the fallback for names and titles.
        var fileStem: String { String(file.slug.split(separator: "/").last ?? Substring(file.slug)) }

        /// A record of the file's kind, its fields read as its schema declares them.
        mutating func read<R: Record>() -> R {
            var record = R(slug: file.slug, path: file.path)
            let readContext = ReadContext(heading: markdown.firstHeading, fileStem: fileStem)
            let path = file.path
            _ = R.schema.read(into: &record, from: &fields, context: readContext) { field, fields in
                fields.error(
                    .missingField, "missing required field '\(field.key)'; \(field.requiredHint)",
                    at: SourceLocation(path: path, line: 1, column: 1))
            }
            finish(&record)
            return record
        }

        /// Gives a record what every kind has: its body, its links and, last, the fields never read.
        private mutating func finish<R: Record>(_ record: inout R) {
            record.body = body
            record.bodyLine = bodyLine
            record.wikiLinks = markdown.wikiLinks
            record.extraFields = fields.unknownFields()
        }
    }
}
