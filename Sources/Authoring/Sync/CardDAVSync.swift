import Foundation
import Index
import Support

/// Two-way sync of the journal's contacts with one CardDAV address book (`ties sync`,
/// docs/SYNC.md).
///
/// Everything is read over the network and planned first; then the journal is written in one
/// change (all files or none), then the address book, each write conditional on the ETag read
/// (`If-Match`, or `If-None-Match: *` for a new card), and last the state.
public struct CardDAVSync {
    public struct Options: Sendable {
        public var dryRun = false
        public var force = false
        public var today: Day

        public init(dryRun: Bool = false, force: Bool = false, today: Day) {
            self.dryRun = dryRun
            self.force = force
            self.today = today
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// One line of the report: a contact's file and name, and the fields concerned.
    public struct Entry: Sendable, Encodable, Equatable {
        public var file: String
        public var name: String
        public var fields: [String] = []
    }

    public struct Conflict: Sendable, Encodable, Equatable {
        public var file: String
        public var name: String
        public var field: String
        /// What the journal has and keeps, and what the address book had.
        public var journal: String
        public var server: String
    }

    /// `{"pulled": {"created", "updated"}, "pushed": {"created", "updated", "deleted"},
    /// "conflicts", "kept", "unchanged"}`.
    public struct Report: Sendable, Encodable {
        public struct Pulled: Sendable, Encodable { public var created: [Entry] = []; public var updated: [Entry] = [] }
        public struct Pushed: Sendable, Encodable {
            public var created: [Entry] = []
            public var updated: [Entry] = []
            public var deleted: [Entry] = []
        }
        public var pulled = Pulled()
        public var pushed = Pushed()
        public var conflicts: [Conflict] = []
        /// Contacts whose card was deleted in the address book: the file stays, marked `card_deleted`.
        public var kept: [Entry] = []
        /// Contacts whose file could not be changed in place, left as they were on both sides.
        public var failed: [Entry] = []
        public var unchanged = 0
        /// The address book used.
        public var addressBook = ""
        /// HTTP requests sent.
        public var requests = 0
        /// The journal's change, as a diff: what `--dry-run` prints.
        public var diff = ""

        enum CodingKeys: String, CodingKey {
            case pulled, pushed, conflicts, kept, failed, unchanged
            case addressBook = "address_book"
            case requests
        }
    }

    /// A deletion of more cards than this (and more than a tenth of them) needs `--force`.
    public static let mostDeletions = 3

    let journal: Journal
    let settings: JournalConfig.CardDAV
    let client: DAVClient
    let options: Options
    /// Runs after the journal is written and before the address book is: for tests of a card
    /// changed by another client meanwhile.
    var beforeWritingCards: (@Sendable () -> Void)?

    public init(journal: Journal, settings: JournalConfig.CardDAV, password: String?, options: Options) {
        self.journal = journal
        self.settings = settings
        self.client = DAVClient(username: settings.username, password: password)
        self.options = options
    }

    // MARK: Running

    public func run() throws(Failure) -> Report {
        let stateFile = SyncState.file(root: journal.root, url: settings.url, username: settings.username)
        var state = SyncState.read(stateFile).flatMap { $0.configuredURL == settings.url ? $0 : nil }
        let book: URL
        if let known = state.flatMap({ URL(string: $0.addressBook) }) {
            book = known
        } else {
            book = try discover()
            state = nil
        }
        var report = Report()
        report.addressBook = book.absoluteString
        let old = state ?? SyncState(configuredURL: settings.url, addressBook: book.absoluteString)

        // 1. The address book now: each card's href and ETag, and the text of those new or changed.
        let (listing, token) = try list(book, since: old.syncToken.map { ($0, old.cards) })
        let toFetch = listing.filter { href, etag in old.cards[href]?.etag == nil || old.cards[href]?.etag != etag }.map(\.key)
        var fetched = try fetch(toFetch.sorted(), in: book)
        if old.cards.count >= 3 && listing.isEmpty && !options.force {
            throw Failure(
                description:
                    "the address book \(book.absoluteString) is empty now, and held \(old.cards.count) cards at the last sync; "
                    + "if it was emptied on purpose, run again with --force (nothing was changed)")
        }

        // 2. Plan.
        let planner = Planner(journal: journal, settings: settings, old: old, today: options.today)
        var plan = planner.plan(listing: listing, fetched: fetched)
        let unread = plan.pushes.filter(\.needsText).compactMap { push -> String? in
            if case let .update(href, _, _) = push.kind { return href.absoluteString }
            return nil
        }
        if !unread.isEmpty {
            fetched.merge(try fetch(unread.sorted(), in: book)) { _, new in new }
            plan = planner.plan(listing: listing, fetched: fetched)
        }
        let selected = journal.contacts.filter(planner.isSelected).count
        if old.cards.count >= 3 && selected == 0 && !options.force {
            throw Failure(
                description:
                    "no contact of the journal goes to the address book now, and \(old.cards.count) did at the last sync; "
                    + "run again with --force to delete their cards (nothing was changed)")
        }
        if plan.deletions.count > Self.mostDeletions && plan.deletions.count * 10 > max(listing.count, 1) && !options.force {
            throw Failure(
                description: "this sync would delete \(plan.deletions.count) cards from the address book; "
                    + "run again with --force if that is right (nothing was changed)")
        }
        report = plan.report(into: report)
        let change = plan.journalChange(root: journal.root)
        report.diff = change.diff
        if options.dryRun {
            report.requests = client.requests
            return report
        }

        // 3. The journal, in one step.
        do {
            try change.apply()
        } catch {
            throw Failure(description: "the journal was left as it was: \(error.description)")
        }

        // 4. The address book, each write conditional; a card changed meanwhile is read, merged and written once more.
        beforeWritingCards?()
        var cards = plan.keptCards
        for push in plan.pushes {
            switch push.kind {
            case .create:
                let text = CardText.new(push.fields, uid: push.uid)
                let href = book.appending(path: Self.fileName(push.uid))
                let response = try send("PUT", href, text: text, headers: ["If-None-Match": "*"])
                if [200, 201, 204].contains(response.status) {
                    cards[href.absoluteString] = .init(uid: push.uid, etag: Self.etag(response), base: push.fields)
                } else {
                    throw Failure(description: "\(href.absoluteString): creating the card answered \(response.status)")
                }
            case let .update(href, etag, card):
                var body = CardText.updated(card, to: push.fields, changed: push.changed)
                var response = try send("PUT", href, text: body, headers: ["If-Match": etag])
                var retried = false
                if response.status == 412 {
                    retried = true
                    // Changed on the phone since it was read: read it again, keep what it changed
                    // where the journal did not, and write once more, still conditionally.
                    let again = try fetch([href.absoluteString], in: book)
                    guard let (newEtag, newText) = again[href.absoluteString] else {
                        throw Failure(
                            description: "\(href.absoluteString): the card changed while syncing and could not be read again")
                    }
                    // The base is the card as first read: what the phone changed since is taken
                    // where this sync did not change the field.
                    let server = CardFields(card: newText)
                    let fields = Merge.fields(journal: push.fields, server: server, base: CardFields(card: card)).fields
                    body = CardText.updated(
                        newText, to: fields, changed: Set(CardFields.Field.allCases.filter { server.keys($0) != fields.keys($0) })
                    )
                    response = try send("PUT", href, text: body, headers: ["If-Match": newEtag])
                }
                guard [200, 201, 204].contains(response.status) else {
                    throw Failure(description: "\(href.absoluteString): updating the card answered \(response.status)")
                }
                // After a retry the card may hold what the phone changed meanwhile, which the
                // journal, written already, lacks: the journal's values are the base and the
                // ETag is forgotten, so the next sync reads the card and brings those changes in.
                cards[href.absoluteString] = .init(uid: push.uid, etag: retried ? nil : Self.etag(response), base: push.fields)
            case let .delete(href, etag):
                // Conditional on the ETag read; a server that gave none gets none back.
                let condition = etag.flatMap { $0.isEmpty ? nil : ["If-Match": $0] } ?? [:]
                let response = try client.sendChecked("DELETE", href, headers: condition)
                guard [200, 204, 404, 410].contains(response.status) else {
                    throw Failure(description: "\(href.absoluteString): deleting the card answered \(response.status)")
                }
                cards[href.absoluteString] = nil
            }
        }
        var newState = SyncState(configuredURL: settings.url, addressBook: book.absoluteString)
        newState.cards = cards
        newState.syncToken = token
        // A token that moved on by itself (this sync's own writes, listed next time with the
        // ETags kept here) is no reason to write: a sync with nothing to do writes nothing.
        if newState.cards != old.cards || newState.addressBook != old.addressBook || state == nil {
            do {
                try newState.write(stateFile)
            } catch {
                throw Failure(description: "the sync state could not be kept in \(stateFile.path): \(error.localizedDescription)")
            }
        }
        if !plan.conflictLog.isEmpty {
            let log = stateFile.deletingLastPathComponent().appending(path: "conflicts.log")
            let previous = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            try? AtomicFile.replace(log.path, contents: Data((previous + plan.conflictLog).utf8), mode: 0o600)
        }
        report.requests = client.requests
        return report
    }

    private func send(_ method: String, _ url: URL, text: String, headers: [String: String]) throws(Failure) -> DAVClient.Response
    {
        try client.sendChecked(
            method, url, headers: headers.merging(["Content-Type": "text/vcard; charset=utf-8"]) { $1 }, body: Data(text.utf8))
    }

    static func etag(_ response: DAVClient.Response) -> String? { response.header("ETag") }

    /// A card's file name from its UID: the characters a path takes, else a hash.
    static func fileName(_ uid: String) -> String {
        let plain = uid.replacingOccurrences(of: "urn:uuid:", with: "")
        if !plain.isEmpty, plain.count <= 100, plain.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            return plain + ".vcf"
        }
        var hash = StableHash()
        hash.combine(uid)
        return String(hash.value, radix: 16) + ".vcf"
    }

