/// One page to render: where it goes, with which template, from which view model.
struct PageJob: Sendable {
    var path: String
    var template: String
    var model: any TemplateValue & Sendable
}
