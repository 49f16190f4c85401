import DocentTestSupport
import Testing

@testable import DocentSite

@Suite struct SearchPageReaderTests {
    /// A section's snippet text is its text with runs of spaces, tabs and line breaks collapsed to one space, cut
    /// near `snippetSourceLength` bytes at a space with "…": the same whether its bytes are copied eight at a time
    /// or one by one (texts of single and double spaces, line breaks, tabs, other control bytes and multi-byte
    /// characters, read in fragments of every length, the fragments' edges anywhere).
    @Test func snippetTextIsTheCollapsedText() {
        let pieces = [
            "word", "a", " ", "  ", "\n", "\t", "\r\n", "longerword", "é", "日本語", "\u{01}", "x y", "-", "   \n  ",
            "snake_case", "Capital",
        ]
        var generator = SeededRandom(seed: 7)
        for round in 0..<400 {
            let count = Int(generator.next() % 120)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let fragment = 1 + round % 23
            var reader = SearchPageReader()
            reader.startSection(anchor: "a", heading: "A")
            var rest = Substring(text)
            while !rest.isEmpty {
                let head = rest.prefix(fragment)
                reader.text(String(head))
                rest = rest.dropFirst(head.count)
            }
            let sections = reader.finish().sections
            #expect(sections[1].text == Self.snippet(Array(text.utf8)), "text \(text.debugDescription)")
        }
    }

    /// The snippet of `bytes` byte by byte, as `SearchPageReader` made it before it copied eight bytes at a time.
    private static func snippet(_ bytes: [UInt8]) -> String {
        let limit = SearchDocument.snippetSourceLength
        var out: [UInt8] = []
        var (pendingSpace, isFull) = (false, false)
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(byte)
            if out.count >= limit && (byte < 0x80 || out.count >= limit + 16) {
                isFull = true
                break
            }
        }
        var text = out[...]
        if isFull, let space = text.lastIndex(of: 0x20) { text = text[..<space] + "…".utf8 }
        return String(decoding: text, as: UTF8.self)
    }
}
