import Support

public extension Journal {
    /// The orgs a goal of this journal names: those its notes link to (`[[Acme Robotics]]`), and those whose
    /// name or an alias its title or notes write out ("Join Munich Re's risk team"), compared
    /// as whole words without case or accents. By slug.
    ///
    /// Every org's name is made into one table on first use (`OrgNameMatcher`), and the goal's
    /// words are looked up in it: comparing each goal with each org's name was goals × orgs,
    /// seconds at 20,000 records. A goal is matched when asked, so that a rebuild making one
    /// goal's page reads that goal's notes only.
    func orgs(namedBy goal: Goal) -> [Org.ID] {
        orgNames.get { OrgNameMatcher(orgs) }.orgs(namedBy: goal)
    }
}

/// Every org's name and aliases as runs of folded words, so that a text is matched against all
/// of them in one pass over its words: each run of up to `longestName` words is looked up.
///
/// A name counts when it has two words or more, or one word of three characters or more ("AI"
/// alone would match too much). Names longer than `longestName` words are matched only by a
/// wiki link, which bounds the work per word of text.
struct OrgNameMatcher {
    static let longestName = 12

    private var byPhrase: [String: [Org.ID]] = [:]
    private var lengths: [Int] = []

    init<S: Sequence>(_ orgs: S) where S.Element == Org {
        var lengths = Set<Int>()
        for org in orgs {
            for name in [org.name] + org.aliases {
                let words = Self.words(name)
                guard words.count >= 2 || words.count == 1 && name.count >= 3, words.count <= Self.longestName else { continue }
                byPhrase[words.joined(separator: " "), default: []].append(org.id)
                lengths.insert(words.count)
            }
        }
        self.lengths = lengths.sorted()
    }

    func orgs(namedBy goal: Goal) -> [Org.ID] {
        var found = Set(goal.wikiLinks.compactMap(\.target).filter { $0.kind == .org }.map { Org.ID($0.slug) })
        found.formUnion(orgs(in: goal.title + " " + goal.body))
        return found.sorted { $0.slug < $1.slug }
    }

    /// The orgs whose name a text writes out as whole words.
    func orgs(in text: String) -> Set<Org.ID> {
        guard !byPhrase.isEmpty else { return [] }
        let words = Self.words(text)
        var found = Set<Org.ID>()
        for start in words.indices {
            for length in lengths {
                guard start + length <= words.count else { break }
                let phrase = length == 1 ? String(words[start]) : words[start..<start + length].joined(separator: " ")
                if let orgs = byPhrase[phrase] { found.formUnion(orgs) }
            }
        }
        return found
    }

    /// A text folded (`TextFolding.searchKey`) and cut into its runs of letters and digits.
    static func words(_ text: String) -> [Substring] {
        let folded = TextFolding.searchKey(text)
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        var space = true
        for byte in folded {
            let isWord = byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isWord {
                out.append(byte)
                space = false
            } else if !space {
                out.append(0x20)
                space = true
            }
        }
        return String(decoding: out, as: UTF8.self).split(separator: " ")
    }
}
