import Testing
@testable import TrialReport

@Suite("Number formatting")
struct NumberFormatTests {
    @Test func fixedDecimals() {
        #expect(NumberFormat.fixed(0.80937, 4) == "0.8094")
        #expect(NumberFormat.fixed(-0.00001, 3) == "0.000")
        #expect(NumberFormat.percent(4.0 / 26.0, 1) == "15.4%")
        #expect(NumberFormat.significant(26.2345, 4) == "26.23")
        #expect(NumberFormat.significant(30, 4) == "30")
    }

    @Test("the shared references template numbers the citations it is given")
    func referenceTemplate() throws {
        var list = ReferenceList()
        let first = list.cite(Reference(key: "a", citation: "Author A. Title. Journal 2001;1:1-2."))
        let again = list.cite(Reference(key: "a", citation: "Author A. Title. Journal 2001;1:1-2."))
        let second = list.cite(Reference(key: "b", citation: "Author B. Other & more. Journal 2002;2:3-4."))
        #expect(first == "[1]" && again == "[1]" && second == "[2]")
        let text = try TemplateLibrary.render("references", ["references": list.context])
        #expect(text == "[1] Author A. Title. Journal 2001;1:1-2.\n[2] Author B. Other & more. Journal 2002;2:3-4.\n")
    }
}
