/// How a walkthrough compares the words of a guide with the words on a screen, byte by byte (so the rule needs
/// none of the standard library's Unicode tables in the WebAssembly build): letters lowercased (ASCII and Latin-1),
/// runs of spaces, tabs and newlines collapsed to one space, surrounding spaces and trailing punctuation
/// (`.,:;!?`) removed. `**Upgrade.**`, `upgrade` and ` Upgrade ` are the same label.
public enum WalkthroughText {
    @inline(never)
    public static func normalized(_ text: String) -> String {
        var result: [UInt8] = []
        var pendingSpace = false
        var latin1Lead = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !result.isEmpty
                latin1Lead = false
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            var folded = byte
            if byte >= 0x41 && byte <= 0x5A {
                folded = byte + 32
            } else if latin1Lead, byte >= 0x80, byte <= 0x9E, byte != 0x97 {
                folded = byte + 32  // À–Þ (but ×) after 0xC3
            }
            latin1Lead = byte == 0xC3
            result.append(folded)
        }
        while let last = result.last, isTrailingPunctuation(last) {
            result.removeLast()
            while let space = result.last, space == 0x20 { result.removeLast() }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The same words: equal once both are normalized.
    @inline(never)
    public static func same(_ lhs: String, _ rhs: String) -> Bool { equal(normalized(lhs), normalized(rhs)) }

    /// The same UTF-8 bytes (the standard `==` would normalize Unicode, which needs its data tables).
    @inline(never)
    public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while let byte = left.next() {
            guard let other = right.next(), other == byte else { return false }
        }
        return right.next() == nil
    }

    /// Both nil, or both strings with the same UTF-8 bytes.
    public static func equal(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (let lhs?, let rhs?): return equal(lhs, rhs)
        case (.none, .none): return true
        default: return false
        }
    }

    static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x2C || byte == 0x3A || byte == 0x3B || byte == 0x21 || byte == 0x3F
    }
}
