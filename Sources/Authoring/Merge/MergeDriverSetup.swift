import Foundation
import Support

/// Sets up `ties merge-driver` for a journal: the attributes in its `.gitattributes` (which
/// git carries with the journal) and the driver in `.git/config` (which it does not).
public enum MergeDriverSetup {
    public static let attributes = ["*.md merge=ties", "ties.yaml merge=ties"]
    public static let driver = "ties merge-driver %O %A %B %L %P"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Adds the attribute lines `.gitattributes` lacks, and the driver when the journal is in a
    /// git repository. Returns what it did, in words.
    @discardableResult
    public static func install(in root: URL) throws(Failure) -> [String] {
        var said: [String] = []
        let file = root.appending(path: ".gitattributes")
        let old = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = Set(old.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = attributes.filter { !lines.contains($0) }
        if !missing.isEmpty {
            let new = old + (old.isEmpty || old.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
            do {
                try AtomicFile.replace(file.path, contents: Data(new.utf8))
            } catch {
                throw Failure(description: "cannot write \(file.path): \(error.description)")
            }
            said.append("Added to .gitattributes: \(missing.joined(separator: ", "))")
        }
        guard isRepository(root) else {
            said.append("Not in a git repository yet: after 'git init', run 'ties merge-driver --install' again.")
            return said
        }
        if configured(root) != driver {
            let status = git(["config", "merge.ties.name", "ties: journal files merged by key"], in: root).status
            let second = git(["config", "merge.ties.driver", driver], in: root).status
            guard status == 0, second == 0 else { throw Failure(description: "git config failed in \(root.path)") }
            said.append("Set merge.ties.driver in .git/config (git does not copy it with a clone: run this in every clone).")
        }
        if said.isEmpty { said.append("The merge driver is set up already.") }
        return said
    }

    /// Whether `.gitattributes` asks for the driver while this clone lacks it: what `ties check`
    /// warns of.
    public static func isMissing(in root: URL) -> Bool {
        let text = (try? String(contentsOf: root.appending(path: ".gitattributes"), encoding: .utf8)) ?? ""
        guard text.contains("merge=ties"), isRepository(root) else { return false }
        return configured(root) == nil
    }

    static func configured(_ root: URL) -> String? {
        let result = git(["config", "--get", "merge.ties.driver"], in: root)
        return result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    static func isRepository(_ root: URL) -> Bool {
        git(["rev-parse", "--git-dir"], in: root).status == 0
    }

    static func git(_ arguments: [String], in root: URL) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (-1, "") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
