import Template

/// One page to render: where it goes, with which template, and the value the template reads.
struct PageJob: Sendable {
    var path: String
    var template: PageTemplate
    /// The page's view model as the template sees it: the same value is hashed for the render
    /// cache and printed by `ties theme fields`.
    var model: Value
    /// The view model itself, for `ties theme fields`, which shows empty fields too.
    let viewModel: any Encodable & Sendable

    /// A page whose view model is `model`, a value type whose declaration is the one list of
    /// the fields its template receives.
    init(path: String, template: PageTemplate, model: some Encodable & Sendable) {
        self.path = path
        self.template = template
        self.model = Self.value(of: model, keepingNil: false)
        self.viewModel = model
    }

    /// The view model with its empty fields as nulls: every field the template can be given.
    var allFields: Value { Self.value(of: viewModel, keepingNil: true) }

    /// A view model as templates read it. View models are plain values whose encoding cannot
    /// fail; one that did would be a fault of ties, said here, never a page rendered empty.
    static func value(of model: some Encodable, keepingNil: Bool) -> Value {
        do {
            return try Value(encoding: model, keepingNil: keepingNil)
        } catch {
            preconditionFailure("a page's view model could not be encoded: \(error)")
        }
    }
}
