import Foundation
import Support

/// A file's size and modification time, in nanoseconds.
package struct FileStamp: Sendable {
    package var size: Int64
    package var modified: Int64

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }

    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamps of many files (full paths), in parallel. Each thread opens each folder once
    /// and asks for the names in it, rather than having the kernel walk every full path again:
    /// a journal's files are mostly in a few folders.
    package static func stamps(of paths: [String]) -> [FileStamp?] {
        parallelResults(count: paths.count) { range, set in
            var folder = ""
            var descriptor: Int32 = -1
            defer { if descriptor >= 0 { close(descriptor) } }
            for index in range {
                let path = paths[index]
                guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
                    set(index, FileStamp(path: path))
                    continue
                }
                if path[..<slash] != folder {
                    if descriptor >= 0 { close(descriptor) }
                    folder = String(path[..<slash])
                    descriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                }
                var info = stat()
                if descriptor >= 0, fstatat(descriptor, String(path[path.index(after: slash)...]), &info, 0) == 0 {
                    set(index, FileStamp(info))
                } else {
                    set(index, FileStamp(path: path))
                }
            }
        }
    }
}
