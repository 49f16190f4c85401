/// HTML and XML: tags (`nt`), attributes (`na`, values `s`), comments, doctypes and processing instructions
/// (`cp`), entities (`ni`); in HTML, a `<script>` or `<style>` element's content is JavaScript or CSS.
struct MarkupLexer {
    /// HTML's embedded languages; XML has none.
    let embedsScripts: Bool

    func lex(_ lexing: inout Lexing) {
        while !lexing.atEnd {
            let byte = lexing.peek()
            if byte == UInt8(ascii: "&") {
                let stop = lexing.scan(from: lexing.position + 1) { Bytes.isIdentifier($0) || $0 == UInt8(ascii: "#") }
                if stop < lexing.end && lexing.bytes[stop] == UInt8(ascii: ";") && stop > lexing.position + 1 {
                    lexing.emit(.nameEntity, upTo: stop + 1)
                } else {
                    lexing.emitCharacter()
                }
                continue
            }
            guard byte == UInt8(ascii: "<") else {
                var stop = lexing.position + 1
                while stop < lexing.end && lexing.bytes[stop] != UInt8(ascii: "<")
                    && lexing.bytes[stop] != UInt8(ascii: "&")
                {
                    stop += 1
                }
                lexing.emit(.text, upTo: stop)
                continue
            }
            if lexing.scanBlockComment(Self.commentOpen, Self.commentClose, kind: .comment) { continue }
            if lexing.scanBlockComment(Self.cdataOpen, Self.cdataClose, kind: .commentPreproc) { continue }
            let next = lexing.peek(1)
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                lexing.emit(.commentPreproc, upTo: lexing.index(of: UInt8(ascii: ">"), from: lexing.position) + 1)
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = lexing.position + (closing ? 2 : 1)
            guard nameStart < lexing.end, Bytes.isIdentifierStart(lexing.bytes[nameStart]) else {
                lexing.emitCharacter()
                continue
            }
            lexing.emit(.punctuation, upTo: nameStart)
            let nameEnd = lexing.scan(from: nameStart, while: Self.isNameByte)
            let name = lexing.text(nameStart..<nameEnd).lowercased()
            lexing.emit(.nameTag, upTo: nameEnd)
            let selfClosing = lexAttributes(&lexing)
            if !closing && !selfClosing && embedsScripts, let embedded = Self.embedded(name) {
                let close = Array("</\(name)".utf8)
                var stop = lexing.position
                while stop < lexing.end && !startsCaseInsensitive(lexing, close, at: stop) { stop += 1 }
                lexing.embed(upTo: stop, with: embedded)
            }
        }
    }

    /// Attributes up to and including the tag's `>`; true when the tag closes itself (`/>`).
    private func lexAttributes(_ lexing: inout Lexing) -> Bool {
        while !lexing.atEnd {
            let byte = lexing.peek()
            if Bytes.isWhitespace(byte) {
                lexing.emit(.text, upTo: lexing.scan(from: lexing.position, while: Bytes.isWhitespace))
            } else if byte == UInt8(ascii: ">") {
                lexing.emitCharacter(.punctuation)
                return false
            } else if byte == UInt8(ascii: "/") && lexing.peek(1) == UInt8(ascii: ">") {
                lexing.emit(.punctuation, count: 2)
                return true
            } else if byte == UInt8(ascii: "=") {
                lexing.emitCharacter(.operator)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let quote = byte == UInt8(ascii: "\"") ? "\"" : "'"
                lexing.scanString(StringDelimiter(quote, .string, escapes: false, multiline: true))
            } else if byte == UInt8(ascii: "<") {
                return false
            } else if lexing.previous == UInt8(ascii: "=") {
                lexing.emit(
                    .string,
                    upTo: lexing.scan(from: lexing.position) { !Bytes.isWhitespace($0) && $0 != UInt8(ascii: ">") })
            } else {
                lexing.emit(
                    .nameAttribute,
                    upTo: max(lexing.scan(from: lexing.position, while: Self.isNameByte), lexing.position + 1))
            }
        }
        return false
    }

    private func startsCaseInsensitive(_ lexing: Lexing, _ text: [UInt8], at index: Int) -> Bool {
        guard index + text.count <= lexing.end else { return false }
        for offset in 0..<text.count where lexing.bytes[index + offset] | 0x20 != text[offset] | 0x20 { return false }
        return true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        Bytes.isIdentifier(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static func embedded(_ name: String) -> ((inout Lexing) -> Void)? {
        switch name {
        case "script": CodeLexer(language: .javascript).lex
        case "style": StyleLexer(scss: false).lex
        default: nil
        }
    }
}
