import Support

public extension Journal {
    /// The orgs a goal names: those its notes link to (`[[Acme Robotics]]`), and those whose
    /// name or an alias its title or notes write out ("Join Munich Re's risk team"), compared
    /// as whole words without case or accents. By slug.
    func orgs(namedBy goal: Goal) -> [Org.ID] {
        var found = Set(goal.wikiLinks.compactMap(\.target).filter { $0.kind == .org }.map { Org.ID($0.slug) })
        let text = " " + Self.words(goal.title + " " + goal.body) + " "
        for org in orgs {
            if found.contains(org.id) { continue }
            for name in [org.name] + org.aliases {
                let words = Self.words(name)
                guard words.count >= 2 || words.count >= 1 && name.count >= 3 else { continue }
                if text.contains(" " + words + " ") {
                    found.insert(org.id)
                    break
                }
            }
        }
        return found.sorted { $0.slug < $1.slug }
    }

    /// A text folded (`TextFolding.searchKey`) with every run of anything but letters and
    /// digits one space.
    private static func words(_ text: String) -> String {
        let folded = TextFolding.searchKey(text)
        var out: [UInt8] = []
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
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
