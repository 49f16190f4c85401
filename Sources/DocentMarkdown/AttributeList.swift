/// kramdown inline attribute lists as Jekyll sites write them: `{:.info}`, `{: .a .b}`, `{:#id}`,
/// `{: key="value"}`, and the header-id form `{#id}` at the end of a heading.
public enum AttributeList {
    /// Parses a whole IAL such as `{: .warning #top data-x="1"}`; nil when the text is not one.
    public static func parse<S: StringProtocol>(_ text: S) -> BlockAttributes? {
        var bytes = Substring(text).utf8[...]
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return nil }
        var inner = bytes.dropFirst().dropLast()
        if inner.first == UInt8(ascii: ":") {
            inner = inner.dropFirst()
        } else if inner.first != UInt8(ascii: "#") {
            return nil
        }
        return parseItems(Substring(inner))
    }

    private static func parseItems(_ text: Substring) -> BlockAttributes? {
        var attributes = BlockAttributes()
        var rest = text[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { break }
            if first == "." || first == "#" {
                let name = rest.dropFirst().prefix { isNameCharacter($0) }
                guard !name.isEmpty else { return nil }
                if first == "." { attributes.classes.append(String(name)) } else { attributes.id = String(name) }
                rest = rest.dropFirst(1 + name.count)
            } else if isNameCharacter(first) {
                let name = rest.prefix { isNameCharacter($0) }
                rest = rest.dropFirst(name.count)
                guard rest.first == "=" else {
                    // A bare word names an attribute list definition; Docent has none, so it is ignored.
                    continue
                }
                rest = rest.dropFirst()
                let value: Substring
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let body = rest.dropFirst()
                    guard let close = body.firstIndex(of: quote) else { return nil }
                    value = body[..<close]
                    rest = body[body.index(after: close)...]
                } else {
                    value = rest.prefix { $0 != " " && $0 != "\t" }
                    rest = rest.dropFirst(value.count)
                }
                attributes.pairs.append(.init(name: String(name), value: String(value)))
            } else {
                return nil
            }
        }
        return attributes.isEmpty ? nil : attributes
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == ":"
    }
}
