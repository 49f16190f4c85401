/// Reads the text of a piece of HTML by section, for the pages search reads as HTML (a page that is not Markdown)
/// and the HTML blocks of Markdown pages (an HTML include's output): everything a reader sees in `<main>` (the
/// whole text when there is none); navigation, scripts, forms and elements marked `data-search-ignore` do not
/// count. `<h1>`–`<h6>` start a section, as does the `<summary>` of a `<details>` with an id.
public enum SearchSections {
    public static func read(html: String) -> [SearchSection] {
        var reader = Reader()
        reader.read(region(of: Array(html.utf8)))
        return reader.finish()
    }

    /// The bytes of `<main>…</main>`, or of the whole page when it has no main element.
    private static func region(of bytes: [UInt8]) -> [UInt8] {
        let tokens = HTMLTokens(bytes)
        guard let start = tokens.find("<main", from: 0) else { return bytes }
        let end = tokens.find("</main>", from: start) ?? bytes.count
        return Array(bytes[start..<end])
    }
}

// MARK: - Reading

private struct Reader {
    var sections: [SearchSection] = [SearchSection(anchor: "", heading: "", text: "")]
    var text: [UInt8] = []
    var heading: [UInt8] = []
    /// The heading or summary element being read, by tag name.
    var headingTag: UInt64?
    /// The open element whose contents are skipped, and how deep inside it the reader is.
    var skipping: (tag: UInt64, depth: Int)?
    var detailsID: String?

    /// A tag name (its first eight bytes, lowercase) as one number.
    static func key(_ name: String) -> UInt64 {
        name.utf8.prefix(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }

    static let skipped: Set<UInt64> = Set(
        ["nav", "script", "style", "template", "noscript", "form", "svg", "button", "select"].map(key))
    static let headings: Set<UInt64> = Set(["h1", "h2", "h3", "h4", "h5", "h6"].map(key))
    static let inline: Set<UInt64> = Set(
        [
            "a", "span", "em", "strong", "code", "b", "i", "mark", "kbd", "abbr", "sub", "sup", "small", "s", "del",
            "ins",
        ]
        .map(key))
    static let void: Set<UInt64> = Set(["br", "img", "input", "hr", "meta", "link", "wbr", "source"].map(key))
    static let h1 = key("h1")
    static let details = key("details")
    static let summary = key("summary")
    static let ignoreMarker = Array("data-search-ignore".utf8)

    /// Reads HTML by its lexical pieces (`HTMLTokens`, the lexer the page-editing passes use): text (its entities
    /// decoded), start and end tags, raw text (`script`, `style`, `textarea`: text unless an element being
    /// skipped holds it); comments and declarations are not text.
    mutating func read(_ html: [UInt8]) {
        var tokens = HTMLTokens(html)
        html.withUnsafeBufferPointer { bytes in
            while let token = tokens.next() { read(token, in: bytes) }
        }
    }

    private mutating func read(_ token: HTMLTokens.Token, in bytes: UnsafeBufferPointer<UInt8>) {
        switch token.kind {
        case .text, .rawText:
            if skipping == nil { readText(UnsafeBufferPointer(rebasing: bytes[token.range])) }
        case .tag(let name, let closing):
            if closing {
                close(Self.key(name))
                return
            }
            // The attributes: after `<` and the name, before the `>` that ends the tag (when the page has one).
            let start = min(token.range.lowerBound + 1 + name.utf8.count, token.range.upperBound)
            var end = token.range.upperBound
            if end > start && bytes[end - 1] == UInt8(ascii: ">") { end -= 1 }
            open(Self.key(name), attributes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        case .markup:
            break
        }
    }

    /// A run of text: appended as it is, each entity decoded.
    mutating func readText(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") {
                index = entity(bytes, at: index)
                continue
            }
            var end = index + 1
            while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
            append(UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end
        }
    }

    mutating func append(_ byte: UInt8) {
        if headingTag != nil { heading.append(byte) } else { text.append(byte) }
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        if headingTag != nil { heading.append(contentsOf: bytes) } else { text.append(contentsOf: bytes) }
    }

    mutating func finish() -> [SearchSection] {
        closeSection()
        return sections.filter { !$0.text.isEmpty || !$0.heading.isEmpty }
    }

    mutating func closeSection() {
        sections[sections.count - 1].text = Self.collapsed(text)
        text.removeAll(keepingCapacity: true)
    }

    static func collapsed(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func open(_ name: UInt64, attributes: UnsafeBufferPointer<UInt8>) {
        if var skip = skipping {
            if skip.tag == name { skip.depth += 1 }
            skipping = skip
            return
        }
        if Self.skipped.contains(name) || Self.contains(Self.ignoreMarker, in: attributes) {
            if !Self.void.contains(name) { skipping = (name, 1) }
            return
        }
        if name == Self.details {
            detailsID = Self.attribute("id", in: attributes)
        }
        if headingTag == nil {
            let id: String?
            if Self.headings.contains(name) {
                id = name == Self.h1 ? "" : Self.attribute("id", in: attributes)
            } else if name == Self.summary {
                id = detailsID
            } else {
                id = nil
            }
            if let id {
                closeSection()
                headingTag = name
                sections.append(SearchSection(anchor: id, heading: "", text: ""))
                return
            }
        }
        if !Self.inline.contains(name) { append(0x20) }
    }

    mutating func close(_ name: UInt64) {
        if var skip = skipping {
            if skip.tag == name { skip.depth -= 1 }
            skipping = skip.depth == 0 ? nil : skip
            return
        }
        if headingTag == name {
            headingTag = nil
            sections[sections.count - 1].heading = Self.collapsed(heading)
            heading.removeAll(keepingCapacity: true)
            return
        }
        if !Self.inline.contains(name) { append(0x20) }
    }

    static func contains(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= bytes.count else { return false }
        var start = 0
        while start <= bytes.count - needle.count {
            if bytes[start] | 0x20 == needle[0] {
                var offset = 1
                while offset < needle.count && bytes[start + offset] | 0x20 == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// The value of `name="…"` among a tag's attributes.
    static func attribute(_ name: String, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        for quote in ["\"", "'"] {
            guard let range = text.range(of: " \(name)=\(quote)") else { continue }
            let rest = text[range.upperBound...]
            guard let end = rest.firstIndex(of: Character(quote)) else { return nil }
            return Self.decoded(String(rest[..<end]))
        }
        return nil
    }

    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var reader = Reader()
        var copy = text
        copy.withUTF8 { reader.readText($0) }
        return collapsed(reader.text)
    }

    /// Appends the character an entity stands for; returns the index after it.
    mutating func entity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var end = start + 1
        while end < bytes.count, end - start < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            append(UInt8(ascii: "&"))
            return start + 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        if let scalar = Self.scalar(forEntity: name) {
            append(String(Character(scalar)).utf8)
        } else {
            append(UnsafeBufferPointer(rebasing: bytes[start...end]))
        }
        return end + 1
    }

    static func scalar(forEntity name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
