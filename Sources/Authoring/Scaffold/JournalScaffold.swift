import Foundation
import Index
import Support

/// Creates a new journal: `ties init`.
public enum JournalScaffold {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates a journal in `folder` (made if missing) and returns the paths written, relative to it.
    ///
    /// Refuses a folder that holds anything but a `.git` folder, so no file of the user's is ever
    /// touched; every file is created atomically and never replaces an existing one. With
    /// `example`, the records of the bundled sample journal are written too.
    @discardableResult
    /// With `dryRun`, checks the folder and returns the paths it would write, writing nothing.
    public static func create(at folder: URL, example: Bool, dryRun: Bool = false) throws(Refusal) -> [String] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Refusal(description: "\(folder.path) is a file, not a folder") }
            let entries: [String]
            do {
                entries = try fileManager.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw Refusal(description: "cannot read \(folder.path): \(error.localizedDescription)")
            }
            let others = entries.filter { $0 != ".git" }.sorted()
            guard others.isEmpty else {
                throw Refusal(
                    description:
                        "\(folder.path) is not empty (it holds \(others.prefix(3).joined(separator: ", "))\(others.count > 3 ? ", …" : "")); "
                        + "ties init only creates a journal in a new or empty folder")
            }
        }
        var files = starterFiles()
        if example {
            for (path, base64) in EmbeddedJournalTemplate.files {
                guard let data = Data(base64Encoded: base64) else { continue }
                files[path] = data
            }
        }
        if dryRun {
            for kind in RecordKind.allCases where !files.keys.contains(where: { $0.hasPrefix(kind.folder + "/") }) {
                files["\(kind.folder)/.gitkeep"] = Data()
            }
            return files.keys.sorted()
        }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            for kind in RecordKind.allCases {
                try fileManager.createDirectory(at: folder.appending(path: kind.folder), withIntermediateDirectories: true)
                if !files.keys.contains(where: { $0.hasPrefix(kind.folder + "/") }) {
                    files["\(kind.folder)/.gitkeep"] = Data()
                }
            }
        } catch {
            throw Refusal(description: "cannot create folders in \(folder.path): \(error.localizedDescription)")
        }
        let paths = files.keys.sorted()
        for path in paths {
            guard let contents = files[path] else { continue }
            let url = folder.appending(path: path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.create(url, contents: contents)
            } catch let failure as AtomicFile.Failure {
                throw Refusal(description: failure.description)
            } catch {
                throw Refusal(description: "cannot create \(url.path): \(error.localizedDescription)")
            }
        }
        return paths
    }

    /// The files of an empty journal: settings, a README and a `.gitignore` for the site.
    static func starterFiles() -> [String: Data] {
        let config = """
            # ties journal settings — see docs/FORMAT.md of ties for every field.
            title: My network
            # owner: Your Name
            language: en            # en or de: the language of the site
            # timezone: Europe/Berlin
            # me:
            #   org: Your Company   # so contacts can be told internal or external
            circles:                # how often to be in touch with each circle
              close: 1m
              network: 3m
              wider: 1y
            default_cadence: 6m     # for contacts with no cadence and no circle; 'none' for no reminders
            output: _site           # where 'ties build' writes the private site

            """
        let readme = """
            # My network

            A networking journal kept with ties: plain Markdown files with
            YAML front matter, one per record.

            - `contacts/` — people, one file each (`ada-lovelace.md`)
            - `encounters/` — meetings, calls, coffees, events, messages (`2025/2025-03-05-coffee-ada.md`)
            - `publications/` — talks, posts, podcasts, videos
            - `orgs/` — organisations (optional: an org named anywhere exists anyway)
            - `goals/` — what the network is for right now

            `ties check` finds mistakes; the folder also opens as an Obsidian vault, and `[[wiki links]]`
            between notes work in both.

            """
        return [
            "ties.yaml": Data(config.utf8),
            "README.md": Data(readme.utf8),
            ".gitignore": Data(
                "# The sites ties builds: the private one never belongs in git; the public one lives elsewhere.\n/_site/\n/_public/\n"
                    .utf8),
            ".gitattributes": Data(
                ("# Two clones editing one contact merge by key (ties merge-driver); each clone needs\n"
                    + "# 'ties merge-driver --install' once, as git does not copy .git/config.\n"
                    + MergeDriverSetup.attributes.joined(separator: "\n") + "\n").utf8),
        ]
    }
}
