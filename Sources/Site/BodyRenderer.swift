import CCmark
import Foundation
import Index

/// Renders a record's Markdown body to HTML, turning `[[wiki links]]` into links.
///
/// Works on cmark's syntax tree: a wiki link is split out of its text node and replaced by a
/// link node, so code spans and code blocks are never touched and cmark still escapes every
/// character of text. Raw HTML in the body is dropped (cmark's safe mode) unless the journal
/// opts in with `unsafe_html: true`.
public struct BodyRenderer: Sendable {
    /// The href of a record's page as seen from the page being rendered, or nil for no link.
    public typealias LinkResolver = @Sendable (RecordID) -> String?

    public var allowRawHTML: Bool
    /// Added to every heading's level (at most 6), so a body's `#` fits under the page's own headings.
    public var headingOffset: Int = 0
    public var href: LinkResolver

    public init(allowRawHTML: Bool = false, href: @escaping LinkResolver) {
        self.allowRawHTML = allowRawHTML
        self.href = href
    }

    /// The HTML of `record`'s body. Wiki links that linking resolved become `<a>`; others stay text.
    public func html<R: Record>(of record: R) -> String {
        var targets: [String: RecordID] = [:]
        for link in record.wikiLinks {
            if let target = link.target { targets[link.text.lowercased()] = target }
        }
        return html(markdown: record.body, targets: targets, title: record.displayName)
    }

    /// The HTML of a Markdown text whose wiki links resolve through `targets` (lower-cased text → record).
    ///
    /// A first heading that only repeats `title` (the page already shows it) is left out.
    public func html(markdown: String, targets: [String: RecordID], title: String? = nil) -> String {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return "" }
        defer { cmark_node_free(document) }

        // Collect first, then edit: changing the tree while iterating it is not allowed.
        var textNodes: [OpaquePointer] = []
        var offsiteNodes: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT:
                    if let literal = cmark_node_get_literal(node), strstr(literal, "[[") != nil { textNodes.append(node) }
                case CMARK_NODE_LINK:
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if !BodyRenderer.isLinkable(url) { offsiteNodes.append(node) }
                case CMARK_NODE_HEADING:
                    headings.append(node)
                case CMARK_NODE_IMAGE:
                    // The site loads nothing from elsewhere, and the journal's files are not part of it.
                    offsiteNodes.append(node)
                default:
                    break
                }
            }
            cmark_iter_free(iterator)
        }
        if let title, let first = headings.first, first == cmark_node_first_child(document),
            BodyRenderer.plainText(of: first).trimmed == title
        {
            headings.removeFirst()
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        for node in headings where headingOffset != 0 {
            cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + Int32(headingOffset)))
        }
        for node in textNodes { replaceWikiLinks(in: node, targets: targets) }
        for node in offsiteNodes { unwrap(node) }

        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The text of a node and its descendants, without markup.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK {
                text += " "
            }
        }
        return text
    }

    /// Links that work from the site: web, mail and phone addresses, and anchors in the page.
    /// Others (`javascript:`, paths to the journal's own files) lose their link and keep their text.
    static func isLinkable(_ url: String) -> Bool {
        let lower = url.lowercased()
        return ["https://", "http://", "mailto:", "tel:", "#"].contains { lower.hasPrefix($0) }
    }

    /// Replaces a link or image by its text: an image by its description, as a link when its
    /// address is a web address.
    private func unwrap(_ node: OpaquePointer) {
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if isImage, BodyRenderer.isLinkable(url), let link = cmark_node_new(CMARK_NODE_LINK) {
            cmark_node_set_url(link, url)
            while let child = cmark_node_first_child(node) { cmark_node_append_child(link, child) }
            if cmark_node_first_child(link) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, url)
                cmark_node_append_child(link, text)
            }
            cmark_node_insert_before(node, link)
        } else {
            while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private func replaceWikiLinks(in node: OpaquePointer, targets: [String: RecordID]) {
        guard let literal = cmark_node_get_literal(node) else { return }
        var pieces: [OpaquePointer] = []
        func text(_ value: String) {
            guard !value.isEmpty, let piece = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_literal(piece, value)
            pieces.append(piece)
        }
        for segment in WikiLinkSyntax.segments(of: String(cString: literal)) {
            switch segment {
            case let .text(value):
                text(value)
            case let .link(target, label, _):
                let shown = label ?? target
                if let record = targets[target.lowercased()], let url = href(record),
                    let link = cmark_node_new(CMARK_NODE_LINK), let name = cmark_node_new(CMARK_NODE_TEXT)
                {
                    cmark_node_set_url(link, url)
                    cmark_node_set_literal(name, shown)
                    cmark_node_append_child(link, name)
                    pieces.append(link)
                } else {
                    text(shown)
                }
            }
        }
        for piece in pieces { cmark_node_insert_before(node, piece) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
