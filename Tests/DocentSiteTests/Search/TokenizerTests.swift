import DocentSite
import Testing

@Suite struct TokenizerTests {
    /// The tokenizer reads eight bytes at a time while they are lowercase letters and digits: a word ends at the same
    /// byte wherever it falls in those steps, at each byte next to the ranges' bounds (`/ : @ [ \` { DEL`), at a
    /// capital, a letter of another script, a typographic quote and a no-break space. Checked against the words found
    /// one character at a time.
    @Test func wordsEndAtTheSameByteWhereverTheyFallInTheEightByteSteps() {
        let pieces = [
            "a", "z", "0", "9", "m", "/", ":", "@", "[", "`", "{", "\u{7F}", "A", "Z", "é", "’", "\u{A0}", "日", " ",
            "abcdefgh", "x1y2z3w4v5",
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(1 + Int(seed % 12)) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((seed >> 33) % UInt64(pieces.count))]
            }
            #expect(Tokenizer.words(in: text) == Self.words(in: text), "\(text.debugDescription)")
        }
    }

    /// The words of `text` one character at a time, as the tokenizer's documentation says.
    private static func words(in text: String) -> [String] {
        var words: [String] = []
        var word = ""
        func end() {
            if word.utf8.count >= 2 && word.utf8.count <= Tokenizer.maxWordLength { words.append(word) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isASCIIWord =
                (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
            let isOtherScript = value >= 0x80 && value != 0xA0 && !(0x2000...0x203F).contains(value)
            if isASCIIWord || isOtherScript {
                word.unicodeScalars.append(isASCIIWord ? Unicode.Scalar(UInt8(value) | 0x20) : scalar)
            } else {
                end()
            }
        }
        end()
        return words
    }
}
