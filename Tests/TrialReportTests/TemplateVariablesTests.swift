import Foundation
import Testing
import TrialDesign
@testable import TrialReport

@Suite("Template variables")
struct TemplateVariablesTests {
    @Test("finds a misspelt variable, with its line")
    func misspelt() {
        let source = "{{% CONTENT_TYPE: TEXT}}\nPower {{attained_power}}\nwith {{atained_alpha}}.\n"
        let missing = TemplateVariables.missing(in: source, named: "t", context: ["attained_power": "0.81", "attained_alpha": "0.04"])
        #expect(missing == [TemplateVariables.Missing(name: "atained_alpha", template: "t", line: 3)])
    }

    @Test("resolves names inside sections, outwards, dotted, through transforms and partials")
    func scopes() {
        let source = """
            {{! a comment {{ignored}} is not a variable }}{{#methods}}{{name}} {{events}} {{alpha}} {{.}}{{/methods}}
            {{#design}}{{n}} {{stages.first}}{{/design}} {{design.n}} {{{raw}}} {{&amp}} {{uppercased(title)}}
            {{^simulated}}no simulation{{/simulated}}{{> references}}
            """
        let context: [String: Any] = [
            "methods": [["name": "exact", "events": 26], ["name": "normal", "events": 27, "extra": 1]],
            "alpha": "0.05", "design": ["n": 30, "stages": ["first": 10]], "raw": "<b>", "amp": "&", "title": "t",
            "simulated": false, "references": [["number": 1, "citation": "A."]],
        ]
        expectNoMissingVariables(source: source, named: "scopes", context: context)
        // A key only some items have is missing inside the section.
        let partial = TemplateVariables.missing(in: "{{#methods}}{{extra}}{{/methods}}", named: "t", context: context)
        #expect(partial.map(\.name) == ["extra"])
        // A partial's variables are checked against the same scopes.
        let noReferences = TemplateVariables.missing(in: "{{> references}}", named: "t", context: [:])
        #expect(noReferences.map(\.name) == ["references"] && noReferences.first?.template == "references",
                "a missing section is reported once, not with every name inside it")
        #expect(TemplateVariables.missing(in: "{{> nonexistent}}", named: "t", context: [:]).map(\.name) == ["> nonexistent"])
    }

    @Test("every shipped template renders its documented context without a missing variable")
    func shippedTemplates() throws {
        var references = ReferenceList()
        _ = references.cite(SeedReport.kearney)
        expectNoMissingVariables(template: "references", context: ["references": references.context])
        expectNoMissingVariables(template: "report-html", context: try SeedReport.report().context())
        // A page with no subtitle or justification still has every top-level variable.
        let bare = try HTMLReport(title: "Bare").context()
        #expect(TemplateVariables.missing(in: "{{title}}{{subtitle}}{{has_subtitle}}{{has_figures}}{{has_justification}}{{generator}}",
                                          named: "bare", context: bare).isEmpty)
        // Survival: the seed question with every optional section present (all methods, dropout).
        let survival = try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases)
        var (survivalContext, _) = SurvivalJustification.context(survival, SurvivalPresentation(comparesMethods: true))
        // Sections the seed question does not reach (landmark input, Weibull reference, a
        // simulation) are filled in with the keys their builders set.
        survivalContext["landmark"] = "control 40% at 12 weeks; alternative 60% at 12 weeks"
        survivalContext["weibull"] = true
        survivalContext["simulation"] = ["trials": "1000", "seed": "1", "sim_patients": "30", "sim_alpha": "0.05",
                                         "sim_power": "0.80", "sim_alpha_se": "0.007", "sim_power_se": "0.013"]
        expectNoMissingVariables(template: "survival", context: survivalContext)
        #expect(Set(TemplateLibrary.names) == ["references", "report-html", "survival"],
                "a new template needs a line in this test, with a representative context")
    }

    @Test("docs/templates.md names every variable each shipped template uses")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/templates.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for name in TemplateLibrary.names {
            let source = try #require(TemplateLibrary.source(named: name))
            for variable in TemplateVariables.names(in: source) {
                #expect(text.contains("`\(variable)`"), "docs/templates.md does not document `\(variable)` of \(name)")
            }
        }
    }
}
