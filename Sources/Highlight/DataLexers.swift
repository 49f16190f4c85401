/// The data and configuration formats: JSON (keys `nl`, as Rouge marks them), YAML (keys `na`, indicators
/// `pi`, plain scalars `s`), TOML and INI (sections `nn`, keys `na`). Values share one scanner.
enum DataLexers {
    static func json(_ lexing: inout Lexing) {
        while !lexing.atEnd {
            let byte = lexing.peek()
            if Bytes.isWhitespace(byte) {
                lexing.emit(.whitespace, upTo: lexing.scan(from: lexing.position, while: Bytes.isWhitespace))
            } else if byte == UInt8(ascii: "\"") {
                let stop = lexing.stringEnd(.double) ?? lexing.end
                let after = lexing.scan(from: stop, while: Bytes.isWhitespace)
                let isKey = after < lexing.end && lexing.bytes[after] == UInt8(ascii: ":")
                lexing.emit(isKey ? .nameLabel : .stringDouble, upTo: stop)
            } else if lexing.scanLineComment(Self.slashes) || lexing.scanBlockComment(Self.blockOpen, Self.blockClose) {
                continue
            } else {
                value(&lexing)
            }
        }
    }

    static func yaml(_ lexing: inout Lexing) {
        var lineEnd = -1
        // A key may start a line, follow `- `, `{` or `,`; looking for one anywhere else would rescan the line.
        var keyAllowed = true
        while !lexing.atEnd {
            lexing.skipSpaces()
            if lexing.atEnd { break }
            let byte = lexing.peek()
            if byte == 0x0A {
                lexing.emitCharacter()
                keyAllowed = true
                continue
            }
            if lexing.position > lineEnd { lineEnd = lexing.lineEnd }
            if byte == UInt8(ascii: "#") {
                lexing.emit(.commentSingle, upTo: lineEnd)
                continue
            }
            if lexing.starts(with: Self.documentStart) || lexing.starts(with: Self.documentEnd) {
                lexing.emit(.punctuationIndicator, upTo: lineEnd)
                continue
            }
            if byte == UInt8(ascii: "-")
                && (lexing.peek(1) == UInt8(ascii: " ") || lexing.peek(1) == 0x0A || lexing.position + 1 == lexing.end)
            {
                lexing.emitCharacter(.punctuationIndicator)
                keyAllowed = true
                continue
            }
            if keyAllowed, let colon = keyColon(lexing, lineEnd: lineEnd) {
                lexing.emit(.nameAttribute, upTo: colon)
                lexing.emitCharacter(.punctuationIndicator)
                keyAllowed = false
                continue
            }
            keyAllowed = byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",")
            yamlValue(&lexing, lineEnd: lineEnd)
        }
    }

    /// TOML and INI: `[section]` lines, `key = value` (INI also `key: value`), `#` and `;` comments.
    static func keyValue(_ lexing: inout Lexing) {
        while !lexing.atEnd {
            lexing.skipSpaces()
            if lexing.atEnd { break }
            let byte = lexing.peek()
            let lineEnd = lexing.lineEnd
            switch byte {
            case 0x0A:
                lexing.emitCharacter()
            case UInt8(ascii: "#"), UInt8(ascii: ";"):
                lexing.emit(.commentSingle, upTo: lineEnd)
            case UInt8(ascii: "["):
                lexing.emit(.nameNamespace, upTo: lineEnd)
            default:
                var separator = lexing.position
                while separator < lineEnd && lexing.bytes[separator] != UInt8(ascii: "=")
                    && lexing.bytes[separator] != UInt8(ascii: ":")
                {
                    separator += 1
                }
                guard separator < lineEnd else {
                    lexing.emit(.text, upTo: lineEnd)
                    continue
                }
                var keyEnd = separator
                while keyEnd > lexing.position && Bytes.isSpace(lexing.bytes[keyEnd - 1]) { keyEnd -= 1 }
                lexing.emit(.nameAttribute, upTo: keyEnd)
                lexing.skipSpaces()
                lexing.emitCharacter(.operator)
                while !lexing.atEnd && lexing.peek() != 0x0A {
                    if lexing.scanLineComment(Self.hash) { break }
                    value(&lexing)
                }
            }
        }
    }

    // MARK: - Values

    /// One value token: a string, a number, `true`/`false`/`null`, punctuation, or a bare word as text.
    private static func value(_ lexing: inout Lexing) {
        let byte = lexing.peek()
        if Bytes.isSpace(byte) {
            lexing.skipSpaces()
        } else if lexing.scanString(Self.tripleDouble) || lexing.scanString(.double) || lexing.scanString(Self.literal)
        {
            return
        } else if byte == UInt8(ascii: "-") && Bytes.isDigit(lexing.peek(1)) {
            lexing.emitCharacter(.numberInteger)
            lexing.scanNumber()
        } else if lexing.scanNumber() {
            return
        } else if Bytes.isIdentifierStart(byte) {
            let end = lexing.scan(from: lexing.position) { Bytes.isIdentifier($0) || $0 == UInt8(ascii: "-") }
            let word = lexing.text(lexing.position..<end)
            lexing.emit(Self.constants.contains(word) ? .keywordConstant : .text, upTo: end)
        } else if Bytes.isPunctuation(byte) || byte == UInt8(ascii: "=") {
            lexing.emitCharacter(.punctuation)
        } else {
            lexing.emitCharacter()
        }
    }

    /// The `:` ending a YAML key on this line (`key: value`, `"quoted key": value`), if the line has one.
    private static func keyColon(_ lexing: Lexing, lineEnd: Int) -> Int? {
        var cursor = lexing.position
        let quote = lexing.peek()
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            cursor = lexing.index(of: quote, from: cursor + 1, before: lineEnd) + 1
        }
        while cursor < lineEnd {
            let byte = lexing.bytes[cursor]
            if byte == UInt8(ascii: ":") && (cursor + 1 == lineEnd || Bytes.isSpace(lexing.bytes[cursor + 1])) {
                return cursor > lexing.position ? cursor : nil
            }
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
            {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    /// A YAML value to the end of its line: quoted strings, numbers and constants alone, flow collections,
    /// block scalar indicators, anchors and aliases; anything else a plain scalar (`s`).
    private static func yamlValue(_ lexing: inout Lexing, lineEnd: Int) {
        let byte = lexing.peek()
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            lexing.scanString(byte == UInt8(ascii: "\"") ? .double : Self.literal)
            return
        }
        if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">") {
            lexing.emit(.punctuationIndicator, upTo: lexing.scan(from: lexing.position) { !Bytes.isWhitespace($0) })
            return
        }
        if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*") {
            lexing.emit(.nameLabel, upTo: lexing.scan(from: lexing.position) { !Bytes.isWhitespace($0) })
            return
        }
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: ",")
        {
            lexing.emitCharacter(.punctuationIndicator)
            return
        }
        var stop = lexing.position
        while stop < lineEnd {
            let current = lexing.bytes[stop]
            if current == UInt8(ascii: "#") && stop > lexing.position && Bytes.isSpace(lexing.bytes[stop - 1]) { break }
            if current == UInt8(ascii: ",") || current == UInt8(ascii: "]") || current == UInt8(ascii: "}") { break }
            stop += 1
        }
        while stop > lexing.position && Bytes.isSpace(lexing.bytes[stop - 1]) { stop -= 1 }
        let word = lexing.text(lexing.position..<stop)
        if Self.constants.contains(word) || Self.yamlConstants.contains(word) {
            lexing.emit(.keywordConstant, upTo: stop)
        } else if let kind = Self.numberKind(word) {
            lexing.emit(kind, upTo: stop)
        } else {
            lexing.emit(.string, upTo: max(stop, lexing.position + 1))
        }
    }

    /// `42`, `-7` (`mi`); `3.5`, `1e3` (`mf`); nil for anything else (`2024-01-01` is a string).
    private static func numberKind(_ word: String) -> TokenKind? {
        let digits = word.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        guard let first = digits.first, Bytes.isDigit(first), digits.count + 1 >= word.utf8.count else { return nil }
        if digits.allSatisfy(Bytes.isDigit) { return .numberInteger }
        let isFloat = digits.allSatisfy {
            Bytes.isDigit($0) || $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e")
        }
        return isFloat && Double(word) != nil ? .numberFloat : nil
    }

    private static let constants: Set<String> = ["true", "false", "null"]
    private static let yamlConstants: Set<String> = [
        "True", "False", "TRUE", "FALSE", "yes", "no", "on", "off", "~", "Null", "NULL",
    ]
    private static let slashes = Array("//".utf8)
    private static let hash = Array("#".utf8)
    private static let blockOpen = Array("/*".utf8)
    private static let blockClose = Array("*/".utf8)
    private static let documentStart = Array("---".utf8)
    private static let documentEnd = Array("...".utf8)
    private static let tripleDouble = StringDelimiter("\"\"\"", .stringDouble, multiline: true)
    /// A single-quoted string with no escapes (YAML, TOML's literal strings).
    private static let literal = StringDelimiter("'", .stringSingle, escapes: false)
}
