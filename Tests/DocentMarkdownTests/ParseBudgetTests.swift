import DocentMarkdown
import Testing

/// cmark-gfm needs gigabytes for some 8 MB pages (millions of `*` or list items): the budget refuses those before
/// parsing, at the line where they pass it, and leaves ordinary pages, however long, alone.
@Suite struct ParseBudgetTests {
    @Test func anOrdinaryLongPageIsWithinBudgetAndParses() {
        let text = String(
            repeating: "## A heading\n\nA paragraph with *emphasis*, `code` and [a link](x.md).\n\n", count: 5_000)
        let budget = ParseBudget(text)
        #expect(budget.overLimit == nil)
        #expect(!budget.isHeavy)
        #expect(Markdown.parse(text).blocks.count == 10_000)
    }

    @Test func millionsOfDelimitersAreRefusedAtTheLineThatPassesTheBudget() {
        // 4,000 lines of 400 delimiters each (201,100 estimated bytes a line with the line's own cost): the budget
        // of 640 MB is passed at the end of line 3,338.
        let line = String(repeating: "*a* _b_ ", count: 100) + "\n"
        let document = Markdown.parse(String(repeating: line, count: 4_000))
        #expect(document.overBudget?.line == 3_338, "\(String(describing: document.overBudget))")
        #expect(document.blocks.count == 0)
    }

    @Test func aMillionListItemsAreRefused() {
        #expect(ParseBudget(String(repeating: "- item\n", count: 1_000_000)).overLimit != nil)
    }

    @Test func aShortPageIsBoundedByItsLengthWithoutAScan() {
        let text = String(repeating: "*\n", count: 1_000)
        #expect(ParseBudget(text).estimate == 2_000 * 800)
        #expect(!ParseBudget(text).isHeavy)
    }

    @Test func blankLinesCostNothing() {
        #expect(ParseBudget(String(repeating: "\n  \n", count: 2_000_000)).estimate == 0)
    }
}
