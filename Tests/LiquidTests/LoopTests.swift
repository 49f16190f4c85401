import Liquid
import Testing

@Suite("Loops: for, cycle, tablerow")
struct LoopTests {
    let items: [String: LiquidValue] = ["items": [1, 2, 3, 4, 5, 6]]

    @Test func forLoopWalksArraysRangesAndHashes() throws {
        #expect(try render("{% for i in items %}{{ i }}{% endfor %}", items) == "123456")
        #expect(try render("{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}") == "none")
        #expect(try render("{% for pair in h %}{{ pair[0] }}{{ pair[1] }}{% endfor %}", ["h": ["a": 1]]) == "a1")
    }

    @Test func limitOffsetAndReversedSliceBeforeReversing() throws {
        #expect(try render("{% for i in items limit: 2 offset: 1 %}{{ i }}{% endfor %}", items) == "23")
        #expect(try render("{% for i in items reversed limit: 2 %}{{ i }}{% endfor %}", items) == "21")
    }

    @Test func forLoopOffsetContinueResumesWhereThePreviousLoopStopped() throws {
        let template =
            "{% for i in items limit: 2 %}{{ i }}{% endfor %}|{% for i in items limit: 2 offset: continue %}{{ i }}{% endfor %}|{% for i in items offset: continue %}{{ i }}{% endfor %}"
        #expect(try render(template, items) == "12|34|56")
    }

    @Test func elseRendersWhenTheCollectionIsEmpty() throws {
        #expect(try render("{% for i in missing %}x{% else %}empty{% endfor %}") == "empty")
    }

    @Test func breakAndContinueAffectTheInnermostLoop() throws {
        #expect(
            try render(
                "{% for i in items %}{% if i == 4 %}{% break %}{% endif %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}",
                items) == "13")
    }

    @Test func forloopObjectDescribesThePosition() throws {
        let template =
            "{% for i in (1..3) %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %}{{ forloop.length }};{% endfor %}"
        #expect(try render(template) == "1032F3;21213;3210L3;")
    }

    @Test func parentloopReachesTheEnclosingLoop() throws {
        #expect(
            try render(
                "{% for a in (1..2) %}{% for b in (1..2) %}{{ forloop.parentloop.index }}{{ b }} {% endfor %}{% endfor %}"
            ) == "11 12 21 22 ")
    }

    @Test func cycleAlternatesPerGroup() throws {
        #expect(try render("{% for i in (1..4) %}{% cycle 'a', 'b', 'c' %}{% endfor %}") == "abca")
        #expect(try render("{% cycle 'g1': 'x', 'y' %}{% cycle 'g2': 'x', 'y' %}{% cycle 'g1': 'x', 'y' %}") == "xxy")
    }

    @Test func tablerowWrapsCellsInRowsOfCols() throws {
        let output = try render("{% tablerow i in items cols: 2 limit: 3 %}{{ i }}{% endtablerow %}", items)
        #expect(
            output
                == "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n<tr class=\"row2\"><td class=\"col1\">3</td></tr>\n"
        )
    }

    @Test func loopIterationLimitStopsRunawayTemplates() throws {
        let error = #expect(throws: LiquidError.self) {
            try render("{% for i in (1..100000000) %}x{% endfor %}") { $0.maxLoopIterations = 1000 }
        }
        #expect(error?.id == "liquid.loop-limit")
    }
}
