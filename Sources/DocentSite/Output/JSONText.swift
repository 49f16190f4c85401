/// A small JSON writer for the files Docent emits (search index), with a stable key order.
enum JSONText {
    static func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func strings(_ items: [String], into out: inout String) {
        out += "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            string(item, into: &out)
        }
        out += "]"
    }
}