    // MARK: The address book

    /// The address book: the URL itself when it is one, else through `/.well-known/carddav`, the
    /// principal and its address book home (the first address book there).
    func discover() throws(Failure) -> URL {
        guard let start = URL(string: settings.url), start.scheme == "http" || start.scheme == "https" else {
            throw Failure(description: "carddav.url '\(settings.url)' is not an http or https address")
        }
        let here = try client.propfindChecked(start, depth: 0, properties: ["d:resourcetype", "d:current-user-principal"])
        if here.contains(where: { $0.resourceTypes.contains("addressbook") }) { return start }
        var principal = here.compactMap { $0.hrefs["current-user-principal"]?.first }.first
        if principal == nil {
            let wellKnown = URL(string: "/.well-known/carddav", relativeTo: start)?.absoluteURL ?? start
            principal =
                (try? client.propfind(wellKnown, depth: 0, properties: ["d:current-user-principal"]))?
                .compactMap { $0.hrefs["current-user-principal"]?.first }.first
        }
        guard let principal else {
            throw Failure(description: "\(settings.url) is no address book, and the server names no principal to find one from")
        }
        let homes = try client.propfindChecked(principal, depth: 0, properties: ["c:addressbook-home-set"])
        guard let home = homes.compactMap({ $0.hrefs["addressbook-home-set"]?.first }).first else {
            throw Failure(description: "the server names no address book home for \(principal.absoluteString)")
        }
        let books = try client.propfindChecked(home, depth: 1, properties: ["d:resourcetype", "d:displayname"])
            .filter { $0.resourceTypes.contains("addressbook") }.map(\.href).sorted { $0.absoluteString < $1.absoluteString }
        guard let book = books.first else {
            throw Failure(description: "there is no address book in \(home.absoluteString); create one on the server first")
        }
        return book
    }

