import DocentTestSupport
import Testing

@testable import Highlight

/// Every lexer, on seeded random bytes and on random mixes of every language's fragments: it ends, it does
/// not trap, its tokens tile the input, the HTML without its tags is the escaped input, and doubling the input
/// about doubles the work (no lexer rescans).
@Suite(.serialized) struct FuzzTests {
    /// Pieces that open things and never close them, or close what was never opened.
    private static let hostile = [
        "\"", "'", "`", "\"\"\"", "/*", "*/", "<!--", "<", ">", "{", "}", "[", "]", "${", "#{", "\\", "\n", "@", "$",
        "#", "--", "//", "0x", "1e", ".", ":", "- ", "&", ";", "<script>", "</", "é", "\u{1F600}", "\r\n", "\t",
    ]

    @Test(arguments: Language.allCases)
    func randomInputNeverTrapsAndKeepsEveryByte(language: Language) {
        var random = SeededRandom(seed: 19 &+ UInt64(language.rawValue.utf8.count))
        let fragments = Snippets.all.map(\.code) + Self.hostile
        for _ in 0..<150 {
            var code = ""
            for _ in 0..<random.next(upTo: 40) {
                let fragment = random.pick(fragments)
                let cut = random.next(upTo: fragment.count + 1)
                code += random.chance(50) ? String(fragment.prefix(cut)) : fragment
            }
            check(code, language)
            var bytes: [UInt8] = (0..<random.next(upTo: 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.append(contentsOf: random.pick(Self.hostile).utf8)
            check(String(decoding: bytes, as: UTF8.self), language)
        }
    }

    @Test(arguments: Language.allCases)
    func workGrowsLinearly(language: Language) {
        // Inputs built to make a rescanning lexer quadratic: unclosed openers, long lines of small tokens.
        for piece in ["\"", "[", "`", "<", "{", "a: ", "${", "/*", "- [", "@", "x,", "#", "[ [ ]", "*_"] {
            let small = String(repeating: piece + " ", count: 1_000)
            let large = String(repeating: piece + " ", count: 8_000)
            let smallTime = measure { _ = language.tokens(in: small) }
            let largeTime = measure { _ = language.tokens(in: large) }
            // 8× the input: a linear lexer takes about 8× the time; allow 40× for noise on a busy machine.
            #expect(
                largeTime <= max(smallTime, .milliseconds(5)) * 40,
                "\(language) on \(piece.debugDescription): \(smallTime) then \(largeTime)")
        }
    }

    // MARK: - Helpers

    private func check(_ code: String, _ language: Language) {
        let bytes = Array(code.utf8)
        let tokens = language.tokens(in: code)
        var position = 0
        for token in tokens {
            #expect(token.range.lowerBound == position && !token.range.isEmpty)
            position = token.range.upperBound
        }
        #expect(position == bytes.count, "\(language) lost bytes of \(code.debugDescription)")
        let info = CodeBlockInfo(parsing: language.rawValue + " {1,3} showLineNumbers")
        for html in [
            RougeMarkup.fencedBlockContent(code, info: CodeBlockInfo(language: language.rawValue)) ?? "",
            RougeMarkup.fencedBlockContent(code, info: info) ?? "",
        ] {
            #expect(
                Self.stripped(html).suffix(Self.escaped(code).count) == Self.escaped(code),
                "\(language): \(code.debugDescription)")
        }
    }

    /// The fastest of three runs (the machine is shared; the slowest run measures the neighbours).
    private func measure(_ work: () -> Void) -> Duration {
        let clock = ContinuousClock()
        return (0..<3).map { _ in clock.measure(work) }.min() ?? .zero
    }

    /// The text of `html` with its tags removed (and the line-number gutter, which is not the code's text), as
    /// bytes: a token may end between a character and its combining mark.
    static func stripped(_ html: String) -> [UInt8] {
        var html = html
        if let gutter = html.range(of: "<pre class=\"lineno\">"),
            let end = html.range(of: "</pre>", range: gutter.upperBound..<html.endIndex)
        {
            html.removeSubrange(gutter.lowerBound..<end.upperBound)
        }
        var out: [UInt8] = []
        var inTag = false
        for byte in html.utf8 {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") && inTag {
                inTag = false
            } else if !inTag {
                out.append(byte)
            }
        }
        return out
    }

    static func escaped(_ code: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }
}
