import Testing

@testable import Template

/// What ties' engine does beyond the spec: located errors, the theme functions, the limits.
struct TemplateTests {
    func render(_ template: String, _ data: Value, partials: [String: String] = [:]) throws -> String {
        var templates = ["": try CompiledTemplate(template)]
        for (name, source) in partials { templates[name] = try CompiledTemplate(source) }
        return String(decoding: try #require(TemplateLibrary(templates).render("", data)).bytes, as: UTF8.self)
    }

    func error(_ template: String) -> TemplateError? {
        do {
            _ = try CompiledTemplate(template)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("<ul>\n{{#roles}}\n<li>{{title}}</li>\n", "2:1: section 'roles' is never closed"),
        ("a\n  {{#roles}}x{{/role}}", "2:14: '/role' closes no open section; the section open here is 'roles', opened at 2:3"),
        (
            "{{<layout}}{{$main}}\n<ul>\n{{#roles}}\n<li>{{title}}\n{{/main}}{{/layout}}",
            "3:1: section 'roles' is never closed ('/main' at 5:1 closes the one around it)"
        ),
        ("{{/roles}}", "1:1: '/roles' closes no section"),
        ("line 1\nline {{name", "2:6: a tag is never closed with '}}'"),
        ("{{=<% %>=}}\n<% name", "2:1: a tag is never closed with '%>'"),
        ("{{= <% =}}", "1:1: a tag that sets delimiters must hold two delimiters apart, as in {{=<% %>=}}"),
        ("{{}}", "1:1: a tag names nothing"),
        (
            "é {{#emtpy(x)}}{{/emtpy(x)}}",
            "1:3: unknown function 'emtpy' (did you mean 'empty'?); the functions are empty, count, first, last, index, even, odd, reversed, uppercased, lowercased, capitalized"
        ),
        ("{{<layout}}{{$main}}x{{/layout}}", "1:12: section 'main' is never closed ('/layout' at 1:22 closes the one around it)"),
    ])
    func aBrokenTemplateSaysWhereAndWhat(template: String, message: String) {
        #expect(error(template)?.description == message)
    }

    @Test func sectionsNestedTooDeepAreAnErrorNotACrash() {
        let deep = String(repeating: "{{#a}}", count: 100_000)
        #expect(error(deep)?.message == "sections nested more than \(TemplateLimits.nesting) deep")
    }

    @Test func aPartialThatIncludesItselfThroughDataStopsAtTheLimit() throws {
        var templates = ["self": try CompiledTemplate("x{{#page}}{{>self}}{{/page}}")]
        templates["other"] = try CompiledTemplate("")
        let rendering = try #require(TemplateLibrary(templates).render("self", ["page": ["a": 1]]))
        #expect(rendering.tooDeep)
        #expect(rendering.bytes.count == TemplateLimits.inclusionDepth)
    }

    @Test func theFunctionsOfTheBuiltInTheme() throws {
        let data: Value = ["with": ["Ada", "Grace", "Mary"], "none": [], "name": "ada"]
        #expect(try render("{{#with}}{{.}}{{^last()}}, {{/last()}}{{/with}}", data) == "Ada, Grace, Mary")
        #expect(try render("{{#with}}{{#first()}}[{{/first()}}{{index()}}{{/with}}", data) == "[012")
        #expect(try render("{{count(with)}} {{count(none)}} {{count(missing)}}", data) == "3 0 0")
        #expect(try render("{{#empty(none)}}E{{/empty(none)}}{{^empty(with)}}F{{/empty(with)}}", data) == "EF")
        #expect(try render("{{#empty(missing)}}M{{/empty(missing)}}", data) == "M")
        #expect(try render("{{#reversed(with)}}{{.}}{{/reversed(with)}}", data) == "MaryGraceAda")
        #expect(try render("{{uppercased(name)}} {{capitalized(name)}}", data) == "ADA Ada")
        #expect(try render("{{#with}}{{#even()}}{{.}}{{/even()}}{{/with}}", data) == "AdaMary")
    }

    @Test func everythingThatCouldOpenMarkupIsEscaped() throws {
        #expect(
            try render("{{x}}|{{{x}}}|{{&x}}", ["x": "<a href='x'>&\"</a>"])
                == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;|<a href='x'>&\"</a>|<a href='x'>&\"</a>")
    }

    @Test func emptyTextIsFalseAndMissingNamesRenderNothing() throws {
        #expect(try render("{{#t}}shown{{/t}}{{^t}}empty{{/t}}[{{nothing.at.all}}]", ["t": ""]) == "empty[]")
    }

    @Test func includesAreListedWithTheirPlaces() throws {
        let template = try CompiledTemplate("a\n  {{> row}}\n{{<layout}}{{/layout}}{{>*dynamic}}")
        #expect(template.includes == [.init(name: "row", line: 2, column: 3), .init(name: "layout", line: 3, column: 1)])
    }
}

/// A view model is encoded as it is declared: fields in order, nil optionals left out.
struct ValueEncodingTests {
    struct Page: Encodable {
        var title: String
        var org: Link?
        var count: Int
        var tags: [Link]
        var shown: Bool
        var words: Value
    }
    struct Link: Encodable {
        var href: String?
        var text: String
    }

    @Test func aViewModelBecomesTheValueItDeclares() throws {
        let page = Page(
            title: "Ada", org: nil, count: 2, tags: [Link(href: "t.html", text: "ai"), Link(href: nil, text: "x")], shown: true,
            words: ["lang": "en"])
        let value = try Value(encoding: page)
        #expect(
            value
                == [
                    "title": "Ada", "count": 2, "tags": [["href": "t.html", "text": "ai"], ["text": "x"]], "shown": true,
                    "words": ["lang": "en"],
                ])
        guard case .map(let fields) = value else { throw Failure() }
        #expect(fields.keys == ["title", "count", "tags", "shown", "words"])
    }

    struct Failure: Error {}
}
