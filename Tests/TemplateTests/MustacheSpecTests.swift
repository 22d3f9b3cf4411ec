import Foundation
import Testing

@testable import Template

/// The official Mustache spec (`../shared/mustache-spec/`, MIT): every test of every part ties
/// implements, run through the compiler and renderer exactly as the site uses them.
struct MustacheSpecTests {
    /// `$TIES_MUSTACHE_SPEC`, else `shared/mustache-spec` beside the repository or beside any
    /// folder above it (a scratch copy such as `make mutate`'s lies deeper).
    static let folder: URL = {
        if let given = ProcessInfo.processInfo.environment["TIES_MUSTACHE_SPEC"] { return URL(fileURLWithPath: given) }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appending(path: "shared/mustache-spec")
            if FileManager.default.fileExists(atPath: candidate.appending(path: "sections.json").path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../../shared/mustache-spec")
            .standardizedFileURL
    }()

    /// Lambdas need code in the data, which a theme never has.
    static let parts = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names",
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        var part: String
        var name: String
        var template: String
        var partials: [String: String]
        var data: Value
        var expected: String
        var testDescription: String { "\(part): \(name)" }
    }

    static let cases: [Case] = parts.flatMap { part -> [Case] in
        guard let data = try? Data(contentsOf: folder.appending(path: "\(part).json")),
            let file = try? JSONDecoder().decode(SpecFile.self, from: data)
        else { return [] }
        return file.tests.map {
            Case(
                part: part, name: $0.name, template: $0.template, partials: $0.partials ?? [:], data: $0.data,
                expected: $0.expected)
        }
    }

    @Test func theSpecIsThereOrTheSkipIsSaid() {
        if MustacheSpecTests.cases.isEmpty {
            print("MustacheSpecTests: skipped, no spec at \(MustacheSpecTests.folder.path)")
        } else {
            #expect(MustacheSpecTests.cases.count >= 180)
        }
    }

    @Test(arguments: cases) func specCase(_ test: Case) throws {
        var templates = ["": try CompiledTemplate(test.template)]
        for (name, source) in test.partials { templates[name] = try CompiledTemplate(source) }
        let library = TemplateLibrary(templates)
        let rendering = try #require(library.render("", test.data))
        #expect(String(decoding: rendering.bytes, as: UTF8.self) == test.expected)
    }
}

private struct SpecFile: Decodable {
    struct Test: Decodable {
        var name: String
        var template: String
        var partials: [String: String]?
        var data: Value
        var expected: String
    }
    var tests: [Test]
}

extension Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let value = try? container.decode([Value].self) {
            self = .list(value)
        } else {
            let map = try container.decode([String: Value].self)
            self = .map(Value.Fields(map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
    }
}
