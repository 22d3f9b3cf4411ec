import Support
import Testing

/// The JSON ties prints never comes out empty because of one number JSON cannot hold.
@Suite("JSON text")
struct JSONTextTests {
    struct Row: Encodable {
        var name: String
        var score: Double
    }

    @Test func aNumberJSONCannotHoldIsWrittenAsTextAndTheRestStays() {
        let text = JSONText.encode([Row(name: "a/b", score: .nan), Row(name: "c", score: 1.5)])
        #expect(text.contains(#""score" : "NaN""#), "\(text)")
        #expect(text.contains(#""name" : "a/b""#), "slashes are not escaped")
        #expect(text.contains(#""score" : 1.5"#))
        #expect(text.hasSuffix("]\n"))
    }
}
