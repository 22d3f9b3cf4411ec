import Support

/// "Did you mean" for misspelt names, fields, references and commands.
public enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a plausible typo.
    ///
    /// Case is ignored. Ties break on the candidate's own order, so callers pass candidates in a
    /// stable order. Work is linear in the number of candidates, with a bounded edit distance
    /// per candidate, so suggestions stay cheap even for large journals.
    public static func nearest<S: Collection>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = max(1, min(3, target.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            // Most candidates are far longer or shorter: told before anything is made of them.
            let length = candidate.unicodeScalars.count
            if abs(length - target.count) > limit { continue }
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if abs(scalars.count - target.count) > limit { continue }
            let bound = min(limit, (best?.distance ?? limit + 1) - 1)
            guard bound >= 0, let distance = editDistance(target, scalars, atMost: bound) else { continue }
            best = (distance, candidate)
        }
        if let best { return best.candidate }
        // No near spelling: a first name or the start of a longer name ("Grace" → "Grace Hopper").
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        // An ASCII word is looked for without making anything first (a cheap filter); folding
        // would drop the accents of any other.
        let ascii = lowered.utf8.allSatisfy { $0 < 0x80 }
        return candidates.first { candidate in
            (!ascii || TextFolding.matches(candidate, folded: lowered))
                && candidate.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).contains { $0.hasPrefix(lowered) }
        }
    }

    /// Levenshtein distance (with adjacent transpositions), or nil when it exceeds `bound`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        if a.isEmpty { return b.count <= bound ? b.count : nil }
        if b.isEmpty { return a.count <= bound ? a.count : nil }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }

    /// ` (did you mean 'x'?)` or the empty string, ready to append to a message.
    public static func clause(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
