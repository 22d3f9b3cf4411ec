import Foundation
import Index

/// `network.html`: what the network is for (`NetworkInsights`, the same as `ties insights`): a
/// drawing of who knows whom, tie strength, ties worth reviving, introducers and brokers,
/// gateways, give and take, goals and regularity.
struct NetworkPage: Sendable, Encodable {
    var page: PageFrame
    var graph: String
    /// "The 300 strongest of 3,214 contacts", when not everyone is drawn.
    var graphNote: String?
    var legend: [LegendItem]
    /// People known to the owner alone, not drawn: how many, the strongest of them, the rest.
    var alone: Int
    var aloneList: [Link]
    var aloneMore: String?
    var strength: [StrengthRow]
    var revive: [PersonRow]
    var introducers: [PersonRow]
    var brokers: [PersonRow]
    var gateways: [GatewayRow]
    var reciprocity: [ReciprocityRow]
    var giveAndTake: String
    var onlyReceived: [Link]
    var beyondDailyWork: String?
    var quarterChart: String?
    var goals: [GoalRow]
    var cadence: [CadenceRow]
    var cadenceChart: String

    /// The most people drawn: readable at this size; a larger network shows its strongest ties.
    static let mostNodes = 500
    static let mostAlone = 40
    static let mostMarkedBrokers = 5

    struct LegendItem: Sendable, Encodable {
        var text: String
        var swatch: String
    }

    struct StrengthRow: Sendable, Encodable {
        var circle: String
        var strong, weak, dormant: Int
    }

    struct PersonRow: Sendable, Encodable {
        var link: Link
        var detail: String
    }

    struct GatewayRow: Sendable, Encodable {
        var org: Link
        var current: [Link]
        var former: [Link]
    }

    struct ReciprocityRow: Sendable, Encodable {
        var link: Link
        var gave, received: Int
    }

    struct GoalRow: Sendable, Encodable {
        var link: Link
        var people: Int
        var orgs: [Link]
        var last: String?
        var stale: Bool
    }

    struct CadenceRow: Sendable, Encodable {
        var circle: String
        var onCadence: Int
        var total: Int
    }
}

