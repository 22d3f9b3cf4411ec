import Foundation
import Index

/// The Network page's map: the owner at the centre, each person on a ring by tie strength
/// (strong inside, dormant outside) and in a sector of their group (the org they work at, else
/// their circle), so that a team, a community or a former employer is one arc; lines between
/// people who know each other; the people who connect groups (brokers) and the ways into an
/// org (gateways) marked. Deterministic: the same journal draws the same picture.
///
/// Only people who know someone else in the journal are drawn: those known to the owner alone
/// are counted below the map (a ring of unconnected dots said nothing). Labels never overlap:
/// they are placed in order of importance (brokers, gateways, strong ties, most connected) where
/// they fit; every other name is the person's tooltip and accessible name. People are links
/// in ring and angle order, so a keyboard or a screen reader walks them outward, group by group.
struct NetworkMap {
    struct Person {
        var id: Contact.ID
        var name: String
        var href: String?
        var strength: TieStrength
        var score: Double
        /// The org they work at now, else their circle; "" for neither.
        var group: String
        var isBroker: Bool
        var isGateway: Bool
    }

    /// A person placed: where, how large, and in which colour group (0 for none).
    struct Placed {
        var person: Person
        var x, y, radius: Double
        var colour: Int
        var angle: Double
    }

    static let size = 1000.0
    static let centre = 500.0
    /// The middle of each strength's band, and how wide a band is.
    static let rings: [TieStrength: Double] = [.strong: 165, .weak: 290, .dormant: 405]
    static let band = 95.0
    static let fontSize = 20.0
    /// Colours for the largest groups (`g1`…`g7` of style.css); the rest share `g0`.
    static let colours = 7

    let placed: [Placed]
    let edges: [(Int, Int)]
    /// Groups with a colour, largest first.
    let groups: [String]

    /// Lays out `people` (those to draw) with `edges` between them (positions in `people`).
    init(people: [Person], edges: [(Int, Int)]) {
        // Groups, largest first, then by name; people of a group by strength, score, name.
        var members: [String: [Int]] = [:]
        for (index, person) in people.enumerated() { members[person.group, default: []].append(index) }
        let order = members.keys.sorted { a, b in
            let (x, y) = (members[a]?.count ?? 0, members[b]?.count ?? 0)
            if (a.isEmpty) != (b.isEmpty) { return b.isEmpty }
            return x != y ? x > y : NameOrder.key(a) < NameOrder.key(b)
        }
        groups = Array(order.filter { !$0.isEmpty }.prefix(Self.colours))
        let total = Double(max(people.count, 1))
        // Sub-rings in a band when one ring cannot hold its people side by side.
        var perStrength: [TieStrength: Int] = [:]
        for person in people { perStrength[person.strength, default: 0] += 1 }
        var subRings: [TieStrength: Int] = [:]
        for (strength, count) in perStrength {
            let radius = Self.rings[strength] ?? 300
            let needed = Double(count) * 16 / (2 * Double.pi * radius)
            subRings[strength] = max(1, min(5, Int(needed.rounded(.up))))
        }
        var placed: [Placed?] = Array(repeating: nil, count: people.count)
        var start = -Double.pi / 2
        let gap = order.count > 1 ? 0.04 : 0
        let usable = 2 * Double.pi - gap * Double(order.count)
        for group in order {
            let indices = (members[group] ?? []).sorted { a, b in
                let (p, q) = (people[a], people[b])
                if p.strength != q.strength { return p.strength < q.strength }
                if p.score != q.score { return p.score > q.score }
                return (NameOrder.key(p.name), p.id.slug) < (NameOrder.key(q.name), q.id.slug)
            }
            let span = usable * Double(indices.count) / total
            let colour = groups.firstIndex(of: group).map { $0 + 1 } ?? 0
            for strength in TieStrength.allCases {
                let ring = indices.filter { people[$0].strength == strength }
                let rings = subRings[strength] ?? 1
                for (position, index) in ring.enumerated() {
                    let angle = start + span * (Double(position) + 0.5) / Double(ring.count)
                    let sub = position % rings
                    let offset = rings == 1 ? 0 : (Double(sub) / Double(rings - 1) - 0.5) * Self.band * 0.8
                    let radius = (Self.rings[strength] ?? 300) + offset
                    let size: Double = strength == .strong ? 9 : strength == .weak ? 6.5 : 5
                    placed[index] = Placed(
                        person: people[index], x: Self.centre + radius * cos(angle), y: Self.centre + radius * sin(angle),
                        radius: size, colour: colour, angle: angle)
                }
            }
            start += span + gap
        }
        self.placed = placed.compactMap { $0 }
        self.edges = edges
    }