    /// Every card of the address book, by href, with its ETag, and the address book's sync
    /// token. With the last sync's token and cards, only what changed since is asked for
    /// (`sync-collection`, RFC 6578); a server that does not offer it, or refuses the token (an
    /// old one, or another server's), is asked for everything once with `PROPFIND`.
    func list(
        _ book: URL, since last: (token: String, cards: [String: SyncState.Card])? = nil
    ) throws(Failure) -> (cards: [String: String], token: String?) {
        if let last, let changes = try? changes(in: book, since: last.token) {
            var cards = last.cards.mapValues { $0.etag ?? "" }
            for href in changes.deleted { cards[href] = nil }
            for (href, etag) in changes.changed { cards[href] = etag }
            return (cards, changes.token ?? last.token)
        }
        let items = try client.propfindChecked(
            book, depth: 1, properties: ["d:getetag", "d:resourcetype", "d:getcontenttype", "d:sync-token"])
        var cards: [String: String] = [:]
        var token: String?
        let own = book.absoluteString.hasSuffix("/") ? book.absoluteString : book.absoluteString + "/"
        for item in items where item.status / 100 == 2 {
            let href = item.href.absoluteString
            if href == own || href + "/" == own || item.resourceTypes.contains("collection") {
                if href == own || href + "/" == own { token = item.properties["sync-token"].flatMap { $0.isEmpty ? nil : $0 } }
                continue
            }
            cards[href] = item.properties["getetag"] ?? ""
        }
        return (cards, token)
    }

