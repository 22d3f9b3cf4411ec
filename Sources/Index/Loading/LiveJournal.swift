import Foundation
import Support

/// A journal kept in memory while its files change, for `ties serve`: each file's parse is
/// kept, so a change parses only the files it names and links the journal again.
///
/// A changed file that keeps every name, date and implicit org as it was is linked alone
/// (`Linker.relink`); otherwise linking is whole (it is linear, and a renamed contact can
/// change the links of any file). Finding the files again happens only when a change names a
/// file or folder that was not known, or one that is gone. A file that does not parse is a diagnostic like in any load:
/// the journal goes on with the rest.
public struct LiveJournal: Sendable {
    public let root: URL
    /// The journal as the files are now.
    public private(set) var journal: Journal
    private var config: JournalConfig
    private var configDiagnostics: [Diagnostic]
    private var discoveryDiagnostics: [Diagnostic]
    /// In path order, with each file's parse at the same index.
    private var files: [JournalFile]
    private var parsed: [ParsedFile]
    /// A hash of each file's bytes as parsed (nil: not known), so that a save that changed
    /// nothing (`:w` of an unchanged buffer, `touch`) is no change.
    private var hashes: [UInt64?]
    private var position: [String: Int]
    /// The name tables of `journal` while changes keep every name (`Linker.relink`).
    private var nameTables: Linker.NameTables?

    /// What one `update` did.
    public struct Update: Sendable, Equatable {
        /// Files parsed again (new and changed ones).
        public var parsed: Int
        /// Whether files came or went (added or taken out, or, when a folder did, found again).
        public var rediscovered: Bool
        /// Whether ties.yaml was read again.
        public var configuration: Bool
    }

    /// Loads every file, from the parse cache where a file did not change.
    public init(root: URL, cache: ParseCache? = nil) {
        self.root = root
        let loader = JournalLoader(root: root, cache: cache)
        var timer = PhaseTimer()
        let found = loader.find(timer: &timer)
        config = found.config
        configDiagnostics = found.configDiagnostics
        discoveryDiagnostics = found.discoveryDiagnostics
        files = found.files
        // The user's parse cache, read and kept up to date as any command does.
        let (outcomes, origin, writing) = loader.parse(found)
        parsed = outcomes.map(\.parsed)
        hashes = outcomes.map { $0.entry?.hash }
        timer.lap("parse \(origin.parsed) files, read \(origin.cached) from the cache")
        defer { writing?.wait() }
        position = Self.positions(of: files)
        journal = Self.link(root: root, config: config, diagnostics: configDiagnostics + discoveryDiagnostics, files, parsed)
        journal.origin = origin
    }

