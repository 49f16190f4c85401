/// The scanners the lexers share: numbers, strings, comments. Each consumes at least one character when it
/// returns true and nothing when it returns false; none looks further than the end of its own token.
extension Lexing {
    /// A number at `position` (`42`, `0x1F`, `0b101`, `3.14e-2`, `1_000`, `10px`, `2.5f`): `mi`, `mf`, `mh`,
    /// `mb` or `mo`.
    @discardableResult
    mutating func scanNumber() -> Bool {
        let first = peek()
        guard Bytes.isDigit(first) || (first == UInt8(ascii: ".") && Bytes.isDigit(peek(1))) else { return false }
        var cursor = position
        var kind = TokenKind.numberInteger
        let radix = peek(1) | 0x20
        if first == UInt8(ascii: "0"),
            radix == UInt8(ascii: "x") || radix == UInt8(ascii: "b") || radix == UInt8(ascii: "o")
        {
            kind = radix == UInt8(ascii: "x") ? .numberHex : radix == UInt8(ascii: "b") ? .numberBinary : .numberOctal
            cursor = scan(from: position + 2) { Bytes.isHexDigit($0) || $0 == UInt8(ascii: "_") }
        } else {
            cursor = scan(from: position) { Bytes.isDigit($0) || $0 == UInt8(ascii: "_") }
            if cursor < end, bytes[cursor] == UInt8(ascii: "."), cursor + 1 < end, Bytes.isDigit(bytes[cursor + 1]) {
                kind = .numberFloat
                cursor = scan(from: cursor + 1) { Bytes.isDigit($0) || $0 == UInt8(ascii: "_") }
            }
            if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "e") {
                var exponent = cursor + 1
                if exponent < end, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
                    exponent += 1
                }
                if exponent < end, Bytes.isDigit(bytes[exponent]) {
                    kind = .numberFloat
                    cursor = scan(from: exponent, while: Bytes.isDigit)
                }
            }
        }
        cursor = scan(from: cursor) { Bytes.isLetter($0) || Bytes.isDigit($0) || $0 == UInt8(ascii: "%") }
        emit(kind, upTo: cursor)
        return true
    }

    /// A string from `open` to `close` (a backslash escapes the next byte when `escapes`); one that is not
    /// `multiline` ends at the end of its line when unterminated.
    @discardableResult
    mutating func scanString(_ delimiter: StringDelimiter) -> Bool {
        guard let stop = stringEnd(delimiter) else { return false }
        emit(delimiter.kind, upTo: stop)
        return true
    }

    /// Where the string at `position` ends, or nil when none starts there.
    func stringEnd(_ delimiter: StringDelimiter) -> Int? {
        guard starts(with: delimiter.open) else { return nil }
        var cursor = position + delimiter.open.count
        while cursor < end {
            let byte = bytes[cursor]
            if byte == 0x5C && delimiter.escapes {
                cursor += 2
                continue
            }
            if byte == 0x0A && !delimiter.multiline { break }
            if starts(with: delimiter.close, at: cursor) {
                cursor += delimiter.close.count
                break
            }
            cursor += 1
        }
        return cursor
    }

    /// A comment from `marker` to the end of the line.
    @discardableResult
    mutating func scanLineComment(_ marker: [UInt8], kind: TokenKind = .commentSingle) -> Bool {
        guard starts(with: marker) else { return false }
        emit(kind, upTo: lineEnd)
        return true
    }

    /// A comment from `open` to `close` (the rest of the code when unterminated); `nested` comments count
    /// their own openings (Rust, Swift).
    @discardableResult
    mutating func scanBlockComment(
        _ open: [UInt8], _ close: [UInt8], nested: Bool = false, kind: TokenKind = .commentMultiline
    )
        -> Bool
    {
        guard starts(with: open) else { return false }
        var cursor = position + open.count
        var depth = 1
        while cursor < end {
            if starts(with: close, at: cursor) {
                cursor += close.count
                depth -= 1
                if depth == 0 { break }
            } else if nested && starts(with: open, at: cursor) {
                cursor += open.count
                depth += 1
            } else {
                cursor += 1
            }
        }
        emit(kind, upTo: cursor)
        return true
    }

    /// Spaces and tabs (not newlines) as plain text.
    mutating func skipSpaces() {
        emit(.text, upTo: scan(from: position, while: Bytes.isSpace))
    }
}

/// Where a string starts and ends, and what it is.
struct StringDelimiter: Sendable {
    var open: [UInt8]
    var close: [UInt8]
    var kind: TokenKind
    var escapes = true
    var multiline = false

    init(_ delimiter: String, _ kind: TokenKind, escapes: Bool = true, multiline: Bool = false) {
        open = Array(delimiter.utf8)
        close = open
        self.kind = kind
        self.escapes = escapes
        self.multiline = multiline
    }

    static let double = StringDelimiter("\"", .stringDouble)
    static let single = StringDelimiter("'", .stringSingle)
}
