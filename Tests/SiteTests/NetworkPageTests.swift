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

    @Test func theGraphIsValidSVGWithAPersonPerNodeLinkedToTheirPage() throws {
        let site = try build()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let html = try String(contentsOf: site.appending(path: "network.html"), encoding: .utf8)
        let start = try #require(html.range(of: "<svg class=\"network\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.upperBound])
            .replacingOccurrences(of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ")
        let file = site.appending(path: "graph.svg")
        try Data(svg.utf8).write(to: file)
        // A strict XML parser reads it; every node is a circle in a link to an existing page.
        let script = """
            import os, sys, xml.etree.ElementTree as ET
            ns = {"s": "http://www.w3.org/2000/svg"}
            root = ET.parse(sys.argv[1]).getroot()
            links = root.findall(".//s:a", ns)
            circles = root.findall(".//s:circle", ns)
            lines = root.findall(".//s:line", ns)
            missing = [a.get("href") for a in links if not os.path.exists(os.path.join(sys.argv[2], a.get("href")))]
            print(len(circles), len(links), len(lines), missing)
            """
        let result = try #require(try Python.run(script, arguments: [file.path, site.path], needing: "xml"))
        #expect(result.status == 0, "\(result.output)")
        // 15 contacts; edges: Bob's two triangles (6) and Hannah's four introductions.
        #expect(result.output == "15 15 10 []\n")
        #expect(!svg.contains("<script") && !svg.contains(" on"), "the drawing needs no script")
        #expect(html.contains("Hannah Hub") && html.contains("Initech"))
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

    @Test func theLayoutIsDeterministicAndInsideTheSquare() {
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4)]
        let a = ForceLayout.positions(nodes: 6, edges: edges)
        let b = ForceLayout.positions(nodes: 6, edges: edges)
        #expect(a == b)
        #expect(a.allSatisfy { (0...1000).contains($0.x) && (0...1000).contains($0.y) })
        // Connected nodes end nearer each other than the one that shares no edge.
        func distance(_ i: Int, _ j: Int) -> Double {
            ((a[i].x - a[j].x) * (a[i].x - a[j].x) + (a[i].y - a[j].y) * (a[i].y - a[j].y)).squareRoot()
        }
        #expect(distance(0, 1) < distance(0, 5))
    }
}
