import Liquid
import Testing

@Suite("Conditions: if, unless, case")
struct ConditionTests {
    @Test func onlyNilAndFalseAreFalsy() throws {
        let template = "{% if v %}T{% else %}F{% endif %}"
        #expect(try render(template, ["v": 0]) == "T")
        #expect(try render(template, ["v": ""]) == "T")
        #expect(try render(template, ["v": []]) == "T")
        #expect(try render(template, ["v": false]) == "F")
        #expect(try render(template, ["v": .nil]) == "F")
        #expect(try render(template) == "F")
    }

    @Test func elsifAndElseChooseTheFirstMatchingBranch() throws {
        let template = "{% if n > 10 %}big{% elsif n > 5 %}medium{% else %}small{% endif %}"
        #expect(try render(template, ["n": 20]) == "big")
        #expect(try render(template, ["n": 7]) == "medium")
        #expect(try render(template, ["n": 1]) == "small")
    }

    @Test func unlessNegatesItsCondition() throws {
        #expect(try render("{% unless x %}no x{% else %}x{% endunless %}") == "no x")
    }

    @Test func andOrGroupFromTheRightWithoutPrecedence() throws {
        #expect(try render("{% if true and false or true %}T{% else %}F{% endif %}") == "T")
        #expect(try render("{% if false and true or true %}T{% else %}F{% endif %}") == "F")
    }

    @Test func comparisonsFollowRubyRules() throws {
        #expect(
            try render("{% if 1 == 1.0 %}a{% endif %}{% if '1' == 1 %}b{% endif %}{% if 'b' > 'a' %}c{% endif %}")
                == "ac")
        #expect(try render("{% if nil < 1 %}x{% else %}y{% endif %}") == "y")
        #expect(try render("{% if 1 != 2 and 2 <> 3 %}ne{% endif %}") == "ne")
    }

    @Test func containsLooksIntoStringsArraysAndHashKeys() throws {
        let variables: [String: LiquidValue] = ["s": "hello", "a": ["x", "y"], "h": ["k": 1]]
        #expect(
            try render(
                "{% if s contains 'ell' %}1{% endif %}{% if a contains 'y' %}2{% endif %}{% if h contains 'k' %}3{% endif %}",
                variables) == "123")
    }

    @Test func emptyAndBlankCompareSpecially() throws {
        let variables: [String: LiquidValue] = ["e": "", "w": "  ", "a": []]
        #expect(
            try render(
                "{% if e == empty %}1{% endif %}{% if w == blank %}2{% endif %}{% if a == empty %}3{% endif %}{% if missing == blank %}4{% endif %}",
                variables) == "1234")
    }

    @Test func caseRendersEveryMatchingWhenAndElseOtherwise() throws {
        let template = "{% case x %}{% when 1, 2 %}low{% when 3 or 4 %}mid{% else %}other{% endcase %}"
        #expect(try render(template, ["x": 2]) == "low")
        #expect(try render(template, ["x": 4]) == "mid")
        #expect(try render(template, ["x": 9]) == "other")
    }

    @Test func blockHoldingOnlyTagsAndWhitespacePrintsNothing() throws {
        #expect(try render("[{% if true %}\n  {% assign a = 1 %}\n{% endif %}]") == "[]")
    }
}