    /// Takes in the files that changed (paths relative to the root, as `JournalWatcher`
    /// reports them), and links the journal again. Paths outside the record folders and
    /// ties.yaml (the theme, say) change nothing here.
    @discardableResult
    public mutating func update(changed paths: [String]) -> Update {
        var update = Update(parsed: 0, rediscovered: false, configuration: false)
        var needsDiscovery = false
        var changed = Set<String>()
        for path in paths {
            if path == ConfigParser.fileName {
                let (newConfig, newDiagnostics) = ConfigParser.parse(at: root.appending(path: ConfigParser.fileName))
                needsDiscovery = needsDiscovery || newConfig.output != config.output
                (config, configDiagnostics) = (newConfig, newDiagnostics)
                update.configuration = true
                continue
            }
            guard RecordKind.allCases.contains(where: { path == $0.folder || path.hasPrefix($0.folder + "/") }) else { continue }
            changed.insert(path)
            if !needsDiscovery && changesFiles(path) { needsDiscovery = true }
        }
        // A file that came or went is added or taken out; only folders (and links, which a
        // search of the folders judges) make the files be found again.
        var added: [JournalFile] = []
        var removed: [Int] = []
        if needsDiscovery && !update.configuration {
            needsDiscovery = false
            let loader = JournalLoader(root: root)
            for path in changed where !needsDiscovery {
                let exists = FileManager.default.fileExists(atPath: root.appending(path: path).path)
                if let index = position[path], !exists {
                    removed.append(index)
                } else if position[path] == nil, exists {
                    if let file = loader.plainRecordFile(at: path, skipping: config.output) {
                        added.append(file)
                    } else {
                        needsDiscovery = true
                    }
                } else if position[path] == nil, files.contains(where: { $0.path.hasPrefix(path + "/") }) {
                    needsDiscovery = true
                }
            }
            if needsDiscovery { (added, removed) = ([], []) }
        }
        guard update.configuration || !changed.isEmpty else { return update }
        var timer = PhaseTimer()
        if needsDiscovery {
            let (newFiles, diagnostics) = JournalLoader(root: root).discover(skipping: config.output)
            timer.lap("find files again")
            discoveryDiagnostics = diagnostics
            let old = (parsed: parsed, hashes: hashes, position: position)
            let toParse = newFiles.indices.filter { index in
                changed.contains(newFiles[index].path) || old.position[newFiles[index].path] == nil
            }
            let fresh = toParse.parallelMap { Self.read(newFiles[$0]) }
            var parsed = newFiles.map { file in old.position[file.path].map { old.parsed[$0] } }
            var hashes = newFiles.map { file in old.position[file.path].flatMap { old.hashes[$0] } }
            for (index, file) in zip(toParse, fresh) { (parsed[index], hashes[index]) = file }
            self.parsed = parsed.map { $0 ?? ParsedFile(record: nil, diagnostics: []) }
            self.hashes = hashes
            files = newFiles
            position = Self.positions(of: files)
            update.parsed = toParse.count
            update.rediscovered = true
        } else if !added.isEmpty || !removed.isEmpty {
            for index in removed.sorted(by: >) {
                files.remove(at: index)
                parsed.remove(at: index)
                hashes.remove(at: index)
            }
            let fresh = added.parallelMap { Self.read($0) }
            for (file, read) in zip(added, fresh) {
                // In path order, as a search of the folders sorts them.
                var (index, high) = (0, files.count)
                while index < high {
                    let middle = (index + high) / 2
                    if JournalFile.inPathOrder(files[middle], file) { index = middle + 1 } else { high = middle }
                }
                files.insert(file, at: index)
                parsed.insert(read.parsed, at: index)
                hashes.insert(read.hash, at: index)
            }
            position = Self.positions(of: files)
            // The other changed files that were there and are still.
            let toRead = changed.compactMap { position[$0] }.filter { index in !added.contains { $0.path == files[index].path } }
            for (index, read) in zip(toRead, toRead.parallelMap { [files] in Self.read(files[$0]) }) {
                (parsed[index], hashes[index]) = read
            }
            update.parsed = added.count + toRead.count
            update.rediscovered = true
        } else {
            let toRead = changed.compactMap { position[$0] }.sorted()
            let fresh = toRead.parallelMap { [files] in Self.read(files[$0]) }
            var reparsed: [(path: String, parsed: ParsedFile)] = []
            for (index, file) in zip(toRead, fresh) where file.hash == nil || file.hash != hashes[index] {
                (parsed[index], hashes[index]) = file
                reparsed.append((files[index].path, file.parsed))
                update.parsed += 1
            }
            // Saved as it was: nothing to link again.
            guard update.parsed > 0 || update.configuration else { return update }
            timer.lap("parse \(update.parsed) changed files")
            // Only the changed records, when no name, date or implicit org changed.
            if !update.configuration,
                !reparsed.contains(where: { file in
                    discoveryDiagnostics.contains { $0.location.path == file.path }
                }),
                let relinked = Self.relink(journal, reparsed, names: &nameTables)
            {
                journal = relinked
                timer.lap("link the changed records")
                return update
            }
        }
        timer.lap("parse \(update.parsed) changed files")
        nameTables = nil
        journal = Self.link(root: root, config: config, diagnostics: configDiagnostics + discoveryDiagnostics, files, parsed)
        return update
    }

    /// Whether a change of `path` can add or remove files: a file that is gone, a new
    /// Markdown file, a folder that came or went. An editor's temporary file that came and went
    /// (sed's `sedX1b2c3`) cannot.
    private func changesFiles(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: root.appending(path: path).path, isDirectory: &isFolder)
        if position[path] != nil { return !exists }
        if exists { return isFolder.boolValue || path.lowercased().hasSuffix(".md") }
        // Gone: a folder of known files, moved away or removed.
        let folder = path + "/"
        return files.contains { $0.path.hasPrefix(folder) }
    }

    /// A file's parse and the hash of the bytes parsed (nil when it could not be read: the
    /// parse then holds the diagnostic).
    private static func read(_ file: JournalFile) -> (parsed: ParsedFile, hash: UInt64?) {
        guard case let .success(bytes) = SourceText.readBytes(file.absolutePath, limit: SourceText.largestFile) else {
            return (RecordParser.parse(file), nil)
        }
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return (RecordParser.parse(bytes: bytes, file: file), hash.value)
    }

    private static func positions(of files: [JournalFile]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: files.indices.map { (files[$0].path, $0) })
    }

    /// `journal` with the changed files' records linked alone, if they can be (`Linker.relink`).
    private static func relink(
        _ journal: Journal, _ changed: [(path: String, parsed: ParsedFile)], names: inout Linker.NameTables?
    ) -> Journal? {
        var linker = Linker(
            root: journal.root, config: journal.config, linked: journal.contacts.array, journal.encounters.array,
            journal.publications.array, journal.orgs.array, journal.goals.array, diagnostics: journal.diagnostics)
        guard linker.relink(changed, names: &names) else { return nil }
        return linker.journal(config: journal.config)
    }

    /// Links copies of the kept parses: linking changes records in place.
    private static func link(
        root: URL, config: JournalConfig, diagnostics: [Diagnostic], _ files: [JournalFile], _ parsed: [ParsedFile]
    ) -> Journal {
        var timer = PhaseTimer()
        var outcomes = parsed.map { JournalLoader.CachedParse(parsed: $0) }
        return JournalLoader.link(
            root: root, config: config, diagnostics: diagnostics, files: files, outcomes: &outcomes, timer: &timer)
    }
}
