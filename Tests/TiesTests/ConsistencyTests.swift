import Foundation
import TestSupport
import Testing

/// What every command shares: one table of exit codes, the README's word, tidy columns.
@Suite("Every command, the same way")
struct ConsistencyTests {
    /// Every command, as `ties --help` lists them: the command list itself, so a new command
    /// is checked here without being named.
    static let commands: [String] = {
        guard let help = try? TiesBinary.run(["--help"]).stdout, let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        let section = help[start.upperBound...].components(separatedBy: "\n\n").first ?? ""
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
            return name == "help" ? nil : String(name)
        }
    }()

    @Test func theCommandListIsReadFromTheProgram() {
        // Every command a person reads about in the README, `serve` included, is in the list.
        for command in ["init", "check", "build", "serve", "due", "new", "show", "import", "export", "theme"] {
            #expect(Self.commands.contains(command), "\(command) in \(Self.commands)")
        }
    }

    /// Text with every run of white space one space: `--help` wraps lines where it likes.
    private func flat(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func exitCodeTable(in text: String) -> String? {
        guard let start = text.range(of: "Exit codes (the same for every command):") else { return nil }
        let rest = text[start.lowerBound...]
        let end =
            [rest.range(of: "\n\n")?.lowerBound, rest.range(of: "\n```")?.lowerBound].compactMap { $0 }.min() ?? rest.endIndex
        return flat(rest[..<end])
    }

    @Test func everyHelpAndTheReadmeGiveOneTableOfExitCodes() throws {
        let readme = try String(contentsOf: Fixtures.repository.appending(path: "README.md"), encoding: .utf8)
        let table = try #require(exitCodeTable(in: readme), "the README has the table")
        #expect(table.contains("0 done") && table.contains(" 1 ") && table.contains(" 2 bad invocation"))
        for command in [[]] + Self.commands.map({ [$0] }) {
            let help = try TiesBinary.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(exitCodeTable(in: help.stdout) == table, "ties \(command.joined()) --help")
        }
        let listed = try TiesBinary.run(["--help"]).stdout
        for command in Self.commands { #expect(listed.contains("  \(command)"), "ties --help lists \(command)") }
    }

    @Test func theReadmeNamesThePackagesTheMakefileInstalls() throws {
        let readme = try String(contentsOf: Fixtures.repository.appending(path: "README.md"), encoding: .utf8)
        let makefile = try String(contentsOf: Fixtures.repository.appending(path: "Makefile"), encoding: .utf8)
        var packages: [String] = []
        for line in makefile.split(separator: "\n")
        where line.hasPrefix("DEBIAN_PACKAGES") || line.hasPrefix("TEST_PACKAGES") || line.hasPrefix("STATIC_PACKAGES") {
            packages += line.split(separator: "=", maxSplits: 1)[1].split(separator: " ").map(String.init)
        }
        #expect(packages.count >= 8)
        let commands = try #require(readme.range(of: "## Two commands")).upperBound
        let section = String(readme[commands...].prefix(1500))
        for package in packages { #expect(section.contains(package), "the README names \(package)") }
        let named = section.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
            .filter { $0.hasPrefix("python3-") || $0.hasPrefix("lib") && $0.hasSuffix("-dev") }
        for package in named { #expect(packages.contains(String(package)), "\(package) is in the Makefile") }
    }

    @Test func noLineEndsInSpacesAndColumnsAlign() throws {
        let day = ["--today", "2026-11-25"]
        let runs: [[String]] = [
            ["due"] + day, ["who"], ["who", "--org", "acme", "--former"], ["show", "jonas"] + day, ["show", "tanaka"] + day,
            ["show", "acme"] + day, ["show", "staff-engineer-role"] + day, ["show", "paved roads, not"] + day,
            ["show", "2025-06-12-panel-berlin"] + day, ["show", "#platform"] + day, ["pubs"] + day, ["timeline"],
            ["timeline", "--with", "mei"], ["search", "platform"], ["check"],
        ]
        for arguments in runs {
            let result = try TiesBinary.run(arguments, in: Fixtures.template)
            #expect(result.status == 0, "ties \(arguments.joined(separator: " ")): \(result.stderr)")
            for line in result.stdout.split(separator: "\n") {
                #expect(line.last != " ", "ties \(arguments.joined(separator: " ")): '\(line)'")
            }
        }
        // 田中 宏 takes six columns, as wide as `Hiroshi`'s four letters and two spaces: the
        // roles after both names start in one column.
        let who = try TiesBinary.run(["who", "--circle", "wider"], in: Fixtures.template).stdout
        let lines = who.split(separator: "\n").map(String.init)
        let tanaka = try #require(lines.first { $0.contains("田中 宏") })
        let tom = try #require(lines.first { $0.contains("Tom Okafor") })
        func column(_ line: String, of text: String) -> Int {
            let prefix = line[..<line.range(of: text)!.lowerBound]
            return prefix.unicodeScalars.reduce(0) {
                $0 + ((0x2E80...0xA4CF).contains($1.value) || (0x3000...0x9FFF).contains($1.value) ? 2 : 1)
            }
        }
        #expect(column(tanaka, of: "Research Engineer") == column(tom, of: "Host"))
    }
}
