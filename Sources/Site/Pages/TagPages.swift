import Index

/// `tags/<tag>.html`: every record with a tag, by kind.
struct TagPage: Sendable, Encodable {
    var page: PageFrame
    var tag: String
    var groups: [Group]

    struct Group: Sendable, Encodable {
        var heading: String
        var links: [Link]
    }
}

extension SiteContext {
    /// A maker per tag page: the pages themselves are made in the build's batches, so that all of
    /// them are never in memory at once.
    func tagPages() -> [SitePlan.PageMaker] {
        let byTag = journal.recordsByTag()
        let headings: [RecordKind: String] = [
            .contact: t.contacts, .encounter: t.encounters,
            .publication: t.publications, .org: t.orgs, .goal: t.goals,
        ]
        return byTag.sorted { $0.key < $1.key }.compactMap { tag, ids in
            guard let path = paths.page(ofTag: tag) else { return nil }
            return SitePlan.PageMaker(path: path) { $0.tagPage(tag: tag, path: path, ids: ids, headings: headings) }
        }
    }

    private func tagPage(tag: String, path: String, ids: [RecordID], headings: [RecordKind: String]) -> PageJob {
        // Which records carry the tag was found before the page was made: the tag's links say.
        journal.readLinkFields(of: .tag(Journal.tagKey(tag)))
        let groups = RecordKind.allCases.compactMap { kind -> TagPage.Group? in
            let links = ids.filter { $0.kind == kind }.compactMap { link(to: $0, from: path) }
            return links.isEmpty ? nil : TagPage.Group(heading: headings[kind] ?? kind.rawValue, links: links)
        }
        return PageJob(
            path: path, template: .tag,
            model: TagPage(page: frame(title: "#\(tag)", path: path, section: nil), tag: tag, groups: groups))
    }
}
