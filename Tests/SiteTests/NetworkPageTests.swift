import Foundation
import Index
import TestSupport
import Testing

@testable import Site

/// The Network page of `Tests/Fixtures/network` (see InsightsCommandTests): a drawing of who
/// knows whom that is valid SVG, the same on every build, and links each person to their page.
@Suite("The Network page")
struct NetworkPageTests {
    private func build() throws -> URL {
        let folder = try Fixtures.temporaryFolder("network").appending(path: "out")
        _ = try SiteBuilder.build(
            Journal.load(from: Fixtures.journal("network")), options: .init(output: folder, today: Day("2026-12-01")))
        return folder
    }

    @Test func theMapIsValidSVGWithEveryoneWhoKnowsSomeoneLinkedToTheirPage() throws {
        let site = try build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let html = try String(contentsOf: site.appending(path: "network.html"), encoding: .utf8)
        let start = try #require(html.range(of: "<svg class=\"network\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.upperBound])
            .replacingOccurrences(of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ")
        let file = site.appending(path: "graph.svg")
        try Data(svg.utf8).write(to: file)
        // A strict XML parser reads it; every person is a link to an existing page, with a name.
        let script = """
            import os, sys, xml.etree.ElementTree as ET
            ns = {"s": "http://www.w3.org/2000/svg"}
            root = ET.parse(sys.argv[1]).getroot()
            links = root.findall(".//s:a", ns)
            lines = root.findall(".//s:g[@class='edges']/s:line", ns)
            you = root.findall(".//s:g[@class='you']/s:circle", ns)
            missing = [a.get("href") for a in links if not os.path.exists(os.path.join(sys.argv[2], a.get("href")))]
            unnamed = [a.get("href") for a in links if not a.get("aria-label")]
            centre = [(c.get("cx"), c.get("cy")) for c in you]
            print(len(links), len(lines), missing, unnamed, centre)
            """
        let result = try #require(try Python.run(script, arguments: [file.path, site.path], needing: "xml"))
        #expect(result.status == 0, "\(result.output)")
        // Of 15 contacts, 11 know someone else here: Bob's two triangles and Hannah's four
        // introductions (10 lines); the other four are known to the owner alone.
        let graph = PeopleGraph(Journal.load(from: Fixtures.journal("network")))
        let connected = graph.neighbours.filter { !$0.isEmpty }.count
        #expect(result.output == "\(connected) 10 [] [] [('500', '500')]\n")
        #expect(
            html.contains("<summary>Known to you alone (they know no one else here): \(graph.people.count - connected)</summary>")
        )
        #expect(!svg.contains("<script") && svg.range(of: #" on[a-z]+="#, options: .regularExpression) == nil, "no script")
        // The broker is marked and named.
        #expect(svg.contains("aria-label=\"Bob Broker — ") && svg.contains(" broker\"/>"))
    }

    @Test func twoBuildsDrawTheSamePicture() throws {
        let first = try build()
        let second = try build()
        defer {
            try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
        }
        #expect(
            try Data(contentsOf: first.appending(path: "network.html"))
                == Data(contentsOf: second.appending(path: "network.html")))
    }

    /// 500 people in a few groups and many lines: every one on the map, inside it, none on top
    /// of another, no two labels overlapping, and the same picture twice.
    @Test func fiveHundredPeopleGetPlacesAndLabelsThatNeverOverlap() {
        var random = SplitMix64(seed: 30)
        let groups = ["Acme", "Globex", "Initech", "TUM", "", "close", "Community"]
        let people = (0..<500).map { index in
            NetworkMap.Person(
                id: Contact.ID("p\(index)"), name: "Person \(index) \(["Ann", "Bob Brown", "Chidi", "Łukasz Nowak"][index % 4])",
                href: "contacts/p\(index).html", strength: TieStrength.allCases[random.below(3)],
                score: Double(random.below(100)),
                group: groups[random.below(groups.count)], isBroker: index < 5, isGateway: index % 50 == 0)
        }
        let edges = (0..<1500).map { _ in (random.below(500), random.below(500)) }.filter { $0.0 != $0.1 }
        let map = NetworkMap(people: people, edges: edges)
        #expect(map.placed.count == 500)
        #expect(map.placed.allSatisfy { (0...1000).contains($0.x) && (0...1000).contains($0.y) })
        let labels = Array(map.placeLabels(you: "You").values)
        #expect(labels.count >= 15, "the names that matter are shown")
        for (i, a) in labels.enumerated() {
            #expect(a.minX >= 0 && a.maxX <= 1000 && a.minY >= 0 && a.maxY <= 1000)
            for b in labels[(i + 1)...] { #expect(!a.overlaps(b)) }
        }
        let again = NetworkMap(people: people, edges: edges)
        #expect(
            map.svg(you: "You", label: "", roles: \.rawValue, broker: "b", gateway: "g")
                == again.svg(you: "You", label: "", roles: \.rawValue, broker: "b", gateway: "g"))
    }
}