extension SiteContext {
    func networkPage() -> PageJob {
        let path = paths.page(.network)
        let n = t.network
        // Any record's fields can change what this page shows; bodies cannot.
        let whole = journal.wholeByFields
        let graph = PeopleGraph(whole)
        let insights = NetworkInsights(
            whole, today: today, graph: graph, memo: ParseCache.forJournal(at: whole.root)?.betweenness)
        func person(_ id: Contact.ID) -> Link {
            link(to: id.record, from: path) ?? Link(href: nil, text: whole.contacts[id]?.name ?? id.slug)
        }
        func org(_ id: Org.ID) -> Link { link(to: id.record, from: path) ?? Link(href: nil, text: id.slug) }
        let circles = whole.config.circles.map(\.name)
        func circleName(_ circle: String) -> String { circle.isEmpty ? n.noCircle : circle }

        // The people drawn: those who know someone else here (the strongest, past `mostNodes`);
        // those known to the owner alone are counted and listed below the map.
        let ties = Dictionary(insights.ties.map { ($0.contact, $0) }, uniquingKeysWith: { a, _ in a })
        func stronger(_ a: Int, _ b: Int) -> Bool {
            guard let ta = ties[graph.people[a]], let tb = ties[graph.people[b]] else {
                return graph.people[a].slug < graph.people[b].slug
            }
            if ta.strength != tb.strength { return ta.strength < tb.strength }
            if ta.score != tb.score { return ta.score > tb.score }
            if ta.encounters != tb.encounters { return ta.encounters > tb.encounters }
            return graph.people[a].slug < graph.people[b].slug
        }
        let connected = graph.people.indices.filter { !graph.neighbours[$0].isEmpty }
        let alone = graph.people.indices.filter { graph.neighbours[$0].isEmpty }.sorted(by: stronger)
        var shown = connected
        if shown.count > NetworkPage.mostNodes {
            shown = Array(shown.sorted(by: stronger).prefix(NetworkPage.mostNodes)).sorted()
        }
        var position: [Int: Int] = [:]
        for (drawn, node) in shown.enumerated() { position[node] = drawn }
        var edges: [(Int, Int)] = []
        for (drawn, node) in shown.enumerated() {
            for neighbour in graph.neighbours[node] where neighbour > node {
                if let other = position[neighbour] { edges.append((drawn, other)) }
            }
        }
        // Marked on the map: the few who connect most (a mark on everyone would say nothing),
        // and former colleagues now elsewhere, the ways into their new orgs.
        let brokers = Set(insights.brokers.prefix(NetworkPage.mostMarkedBrokers).map(\.contact))
        let gateways = Set(insights.gateways.flatMap(\.former))
        let people = shown.map { node -> NetworkMap.Person in
            let id = graph.people[node]
            let contact = whole.contacts[id]
            let org = contact?.org.map { whole.displayName(of: RecordID(.org, $0.target ?? "")) ?? $0.text }
            return NetworkMap.Person(
                id: id, name: contact?.name ?? id.slug, href: link(to: id.record, from: path)?.href,
                strength: ties[id]?.strength ?? .weak, score: ties[id]?.score ?? 0,
                group: org ?? contact?.circle?.target ?? "", isBroker: brokers.contains(id), isGateway: gateways.contains(id))
        }
        let map = NetworkMap(people: people, edges: edges)
        let svg = map.svg(
            you: whole.config.owner ?? n.you, label: n.graphLabel, roles: strengthWord, broker: n.brokerMark,
            gateway: n.gatewayMark)
        let legend =
            map.groups.enumerated().map { NetworkPage.LegendItem(text: $0.element, swatch: "g\($0.offset + 1)") }
            + [NetworkPage.LegendItem(text: n.otherGroups, swatch: "g0")]

        let model = NetworkPage(
            page: frame(title: n.title, path: path, section: .network), graph: svg,
            graphNote: connected.count > NetworkPage.mostNodes
                ? "\(n.strongestShown) \(NetworkPage.mostNodes) / \(connected.count)" : nil,
            legend: legend, alone: alone.count,
            aloneList: alone.prefix(NetworkPage.mostAlone).map { person(graph.people[$0]) },
            aloneMore: alone.count > NetworkPage.mostAlone ? "\(t.andMore) \(alone.count - NetworkPage.mostAlone)" : nil,
            strength: insights.strengthByCircle.map { entry in
                NetworkPage.StrengthRow(
                    circle: circleName(entry.circle), strong: entry.counts[.strong] ?? 0, weak: entry.counts[.weak] ?? 0,
                    dormant: entry.counts[.dormant] ?? 0)
            },
            revive: insights.revive.prefix(20).map { id in
                let tie = ties[id]
                return NetworkPage.PersonRow(
                    link: person(id), detail: "\(tie?.encounters ?? 0) × · \(tie?.last.map(dates.short) ?? "")")
            },
            introducers: insights.introducers.prefix(10).map {
                NetworkPage.PersonRow(link: person($0.contact), detail: "\($0.introduced)")
            },
            brokers: insights.brokers.prefix(10).map {
                NetworkPage.PersonRow(link: person($0.contact), detail: vocabulary.decimal($0.betweenness, digits: 2))
            },
            gateways: insights.gateways.prefix(20).map {
                NetworkPage.GatewayRow(org: org($0.org), current: $0.current.map(person), former: $0.former.map(person))
            },
            reciprocity: insights.reciprocity.prefix(15).map {
                NetworkPage.ReciprocityRow(link: person($0.contact), gave: $0.gave, received: $0.received)
            },
            giveAndTake: "\(t.gave) \(insights.gaveInAll) · \(t.received) \(insights.receivedInAll)",
            onlyReceived: insights.onlyReceived.map(person),
            beyondDailyWork: insights.internalContacts + insights.externalContacts == 0
                ? nil : "\(insights.internalContacts) \(n.internalPeople) · \(insights.externalContacts) \(n.externalPeople)",
            quarterChart: insights.internalContacts + insights.externalContacts == 0
                ? nil : NetworkCharts.quarters(insights.quarters, label: n.externalShare),
            goals: insights.goals.map { goal in
                NetworkPage.GoalRow(
                    link: link(to: goal.goal.record, from: path) ?? Link(href: nil, text: goal.goal.slug),
                    people: goal.contacts.count, orgs: goal.orgs.map(org), last: goal.last.map(dates.short), stale: goal.stale)
            },
            cadence: insights.cadence.map {
                NetworkPage.CadenceRow(circle: circleName($0.circle), onCadence: $0.onCadence, total: $0.total)
            },
            cadenceChart: NetworkCharts.cadence(
                insights.cadenceByMonth, circles: insights.cadence.map(\.circle).map(circleName), label: n.onCadence))
        return PageJob(path: path, template: FixedPage.network.template, model: model)
    }
}
