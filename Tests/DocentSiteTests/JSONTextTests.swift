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
}
