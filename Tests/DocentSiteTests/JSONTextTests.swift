import Testing

@testable import DocentSite

@Suite struct JSONTextTests {
    @Test func stringsAreEscapedForJSONInsideAScriptTag() {
        #expect(JSONText.quoted("plain café") == "\"plain café\"")
        #expect(JSONText.quoted("a \"q\" \\ b\nc\td\r") == "\"a \\\"q\\\" \\\\ b\\nc\\td\\r\"")
        #expect(JSONText.quoted("</script>") == "\"\\u003c/script>\"")
        #expect(JSONText.quoted("bell\u{07}é") == "\"bell\\u0007é\"")
        #expect(JSONText.quoted("") == "\"\"")
    }

    @Test func stringsAppendedAsBytesAreEscapedTheSameWay() {
        for text in ["plain café", "a \"q\" \\ b\nc\td\r", "</script>", "bell\u{07}é", "", "<<", "end\\"] {
            var bytes: [UInt8] = []
            JSONText.string(text, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == JSONText.quoted(text))
        }
    }

    /// The byte version scans eight bytes at a time: an escaped byte is found at every position of a long string, and
    /// the bytes next to the escaped ones (space, `!`, `#`, `;`, `=`, `[`, `]`, DEL, `é`) are left as they are.
    @Test func everyEscapedByteIsFoundWhereverItIsInALongString() {
        let filler = Array("abcdefghij klmnopqrst!#;=[]\u{7F}é".unicodeScalars)
        for special in ["\"", "\\", "<", "\n", "\u{01}", "\u{1F}", " ", "é"] {
            for position in 0..<24 {
                var scalars = filler
                scalars.insert(contentsOf: special.unicodeScalars, at: position)
                let text = String(String.UnicodeScalarView(scalars))
                var bytes: [UInt8] = []
                JSONText.string(text, into: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == JSONText.quoted(text), "\(special) at \(position)")
            }
        }
    }
}
