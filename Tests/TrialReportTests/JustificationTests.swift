import Foundation
import Testing
import TrialDesign

@testable import TrialReport

@Suite("Justification paragraphs")
struct JustificationTests {
    /// The seed trial's phase II question, every survival method side by side.
    static func seedAnswers() throws -> [SurvivalAnswer] { try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases) }
    static let presentation = SurvivalPresentation(comparesMethods: true)

    /// The survival command's paragraph for the seed question (its text, Markdown and LaTeX
    /// golden files are `justify-survival.*`, checked in DesignPlotTests).
    static func seedJustification() throws -> Justification {
        try SurvivalJustification.make(try seedAnswers(), presentation)
    }

    /// The context the shipped survival template (and a user's `--template`) is rendered with.
    static func seedContext(references: inout ReferenceList) throws -> [String: Any] {
        let (context, cited) = SurvivalJustification.context(try seedAnswers(), presentation)
        references = cited
        return context
    }

    @Test("LaTeX with a thebibliography environment: golden file")
    func golden() throws {
        let justification = try Self.seedJustification()
        try expectGolden(justification.render(.latex, latexReferences: .thebibliography), named: "justify-survival-bibliography.tex")
    }

    @Test("plain text is filled to 90 columns with hanging references")
    func wrapped() throws {
        let justification = try Self.seedJustification()
        let text = justification.render(.text)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 90 })
        #expect(text.contains("\n\nReferences\n[1] " + justification.references[0].prefix(10)))
        let narrow = justification.render(.text, width: 40)
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(narrow.contains("\n    "), "a long reference continues under its text, not its number")
    }

    @Test("the paragraph's words survive filling unchanged")
    func fillKeepsWords() {
        let text = "one two  three\nfour\n\nfive " + String(repeating: "x", count: 120)
        let filled = TextWrap.fill(text, width: 10)
        #expect(filled.split(whereSeparator: { $0 == " " || $0 == "\n" }) == text.split(whereSeparator: { $0 == " " || $0 == "\n" }))
        #expect(TextWrap.paragraphs(text).count == 2)
    }

    @Test("Markdown and LaTeX escape their special characters")
    func escaping() {
        var references = ReferenceList()
        let cite = references.cite(Reference(key: "x_y", citation: "Smith J. 50% & more_of it. J. 2000;1:1."))
        let justification = Justification(paragraph: "Power ≥ 80% at α = 0.05 for p_0 *and* p_1 \(cite).", references: references)
        let markdown = justification.render(.markdown)
        #expect(markdown.contains("p\\_0 \\*and\\* p\\_1 [1]"))
        let latex = justification.render(.latex)
        #expect(latex.contains("Power $\\geq$ 80\\% at $\\alpha$ = 0.05 for p\\_0 *and* p\\_1 [1]."))
        #expect(latex.contains("\\item[{[1]}] Smith J. 50\\% \\& more\\_of it."))
        #expect(justification.render(.latex, latexReferences: .thebibliography).contains("\\bibitem{xy} Smith"))
    }

    @Test("LaTeX keeps a command line's two hyphens (TeX would print an en dash for --) and still sets – and — as dashes")
    func hyphens() {
        #expect(LaTeX.escape("trialsize survival --median 12,13") == "trialsize survival -{}-median 12,13")
        #expect(LaTeX.escape("---x") == "-{}-{}-x")
        #expect(LaTeX.escape("8–13 weeks — about") == "8--13 weeks --- about")
        #expect(LaTeX.escape("−1") == "$-$1")
    }

    @Test("JSON carries the paragraph and the references, nothing else")
    func json() throws {
        let text = try JSONOutput.encode(try Self.seedJustification())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(Set(object?.keys ?? [:].keys) == ["paragraph", "references"])
    }

    @Test("a user's template renders against the same context as the shipped one")
    func userTemplate() throws {
        var references = ReferenceList()
        let context = try Self.seedContext(references: &references)
        let mine = UserTemplate(
            path: "mine.mustache", source: "We need {{patients}} patients & {{events}} events {{test_citation}}.\n{{> references}}")
        let justification = try Justification(using: .user(mine), context: context, references: references)
        let exact = try #require(try Self.seedAnswers().first { $0.result.method == .exact }).result
        #expect(
            justification.paragraph.hasPrefix("We need \(exact.patients) patients & \(exact.events) events [1]."),
            "TEXT content type: no HTML escaping")
        #expect(justification.paragraph.contains("[1] Epstein"))
    }

    @Test("a user's template with a missing variable or a syntax error is refused in one line")
    func userTemplateErrors() throws {
        var references = ReferenceList()
        let context = try Self.seedContext(references: &references)
        let typo = UserTemplate(path: "mine.mustache", source: "Power\n{{atained_power}}")
        #expect(
            throws: InvalidInput(
                parameter: "template",
                requirement: "mine.mustache, line 2: {{atained_power}} is not a variable of this design (see docs/templates.md)",
                value: "")
        ) {
            try typo.render(context)
        }
        let broken = UserTemplate(path: "broken.mustache", source: "ok\n{{#events}} never closed")
        do {
            _ = try broken.render(context)
            Issue.record("a broken template rendered")
        } catch {
            #expect(error.parameter == "template")
            #expect(error.description.hasPrefix("template broken.mustache, line "))
            #expect(!error.description.contains("\n"))
        }
        #expect(throws: InvalidInput.self) { try UserTemplate(path: "/nonexistent/template.mustache") }
        #expect(throws: InvalidInput.self) { try UserTemplate(path: NSTemporaryDirectory()) }
    }
}
