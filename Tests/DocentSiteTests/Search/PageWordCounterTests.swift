import Testing

@testable import DocentSite

@Suite struct PageWordCounterTests {
    /// Pages counted one after the other reuse the pool's scratch tables: each page has its own words and counts,
    /// whether the page before it had a few words (its slots cleared one by one), many (the table zeroed whole) or more
    /// than a fresh table holds (the table grown), and when it has the same words as the page before.
    @Test func pagesCountedInTurnHaveOnlyTheirOwnWords() {
        let many = (0..<1_500).map { "word\($0)" }
        let few = ["alpha", "beta", "alpha"]
        // Each page twice in a row too: a slot left behind by the page before would find its word again.
        let pages: [[String]] = [few, few, many, ["gamma", "beta"], ["gamma", "beta"], many + many, many, ["delta"]]
        for _ in 0..<3 {
            for page in pages {
                var counter = PageWordCounter()
                counter.read(page.joined(separator: " "))
                let words = counter.finish()
                var counts: [String: UInt32] = [:]
                for number in 0..<words.count { counts[words.table.string(number)] = words.weights[number] }
                var expected: [String: UInt32] = [:]
                for word in page { expected[word, default: 0] += SearchDocument.Weight.text }
                #expect(counts == expected)
                #expect(counter.length == page.count)
            }
        }
    }
}
