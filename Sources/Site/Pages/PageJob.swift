import Template

/// One page to render: where it goes, with which template, and the value the template reads.
struct PageJob: Sendable {
    var path: String
    var template: String
    /// The page's view model as the template sees it: the same value is hashed for the render
    /// cache and printed by `ties theme fields`.
    var model: Value

    /// A page whose view model is `model`, a value type whose declaration is the one list of
    /// the fields its template receives.
    init(path: String, template: String, model: some Encodable) {
        self.path = path
        self.template = template
        // The encoder never throws; a view model it could not encode would render empty.
        self.model = (try? Value(encoding: model)) ?? .null
    }
}
