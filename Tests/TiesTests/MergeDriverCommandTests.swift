import Foundation
import TestSupport
import Testing

/// Two clones of one journal, edited apart and merged with `git merge`, the driver installed as
/// a person installs it.
@Suite("ties merge-driver with git, end to end")
struct MergeDriverCommandTests {
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments =
            ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = folder
        // The driver git runs is this build's `ties`.
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = TiesBinary.url.deletingLastPathComponent().path + ":/usr/bin:/bin"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = folder.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A journal in git with the driver, and a clone of it with the driver installed too.
    static func clones() throws -> (laptop: URL, desktop: URL, cleanup: URL) {
        let folder = try Fixtures.temporaryFolder("merge-driver")
        let laptop = folder.appending(path: "laptop")
        try FileManager.default.copyItem(at: Fixtures.template, to: laptop)
        try? FileManager.default.removeItem(at: laptop.appending(path: "_site"))
        try git(["init", "-q"], in: laptop)
        let install = try TiesBinary.run(["merge-driver", "--install"], in: laptop)
        #expect(install.status == 0 && install.stdout.contains("merge.ties.driver"), "\(install.stdout)\(install.stderr)")
        try git(["add", "-A"], in: laptop)
        try git(["commit", "-qm", "journal"], in: laptop)
        try git(["clone", "-q", laptop.path, "desktop"], in: folder)
        let desktop = folder.appending(path: "desktop")
        let check = try TiesBinary.run(["check"], in: desktop)
        #expect(check.stdout.contains("merge-driver-missing"), "a fresh clone lacks the driver: \(check.stdout)")
        #expect(try TiesBinary.run(["merge-driver", "--install"], in: desktop).status == 0)
        #expect(!(try TiesBinary.run(["check"], in: desktop)).stdout.contains("merge-driver-missing"))
        return (laptop, desktop, folder)
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        try Data(change(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
    }

    @Test func editsToOneContactOnTwoMachinesMergeByKey() throws {
        let (laptop, desktop, folder) = try Self.clones()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = "contacts/jonas-mueller.md"
        try Self.edit(laptop.appending(path: path)) {
            $0.replacingOccurrences(of: "phones: [\"+49 170 1234567\"]", with: "phones: [\"+49 170 1234567\", \"+49 151 0000\"]")
        }
        try Self.git(["commit", "-qam", "a new number"], in: laptop)
        try Self.edit(desktop.appending(path: path)) {
            $0.replacingOccurrences(
                of: "tags: [former-colleague, platform, connector]", with: "tags: [former-colleague, platform, connector, mentor]"
            )
            .replacingOccurrences(of: "title: Head of Platform\n", with: "title: VP Platform\n")
        }
        try Self.git(["commit", "-qam", "a tag and a title"], in: desktop)
        let pull = try Self.git(["pull", "-q", "--no-rebase", "--no-edit"], in: desktop)
        #expect(pull.status == 0, "\(pull.output)")
        let merged = try String(contentsOf: desktop.appending(path: path), encoding: .utf8)
        #expect(merged.contains("phones: [\"+49 170 1234567\", \"+49 151 0000\"]\n"), "\(merged)")
        #expect(
            merged.contains("tags: [former-colleague, platform, connector, mentor]\n") && merged.contains("title: VP Platform\n"))
        #expect(try TiesBinary.run(["check"], in: desktop).status == 0)
    }

    @Test func aTrueClashStopsTheMergeWithMarkersCheckLocates() throws {
        let (laptop, desktop, folder) = try Self.clones()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = "contacts/jonas-mueller.md"
        try Self.edit(laptop.appending(path: path)) {
            $0.replacingOccurrences(of: "title: Head of Platform\n", with: "title: CTO\n")
        }
        try Self.git(["commit", "-qam", "CTO"], in: laptop)
        try Self.edit(desktop.appending(path: path)) {
            $0.replacingOccurrences(of: "title: Head of Platform\n", with: "title: VP Platform\n")
                .replacingOccurrences(of: "location: Munich", with: "location: Berlin")
        }
        try Self.git(["commit", "-qam", "VP"], in: desktop)
        let pull = try Self.git(["pull", "-q", "--no-rebase", "--no-edit"], in: desktop)
        #expect(pull.status != 0, "git stops for the clash")
        let merged = try String(contentsOf: desktop.appending(path: path), encoding: .utf8)
        #expect(merged.contains("<<<<<<< ours\ntitle: VP Platform\n=======\ntitle: CTO\n>>>>>>> theirs\n"), "\(merged)")
        #expect(merged.contains("location: Berlin"), "the rest merged")
        let check = try TiesBinary.run(["check"], in: desktop)
        #expect(
            check.status == 1 && check.stdout.contains("contacts/jonas-mueller.md:") && check.stdout.contains("[merge-conflict]"))
    }

    @Test func initSetsItUpAndSaysWhatACloneNeeds() throws {
        let folder = try Fixtures.temporaryFolder("init-driver")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appending(path: "net")
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: true)
        try Self.git(["init", "-q"], in: journal)
        let result = try TiesBinary.run(["init", journal.path], in: folder)
        #expect(result.status == 0 && result.stdout.contains("merge driver"), "\(result.stdout)")
        #expect(try String(contentsOf: journal.appending(path: ".gitattributes"), encoding: .utf8).contains("*.md merge=ties"))
        #expect(
            try Self.git(["config", "--get", "merge.ties.driver"], in: journal).output.contains(
                "ties merge-driver %O %A %B %L %P"))
    }
}
