import TestSupport
import Testing

@testable import Index

@Suite("ties.yaml")
struct ConfigTests {
    @Test func readsEverySetting() {
        let (config, diagnostics) = ConfigParser.parse(
            """
            title: Mara's network
            owner: Mara
            language: de
            timezone: Europe/Berlin
            me: {org: Nordlicht}
            circles: {close: 1m, network: 3m, wider: none}
            default_cadence: 6m
            output: public/_site
            unsafe_html: true
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Mara's network")
        #expect(config.language == .de)
        #expect(config.timezone == "Europe/Berlin")
        #expect(config.myOrg?.text == "Nordlicht")
        #expect(config.circles.map(\.name) == ["close", "network", "wider"])
        #expect(config.circle(named: "Wider")?.cadence == Cadence.none)
        #expect(config.defaultCadence == .every(6, .month))
        #expect(config.output == "public/_site")
        #expect(config.unsafeHTML)
    }

    @Test func defaultsStandInForWhatIsMissing() {
        let (config, diagnostics) = ConfigParser.parse("")
        #expect(diagnostics.isEmpty)
        #expect(config.output == "_site")
        #expect(config.defaultCadence == .none)
        #expect(config.language == .en)
        #expect(!config.unsafeHTML)
    }

    @Test(arguments: [
        ("language: fr", "1:11 invalid-value 'fr' is not a valid language; use one of en, de"),
        ("timezone: Mars/Base", "1:11 invalid-value unknown time zone 'Mars/Base'; write an IANA name like Europe/Berlin"),
        ("output: ../elsewhere", "1:9 invalid-value 'output' must be a folder inside the journal, like _site"),
        ("unsafe_html: maybe", "1:14 wrong-type field 'unsafe_html' must be true or false, found 'maybe'"),
        ("me: Nordlicht", "1:5 wrong-type field 'me' must be a map like 'org: Acme', found a text"),
        (
            "default_cadence: often",
            "1:18 invalid-duration 'often' in 'default_cadence' is not a cadence; write e.g. 30d, 6w, 3m, 1y or none"
        ),
        ("circels: {a: 1m}", "1:1 unknown-field unknown field 'circels' (did you mean 'circles'?); it is kept as an extra field"),
    ])
    func reportsBadSettings(yaml: String, expected: String) {
        let (_, diagnostics) = ConfigParser.parse(yaml)
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" } == [expected])
        #expect(diagnostics.allSatisfy { $0.location.path == "ties.yaml" })
    }
}
