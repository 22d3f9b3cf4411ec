import ArgumentParser
import Authoring
import Foundation
import Index
import Support

struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Git's merge driver for the journal's files: front matter merged by key.",
        discussion: """
            Git runs it as 'ties merge-driver %O %A %B %L %P' for the files .gitattributes names 'merge=ties': the front matter is merged key by key (a key changed on one side takes that side; lists of values take what either side added and drop what either removed; lists of records such as roles and follow-ups merge by item; maps such as links by label), the body by 'git merge-file --diff3'. The result is written to %A in ours' style. A key changed differently on both sides keeps ours inside conflict markers with theirs, and the driver exits 1, as git expects; 'ties check' reports the markers.

            'ties merge-driver --install' sets it up in an existing journal: '*.md merge=ties' and 'ties.yaml merge=ties' in the journal's .gitattributes, and the driver in .git/config, which git does not copy with a clone: run it once in every clone ('ties check' says when it is missing). 'ties init' does both.

            Examples:
              ties merge-driver --install
              git config merge.ties.driver 'ties merge-driver %O %A %B %L %P'

            """ + TiesExitCode.help)

    @Argument(help: ArgumentHelp("%O %A %B %L %P, as git gives them.", valueName: "file")) var files: [String] = []
    @Flag(help: "Set the driver up in this journal's .gitattributes and .git/config.") var install = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        if install {
            let root = try options.locate()
            do {
                let said = try MergeDriverSetup.install(in: root)
                for line in said { Terminal.print(line) }
            } catch {
                throw CommandFailure(message: "\(error)", exitCode: .problems)
            }
            return
        }
        guard files.count >= 3 else {
            throw CommandFailure(message: "give %O %A %B (and %L %P), as git does, or --install", exitCode: .usage)
        }
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(message: "cannot read \(path)", exitCode: .problems)
            }
            return String(decoding: data, as: UTF8.self)
        }
        let marker = files.count > 3 ? Int(files[3]) ?? 7 : 7
        let path = files.count > 4 ? files[4] : files[1]
        let result = JournalMerge.merge(
            base: try read(files[0]), ours: try read(files[1]), theirs: try read(files[2]), path: path, markerSize: marker)
        do {
            try AtomicFile.replace(files[1], contents: Data(result.text.utf8))
        } catch {
            throw CommandFailure(message: "cannot write \(files[1]): \(error.description)", exitCode: .problems)
        }
        if result.conflicts > 0 {
            Terminal.standardError.write(
                "ties: \(TerminalText.inline(path)): \(English.count(result.conflicts, "conflict")) left with markers; resolve and 'ties check'\n"
            )
            throw ExitCode(1)
        }
    }
}
