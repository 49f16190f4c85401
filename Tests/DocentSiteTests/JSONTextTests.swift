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

    /// JSON escaping byte by byte, as the writer's eight-bytes-at-a-time scan must give it.
    private static func reference(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x00..<0x20, 0x3C:
                let digits = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Both forms scan eight bytes at a time: an escaped byte is found at every position of a long string, and the
    /// bytes next to the escaped ones (space, `!`, `#`, `;`, `=`, `[`, `]`, DEL, `é`) are left as they are.
    @Test func everyEscapedByteIsFoundWhereverItIsInALongString() {
        let filler = Array("abcdefghij klmnopqrst!#;=[]\u{7F}é".unicodeScalars)
        for special in ["\"", "\\", "<", "\n", "\u{01}", "\u{1F}", " ", "é"] {
            for position in 0..<24 {
                var scalars = filler
                scalars.insert(contentsOf: special.unicodeScalars, at: position)
                let text = String(String.UnicodeScalarView(scalars))
                var bytes: [UInt8] = []
                JSONText.string(text, into: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == Self.reference(text), "\(special) at \(position)")
                #expect(JSONText.quoted(text) == Self.reference(text), "\(special) at \(position)")
            }
        }
    }
}
