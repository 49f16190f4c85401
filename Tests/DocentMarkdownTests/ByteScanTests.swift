import Testing

@testable import DocentMarkdown

@Suite struct ByteScanTests {
    @Test func findsAPairAnywhereButNotAHalfPairAtTheEnd() {
        let liquid = { (text: String) in
            ByteScan.contains(text, UInt8(ascii: "{"), followedBy: UInt8(ascii: "{"), or: UInt8(ascii: "%"))
        }
        #expect(liquid("{{ page.title }}"))
        #expect(liquid("text then {% if x %}"))
        #expect(liquid("é ü {{"))
        #expect(!liquid("a { b } {"))
        #expect(!liquid(""))
        #expect(!liquid("{"))
        #expect(!liquid(String(repeating: "{ ", count: 100)))
    }
}
