/// A unified diff of two versions of a file, for `--dry-run`: the lines an edit changes, with
/// three lines of context.
///
/// Edits change a few lines of the front matter, so the common start and end are skipped first
/// and only what lies between is compared (by longest common subsequence, bounded: a change
/// over more lines than `largestCompared` is shown as one block).
public enum LineDiff {
    static let largestCompared = 2_000

    public static func unified(_ old: String, _ new: String, path: String) -> String {
        guard old != new else { return "" }
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let oldMiddle = Array(a[prefix..<(a.count - suffix)])
        let newMiddle = Array(b[prefix..<(b.count - suffix)])
        var body: [String] = []
        if oldMiddle.count * newMiddle.count <= largestCompared * largestCompared / 4 {
            body = lcsLines(oldMiddle, newMiddle)
        } else {
            body = oldMiddle.map { "-" + $0 } + newMiddle.map { "+" + $0 }
        }
        let contextStart = max(0, prefix - 3)
        let contextEnd = min(a.count, a.count - suffix + 3)
        let before = a[contextStart..<prefix].map { " " + $0 }
        let after = a[(a.count - suffix)..<contextEnd].map { " " + $0 }
        let oldCount = before.count + oldMiddle.count + after.count
        let newCount = before.count + newMiddle.count + after.count
        return "--- a/\(path)\n+++ b/\(path)\n@@ -\(contextStart + 1),\(oldCount) +\(contextStart + 1),\(newCount) @@\n"
            + (before + body + after).joined(separator: "\n") + "\n"
    }

    private static func lcsLines(_ a: [String], _ b: [String]) -> [String] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [String] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append(" " + a[i])
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                lines.append("-" + a[i])
                i += 1
            } else {
                lines.append("+" + b[j])
                j += 1
            }
        }
        return lines
    }
}
