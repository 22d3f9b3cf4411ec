import Index

/// A unified diff of two versions of a file, for `--dry-run`: the lines an edit changes in
/// hunks with three lines of context, as `git diff` writes them, so `git apply` takes it.
///
/// Edits change a few lines, so the common start and end are skipped first and only what lies
/// between is compared (by longest common subsequence, bounded: a change over more lines than
/// `largestCompared` is shown as one block).
public enum LineDiff {
    static let largestCompared = 2_000
    static let context = 3

    private struct Op {
        /// " ", "-" or "+".
        var sign: Character
        var text: String
        /// Index of the line in the old file (for " " and "-") or the new one (for "+").
        var old: Int
        var new: Int
    }

    public static func unified(_ old: String, _ new: String, path: String) -> String {
        guard old != new else { return "" }
        let a = lines(of: old)
        let b = lines(of: new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        var ops: [Op] = (0..<prefix).map { Op(sign: " ", text: a[$0], old: $0, new: $0) }
        let oldMiddle = Array(a[prefix..<(a.count - suffix)])
        let newMiddle = Array(b[prefix..<(b.count - suffix)])
        if oldMiddle.count * newMiddle.count <= largestCompared * largestCompared / 4 {
            ops += middle(oldMiddle, newMiddle, from: prefix)
        } else {
            ops += oldMiddle.indices.map { Op(sign: "-", text: oldMiddle[$0], old: prefix + $0, new: prefix) }
            ops += newMiddle.indices.map { Op(sign: "+", text: newMiddle[$0], old: a.count - suffix, new: prefix + $0) }
        }
        ops += (0..<suffix).map {
            Op(sign: " ", text: a[a.count - suffix + $0], old: a.count - suffix + $0, new: b.count - suffix + $0)
        }

        var out = "--- a/\(path)\n+++ b/\(path)\n"
        let changed = ops.indices.filter { ops[$0].sign != " " }
        var index = 0
        while index < changed.count {
            let start = max(0, changed[index] - context)
            var end = min(ops.count, changed[index] + context + 1)
            index += 1
            while index < changed.count, changed[index] - context <= end {
                end = min(ops.count, changed[index] + context + 1)
                index += 1
            }
            let hunk = ops[start..<end]
            let oldCount = hunk.filter { $0.sign != "+" }.count
            let newCount = hunk.filter { $0.sign != "-" }.count
            let oldStart = hunk.first { $0.sign != "+" }.map { $0.old + 1 } ?? (hunk.first?.old ?? 0)
            let newStart = hunk.first { $0.sign != "-" }.map { $0.new + 1 } ?? (hunk.first?.new ?? 0)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for op in hunk {
                if op.text.hasSuffix(unterminated) {
                    out += "\(op.sign)\(op.text.dropLast())\n\\ No newline at end of file\n"
                } else {
                    out += "\(op.sign)\(op.text)\n"
                }
            }
        }
        return out
    }

    /// Marks a last line without a newline, so that it differs from the same text with one.
    private static let unterminated = "\u{0}"

    /// The lines of a text, a last one without a newline marked.
    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        } else {
            lines[lines.count - 1] += unterminated
        }
        return lines
    }

    private static func middle(_ a: [String], _ b: [String], from offset: Int) -> [Op] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var ops: [Op] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ops.append(Op(sign: " ", text: a[i], old: offset + i, new: offset + j))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                ops.append(Op(sign: "-", text: a[i], old: offset + i, new: offset + j))
                i += 1
            } else {
                ops.append(Op(sign: "+", text: b[j], old: offset + i, new: offset + j))
                j += 1
            }
        }
        return ops
    }
}
