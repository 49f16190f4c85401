/// HTML escaping for text and attribute values, and the percent-encoding cmark applies to link destinations
/// (the String face of `HTMLOutput`, which does the work).
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (what cmark escapes in text and attributes).
    public static func escape(_ text: String, into out: inout String) {
        out += escape(text)
    }

    public static func escape(_ text: String) -> String {
        var output = HTMLOutput(capacity: text.utf8.count + 16)
        output.writeEscaped(text)
        return output.string
    }

    /// Escapes a URL for an `href`/`src` attribute: characters not allowed in URLs are percent-encoded, `&` and
    /// `'` become entities; existing `%XX` sequences are kept.
    public static func escapeURL(_ url: String, into out: inout String) {
        var output = HTMLOutput(capacity: url.utf8.count + 16)
        output.writeURL(url)
        out += output.string
    }

    public static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"),
            UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"),
            UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"),
            UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
