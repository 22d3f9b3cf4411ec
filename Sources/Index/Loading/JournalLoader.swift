import Foundation

/// Finds a journal's files, parses them in parallel and hands the records to the linker.
struct JournalLoader {
    let root: URL

    func load() -> Journal {
        let (config, configDiagnostics) = ConfigParser.parse(at: root.appending(path: ConfigParser.fileName))
        let files = discover(skipping: config.output)
        let parsed = files.parallelMap { RecordParser.parse($0) }

        var diagnostics = configDiagnostics
        var records: [AnyRecord] = []
        records.reserveCapacity(parsed.count)
        // Files are in path order, so the first of two files with one slug is always the same one.
        var firstPath: [String: String] = [:]
        for (file, result) in zip(files, parsed) {
            diagnostics += result.diagnostics
            guard let record = result.record else { continue }
            let key = "\(file.kind.folder)/\(file.slug.lowercased())"
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
        var linker = Linker(root: root, config: config, records: records, diagnostics: diagnostics)
        return linker.link()
    }

    /// Every `*.md` file under the five record folders, sorted by path; hidden files and folders
    /// and the site's output folder are skipped.
    func discover(skipping output: String) -> [JournalFile] {
        let outputPath = output.split(separator: "/").joined(separator: "/")
        var files: [JournalFile] = []
        for kind in RecordKind.allCases {
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
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    guard !name.hasPrefix(".") else { continue }
                    let path = relative + "/" + name
                    if path == outputPath { continue }
                    var type = Int32(entry.pointee.d_type)
                    if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                        var info = stat()
                        guard stat(root.appending(path: path).path, &info) == 0 else {
                            // A broken link named like a record: reading it reports the problem.
                            if name.lowercased().hasSuffix(".md") { appendRecord(path: path, name: name, kind: kind, to: &files) }
                            continue
                        }
                        type =
                            (info.st_mode & S_IFMT) == S_IFDIR
                            ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
                    }
                    if type == Int32(DT_DIR) {
                        pending.append(path)
                    } else if type == Int32(DT_REG), name.utf8.count > 3, name.lowercased().hasSuffix(".md") {
                        appendRecord(path: path, name: name, kind: kind, to: &files)
                    }
                }
            }
        }
        files.sort { $0.path < $1.path }
        return files
    }

    private func appendRecord(path: String, name: String, kind: RecordKind, to files: inout [JournalFile]) {
        let inFolder = path.dropFirst(kind.folder.count + 1).dropLast(3)
        let slug = kind.slugKeepsFolders ? String(inFolder) : String(name.dropLast(3))
        files.append(JournalFile(url: root.appending(path: path), path: path, kind: kind, slug: slug))
    }
}
