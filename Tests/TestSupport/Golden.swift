import Foundation
import Testing

/// Golden files under `Tests/Golden/`: exact expected output, reviewed in the diff.
///
/// Run the tests with `TIES_RECORD_GOLDEN=1` to write the current output instead of comparing.
public enum Golden {
    public static func assert(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.repository.appending(path: "Tests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["TIES_RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "output differs from Tests/Golden/\(name); re-record with TIES_RECORD_GOLDEN=1",
            sourceLocation: sourceLocation)
    }
}
