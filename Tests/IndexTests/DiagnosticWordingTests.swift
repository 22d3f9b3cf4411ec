import Index
import Testing

/// Each problem of a reference is worded once, wherever it is found: a field, an org's name or
/// a wiki link.
@Suite("Diagnostic wordings")
struct DiagnosticWordingTests {
    static let here = SourceLocation(path: "contacts/ada.md", line: 3, column: 7)

    @Test(arguments: [
        (
            Diagnostic.unknownReference("Charls Babbage", kind: "contact", in: "with", suggestion: "Charles Babbage", at: here),
            "unknown contact 'Charls Babbage' in 'with' (did you mean 'Charles Babbage'?)", Diagnostic.Code.unknownReference
        ),
        (
            Diagnostic.unknownReference("[[Charls]]", kind: "record", suggestion: nil, at: here),
            "unknown record '[[Charls]]'", .unknownReference
        ),
        (
            Diagnostic.ambiguousReference("Ada", in: "with", names: ["ada-king", "ada-lovelace"], of: "contacts", at: here),
            "'Ada' in 'with' names 2 contacts: 'ada-king', 'ada-lovelace'; write the slug of the one you mean",
            .ambiguousReference
        ),
        (
            Diagnostic.selfReference("Ada Lovelace", in: "met_via", kind: .contact, at: here),
            "'Ada Lovelace' in 'met_via' is this contact itself; it is left out", .selfReference
        ),
    ])
    func eachReferenceProblemHasOneWording(diagnostic: Diagnostic, message: String, code: Diagnostic.Code) {
        #expect(diagnostic.message == message)
        #expect(diagnostic.code == code)
        #expect(diagnostic.location == Self.here)
    }
}
