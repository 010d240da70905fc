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

    @Test("ordinals: 1st, 2nd, 3rd, the teens, 21st, 32nd (issue 12 found \"32th\" and \"21th\")")
    func ordinals() {
        let expected = [
            1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd",
            23: "23rd", 26: "26th", 32: "32nd", 101: "101st", 111: "111th", 112: "112th", 1000: "1000th",
        ]
        for (n, text) in expected { #expect(NumberFormat.ordinal(n) == text) }
    }
}
