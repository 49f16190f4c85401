/// A small JSON writer for the files Docent emits (search index) and the preview's events, with a stable key order.
public enum JSONText {
    public static func string(_ text: String, into out: inout String) {
        out += "\""
        if !text.utf8.contains(where: needsEscape) {
            out += text
            out += "\""
            return
        }
        var utf8 = text.utf8[...]
        while let index = utf8.firstIndex(where: needsEscape) {
            out += Substring(utf8[..<index])
            switch utf8[index] {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x3C: out += "\\u003c"
            case let byte:
                let hex = String(byte, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            utf8 = utf8[utf8.index(after: index)...]
        }
        out += Substring(utf8)
        out += "\""
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
