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
        #expect(liquid(String(repeating: "{ ", count: 100) + "{%"))
        #expect(liquid("{%" + String(repeating: "x", count: 100)))
        #expect(liquid("{{"))
    }

    @Test func asciiAndBytePredicatesLookAtEveryByte() {
        #expect(ByteScan.isASCII(""))
        #expect(ByteScan.isASCII(String(repeating: "plain text ", count: 300)))
        #expect(!ByteScan.isASCII(String(repeating: "a", count: 3_000) + "é"))
        #expect(ByteScan.containsByte(in: "line\n", where: { $0 == 0x0A }))
        #expect(!ByteScan.containsByte(in: "no newline", where: { $0 == 0x0A }))
    }
}
