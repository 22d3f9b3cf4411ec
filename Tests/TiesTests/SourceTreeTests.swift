import Foundation
import TestSupport
import Testing

/// The source tree as ARCHITECTURE.md draws it: each target imports only what Package.swift
/// says it depends on, so the module graph in the manifest is the one the code has.
@Suite("The source tree")
struct SourceTreeTests {
    /// Modules every target may import: the toolchain's.
    static let toolchain: Set<String> = [
        "Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Synchronization", "Testing", "XCTest",
    ]
    /// Modules a product brings besides its own name: Yams wraps libyaml as CYaml.
    static let brought: [String: Set<String>] = ["Yams": ["CYaml"]]

    struct Target {
        var name: String
        var folder: String
        var dependencies: Set<String>
    }

    /// The targets of Package.swift, read from its text (running SwiftPM inside `swift test`
    /// would wait for the build's lock).
    static func targets() throws -> [Target] {
        let manifest = try String(contentsOf: Fixtures.repository.appending(path: "Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.(target|executableTarget|testTarget)\("#)
        let text = manifest as NSString
        let starts = pattern.matches(in: manifest, range: NSRange(location: 0, length: text.length))
        return starts.indices.map { index -> Target in
            let begin = starts[index].range.location
            let end = index + 1 < starts.count ? starts[index + 1].range.location : text.length
            let chunk = text.substring(with: NSRange(location: begin, length: end - begin))
            let quoted = { (key: String) -> String? in
                guard let range = chunk.range(of: "\(key): \"") else { return nil }
                return String(chunk[range.upperBound...].prefix { $0 != "\"" })
            }
            let name = quoted("name") ?? ""
            let kind = text.substring(with: starts[index].range(at: 1))
            let folder = quoted("path") ?? (kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)")
            var dependencies: Set<String> = []
            if let list = chunk.range(of: "dependencies: [") {
                var depth = 1
                let body = chunk[list.upperBound...].prefix { character in
                    if character == "[" { depth += 1 }
                    if character == "]" { depth -= 1 }
                    return depth > 0
                }
                // `"Index"` and `.product(name: "Yams", package: "Yams")` both name a module first.
                let names = try? NSRegularExpression(pattern: #"(?:^\s*|[,(]\s*|name: )"([A-Za-z_]+)""#)
                for match in names?.matches(
                    in: String(body), range: NSRange(location: 0, length: (body as Substring).utf16.count)) ?? []
                {
                    let module = (String(body) as NSString).substring(with: match.range(at: 1))
                    dependencies.insert(module)
                    dependencies.formUnion(brought[module] ?? [])
                }
            }
            return Target(name: name, folder: folder, dependencies: dependencies)
        }
    }

    static func imports(under folder: URL) -> [(file: String, module: String)] {
        let pattern = try? NSRegularExpression(
            pattern: #"^(?:@[A-Za-z_]+ )*(?:public |package )?import ([A-Za-z_]+)"#, options: .anchorsMatchLines)
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in pattern?.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) ?? [] {
                found.append((file.lastPathComponent, (text as NSString).substring(with: match.range(at: 1))))
            }
        }
        return found
    }

    @Test func everyTargetImportsOnlyWhatItDeclares() throws {
        let targets = try Self.targets()
        #expect(targets.map(\.name).contains("Authoring") && targets.map(\.name).contains("SiteTests"), "\(targets.map(\.name))")
        var checked = 0
        for target in targets {
            let folder = Fixtures.repository.appending(path: target.folder)
            for (file, module) in Self.imports(under: folder) where module != target.name {
                #expect(
                    Self.toolchain.contains(module) || target.dependencies.contains(module),
                    "\(target.folder)/…/\(file) imports \(module), which Package.swift does not give \(target.name)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// Only the command line and the tests reach the authoring tools: the site and the domain
    /// never change the journal.
    @Test func onlyTheCommandLineDependsOnAuthoring() throws {
        for target in try Self.targets() where target.dependencies.contains("Authoring") {
            #expect(["ties", "TiesFuzz"].contains(target.name) || target.name.hasSuffix("Tests"), "\(target.name)")
        }
    }
}
