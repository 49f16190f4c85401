/// The pieces of markup Ruby Liquid's lax parser finds with regular expressions (`QuotedFragment`,
/// `TagAttributes`, `VariableParser`), found here by scanning bytes once: every scan is linear in the markup.
struct LaxMarkup {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    var count: Int { bytes.count }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Ruby's `\s`.
    static func isRubySpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Ruby's `\w` (ASCII letters, digits, `_`).
    static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F
    }

    static func isQuote(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x27 }

    /// The end of a quoted string `"…"` or `'…'` starting at `start`, or nil when it is not closed.
    func quotedStringEnd(at start: Int) -> Int? {
        guard start < count, LaxMarkup.isQuote(bytes[start]) else { return nil }
        var at = start + 1
        while at < count {
            if bytes[at] == bytes[start] { return at + 1 }
            at += 1
        }
        return nil
    }

    /// `QuotedFragment` anchored at `start`: a quoted string, or a run of characters other than whitespace, `,`, `|`
    /// and quotes, with closed quoted strings inside it.
    func quotedFragmentEnd(at start: Int) -> Int? {
        guard start < count else { return nil }
        if let end = quotedStringEnd(at: start) { return end }
        var at = start
        while at < count {
            let byte = bytes[at]
            if LaxMarkup.isQuote(byte) {
                guard let end = quotedStringEnd(at: at) else { break }
                at = end
            } else if LaxMarkup.isRubySpace(byte) || byte == 0x2C || byte == 0x7C {
                break
            } else {
                at += 1
            }
        }
        return at > start ? at : nil
    }

    /// The first `QuotedFragment` at or after `start` (an unanchored search).
    func firstQuotedFragment(from start: Int) -> Range<Int>? {
        var at = start
        while at < count {
            if let end = quotedFragmentEnd(at: at) { return at..<end }
            at += 1
        }
        return nil
    }

    func skippingSpaces(from start: Int) -> Int {
        var at = start
        while at < count, LaxMarkup.isRubySpace(bytes[at]) { at += 1 }
        return at
    }

    /// `(\w[\w-]*)\s*:\s*(QuotedFragment)` anchored at `start`: the key and the value's range.
    func tagAttribute(at start: Int) -> (key: String, value: Range<Int>)? {
        guard start < count, LaxMarkup.isWord(bytes[start]) else { return nil }
        var at = start + 1
        while at < count, LaxMarkup.isWord(bytes[at]) || bytes[at] == 0x2D { at += 1 }
        let key = text(start..<at)
        at = skippingSpaces(from: at)
        guard at < count, bytes[at] == 0x3A else { return nil }
        at = skippingSpaces(from: at + 1)
        guard let end = quotedFragmentEnd(at: at) else { return nil }
        return (key, at..<end)
    }

    /// Every `TagAttributes` match (`key: value`) in the markup, as Ruby's `scan`.
    func tagAttributes() -> [(key: String, value: String)] {
        var result: [(String, String)] = []
        var at = 0
        while at < count {
            guard LaxMarkup.isWord(bytes[at]) else {
                at += 1
                continue
            }
            if let attribute = tagAttribute(at: at) {
                result.append((attribute.key, text(attribute.value)))
                at = attribute.value.upperBound
                continue
            }
            // A key starting later in the same word is followed by the same text, so it fails too.
            while at < count, LaxMarkup.isWord(bytes[at]) || bytes[at] == 0x2D { at += 1 }
        }
        return result
    }

    /// For each `[`, the index of its matching `]` (balanced), or nil: `\[(?>[^\[\]]+|\g<0>)*\]`.
    func matchingBrackets() -> [Int: Int] {
        var matches: [Int: Int] = [:]
        var open: [Int] = []
        for (index, byte) in bytes.enumerated() {
            if byte == 0x5B {
                open.append(index)
            } else if byte == 0x5D, let start = open.popLast() {
                matches[start] = index
            }
        }
        return matches
    }

    /// `VariableParser`'s scan: `[…]` (balanced) or `[\w-]+\??`; anything else is skipped.
    func variableSegments() -> [String] {
        let brackets = matchingBrackets()
        var segments: [String] = []
        var at = 0
        while at < count {
            let byte = bytes[at]
            if byte == 0x5B, let close = brackets[at] {
                segments.append(text(at..<close + 1))
                at = close + 1
            } else if LaxMarkup.isWord(byte) || byte == 0x2D {
                let start = at
                while at < count, LaxMarkup.isWord(bytes[at]) || bytes[at] == 0x2D { at += 1 }
                if at < count, bytes[at] == 0x3F { at += 1 }
                segments.append(text(start..<at))
            } else {
                at += 1
            }
        }
        return segments
    }
}
