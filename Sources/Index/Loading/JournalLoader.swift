import Foundation
import Support

/// Finds a journal's files, parses them in parallel (or takes them from the parse cache) and
/// hands the records to the linker.
struct JournalLoader {
    let root: URL
    var cache: ParseCache?
    /// Whether a journal linked anew is kept in the linked-journal cache (with a cache): not for
    /// the agenda, which has a cache of its own and is asked for when nothing else is.
    var keepsLinked = true

    /// The files of the journal, found, and what the cache needs to know of them.
    struct Found {
        var config: JournalConfig
        var configDiagnostics: [Diagnostic]
        var files: [JournalFile]
        var discoveryDiagnostics: [Diagnostic]
        /// With a cache: every file's stamp, which says whether it changed.
        var fileStamps: [FileStamp?]?
    }

    func find(timer: inout PhaseTimer) -> Found {
        let (config, configDiagnostics) = ConfigParser.parse(at: root.appending(path: ConfigParser.fileName))
        let (files, discoveryDiagnostics) = discover(skipping: config.output)
        timer.lap("find files")
        // Taken once, a folder at a time.
        let fileStamps = cache.map { _ in FileStamp.stamps(of: files.map(\.absolutePath)) }
        return Found(
            config: config, configDiagnostics: configDiagnostics, files: files,
            discoveryDiagnostics: discoveryDiagnostics, fileStamps: fileStamps)
    }

    func load() -> Journal {
        var timer = PhaseTimer()
        return load(find(timer: &timer), timer: &timer)
    }

    /// The agenda: from the agenda cache when no file changed since it was kept, else from a
    /// whole load, and then kept for the next time.
    func loadAgenda() -> Agenda {
        var timer = PhaseTimer()
        let found = find(timer: &timer)
        let stamps = cacheStamps(found)
        if let agendaCache = cache?.agenda, let stamps, let agenda = agendaCache.read(matching: stamps, config: found.config) {
            timer.lap("read the agenda")
            return agenda
        }
        let agenda = Agenda(load(found, timer: &timer))
        if let agendaCache = cache?.agenda, let stamps {
            agendaCache.write(agenda, stamps: stamps)
            timer.lap("write the agenda")
        }
        return agenda
    }

    /// The linked journal from its cache when no file changed since it was kept; else parsed
    /// (or taken from the parse cache) and linked, and then kept.
    private func load(_ found: Found, timer: inout PhaseTimer) -> Journal {
        let stamps = cacheStamps(found)
        CacheFile.finishWrites()
        if let linkedCache = cache?.linked, let stamps,
            let read = linkedCache.read(
                root: root, matching: stamps, config: found.config, mostChanged: Self.mostFilesRelinked)
        {
            timer.lap("read the linked journal")
            if let journal = relinked(read, found: found, stamps: stamps, timer: &timer) { return journal }
        }
        let journal = parseAndLink(found, timer: &timer)
        if keepsLinked, let linkedCache = cache?.linked, let stamps {
            CacheFile.writeLater { linkedCache.write(journal, stamps: stamps) }
        }
        return journal
    }

    /// The most changed files whose records are linked alone into the kept linked journal
    /// (`Linker.relink`): each is parsed, and more would be what a whole load does anyway.
    static let mostFilesRelinked = 256

    /// The kept linked journal, with the files that changed since parsed and linked alone,
    /// and kept again (only the parts of the cache holding them made anew); nil when a change
    /// needs a whole link.
    private func relinked(
        _ read: LinkedJournalCache.Read, found: Found, stamps: [CacheFile.Stamp], timer: inout PhaseTimer
    ) -> Journal? {
        var linker = read.linker
        // Stamp 0 is ties.yaml; file `i` has stamp `i + 1`.
        let files = read.changed.map { found.files[$0 - 1] }
        if !files.isEmpty {
            let parsed = files.parallelMap { RecordParser.parse($0) }
            var names: Linker.NameTables?
            guard linker.relink(Array(zip(files.map(\.path), parsed)), names: &names) else { return nil }
            timer.lap("parse and link \(files.count) changed files")
        }
        var journal = linker.journal(config: linker.config)
        timer.lap("record tables")
        journal.origin.cached = found.files.count - files.count
        journal.origin.parsed = files.count
        journal.origin.linkedFromCache = true
        var changed: [RecordKind: Set<Int>] = [:]
        for file in files {
            func position<R: Record>(_ type: R.Type) -> Int? { journal[R.self].position(of: R.ID(file.slug)) }
            if let position = position(file.kind.recordType) { changed[file.kind, default: []].insert(position) }
        }
        journal.keptFingerprints = read.fingerprints.mapValues { $0.map(Optional.some) }
        for (kind, positions) in changed {
            for position in positions where position < journal.keptFingerprints?[kind]?.count ?? 0 {
                journal.keptFingerprints?[kind]?[position] = nil
            }
        }
        if !files.isEmpty, keepsLinked, let linkedCache = cache?.linked {
            let kept = read.kept
            CacheFile.writeLater { [journal, changed] in
                linkedCache.write(journal, stamps: stamps, reusing: kept, changed: changed)
            }
        }
        return journal
    }

