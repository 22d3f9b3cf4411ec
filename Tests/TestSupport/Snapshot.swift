import Foundation

/// Every file under a folder with its bytes: to prove a command changed nothing.
public struct Snapshot: Equatable {
    public let files: [String: Data]

    public init(of root: URL) throws {
        var files: [String: Data] = [:]
        let prefix = root.standardizedFileURL.path + "/"
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
            }
        }
        self.files = files
    }
}
