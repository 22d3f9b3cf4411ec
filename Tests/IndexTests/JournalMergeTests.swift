import Foundation
import TestSupport
import Testing

@testable import Authoring
@testable import Index

/// `ties merge-driver`'s merge of one file, rule by rule: (base, ours, theirs) → result.
@Suite("Merging a journal file by key")
struct JournalMergeTests {
    static func merge(_ base: String, _ ours: String, _ theirs: String, path: String = "contacts/ada.md") -> JournalMerge.Result {
        JournalMerge.merge(base: base, ours: ours, theirs: theirs, path: path)
    }

    static let base =
        "---\nname: Ada   # as she writes it\norg: Acme\ntitle: Engineer\ntags: [a, b]\nphones:\n  - \"+1 1\"\n---\nNotes.\n\nMore notes.\n"

    @Test func aKeyChangedOnOneSideTakesThatSide() {
        let ours = Self.base.replacingOccurrences(of: "org: Acme", with: "org: Initech")
        let theirs = Self.base.replacingOccurrences(of: "title: Engineer", with: "title: \"CTO, Platform\"")
        let result = Self.merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(
            result.text
                == Self.base.replacingOccurrences(of: "org: Acme", with: "org: Initech")
                .replacingOccurrences(of: "title: Engineer", with: "title: \"CTO, Platform\""))
    }

