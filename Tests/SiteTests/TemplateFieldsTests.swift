import Index
import TestSupport
import Testing

@testable import Site

/// Templates see a view model's fields through its `templateKeys`; a field left out there would
/// silently render as nothing. This walks every view model of the sample site and compares.
@Suite("Template fields")
struct TemplateFieldsTests {
    @Test func everyFieldOfEveryViewModelReachesTheTemplates() throws {
        let context = SiteContext(journal: Journal.load(from: Fixtures.template), today: try #require(Day("2026-11-25")))
        let jobs = SiteBuilder.pages(context).compactMap { $0.make(context) }
        var checked = Set<String>()
        func walk(_ value: Any) {
            if let model = value as? any TemplateValue {
                let type = String(reflecting: Swift.type(of: model))
                if checked.insert(type).inserted {
                    let fields = Set(Mirror(reflecting: model).children.compactMap(\.label))
                    let keys = Set(Swift.type(of: model).templateKeyNames)
                    #expect(
                        fields == keys,
                        "\(type): fields without keys \(fields.subtracting(keys)), keys without fields \(keys.subtracting(fields))"
                    )
                }
            }
            for child in Mirror(reflecting: value).children { walk(child.value) }
        }
        for job in jobs { walk(job.model) }
        #expect(checked.count >= 30, "\(checked.sorted())")
    }
}

extension TemplateValue {
    static var templateKeyNames: [String] { Array(templateKeys.keys) }
}
