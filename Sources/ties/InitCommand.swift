import ArgumentParser
import Authoring
import Foundation
import Index

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new journal in a new or empty folder.",
        discussion: """
            Writes ties.yaml, the folders contacts/, encounters/, publications/, orgs/ and goals/, a short README.md and a .gitignore for the site folder: ready for 'git init'. A folder holding anything but .git is refused; nothing is ever overwritten.

            Examples:
              ties init ~/network
              ties init demo --example     with the sample journal's records

            """ + TiesExitCode.help
    )

    @Argument(help: ArgumentHelp("The folder for the new journal (created when missing).", valueName: "dir"))
    var directory: String

    @Flag(help: "Include the sample records of the bundled example journal.")
    var example = false

    @Flag(help: "List the files it would create, and create nothing.") var dryRun = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            let written = try JournalScaffold.create(at: folder, example: example, dryRun: dryRun)
            if dryRun {
                Terminal.print("Would create a journal in \(folder.path) with \(written.count) files:")
                for path in written { Terminal.print("  \(path)") }
                return
            }
            let records = written.filter { $0.hasSuffix(".md") && $0.contains("/") }.count
            Terminal.print("Created a journal in \(folder.path)\(example ? " with \(records) sample records" : "").")
            // A folder that is a git repository already gets the merge driver now.
            if (try? MergeDriverSetup.install(in: folder))?.contains(where: { $0.hasPrefix("Set merge.ties.driver") }) == true {
                Terminal.print("Set up the merge driver (ties merge-driver) in this repository.")
                Terminal.print("Next: cd \(directory) && ties check")
            } else {
                Terminal.print("Next: cd \(directory) && git init && ties merge-driver --install && ties check")
            }
        } catch {
            throw CommandFailure(message: error.description, exitCode: .usage)
        }
    }
}
