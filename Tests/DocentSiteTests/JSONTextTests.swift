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
}
