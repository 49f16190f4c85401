/// Tokens inside `{{ }}` and tag markup.
enum ExpressionToken: Equatable {
    case identifier(String)
    case string(String)
    case integer(Int)
    case float(Double)
    case comparison(String)
    case dot, dotDot, openSquare, closeSquare, openParen, closeParen, pipe, colon, comma, equals, question
    case end
}

/// Splits markup into expression tokens. Unknown characters are a syntax error.
func tokenizeExpression(_ markup: String, at location: LiquidLocation) throws(LiquidError) -> [ExpressionToken] {
    var tokens: [ExpressionToken] = []
    let b = Array(markup.utf8)
    var i = 0
    let n = b.count
    func text(_ s: Int, _ e: Int) -> String { String(decoding: b[s..<e], as: UTF8.self) }
    while i < n {
        let c = b[i]
        if isSpace(c) {
            i += 1
            continue
        }
        switch c {
        case 0x27, 0x22:  // ' "
            var j = i + 1
            while j < n && b[j] != c { j += 1 }
            guard j < n else {
                throw LiquidError.syntax(
                    "Unexpected character \(Character(Unicode.Scalar(c))) in \"\(markup)\" (unterminated string)",
                    at: location)
            }
            tokens.append(.string(text(i + 1, j)))
            i = j + 1
        case 0x30...0x39, 0x2D:  // digit or '-'
            var j = i
            if c == 0x2D {
                j += 1
                guard j < n, b[j] >= 0x30 && b[j] <= 0x39 else {
                    // A lone '-' (Ruby's lexer accepts it as a dash token); treat as syntax error.
                    throw LiquidError.syntax(
                        "Unexpected character - in \"\(markup)\"", at: location)
                }
            }
            while j < n && b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
            var isFloat = false
            if j + 1 < n && b[j] == 0x2E && b[j + 1] >= 0x30 && b[j + 1] <= 0x39 {
                isFloat = true
                j += 1
                while j < n && b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
                // `1.2.3`: Ruby reads the number `1.2`, then stops.
            }
            // Identifiers may start with digits in paths like `a.0` handled by the parser; `2abc` is an identifier.
            if j < n && (isIdentifierByte(b[j])) && !isFloat && b[j] != 0x2D {
                var k = j
                while k < n && isIdentifierByte(b[k]) { k += 1 }
                if k < n && b[k] == 0x3F { k += 1 }
                tokens.append(.identifier(text(i, k)))
                i = k
                continue
            }
            let t = text(i, j)
            if isFloat {
                tokens.append(.float(Double(t) ?? 0))
            } else if let v = Int(t) {
                tokens.append(.integer(v))
            } else {
                tokens.append(.float(Double(t) ?? 0))
            }
            i = j
        case 0x2E:  // .
            if i + 1 < n && b[i + 1] == 0x2E {
                tokens.append(.dotDot)
                i += 2
            } else {
                tokens.append(.dot)
                i += 1
            }
        case 0x5B:
            tokens.append(.openSquare)
            i += 1
        case 0x5D:
            tokens.append(.closeSquare)
            i += 1
        case 0x28:
            tokens.append(.openParen)
            i += 1
        case 0x29:
            tokens.append(.closeParen)
            i += 1
        case 0x7C:
            tokens.append(.pipe)
            i += 1
        case 0x3A:
            tokens.append(.colon)
            i += 1
        case 0x2C:
            tokens.append(.comma)
            i += 1
        case 0x3F:
            tokens.append(.question)
            i += 1
        case 0x3D, 0x21, 0x3C, 0x3E:  // = ! < >
            let next: UInt8 = i + 1 < n ? b[i + 1] : 0
            if c == 0x3D && next == 0x3D {
                tokens.append(.comparison("=="))
                i += 2
            } else if c == 0x21 && next == 0x3D {
                tokens.append(.comparison("!="))
                i += 2
            } else if c == 0x3C && next == 0x3E {
                tokens.append(.comparison("<>"))
                i += 2
            } else if c == 0x3C && next == 0x3D {
                tokens.append(.comparison("<="))
                i += 2
            } else if c == 0x3E && next == 0x3D {
                tokens.append(.comparison(">="))
                i += 2
            } else if c == 0x3C {
                tokens.append(.comparison("<"))
                i += 1
            } else if c == 0x3E {
                tokens.append(.comparison(">"))
                i += 1
            } else if c == 0x3D {
                tokens.append(.equals)
                i += 1
            } else {
                throw LiquidError.syntax("Unexpected character ! in \"\(markup)\"", at: location)
            }
        default:
            if isIdentifierStart(c) {
                var j = i + 1
                while j < n && isIdentifierByte(b[j]) { j += 1 }
                if j < n && b[j] == 0x3F { j += 1 }
                let word = text(i, j)
                tokens.append(word == "contains" ? .comparison("contains") : .identifier(word))
                i = j
            } else {
                let scalar = String(decoding: b[i..<min(n, i + 1)], as: UTF8.self)
                throw LiquidError.syntax("Unexpected character \(scalar) in \"\(markup)\"", at: location)
            }
        }
    }
    tokens.append(.end)
    return tokens
}

@inline(__always) func isIdentifierStart(_ c: UInt8) -> Bool {
    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
}

@inline(__always) func isIdentifierByte(_ c: UInt8) -> Bool {
    isIdentifierStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D
}