    private func parseAndLink(_ found: Found, timer: inout PhaseTimer) -> Journal {
        var (outcomes, origin, cacheWriting) = parse(found)
        timer.lap("parse \(origin.parsed) files, read \(origin.cached) from the cache")
        defer {
            cacheWriting?.wait()
            timer.lap("finish writing the cache")
        }
        var journal = Self.link(
            root: root, config: found.config, diagnostics: found.configDiagnostics + found.discoveryDiagnostics,
            files: found.files, outcomes: &outcomes, timer: &timer)
        journal.origin = origin
        return journal
    }

    /// Every file found, parsed in parallel or taken from the cache; the cache written, when a
    /// file changed, on another thread (wait for `writing` before the process ends).
    package func parse(_ found: Found) -> (outcomes: [CachedParse], origin: Journal.Origin, writing: DispatchGroup?) {
        let files = found.files
        var origin = Journal.Origin()
        guard let cache, let fileStamps = found.fileStamps else {
            origin.parsed = files.count
            return (files.parallelMap { CachedParse(parsed: RecordParser.parse($0)) }, origin, nil)
        }
        let snapshot = cache.read()
        let outcomes = Array(files.indices).parallelMap { Self.parse(files[$0], stamp: fileStamps[$0], reusing: snapshot) }
        origin.cached = outcomes.count { $0.fromCache }
        origin.parsed = outcomes.count - origin.cached
        // Written while linking runs: the cache changes only when a file did.
        guard outcomes.contains(where: { !$0.reused }) || snapshot.count != outcomes.count else { return (outcomes, origin, nil) }
        let entries = outcomes.compactMap(\.entry)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { cache.write(entries, keeping: snapshot) }
        return (outcomes, origin, group)
    }

    /// The last steps of a load: the parsed files (moved out of `outcomes`) checked for
    /// duplicate slugs, sorted and cross-linked.
    static func link(
        root: URL, config: JournalConfig, diagnostics: [Diagnostic], files: [JournalFile], outcomes: inout [CachedParse],
        timer: inout PhaseTimer
    ) -> Journal {
        var diagnostics = diagnostics
        var records = Self.collect(&outcomes, files: files, into: &diagnostics)
        outcomes = []
        timer.lap("collect")
        var linker = Linker(root: root, config: config, records: &records, diagnostics: diagnostics)
        timer.lap("sort")
        return linker.link(timer: &timer)
    }

    /// The records in path order, moved out of `outcomes`, with every file's problems and the
    /// duplicate slugs (the first file in path order keeps its slug).
    private static func collect(
        _ outcomes: inout [CachedParse], files: [JournalFile], into diagnostics: inout [Diagnostic]
    ) -> [AnyRecord] {
        var records: [AnyRecord] = []
        records.reserveCapacity(outcomes.count)
        // Files are in path order, so the first of two files with one slug is always the same one.
        var firstPath: [RecordID: String] = [:]
        // Encounters and publications are named by their path, which is unique: two of them share
        // a slug only if they differ in case, so unless some slug has capitals they need no check.
        let foldersNeedCheck = files.contains { $0.kind.slugKeepsFolders && $0.slug.lowercasedIfNeeded != $0.slug }
        for index in files.indices {
            // Moved out, not copied: linking changes records in place, which must not copy them.
            var result = ParsedFile(record: nil, diagnostics: [])
            swap(&result, &outcomes[index].parsed)
            if !result.diagnostics.isEmpty { diagnostics += result.diagnostics }
            guard let record = result.record else { continue }
            let file = files[index]
            guard foldersNeedCheck || !file.kind.slugKeepsFolders else {
                records.append(record)
                continue
            }
            let key = RecordID(file.kind, file.slug.lowercasedIfNeeded)
            if let other = firstPath[key] {
                diagnostics.append(
                    .error(
                        .duplicateSlug,
                        "another \(file.kind.rawValue) already has the slug '\(file.slug)' (\(other)); rename one of the files",
                        at: SourceLocation(path: file.path)))
                continue
            }
            firstPath[key] = file.path
            records.append(record)
        }
        return records
    }

