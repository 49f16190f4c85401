/// Text from a site shown on a terminal: control characters other than tab (an escape sequence that clears the
/// screen or retitles the window, a bell, a carriage return that hides what came before) as Unicode's control
/// pictures (U+2400…; ␡ for DEL), one visible character each.
public enum ControlCharacters {
    public static func visible<Text: StringProtocol>(_ text: Text) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(scalar)
            case 0..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
