/// CSS and SCSS: selectors (`nt` elements, `nc` classes, `nn` ids, `nd` pseudo-classes), at-rules (`k`),
/// properties (`py`), values (numbers with their units, `mh` colours, strings, `nf` functions), SCSS's `$`
/// variables and `//` comments. Whether a statement is a selector or a declaration is decided by what ends it
/// first, `{` or `;`.
struct StyleLexer {
    let scss: Bool

    private enum Mode { case statementStart, selector, property, value }

    func lex(_ lexing: inout Lexing) {
        var mode = Mode.statementStart
        var depth = 0
        while !lexing.atEnd {
            let byte = lexing.peek()
            if Bytes.isWhitespace(byte) {
                lexing.emit(.text, upTo: lexing.scan(from: lexing.position, while: Bytes.isWhitespace))
                continue
            }
            if lexing.scanBlockComment(Self.blockOpen, Self.blockClose) { continue }
            if scss && mode != .value && lexing.scanLineComment(Self.lineMarker) { continue }
            if lexing.scanString(.double) || lexing.scanString(.single) { continue }
            switch byte {
            case UInt8(ascii: "{"):
                lexing.emitCharacter(.punctuation)
                depth += 1
                mode = .statementStart
                continue
            case UInt8(ascii: "}"), UInt8(ascii: ";"):
                lexing.emitCharacter(.punctuation)
                if byte == UInt8(ascii: "}") { depth = max(0, depth - 1) }
                mode = .statementStart
                continue
            case UInt8(ascii: "@"):
                lexing.emit(.keyword, upTo: lexing.scan(from: lexing.position + 1, while: Self.isNameByte))
                mode = .selector
                continue
            case UInt8(ascii: "$") where scss:
                lexing.emit(.nameVariable, upTo: lexing.scan(from: lexing.position + 1, while: Self.isNameByte))
                if mode == .statementStart { mode = .property }  // `$accent: #0b5cad;`
                continue
            default: break
            }
            if mode == .statementStart {
                mode = depth > 0 && isDeclaration(lexing) ? .property : .selector
            }
            switch mode {
            case .statementStart, .selector: lexSelector(&lexing)
            case .property:
                if byte == UInt8(ascii: ":") {
                    lexing.emitCharacter(.punctuation)
                    mode = .value
                } else if Self.isNameByte(byte) {
                    lexing.emit(.nameProperty, upTo: lexing.scan(from: lexing.position, while: Self.isNameByte))
                } else {
                    lexing.emitCharacter(.punctuation)
                }
            case .value: lexValue(&lexing)
            }
        }
    }

    // MARK: - Helpers

    /// True when the statement at `position` reaches `;` or `}` before `{` (a declaration, not a nested rule).
    private func isDeclaration(_ lexing: Lexing) -> Bool {
        var cursor = lexing.position
        while cursor < lexing.end {
            switch lexing.bytes[cursor] {
            case UInt8(ascii: "{") where lexing.bytes[cursor - 1] == UInt8(ascii: "#"):  // SCSS's #{interpolation}
                cursor = lexing.index(of: UInt8(ascii: "}"), from: cursor) + 1
            case UInt8(ascii: "{"): return false
            case UInt8(ascii: ";"), UInt8(ascii: "}"): return true
            default: cursor += 1
            }
        }
        return true
    }

    private func lexSelector(_ lexing: inout Lexing) {
        let byte = lexing.peek()
        let next = lexing.peek(1)
        if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "#")) && Self.isNameByte(next) {
            let kind: TokenKind = byte == UInt8(ascii: ".") ? .nameClass : .nameNamespace
            lexing.emit(kind, upTo: lexing.scan(from: lexing.position + 1, while: Self.isNameByte))
        } else if byte == UInt8(ascii: ":") {
            let start = next == UInt8(ascii: ":") ? lexing.position + 2 : lexing.position + 1
            lexing.emit(
                .nameDecorator, upTo: max(lexing.scan(from: start, while: Self.isNameByte), lexing.position + 1))
        } else if byte == UInt8(ascii: "[") {
            lexing.emit(.nameAttribute, upTo: lexing.index(of: UInt8(ascii: "]"), from: lexing.position) + 1)
        } else if Self.isNameByte(byte) {
            lexing.emit(.nameTag, upTo: lexing.scan(from: lexing.position, while: Self.isNameByte))
        } else if Bytes.isOperator(byte) {
            lexing.emitCharacter(.operator)
        } else {
            lexing.emitCharacter(.punctuation)
        }
    }

    private func lexValue(_ lexing: inout Lexing) {
        let byte = lexing.peek()
        if byte == UInt8(ascii: "#") && Bytes.isHexDigit(lexing.peek(1)) {
            lexing.emit(.numberHex, upTo: lexing.scan(from: lexing.position + 1, while: Bytes.isHexDigit))
        } else if byte == UInt8(ascii: "!") && Bytes.isLetter(lexing.peek(1)) {
            lexing.emit(.keyword, upTo: lexing.scan(from: lexing.position + 1, while: Self.isNameByte))
        } else if lexing.scanNumber() {
            return
        } else if Self.isNameByte(byte) && !Bytes.isDigit(byte) {
            let stop = lexing.scan(from: lexing.position, while: Self.isNameByte)
            let isFunction = stop < lexing.end && lexing.bytes[stop] == UInt8(ascii: "(")
            lexing.emit(isFunction ? .nameFunction : .nameBuiltin, upTo: stop)
        } else if Bytes.isOperator(byte) {
            lexing.emitCharacter(.operator)
        } else {
            lexing.emitCharacter(.punctuation)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool { Bytes.isIdentifier(byte) || byte == UInt8(ascii: "-") }

    private static let blockOpen = Array("/*".utf8)
    private static let blockClose = Array("*/".utf8)
    private static let lineMarker = Array("//".utf8)
}