    /// The stamps of `ties.yaml` and every file, for the agenda cache; nil if a file has none.
    /// What a cache of the whole journal is valid for: `ties.yaml`'s stamp, every file's, and
    /// what finding the files reported (a link leading out, a file too deep), which no file's
    /// stamp shows. Nil when a file could not be stamped.
    private func cacheStamps(_ found: Found) -> [CacheFile.Stamp]? {
        guard let fileStamps = found.fileStamps else { return nil }
        var stamps = [configStamp()]
        stamps.reserveCapacity(found.files.count + 2)
        for (file, stamp) in zip(found.files, fileStamps) {
            guard let stamp else { return nil }
            stamps.append(CacheFile.Stamp(path: file.path, size: stamp.size, modified: stamp.modified))
        }
        var discovery = StableHash()
        for diagnostic in found.discoveryDiagnostics {
            discovery.combine(diagnostic.location.description)
            discovery.combine(diagnostic.message)
        }
        // No file has an empty path; a time of 0 is always older than the cache.
        stamps.append(CacheFile.Stamp(path: "", size: Int64(bitPattern: discovery.value), modified: 0))
        return stamps
    }

    /// A missing `ties.yaml` has a stamp no file has.
    private func configStamp() -> CacheFile.Stamp {
        let stamp = FileStamp(path: root.appending(path: ConfigParser.fileName).path)
        return CacheFile.Stamp(path: ConfigParser.fileName, size: stamp?.size ?? -1, modified: stamp?.modified ?? 0)
    }

    /// One file, from the cache when its stamp or its content hash says it did not change.
    package static func parse(_ file: JournalFile, stamp: FileStamp?, reusing snapshot: ParseCache.Snapshot) -> CachedParse {
        guard let stamp else { return CachedParse(parsed: RecordParser.parse(file)) }
        if let entry = snapshot.unchanged(file.path, stamp: stamp), let parsed = decode(entry, in: snapshot) {
            return CachedParse(parsed: parsed, entry: entry, reused: true, fromCache: true)
        }
        let bytes: [UInt8]
        switch SourceText.readBytes(file.absolutePath, limit: SourceText.largestFile) {
        case let .success(read): bytes = read
        case .failure: return CachedParse(parsed: RecordParser.parse(file))
        }
        var hash = StableHash()
        hash.combine(bytes: bytes)
        var entry = ParseCache.Entry(
            path: file.path, size: stamp.size, modified: stamp.modified, hash: hash.value, payload: .fresh([]))
        if let cached = snapshot.same(file.path, hash: hash.value), let parsed = decode(cached, in: snapshot) {
            entry.payload = cached.payload
            return CachedParse(parsed: parsed, entry: entry, fromCache: true)
        }
        let parsed = RecordParser.parse(bytes: bytes, file: file)
        entry.payload = .fresh(BinaryWriter.encode(parsed))
        return CachedParse(parsed: parsed, entry: entry)
    }

    private static func decode(_ entry: ParseCache.Entry, in snapshot: ParseCache.Snapshot) -> ParsedFile? {
        guard case let .stored(range) = entry.payload else { return nil }
        return snapshot.withPayload(range) { try? BinaryReader.decode(ParsedFile.self, from: $0) }
    }

    /// A file's parse, and what the cache should keep of it (nil: nothing).
    struct CachedParse: Sendable {
        var parsed: ParsedFile
        var entry: ParseCache.Entry?
        /// True when the entry was used as it was: file and cache both unchanged.
        var reused = false
        /// True when the file was not parsed: its stamp or its content hash matched.
        var fromCache = false
    }

