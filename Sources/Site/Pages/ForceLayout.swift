import Foundation

/// Positions for a graph's nodes, worked out in Swift so that the same journal always gives the
/// same picture: Fruchterman–Reingold (1991) with a fixed start (nodes on a golden-angle spiral in
/// their given order), a fixed number of rounds and a cooling step, all in one thread and one
/// order, so the floating-point sums come out the same every time.
///
/// Each round compares every pair: quadratic in the nodes, which the Network page bounds by
/// drawing at most `NetworkPage.mostNodes`.
struct ForceLayout {
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// `edges` as pairs of node indices; `size` the side of the square drawn in.
    static func positions(nodes: Int, edges: [(Int, Int)], size: Double = 1000, rounds: Int = 300) -> [Point] {
        guard nodes > 0 else { return [] }
        let golden = 2.399_963_229_728_653  // π (3 - √5)
        var points = (0..<nodes).map { index -> Point in
            let radius = size * 0.45 * (Double(index) + 0.5).squareRoot() / Double(nodes).squareRoot()
            return Point(x: size / 2 + radius * cos(golden * Double(index)), y: size / 2 + radius * sin(golden * Double(index)))
        }
        guard nodes > 1 else { return points }
        let center = size / 2
        let k = size / Double(nodes).squareRoot()
        // A pull to the middle, growing with the distance, keeps groups that share no edge on
        // the picture instead of drifting apart.
        let gravity = 0.1
        var temperature = size / 10
        let cooling = temperature / Double(rounds + 1)
        var shift = [Point](repeating: Point(x: 0, y: 0), count: nodes)
        for _ in 0..<rounds {
            for index in 0..<nodes { shift[index] = Point(x: 0, y: 0) }
            for a in 0..<nodes {
                for b in (a + 1)..<nodes {
                    var dx = points[a].x - points[b].x
                    var dy = points[a].y - points[b].y
                    var distance = (dx * dx + dy * dy).squareRoot()
                    if distance < 0.01 {
                        // Two nodes in one place: pushed apart along a fixed direction.
                        dx = 0.01
                        dy = 0.01 * Double((a + b) % 3 - 1)
                        distance = 0.015
                    }
                    let force = k * k / distance
                    shift[a].x += dx / distance * force
                    shift[a].y += dy / distance * force
                    shift[b].x -= dx / distance * force
                    shift[b].y -= dy / distance * force
                }
            }
            for (a, b) in edges {
                let dx = points[a].x - points[b].x
                let dy = points[a].y - points[b].y
                let distance = max((dx * dx + dy * dy).squareRoot(), 0.01)
                let force = distance * distance / k
                shift[a].x -= dx / distance * force
                shift[a].y -= dy / distance * force
                shift[b].x += dx / distance * force
                shift[b].y += dy / distance * force
            }
            for index in 0..<nodes {
                shift[index].x += (center - points[index].x) * gravity
                shift[index].y += (center - points[index].y) * gravity
                let length = (shift[index].x * shift[index].x + shift[index].y * shift[index].y).squareRoot()
                guard length > 0 else { continue }
                let step = min(length, temperature)
                points[index].x += shift[index].x / length * step
                points[index].y += shift[index].y / length * step
            }
            temperature -= cooling
        }
        // Scaled to fill the square, with room for names at the edges.
        let margin = size * 0.08
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let (minX, maxX, minY, maxY) = (xs.min() ?? 0, xs.max() ?? 0, ys.min() ?? 0, ys.max() ?? 0)
        let span = max(maxX - minX, maxY - minY, 1)
        let scale = (size - 2 * margin) / span
        let offsetX = (size - (maxX - minX) * scale) / 2
        let offsetY = (size - (maxY - minY) * scale) / 2
        points = points.map { Point(x: offsetX + ($0.x - minX) * scale, y: offsetY + ($0.y - minY) * scale) }
        return points
    }
}
