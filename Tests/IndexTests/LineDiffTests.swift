import Foundation
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// `--dry-run` prints diffs a person can apply: `git apply` must take them and make the new text.
@Suite("Unified diffs")
struct LineDiffTests {
    @Test func distantChangesAreSeparateHunks() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "LINE 2\n").replacingOccurrences(of: "line 18\n", with: "")
        #expect(
            LineDiff.unified(old, new, path: "x.md")
                == """
                --- a/x.md
                +++ b/x.md
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +LINE 2
                 line 3
                 line 4
                 line 5
                @@ -15,6 +15,5 @@
                 line 15
                 line 16
                 line 17
                -line 18
                 line 19
                 line 20

                """)
    }

    @Test func aMissingFinalNewlineIsMarked() {
        #expect(
            LineDiff.unified("a\nb", "a\nc", path: "x.md")
                == "--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
        )
        #expect(
            LineDiff.unified("a\nb", "a\nb\n", path: "x.md")
                == "--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    }

    @Test(arguments: 0..<40)
    func gitAppliesEveryDiff(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) + 1)
        let lines = (0..<Int(random.next() % 30)).map { "l\($0) \(random.next() % 5)" }
        var edited = lines
        for _ in 0..<Int(random.next() % 4) + 1 {
            let at = edited.isEmpty ? 0 : Int(random.next() % UInt64(edited.count + 1))
            switch random.next() % 3 {
            case 0: edited.insert("new \(random.next() % 100)", at: at)
            case 1: if at < edited.count { edited.remove(at: at) }
            default: if at < edited.count { edited[at] += " changed" }
            }
        }
        let old = lines.joined(separator: "\n") + (random.next() % 4 == 0 ? "" : "\n")
        let new = edited.joined(separator: "\n") + (random.next() % 4 == 0 ? "" : "\n")
        let diff = LineDiff.unified(old, new, path: "x.md")
        guard old != new else { return #expect(diff.isEmpty) }
        let folder = try Fixtures.temporaryFolder("diff")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(old.utf8).write(to: folder.appending(path: "x.md"))
        try Data(diff.utf8).write(to: folder.appending(path: "change.diff"))
        let git = try TiesBinary.run(
            ["apply", "--unidiff-zero", "change.diff"], in: folder, executable: URL(fileURLWithPath: "/usr/bin/git"))
        #expect(git.status == 0, "\(git.stderr)\n\(diff)")
        #expect(try String(contentsOf: folder.appending(path: "x.md"), encoding: .utf8) == new, "\(diff)")
    }
}

/// A small deterministic generator, so a failing seed fails again.
private struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
