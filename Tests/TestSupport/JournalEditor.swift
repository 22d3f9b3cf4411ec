import Foundation

/// Makes random edits to a journal's files, the kind a person makes: a field given another
/// record's value (a name, an org, a date, people, tags), a line removed, a wiki link or a
/// sentence added, a file removed, copied under a new name or renamed.
public struct JournalEditor {
    public let root: URL
    var random: SplitMix64

    public init(root: URL, seed: UInt64) {
        self.root = root
        random = SplitMix64(seed: seed)
    }

    /// Makes one edit and says what it was.
    public mutating func edit() throws -> String {
        let files = try records()
        let file = files[random.below(files.count)]
        let url = root.appending(path: file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let frontMatterEnd = lines.dropFirst().firstIndex(of: "---") ?? 0
        let fields = (1..<max(frontMatterEnd, 1)).filter { lines[$0].contains(":") && !lines[$0].hasPrefix(" ") }
        switch random.below(9) {
        case 0, 1, 2:
            // A field takes the value another record has for it.
            guard let line = fields.randomElement(using: &random) else { return "nothing" }
            let key = String(lines[line].prefix { $0 != ":" })
            let values = try files.flatMap { other in
                try String(contentsOf: root.appending(path: other), encoding: .utf8).components(separatedBy: "\n")
                    .filter { $0.hasPrefix(key + ":") }
            }
            let value = values[random.below(values.count)]
            lines[line] = value
            try write(lines, to: url)
            return "\(file): \(value)"
        case 3:
            guard let line = fields.randomElement(using: &random) else { return "nothing" }
            let removed = lines.remove(at: line)
            try write(lines, to: url)
            return "\(file): removed \(removed)"
        case 4:
            // A wiki link to another record, by slug or by name.
            let other = files[random.below(files.count)]
            let otherLines = try String(contentsOf: root.appending(path: other), encoding: .utf8).components(separatedBy: "\n")
            let name = otherLines.first { $0.hasPrefix("name:") || $0.hasPrefix("title:") }.map {
                String($0.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            let slug = String(other.split(separator: "/").last!.dropLast(3))
            let target = random.below(2) == 0 ? slug : (name ?? slug)
            lines.append("See also [[\(target)]].")
            try write(lines, to: url)
            return "\(file): linked [[\(target)]]"
        case 5:
            // A sentence, or a question to ask, which the pages of the people met show.
            let sentence = random.below(2) == 0 ? "One more sentence about it." : "Ask about the move to Lisbon?"
            lines.append(sentence)
            try write(lines, to: url)
            return "\(file): \(sentence)"
        case 6:
            try FileManager.default.removeItem(at: url)
            return "\(file): removed"
        case 7:
            let copy = url.deletingPathExtension().path + "-\(random.below(1000)).md"
            try FileManager.default.copyItem(atPath: url.path, toPath: copy)
            return "\(file): copied to \(copy)"
        default:
            let renamed = url.deletingLastPathComponent().appending(path: "renamed-\(random.below(1000)).md")
            guard !FileManager.default.fileExists(atPath: renamed.path) else { return "nothing" }
            try FileManager.default.moveItem(at: url, to: renamed)
            return "\(file): renamed to \(renamed.lastPathComponent)"
        }
    }

    /// The record files, relative to the root, sorted.
    private func records() throws -> [String] {
        var files: [String] = []
        for folder in ["contacts", "encounters", "publications", "orgs", "goals"] {
            let base = root.appending(path: folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".md") { files.append(folder + "/" + path) }
        }
        return files.sorted()
    }

    private func write(_ lines: [String], to url: URL) throws {
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
    }
}
