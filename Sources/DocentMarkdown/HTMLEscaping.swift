/// HTML escaping for text and attribute values, and the percent-encoding cmark applies to link destinations.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (what cmark escapes in text and attributes).
    public static func escape(_ text: String, into out: inout String) {
        var utf8 = text.utf8[...]
        while let index = utf8.firstIndex(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) {
            out += Substring(utf8[..<index])
            switch utf8[index] {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            default: out += "&quot;"
            }
            utf8 = utf8[utf8.index(after: index)...]
        }
        out += Substring(utf8)
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        escape(text, into: &out)
        return out
    }

    /// Escapes a URL for an `href`/`src` attribute: characters not allowed in URLs are percent-encoded, `&` and
    /// `'` become entities; existing `%XX` sequences are kept.
    public static func escapeURL(_ url: String, into out: inout String) {
        for byte in url.utf8 {
            switch byte {
            case 0x26: out += "&amp;"
            case 0x27: out += "&#x27;"
            case _ where isURLSafe(byte): out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%"
                out.unicodeScalars.append(hexDigit(byte >> 4))
                out.unicodeScalars.append(hexDigit(byte & 0xF))
            }
        }
    }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }

    private static func hexDigit(_ value: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(value < 10 ? 0x30 + value : 0x41 + value - 10)
    }
}
