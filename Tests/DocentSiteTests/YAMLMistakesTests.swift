import DocentTestSupport
import Testing

@testable import DocentSite

/// Front matter slips are reported where they were made, not where Yams noticed them (often the closing `---`).
@Suite struct YAMLMistakesTests {
    private func failure(_ yaml: String) throws -> YAMLData.ParseError {
        guard case .failure(let error) = YAMLData.parse(yaml) else {
            Issue.record("expected \(yaml.debugDescription) to be refused")
            throw CancellationError()
        }
        return error
    }

    @Test func anUnclosedQuoteIsReportedAtItsOpeningQuote() throws {
        let error = try failure("title: A\ndescription: \"Set up SSO\nlayout: default\ntier: plus\n")
        #expect((error.line, error.column) == (2, 14))
        #expect(error.message == "this value's opening \" is not closed on its line, so YAML reads on into `layout:`")
    }

    @Test func anUnclosedQuoteOnTheLastLineIsNeverClosed() throws {
        let error = try failure("title: A\ndescription: 'It''s done\n")
        #expect((error.line, error.column) == (2, 14))
        #expect(error.message == "this value's opening ' is never closed")
    }

    @Test func anUnclosedQuoteInAListItemStopsAtTheNextKeyOfTheItem() throws {
        let error = try failure("faqs:\n  - q: \"Why?\n    a: Because.\ntitle: A\n")
        #expect((error.line, error.column) == (2, 8))
        #expect(error.message.hasSuffix("reads on into `a:`"))
    }

    @Test func anUnclosedFlowListIsReportedAtItsBracket() throws {
        let error = try failure("title: A\nbreadcrumbs: [/, /guides/\nlayout: default\n")
        #expect((error.line, error.column) == (2, 14))
        #expect(error.message == "this value's opening [ is not closed on its line, so YAML reads on into `layout:`")
    }

    @Test func aDuplicatedKeyIsReportedAtItsSecondOccurrence() throws {
        let error = try failure("title: A\ndescription: x\ntitle: B\n")
        #expect((error.line, error.column) == (3, 1))
        #expect(error.message == "`title` is set twice in the same mapping; YAML keys must be unique (keep one)")
    }

    @Test func equalKeysInDifferentMappingsOrListItemsAreNotDuplicates() throws {
        // `q` repeats across items and `name` across nested mappings; only the last `a` of the second item repeats.
        let error = try failure(
            "faqs:\n  - q: One\n    a: |\n      a: not a key\n  - q: Two\n    a: x\n    a: y\nowner:\n  name: x\nname: y\n"
        )
        #expect((error.line, error.column) == (7, 5))
        #expect(error.message.hasPrefix("`a` is set twice"))
    }

    @Test func aTabInTheIndentationIsReportedAtTheTab() throws {
        let error = try failure("title: A\nfaqs:\n\t- q: Why?\n")
        #expect((error.line, error.column) == (3, 1))
        #expect(error.message.contains("tab"))
    }

    @Test func quotesInsideABlockScalarAndClosedMultiLineQuotesAreNotMistakes() throws {
        let error = try failure("intro: |\n  Say \"hi\nnote: \"two\n  lines\"\nlist: [a, b\n")
        #expect((error.line, error.column) == (5, 7))
    }

    @Test func otherErrorsKeepYamsPosition() throws {
        let error = try failure("title: A\n  bad: indent\n")
        #expect(error.line == 2)
        #expect(error.message.contains("mapping values"))
    }

    @Test func anyRefusedTextGetsAPositionInsideIt() {
        // Random front-matter-like text from the characters the slips are made of: every refusal points at a line
        // and column that exist, and nothing traps.
        let pieces = [
            "title", ":", " ", "\"", "'", "[", "]", "{", "}", ",", "- ", "\n", "  ", "\t", "#", "|", "\\", "é", "a",
        ]
        var random = SeededRandom(seed: 9)
        for _ in 0..<2_000 {
            let yaml = (0...random.next(upTo: 40)).map { _ in pieces[random.next(upTo: pieces.count)] }.joined()
            guard case .failure(let error) = YAMLData.parse(yaml) else { continue }
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(error.line >= 1 && error.line <= lines.count + 1, "\(yaml.debugDescription)")
            #expect(error.column >= 1, "\(yaml.debugDescription)")
        }
    }
}