    /// What changed in the address book since `token`: nil when the server answers anything
    /// but a multistatus (no `sync-collection`, or the token refused).
    private func changes(
        in book: URL, since token: String
    ) throws -> (changed: [String: String], deleted: [String], token: String?)? {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:sync-collection xmlns:d="DAV:">
            <d:sync-token>\(Self.xmlEscaped(token))</d:sync-token>
            <d:sync-level>1</d:sync-level>
            <d:prop><d:getetag/></d:prop>
            </d:sync-collection>
            """
        let response = try client.send("REPORT", book, body: Data(body.utf8))
        guard response.status == 207 else { return nil }
        var changed: [String: String] = [:]
        var deleted: [String] = []
        let own = book.absoluteString.hasSuffix("/") ? book.absoluteString : book.absoluteString + "/"
        for item in DAVMultistatus.parse(response.body, base: response.url) {
            let href = item.href.absoluteString
            guard href != own, href + "/" != own else { continue }
            if item.status == 404 {
                deleted.append(href)
            } else if !item.resourceTypes.contains("collection") {
                changed[href] = item.properties["getetag"] ?? ""
            }
        }
        return (changed, deleted, DAVMultistatus.syncToken(response.body))
    }

    /// The cards at `hrefs`, with their ETags, by `addressbook-multiget` in batches.
    func fetch(_ hrefs: [String], in book: URL) throws(Failure) -> [String: (etag: String, text: String)] {
        var cards: [String: (etag: String, text: String)] = [:]
        var start = 0
        while start < hrefs.count {
            let batch = hrefs[start..<min(start + 100, hrefs.count)]
            start += 100
            let paths = batch.map { href in
                "<d:href>\(Self.xmlEscaped(URL(string: href)?.path(percentEncoded: true) ?? href))</d:href>"
            }
            let body = """
                <?xml version="1.0" encoding="utf-8"?>
                <c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
                <d:prop><d:getetag/><c:address-data/></d:prop>
                \(paths.joined(separator: "\n"))
                </c:addressbook-multiget>
                """
            let items: [DAVMultistatus.Item]
            do {
                items = try client.report(book, depth: 1, body: body)
            } catch {
                throw Failure(description: error.description)
            }
            for item in items {
                guard let text = item.properties["address-data"], !text.isEmpty else { continue }
                cards[item.href.absoluteString] = (item.properties["getetag"] ?? "", text)
            }
        }
        return cards
    }

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

extension DAVClient {
    /// `send`, its failure as the sync's.
    func sendChecked(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil
    ) throws(CardDAVSync.Failure) -> Response {
        do {
            return try send(method, url, headers: headers, body: body)
        } catch {
            throw CardDAVSync.Failure(description: error.description)
        }
    }

    func propfindChecked(_ url: URL, depth: Int, properties: [String]) throws(CardDAVSync.Failure) -> [DAVMultistatus.Item] {
        do {
            return try propfind(url, depth: depth, properties: properties)
        } catch {
            throw CardDAVSync.Failure(description: error.description)
        }
    }
}