    @Test func listsOfValuesTakeWhatEitherAddedAndDropWhatEitherRemoved() {
        let ours = Self.base.replacingOccurrences(of: "tags: [a, b]", with: "tags: [a, b, c]")
            .replacingOccurrences(of: "  - \"+1 1\"\n", with: "  - \"+1 1\"\n  - \"+1 2\"\n")
        let theirs = Self.base.replacingOccurrences(of: "tags: [a, b]", with: "tags: [b, d]")
            .replacingOccurrences(of: "  - \"+1 1\"\n", with: "  - \"+1 3\"\n")
        let result = Self.merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.contains("tags: [b, c, d]\n"), "\(result.text)")
        #expect(result.text.contains("phones:\n  - \"+1 2\"\n  - +1 3\n"), "\(result.text)")
        #expect(result.text.hasPrefix("---\nname: Ada   # as she writes it\n"), "ours' lines keep their bytes")
    }

    @Test func listsOfRecordsMergeByItem() {
        let base = "---\nname: Ada\nroles:\n  - {org: Acme, from: 2019}\n---\n"
        let ours = "---\nname: Ada\nroles:\n  - {org: Acme, from: 2019, to: 2024}\n  - {org: Initech, from: 2024}\n---\n"
        let theirs = "---\nname: Ada\nroles:\n  - {org: Acme, from: 2019}\n  - {org: Side Project, from: 2023}\n---\n"
        let result = Self.merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(
            result.text
                == "---\nname: Ada\nroles:\n  - {org: Acme, from: 2019, to: 2024}\n  - {org: Initech, from: 2024}\n  - {org: Side Project, from: 2023}\n---\n",
            "\(result.text)")
        let encounter =
            "---\ndate: 2026-01-02\nwith: [Ada]\nfollowups:\n  - Send the deck\n  - {task: Book a call, due: 2w}\n---\n"
        let done = encounter.replacingOccurrences(of: "  - Send the deck\n", with: "  - {task: Send the deck, done: true}\n")
        let more = encounter.replacingOccurrences(of: "---\n\n", with: "").replacingOccurrences(
            of: "due: 2w}\n", with: "due: 2w}\n  - Thank Ada\n")
        let merged = Self.merge(encounter, done, more, path: "encounters/2026/x.md")
        #expect(merged.conflicts == 0)
        #expect(merged.text.contains("{task: Send the deck, done: true}") && merged.text.contains("Thank Ada"), "\(merged.text)")
        #expect(!merged.text.contains("  - Send the deck\n"), "\(merged.text)")
    }

    @Test func mapsMergeByLabel() {
        let base = "---\nname: Ada\nlinks: {web: https://ada.example}\n---\n"
        let ours = "---\nname: Ada\nlinks: {web: https://ada.example, github: https://github.com/ada}\n---\n"
        let theirs = "---\nname: Ada\nlinks: {web: https://ada.example/, linkedin: https://linkedin.com/in/ada}\n---\n"
        let result = Self.merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(
            result.text
                == "---\nname: Ada\nlinks: {web: https://ada.example/, github: https://github.com/ada, linkedin: https://linkedin.com/in/ada}\n---\n",
            "\(result.text)")
    }

    @Test func aTrueClashKeepsOursInMarkersThatCheckReports() throws {
        let ours = Self.base.replacingOccurrences(of: "title: Engineer", with: "title: CTO")
        let theirs = Self.base.replacingOccurrences(of: "title: Engineer", with: "title: VP")
            .replacingOccurrences(of: "org: Acme", with: "org: Initech")
        let result = Self.merge(Self.base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(
            result.text.contains("org: Initech\n<<<<<<< ours\ntitle: CTO\n=======\ntitle: VP\n>>>>>>> theirs\n"), "\(result.text)"
        )
        let file = JournalFile(absolutePath: "/x/contacts/ada.md", path: "contacts/ada.md", kind: .contact, slug: "ada")
        let parsed = RecordParser.parse(result.text, file: file)
        let conflict = try #require(parsed.diagnostics.first { $0.code == .mergeConflict })
        #expect(conflict.location.line == 4 && conflict.severity == .error)
    }

    @Test func markersLeftInTiesYamlAreReportedToo() {
        let settings = "title: Net\n<<<<<<< ours\nowner: A\n=======\nowner: B\n>>>>>>> theirs\n"
        let found = ConfigParser.parse(settings).diagnostics.filter { $0.code == .mergeConflict }
        #expect(found.map(\.location.line) == [2])
    }

    @Test func theBodyMergesByLineAndBothSidesEqualIsThatSide() {
        let ours = Self.base.replacingOccurrences(of: "Notes.\n", with: "Notes, ours.\n")
        let theirs = Self.base.replacingOccurrences(of: "More notes.\n", with: "More notes, theirs.\n")
        let result = Self.merge(Self.base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.hasSuffix("---\nNotes, ours.\n\nMore notes, theirs.\n"), "\(result.text)")
        #expect(Self.merge(Self.base, ours, ours).text == ours)
    }

    @Test func crlfFilesAndTiesYamlKeepTheirStyle() {
        let base = Self.base.replacingOccurrences(of: "\n", with: "\r\n")
        let ours = base.replacingOccurrences(of: "org: Acme", with: "org: Initech")
        let theirs = base.replacingOccurrences(of: "tags: [a, b]", with: "tags: [a, b, c]")
        let result = Self.merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == ours.replacingOccurrences(of: "tags: [a, b]", with: "tags: [a, b, c]"), "\(result.text)")

        let settings = "title: Net\ncircles:\n  close: 1m\n  network: 3m\n"
        let mine = settings.replacingOccurrences(of: "close: 1m", with: "close: 2w")
        let other = settings + "  wider: 1y\n"
        let merged = Self.merge(settings, mine, other, path: "ties.yaml")
        #expect(merged.conflicts == 0)
        #expect(merged.text == "title: Net\ncircles:\n  close: 2w\n  network: 3m\n  wider: 1y\n", "\(merged.text)")
    }

    @Test func aFileWithoutFrontMatterMergesByLine() {
        let base = "# Notes\n\none\ntwo\nthree\n"
        let result = Self.merge(
            base, base.replacingOccurrences(of: "one", with: "ONE"), base.replacingOccurrences(of: "three", with: "THREE"))
        #expect(result.conflicts == 0 && result.text == "# Notes\n\nONE\ntwo\nTHREE\n", "\(result.text)")
    }

    /// Random disjoint edits on two sides always merge to the edits of both.
    @Test func disjointEditsAlwaysMergeToTheEditOfBoth() throws {
        var random = SplitMix64(seed: 33)
        let keys = ["org", "title", "location", "how_met", "circle", "cadence"]
        let lists = ["tags", "emails", "aliases"]
        for _ in 0..<300 {
            var fields: [String: String] = ["name": "Ada"]
            for key in keys where random.bool() { fields[key] = "v\(random.below(5))" }
            var listValues: [String: [String]] = [:]
            for key in lists where random.bool() { listValues[key] = (0..<random.int(1..<4)).map { "\(key)\($0)" } }
            func text(_ f: [String: String], _ l: [String: [String]]) -> String {
                var lines = ["---", "name: \(f["name"] ?? "Ada")"]
                for key in keys { if let value = f[key] { lines.append("\(key): \(value)") } }
                for key in lists { if let values = l[key] { lines.append("\(key): [\(values.joined(separator: ", "))]") } }
                return lines.joined(separator: "\n") + "\n---\nBody.\n"
            }
            let all = (keys + lists).shuffled(using: &random)
            let split = random.int(0..<all.count)
            var (oursF, oursL, theirsF, theirsL) = (fields, listValues, fields, listValues)
            for (index, key) in all.enumerated() where random.bool() {
                let mine = index < split
                if lists.contains(key) {
                    var values = (mine ? oursL : theirsL)[key] ?? []
                    values.append("\(mine ? "o" : "t")\(random.below(100))")
                    if mine { oursL[key] = values } else { theirsL[key] = values }
                } else if mine {
                    oursF[key] = "o\(random.below(100))"
                } else {
                    theirsF[key] = "t\(random.below(100))"
                }
            }
            let result = Self.merge(text(fields, listValues), text(oursF, oursL), text(theirsF, theirsL))
            #expect(result.conflicts == 0)
            var expectedF = oursF
            for key in keys where theirsF[key] != fields[key] { expectedF[key] = theirsF[key] }
            var expectedL = oursL
            for key in lists where theirsL[key] != listValues[key] { expectedL[key] = theirsL[key] }
            let file = JournalFile(absolutePath: "/x/contacts/ada.md", path: "contacts/ada.md", kind: .contact, slug: "ada")
            guard case let .contact(merged)? = RecordParser.parse(result.text, file: file).record,
                case let .contact(expected)? = RecordParser.parse(text(expectedF, expectedL), file: file).record
            else {
                Issue.record("unreadable: \(result.text)")
                continue
            }
            #expect(
                (merged.org?.text, merged.title, merged.location, merged.howMet, merged.circle?.text, merged.cadence)
                    == (
                        expected.org?.text, expected.title, expected.location, expected.howMet, expected.circle?.text,
                        expected.cadence
                    ),
                "\(result.text)")
            #expect(
                (merged.tags, merged.emails, merged.aliases) == (expected.tags, expected.emails, expected.aliases),
                "\(result.text)")
        }
    }
}