    /// The SVG, with `you` at the centre and `label` as its accessible name.
    func svg(you: String, label: String, roles: (TieStrength) -> String, broker: String, gateway: String) -> String {
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg =
            "<svg class=\"network\" viewBox=\"0 0 \(Int(Self.size)) \(Int(Self.size))\" role=\"group\" aria-label=\"\(HTML.escape(label))\">"
        // The bands of strength, faintly.
        for strength in TieStrength.allCases {
            svg += "<circle class=\"band\" cx=\"500\" cy=\"500\" r=\"\(number(Self.rings[strength] ?? 0))\"/>"
        }
        svg += "<g class=\"edges\">"
        for (a, b) in edges {
            let (p, q) = (placed[a], placed[b])
            let same = p.colour != 0 && p.colour == q.colour
            svg +=
                "<line\(same ? " class=\"inside\"" : "") x1=\"\(number(p.x))\" y1=\"\(number(p.y))\" x2=\"\(number(q.x))\" y2=\"\(number(q.y))\"/>"
        }
        svg += "</g>"
        // You, in the middle.
        svg += "<g class=\"you\"><circle cx=\"500\" cy=\"500\" r=\"14\"/>"
        svg += "<text x=\"500\" y=\"\(number(500 + 14 + Self.fontSize + 2))\">\(HTML.escape(you))</text></g>"

