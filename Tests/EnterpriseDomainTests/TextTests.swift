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
        #expect("Zed" < "alice")
        #expect("alice" < "alicé")
        #expect(!("é" == "e\u{301}"), "no normalization: the two spellings differ")
        let value: String? = "on"
        #expect(value == "on")
        #expect(["b", "a"].contains("a"))
    }

    @Test func emailsAndListsSplitOnBytes() {
        #expect(Text.emailDomain("Ünï@Kong.COM") == "kong.com")
        #expect(Text.isValidEmail("a@b.co"))
        #expect(!Text.isValidEmail("a b@c.co"))
        #expect(!Text.isValidEmail("@c.co"))
        #expect(Text.split("a,,b", UInt8(ascii: ",")) == ["a", "", "b"])
    }
}
