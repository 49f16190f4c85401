import DocentMarkdown

/// A small JSON writer for the files Docent emits (search index) and the preview's events, with a stable key order.
public enum JSONText {
    public static func string(_ text: String, into out: inout String) {
        out += "\""
        guard ByteScan.containsByte(in: text, where: needsEscape) else {
            out += text
            out += "\""
            return
        }
        // Escaped into bytes (the same escapes as the byte form), made a String once (appending short pieces to a
        // String costs more than the copy).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        escaped(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
        out += "\""
    }

    /// `text` as a JSON string literal appended to bytes (the same escapes as into a String).
    public static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        escaped(text, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The text's bytes where they are (no copy of the string, so no reference count); a copy when a bridged string
    /// has none.
    private static func escaped(_ text: String, into out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ escaped($0, into: &out) }) == nil {
            var text = text
            text.withUTF8 { escaped($0, into: &out) }
        }
    }

    /// The bytes of a JSON string literal's contents, escaped.
    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none needs escaping (most text), then byte by byte.
            if index + 8 <= bytes.count,
                !mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            guard needsEscape(bytes[index]) else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            let byte = bytes[index]
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22: out.append(UInt8(ascii: "\""))
            case 0x5C: out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            }
            index += 1
            start = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Whether any of eight bytes may need escaping (SWAR: a byte below 0x20, or equal to `"`, `\\` or `<`); never
    /// false when one does (a true may be wrong: the bytes are then looked at one by one).
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte is zero in `x` ⇒ its high bit is set in `(x - ones) & ~x & highs`.
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
            || hasZero(word ^ (ones &* 0x3C))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = ""
        string(text, into: &out)
        return out
    }

    public static func strings(_ items: [String], into out: inout String) {
        out += "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            string(item, into: &out)
        }
        out += "]"
    }
}
