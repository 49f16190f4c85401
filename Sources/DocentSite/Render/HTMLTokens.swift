/// A rendered page read as HTML's lexical pieces, in one pass over its bytes: runs of text, tags (with their name
/// and whether they close), comments and declarations, and the raw text of `script`, `style` and `textarea`
/// (which only their own end tag closes). For the passes that edit a finished page (jemoji, relative URLs, the
/// inline head) and search's reading of HTML (`SearchSections`): Docent's one HTML lexer. No tree is built, and an
/// unclosed tag, comment or quote ends at the end of the page, so every input is one pass.
struct HTMLTokens: Sequence, IteratorProtocol {
    enum Kind: Equatable {
        case text
        /// A start or end tag; `name` is lower case.
        case tag(name: String, closing: Bool)
        /// A comment, a declaration (`<!DOCTYPE …>`) or a processing instruction.
        case markup
        /// The content of a raw-text element (`script`, `style`, `textarea`), up to its end tag.
        case rawText
    }

    struct Token {
        var kind: Kind
        var range: Range<Int>
    }

    static let rawTextElements: Set<String> = ["script", "style", "textarea"]

    let bytes: [UInt8]
    private var index: Int
    private var pendingRawText: String?

    init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        index = start
    }

    mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        let start = index
        if let element = pendingRawText {
            pendingRawText = nil
            index = find("</" + element, from: start, caseInsensitive: true, wholeName: true) ?? bytes.count
            if index > start { return Token(kind: .rawText, range: start..<index) }
            return next()
        }
        guard bytes[start] == UInt8(ascii: "<") else {
            index = start + 1
            while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
            return Token(kind: .text, range: start..<index)
        }
        if hasPrefix("<!--", at: start) {
            index = find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count
            return Token(kind: .markup, range: start..<index)
        }
        var cursor = start + 1
        let closing = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
        if closing { cursor += 1 }
        let nameStart = cursor
        while cursor < bytes.count && Self.isNameByte(bytes[cursor]) { cursor += 1 }
        if cursor == nameStart {
            // `<!DOCTYPE`, `<?xml`, `</ >` end at `>`; a lone `<` (`a < b`) is text.
            let next = start + 1 < bytes.count ? bytes[start + 1] : 0
            if closing || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                index = endOfTag(from: cursor)
                return Token(kind: .markup, range: start..<index)
            }
            index = start + 1
            while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
            return Token(kind: .text, range: start..<index)
        }
        let name = String(decoding: bytes[nameStart..<cursor].map(Self.lowercased), as: UTF8.self)
        index = endOfTag(from: cursor)
        if !closing && Self.rawTextElements.contains(name) && !isSelfClosing(endingAt: index) {
            pendingRawText = name
        }
        return Token(kind: .tag(name: name, closing: closing), range: start..<index)
    }

    /// Whether the tag ending before `end` is written `<…/>`.
    func isSelfClosing(endingAt end: Int) -> Bool {
        end >= 2 && bytes[end - 1] == UInt8(ascii: ">") && bytes[end - 2] == UInt8(ascii: "/")
    }

    /// Where the `<body …>` tag's content starts, when the page has one.
    static func bodyStart(_ bytes: [UInt8]) -> Int? {
        let tokens = HTMLTokens(bytes)
        guard let tag = tokens.find("<body", from: 0, caseInsensitive: true, wholeName: true) else { return nil }
        return tokens.endOfTag(from: tag + 5)
    }

    /// The index after the `>` that ends a tag, quoted attribute values skipped.
    func endOfTag(from start: Int) -> Int {
        var cursor = start
        var quote: UInt8?
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            }
            cursor += 1
        }
        return bytes.count
    }

    func hasPrefix(_ prefix: String, at position: Int) -> Bool {
        let needle = Array(prefix.utf8)
        return position + needle.count <= bytes.count
            && bytes[position..<position + needle.count].elementsEqual(needle)
    }

    /// Where `text` next starts from `start` (as a tag name: not followed by more of a name, when `wholeName`).
    func find(_ text: String, from start: Int, caseInsensitive: Bool = false, wholeName: Bool = false) -> Int? {
        let needle = Array(text.utf8)
        var position = start
        while position + needle.count <= bytes.count {
            var matched = true
            for offset in needle.indices {
                let byte = bytes[position + offset]
                if (caseInsensitive ? Self.lowercased(byte) : byte) != needle[offset] {
                    matched = false
                    break
                }
            }
            let after = position + needle.count
            if matched && !(wholeName && after < bytes.count && Self.isNameByte(bytes[after])) { return position }
            position += 1
        }
        return nil
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
