import Foundation
import Support

/// What the last sync with one address book left (`.ties/carddav/<account>.json`): the address
/// book's URL, and per card its href, UID, ETag and the fields both sides agreed on then (the
/// base of the next three-way merge).
///
/// Kept out of the journal's tracked files (`.ties/` holds a `.gitignore` of `*`), so two
/// machines never conflict over it. A missing or damaged state costs one slower sync (every
/// card fetched, contacts matched again as on the first), never data.
public struct SyncState: Codable, Sendable, Equatable {
    public struct Card: Codable, Sendable, Equatable {
        public var uid: String
        public var etag: String?
        public var base: CardFields
    }

    public static let version = 1

    public var version = SyncState.version
    /// The `url` of ties.yaml it was made for, and the address book found from it.
    public var configuredURL: String
    public var addressBook: String
    /// By href, absolute.
    public var cards: [String: Card] = [:]
    /// The address book's sync token (RFC 6578) when these cards were listed, if it gave one.
    public var syncToken: String?

    public init(configuredURL: String, addressBook: String) {
        self.configuredURL = configuredURL
        self.addressBook = addressBook
    }

    /// `.ties/carddav/<hash of URL and user>.json` in the journal.
    public static func file(root: URL, url: String, username: String?) -> URL {
        var hash = StableHash()
        hash.combine(url)
        hash.combine(username ?? "")
        return root.appending(path: ".ties/carddav/\(String(hash.value, radix: 16)).json")
    }

    /// The state, or nil when there is none or it is damaged or of another version.
    public static func read(_ url: URL) -> SyncState? {
        guard let data = try? Data(contentsOf: url), data.count < 512 << 20,
            let state = try? JSONDecoder().decode(SyncState.self, from: data), state.version == version
        else { return nil }
        return state
    }

    /// Writes the state atomically, with `.ties/.gitignore` so git never sees it.
    public func write(_ url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ignore = folder.deletingLastPathComponent().appending(path: ".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            try? AtomicFile.create(ignore, contents: Data("# ties' own state (ties sync): not part of the journal\n*\n".utf8))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.replace(url.path, contents: try encoder.encode(self), mode: 0o600)
    }
}