    /// Every `*.md` file under the five record folders, sorted by path; hidden files and folders
    /// and the site's output folder are skipped, and so, with a diagnostic, are names that are
    /// not UTF-8 and symbolic links that lead out of the journal (a `contacts/x.md` pointing at
    /// `/etc/passwd` must not become a page).
    func discover(skipping output: String) -> (files: [JournalFile], diagnostics: [Diagnostic]) {
        let outputPath = output.split(separator: "/").joined(separator: "/")
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let realRoot = resolvedPath(root.path).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        var files: [JournalFile] = []
        var diagnostics: [Diagnostic] = []
        for kind in RecordKind.allCases {
            // A record folder that is itself a link out of the journal is not read.
            if let realRoot, let target = resolvedPath(rootPath + kind.folder), !(target + "/").hasPrefix(realRoot) {
                diagnostics.append(
                    .warning(
                        .linkOutside,
                        "'\(kind.folder)' is a symbolic link to \(target), outside the journal, so it was not read and nothing is written there; "
                            + "make it a folder of the journal",
                        at: SourceLocation(path: kind.folder)))
                continue
            }
            // Walks with readdir: d_type tells files from folders without a stat per entry.
            var pending = [kind.folder]
            var visited = Set<[UInt64]>()  // (device, inode) of folders seen: symlink loops end here
            while let relative = pending.popLast() {
                var folderInfo = stat()
                let folderPath = root.appending(path: relative).path
                guard stat(folderPath, &folderInfo) == 0,
                    visited.insert([UInt64(folderInfo.st_dev), UInt64(folderInfo.st_ino)]).inserted,
                    let directory = opendir(folderPath)
                else { continue }
                defer { closedir(directory) }
                while let entry = readdir(directory) {
                    let rawName = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                    guard rawName.first != UInt8(ascii: ".") else { continue }
                    let isASCII = !rawName.contains { $0 >= 0x80 }
                    guard
                        let name = isASCII ? String(decoding: rawName, as: UTF8.self) : String(validating: rawName, as: UTF8.self)
                    else {
                        let shown = Self.escapingInvalidUTF8(rawName)
                        diagnostics.append(
                            .error(
                                .notUTF8, "the file name '\(shown)' is not valid UTF-8, so it was not read; rename it",
                                at: SourceLocation(path: relative + "/" + shown)))
                        continue
                    }
                    let path = relative + "/" + name
                    if path == outputPath { continue }
                    var type = Int32(entry.pointee.d_type)
                    var linkInfo = stat()
                    if type == Int32(DT_UNKNOWN), lstat(rootPath + path, &linkInfo) == 0,
                        (linkInfo.st_mode & S_IFMT) == S_IFLNK
                    {
                        type = Int32(DT_LNK)
                    }
                    if type == Int32(DT_LNK), let realRoot, let target = resolvedPath(rootPath + path),
                        !(target + "/").hasPrefix(realRoot)
                    {
                        var info = stat()
                        let isFolder = stat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                        guard isFolder || Self.isMarkdown(name) else { continue }
                        diagnostics.append(
                            .warning(
                                .linkOutside,
                                "'\(path)' is a symbolic link to \(target), outside the journal, so it was not read; "
                                    + "move the file into the journal",
                                at: SourceLocation(path: path)))
                        continue
                    }
                    if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                        var info = stat()
                        guard stat(root.appending(path: path).path, &info) == 0 else {
                            // A broken link named like a record: reading it reports the problem.
                            if Self.isMarkdown(name) { appendRecord(rootPath, path, name, kind, to: &files) }
                            continue
                        }
                        type =
                            (info.st_mode & S_IFMT) == S_IFDIR
                            ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
                    }
                    if type == Int32(DT_DIR) {
                        pending.append(path)
                    } else if type == Int32(DT_REG), Self.isMarkdown(name) {
                        appendRecord(rootPath, path, name, kind, to: &files)
                    }
                }
            }
        }
        return (JournalFile.sortedByPath(files), diagnostics)
    }

    /// A name with each byte that is not part of valid UTF-8 written as `\xFF`.
    static func escapingInvalidUTF8(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.count,
                let character = String(validating: bytes[index..<index + length], as: UTF8.self)
            {
                text += character
                index += length
            } else {
                text += "\\x" + String(lead, radix: 16, uppercase: true)
                index += 1
            }
        }
        return text
    }

    /// `*.md`, in any case, with something before the dot.
    private static func isMarkdown(_ name: String) -> Bool {
        let bytes = name.utf8
        guard bytes.count > 3 else { return false }
        let suffix = bytes.suffix(3)
        return suffix.elementsEqual([0x2E, 0x6D, 0x64], by: { $0 | 0x20 == $1 | 0x20 })
    }

    private func appendRecord(
        _ rootPath: String, _ path: String, _ name: String, _ kind: RecordKind, to files: inout [JournalFile]
    ) {
        files.append(Self.file(rootPath, path, name, kind))
    }

    /// The record file at `path` (relative, in `kind`'s folder), named `name`.
    static func file(_ rootPath: String, _ path: String, _ name: String, _ kind: RecordKind) -> JournalFile {
        // By bytes: the folder and `.md` are ASCII, and counting characters walks the text.
        let slug =
            kind.slugKeepsFolders
            ? String(Substring(path.utf8.dropFirst(kind.folder.utf8.count + 1).dropLast(3)))
            : String(Substring(name.utf8.dropLast(3)))
        return JournalFile(absolutePath: rootPath + path, path: path, kind: kind, slug: slug)
    }

    /// The record file at `path` when a search of the folders would find it and nothing needs
    /// a search to tell: a plain file (not a link) named `*.md`, in a record folder, with no
    /// hidden part and outside the output folder. Nil otherwise.
    func plainRecordFile(at path: String, skipping output: String) -> JournalFile? {
        let parts = path.split(separator: "/")
        let outputPath = output.split(separator: "/").joined(separator: "/")
        guard let first = parts.first, parts.count >= 2, let name = parts.last.map(String.init), Self.isMarkdown(name),
            let kind = RecordKind.allCases.first(where: { $0.folder == first }),
            !parts.contains(where: { $0.hasPrefix(".") }), path != outputPath, !path.hasPrefix(outputPath + "/")
        else { return nil }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var info = stat()
        guard lstat(rootPath + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Self.file(rootPath, path, name, kind)
    }
}
