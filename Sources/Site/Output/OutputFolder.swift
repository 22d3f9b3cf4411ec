import Foundation
import Index
import Support

/// The site's output folder, opened once: every file a build reads, writes or removes in it is
/// reached from the folder's descriptor a name at a time, never following a symbolic link.
///
/// An output folder can come from anywhere (a clone of a repository with a committed `_site/`):
/// a `contacts` in it that links to `~/Documents` must not let a build write, overwrite or
/// remove anything there. Opening each folder with `O_NOFOLLOW` relative to its parent closes
/// that door whatever is swapped in between two checks; a link where a folder belongs is an
/// error naming it, and a link where a file belongs is replaced by the file (`renameat` replaces
/// the link itself) or, on removal, left alone. The output folder's own path may hold links:
/// that is where its owner chose to put it.
///
/// A class: it owns the descriptor, closed when the folder is no longer used.
final class OutputFolder: Sendable {
    let path: String
    private let descriptor: Int32

    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    /// Opens `path`, creating it (and its parents) when missing.
    init(_ path: String) throws(Failure) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the output folder \(path): \(error.localizedDescription)")
        }
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot open the output folder \(path): \(OutputFolder.errnoText())")
        }
    }

    deinit { close(descriptor) }

    /// A folder of the site opened for the files in it; closed when released.
    final class Folder: Sendable {
        let descriptor: Int32
        init(_ descriptor: Int32) { self.descriptor = descriptor }
        deinit { if descriptor >= 0 { close(descriptor) } }
    }

    /// The folder at `relative` ("" for the output folder itself), created when `create` is
    /// set; nil when it is missing. A symbolic link or a file on the way is a failure.
    func folder(_ relative: String, create: Bool) throws(Failure) -> Folder? {
        var current = dup(descriptor)
        guard current >= 0 else { throw Failure(description: "cannot open \(path): \(OutputFolder.errnoText())") }
        var walked = ""
        for component in relative.split(separator: "/") {
            let name = String(component)
            walked += walked.isEmpty ? name : "/" + name
            var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(current, name, 0o755) != 0 && errno != EEXIST {
                    let reason = OutputFolder.errnoText()
                    close(current)
                    throw Failure(description: "cannot create \(path)/\(walked): \(reason)")
                }
                next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let failure = errno
            close(current)
            guard next >= 0 else {
                if failure == ENOENT && !create { return nil }
                if failure == ELOOP || failure == ENOTDIR {
                    throw Failure(
                        description:
                            "\(path)/\(walked) is a symbolic link or a file where the site has a folder; ties never follows links in its output folder: remove it and build again"
                    )
                }
                throw Failure(description: "cannot open \(path)/\(walked): \(String(cString: strerror(failure)))")
            }
            current = next
        }
        return Folder(current)
    }

    /// The parent folder of `relative` and the file's own name.
    private func parent(of relative: String, create: Bool) throws(Failure) -> (Folder, String)? {
        let slash = relative.lastIndex(of: "/")
        let folderPath = slash.map { String(relative[..<$0]) } ?? ""
        let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
        guard let folder = try folder(folderPath, create: create) else { return nil }
        return (folder, name)
    }

    /// The bytes of the regular file at `relative`; nil when it is missing or not a plain file.
    func contents(of relative: String) -> Data? {
        guard let (folder, name) = try? parent(of: relative, create: false) else { return nil }
        return AtomicFile.contents(of: name, in: folder.descriptor)
    }

    /// Writes `name` in `folder` whole: a temporary file beside it, then renamed into place.
    static func replace(
        _ name: String, in folder: Folder, with data: Data, shownAs shown: String, isNew: Bool = false
    )
        throws(Failure)
    {
        do throws(AtomicFile.Failure) {
            try AtomicFile.replace(name, in: folder.descriptor, contents: data, isNew: isNew)
        } catch {
            throw Failure(description: "cannot write \(shown): \(error.description)")
        }
    }

    /// Writes the file at `relative` whole, creating its folders.
    func replace(_ relative: String, with data: Data) throws(Failure) {
        guard let (folder, name) = try parent(of: relative, create: true) else { return }
        try OutputFolder.replace(name, in: folder, with: data, shownAs: path + "/" + relative)
    }

    /// The size of the regular file at `relative` in `folder`; nil when missing or not a plain file.
    static func size(of name: String, in folder: Folder) -> Int64? {
        var info = stat()
        guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG
        else { return nil }
        return Int64(info.st_size)
    }

    /// The sizes of many files of the site, each folder opened once per thread, in parallel.
    func sizes(of paths: [String]) -> [Int64?] {
        parallelResults(count: paths.count) { range, set in
            var folderPath: Substring?
            var folder: Folder?
            for index in range {
                let relative = paths[index]
                let slash = relative.lastIndex(of: "/")
                let parentPath = slash.map { relative[..<$0] } ?? ""
                if parentPath != folderPath {
                    folderPath = parentPath
                    folder = try? self.folder(String(parentPath), create: false)
                }
                let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
                set(index, folder.flatMap { OutputFolder.size(of: name, in: $0) })
            }
        }
    }

    /// Removes the regular file at `relative`, then the folders above it that it leaves empty.
    /// Anything else (a link, a folder, a device) is left as it is: ties removes only files it
    /// could have written. Returns whether a file was removed.
    func remove(_ relative: String) -> Bool {
        guard let (folder, name) = try? parent(of: relative, create: false) else { return false }
        var info = stat()
        guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            unlinkat(folder.descriptor, name, 0) == 0
        else { return false }
        var components = relative.split(separator: "/").dropLast()
        while let last = components.popLast() {
            // Fails, as it should, on a folder that still holds anything.
            guard let above = try? self.folder(components.joined(separator: "/"), create: false),
                unlinkat(above.descriptor, String(last), AT_REMOVEDIR) == 0
            else { break }
        }
        return true
    }

    /// Whether a file or anything else is at `relative`, without following a link.
    func exists(_ relative: String) -> Bool {
        guard let (folder, name) = try? parent(of: relative, create: false) else { return false }
        var info = stat()
        return fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