        let labels = placeLabels(you: you)
        // In reading order: strong first, then round the circle from the top.
        let order = placed.indices.sorted { a, b in
            let (p, q) = (placed[a], placed[b])
            if p.person.strength != q.person.strength { return p.person.strength < q.person.strength }
            return p.angle < q.angle
        }
        svg += "<g class=\"people\">"
        for index in order {
            let node = placed[index]
            let person = node.person
            var marks = [roles(person.strength)]
            if !person.group.isEmpty { marks.append(person.group) }
            if person.isBroker { marks.append(broker) }
            if person.isGateway { marks.append(gateway) }
            let accessible = HTML.escape("\(person.name) — \(marks.joined(separator: ", "))")
            var classes = ["g\(node.colour)", person.strength.rawValue]
            if person.isBroker { classes.append("broker") }
            if person.isGateway { classes.append("gateway") }
            var item = ""
            if person.isBroker || person.isGateway {
                item +=
                    "<circle class=\"mark\" cx=\"\(number(node.x))\" cy=\"\(number(node.y))\" r=\"\(number(node.radius + 4))\"/>"
            }
            item +=
                "<circle cx=\"\(number(node.x))\" cy=\"\(number(node.y))\" r=\"\(number(node.radius))\" class=\"\(classes.joined(separator: " "))\"/>"
            item += "<title>\(accessible)</title>"
            if let box = labels[index] {
                item +=
                    "<text x=\"\(number(box.textX))\" y=\"\(number(box.textY))\" text-anchor=\"\(box.anchor)\">\(HTML.escape(person.name))</text>"
            }
            if let href = person.href {
                svg += "<a href=\"\(HTML.escape(href))\" aria-label=\"\(accessible)\">\(item)</a>"
            } else {
                svg += "<g aria-label=\"\(accessible)\" role=\"img\">\(item)</g>"
            }
        }
        return svg + "</g></svg>"
    }

    /// A label's box (for overlap) and where its text starts.
    struct LabelBox {
        var minX, minY, maxX, maxY: Double
        var textX, textY: Double
        var anchor: String

        func overlaps(_ other: LabelBox) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// The width a name takes at `fontSize`: a character is about 0.58 of the size, wide ones
    /// (CJK) a whole size. Generous, so that estimated boxes that do not overlap never do.
    static func width(of name: String) -> Double {
        name.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.value >= 0x1100 ? 1.0 : 0.6) * fontSize
        }
    }

    /// The people whose names are shown, by position, and where: the most important first, each
    /// where it overlaps no label placed before it, no node and not the edge of the drawing.
    func placeLabels(you: String) -> [Int: LabelBox] {
        var taken: [LabelBox] = []
        let youWidth = Self.width(of: you)
        taken.append(
            LabelBox(
                minX: 500 - youWidth / 2, minY: 500 + 16, maxX: 500 + youWidth / 2, maxY: 500 + 20 + Self.fontSize,
                textX: 500, textY: 0, anchor: "middle"))
        let nodes = placed.map { node in
            LabelBox(
                minX: node.x - node.radius, minY: node.y - node.radius, maxX: node.x + node.radius, maxY: node.y + node.radius,
                textX: 0, textY: 0, anchor: "")
        }
        var degree = [Int](repeating: 0, count: placed.count)
        for (a, b) in edges {
            degree[a] += 1
            degree[b] += 1
        }
        let ranked = placed.indices.sorted { a, b in
            func rank(_ p: Person) -> Int { p.isBroker ? 0 : p.isGateway ? 1 : p.strength == .strong ? 2 : 3 }
            let (p, q) = (placed[a].person, placed[b].person)
            if rank(p) != rank(q) { return rank(p) < rank(q) }
            if degree[a] != degree[b] { return degree[a] > degree[b] }
            return (NameOrder.key(p.name), p.id.slug) < (NameOrder.key(q.name), q.id.slug)
        }
        var labels: [Int: LabelBox] = [:]
        for index in ranked {
            let node = placed[index]
            let width = Self.width(of: node.person.name)
            let right = node.x >= 500
            // Beside the node, on the side away from the centre; else above or below it.
            let candidates = [
                LabelBox(
                    minX: right ? node.x + node.radius + 3 : node.x - node.radius - 3 - width,
                    minY: node.y - Self.fontSize * 0.75,
                    maxX: right ? node.x + node.radius + 3 + width : node.x - node.radius - 3,
                    maxY: node.y + Self.fontSize * 0.35,
                    textX: right ? node.x + node.radius + 3 : node.x - node.radius - 3, textY: node.y + Self.fontSize * 0.3,
                    anchor: right ? "start" : "end"),
                LabelBox(
                    minX: node.x - width / 2, minY: node.y - node.radius - 3 - Self.fontSize, maxX: node.x + width / 2,
                    maxY: node.y - node.radius - 2, textX: node.x, textY: node.y - node.radius - 5, anchor: "middle"),
                LabelBox(
                    minX: node.x - width / 2, minY: node.y + node.radius + 2, maxX: node.x + width / 2,
                    maxY: node.y + node.radius + 3 + Self.fontSize, textX: node.x, textY: node.y + node.radius + Self.fontSize,
                    anchor: "middle"),
            ]
            for box in candidates {
                guard box.minX >= 2, box.maxX <= Self.size - 2, box.minY >= 2, box.maxY <= Self.size - 2 else { continue }
                guard !taken.contains(where: box.overlaps) else { continue }
                guard !nodes.enumerated().contains(where: { $0.offset != index && $0.element.overlaps(box) }) else { continue }
                taken.append(box)
                labels[index] = box
                break
            }
        }
        return labels
    }
}
