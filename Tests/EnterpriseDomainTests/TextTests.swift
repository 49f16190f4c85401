import EnterpriseDomain
import Testing

/// Text works on UTF-8 bytes: the same results natively and in the WebAssembly build, without Unicode tables.
@Suite struct TextTests {
    @Test func lowercasingFoldsASCIIAndLatin1LettersOnly() {
        #expect(Text.lowercased("ÀÉÎÕÜ Þ × ALICE@Kong.COM") == "àéîõü þ × alice@kong.com")
        #expect(Text.lowercased("ĀΩЖ ✈️") == "ĀΩЖ ✈️")
    }

    @Test func trimmingAndNormalizingWorkOnSpacesTabsAndNewlines() {
        #expect(Text.trimmed(" \t\r\n Cargo  Bay \r\n") == "Cargo  Bay")
        #expect(Text.trimmed(" \n ") == "")
        #expect(Text.normalized("  Manage \t ORGANIZATION\n") == "manage organization")
    }

    @Test func stringsCompareAndSortByTheirBytes() {
        #expect(Text.less("Zed", "alice"))
        #expect(Text.less("alice", "alicé"))
        #expect(!Text.less("alice", "alice"))
        #expect(!Text.equal("é", "e\u{301}"), "no normalization: the two spellings differ")
        #expect("é" == "e\u{301}", "the standard library's == is not shadowed: it still normalizes")
        let value: String? = "on"
        #expect(Text.equal(value, "on"))
        #expect(Text.equal(nil, nil as String?))
        #expect(!Text.equal(value, nil))
        #expect(["b", "a"].containsText("a"))
        #expect(!["e\u{301}"].containsText("é"))
    }

    @Test func suffixesCompareByBytes() {
        #expect(Text.hasSuffix("eu.kong.com", ".kong.com"))
        #expect(Text.hasSuffix("kong.com", "kong.com"))
        #expect(!Text.hasSuffix("com", "kong.com"))
        #expect(!Text.hasSuffix("cafe\u{301}", "é"), "no normalization")
    }

    @Test func emailsAndListsSplitOnBytes() {
        #expect(Text.emailDomain("Ünï@Kong.COM") == "kong.com")
        #expect(Text.isValidEmail("a@b.co"))
        #expect(!Text.isValidEmail("a b@c.co"))
        #expect(!Text.isValidEmail("@c.co"))
        #expect(Text.split("a,,b", UInt8(ascii: ",")) == ["a", "", "b"])
    }
}

@Suite struct StableSortTests {
    @Test func equalElementsKeepTheirOrder() {
        let pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e"), (2, "f")]
        #expect(pairs.sortedStably { $0.0 < $1.0 }.map { $0.1 } == ["e", "b", "d", "a", "c", "f"])
    }

    /// A dashboard of a thousand organizations created in reverse name order must not cost a million comparisons
    /// (the insertion sort it replaced did: the 300th organization took 0.3 s in the wasm).
    @Test(arguments: [0, 1, 2, 3, 1000, 1024, 4097])
    func sortingTakesAtMostNLogNComparisons(count: Int) {
        var comparisons = 0
        let reversed = Array((0..<count).reversed())
        let sorted = reversed.sortedStably { a, b in
            comparisons += 1
            return a < b
        }
        #expect(sorted == Array(0..<count))
        var log2 = 0
        while (1 << log2) < count { log2 += 1 }
        #expect(comparisons <= max(count, 1) * max(log2, 1))
    }
}
