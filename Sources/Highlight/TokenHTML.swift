/// Tokens written as HTML the way Rouge's formatter writes them: each token that is not plain text in a
/// `<span class="…">`, the text escaped (`&`, `<`, `>`). When lines are marked (highlighted, inserted,
/// deleted), each marked line is wrapped in a span of its own (`hll`, `gi`, `gd`, as Pygments themes style
/// them) and token spans are closed and reopened at line ends so the wrappers nest.
struct TokenHTML {
    var bytes: [UInt8] = []

    /// Room for `capacity` bytes (the code's length and its tags, about three times the code).
    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func writeEscaped(_ text: String.UTF8View) {
        writeEscaped(ArraySlice(text))
    }

    /// Runs without `&`, `<` or `>` are copied whole.
    mutating func writeEscaped(_ text: ArraySlice<UInt8>) {
        var runStart = text.startIndex
        for index in text.indices {
            let entity: String
            switch text[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            default: continue
            }
            bytes.append(contentsOf: text[runStart..<index])
            write(entity)
            runStart = index + 1
        }
        bytes.append(contentsOf: text[runStart...])
    }

    /// Writes `tokens` of `code`; `lineClass` gives a line's wrapper class (1-based), nil for none.
    mutating func write(_ tokens: [Token], of code: [UInt8], lineClass: ((Int) -> String?)? = nil) {
        guard let lineClass else {
            for token in tokens { writeToken(token.kind, code[token.range]) }
            return
        }
        var line = 1
        var lineOpen = false
        func openLine(_ this: inout TokenHTML) {
            if let name = lineClass(line) {
                this.write("<span class=\"\(name)\">")
                lineOpen = true
            }
        }
        openLine(&self)
        for token in tokens {
            var start = token.range.lowerBound
            while start < token.range.upperBound {
                var stop = start
                while stop < token.range.upperBound && code[stop] != 0x0A { stop += 1 }
                if stop > start { writeToken(token.kind, code[start..<stop]) }
                guard stop < token.range.upperBound else { break }
                write("\n")
                if lineOpen { write("</span>") }
                lineOpen = false
                line += 1
                if stop + 1 < code.count { openLine(&self) }
                start = stop + 1
            }
        }
        if lineOpen { write("</span>") }
    }

    private mutating func writeToken(_ kind: TokenKind, _ text: ArraySlice<UInt8>) {
        if kind == .text {
            writeEscaped(text)
        } else {
            write("<span class=\"")
            write(kind.cssClass)
            write("\">")
            writeEscaped(text)
            write("</span>")
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
