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
                diagnostics.append(.error(
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
            let folder = root.appending(path: kind.folder, directoryHint: .isDirectory)
            guard let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
                options: [.skipsHiddenFiles])
            else { continue }
            let prefix = folder.standardizedFileURL.path
            for case let url as URL in walker {
                let full = url.standardizedFileURL.path
                guard full.hasPrefix(prefix + "/") else { continue }
                let inFolder = String(full.dropFirst(prefix.count + 1))
                let path = "\(kind.folder)/\(inFolder)"
                if path == outputPath || path.hasPrefix(outputPath + "/") {
                    walker.skipDescendants()
                    continue
                }
                guard url.pathExtension.lowercased() == "md",
                      (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let withoutExtension = String(inFolder.dropLast(3))
                let slug = kind.slugKeepsFolders
                    ? withoutExtension : String(withoutExtension.split(separator: "/").last ?? "")
                files.append(JournalFile(url: url, path: path, kind: kind, slug: slug))
            }
        }
        files.sort { $0.path < $1.path }
        return files
    }
}
