/// One piece of a template: text, an output `{{ … }}`, a tag `{% … %}`, or the body of `raw`.
struct TemplateToken {
    enum Kind: Equatable {
        case text
        case output
        case tag
        case raw
    }

    var kind: Kind
    /// Text and raw: the text. Output: the markup between the braces. Tag: the markup after the name.
    var content: String
    /// Tag name (tags only).
    var name: String = ""
    var line: Int
    var column: Int
    /// The whole source of the token (for host block tags' raw bodies).
    var sourceRange: Range<Int> = 0..<0
}

/// Splits a template into tokens, applying whitespace control (`{%-`, `-%}`, `{{-`, `-}}`).
struct TemplateLexer {
    let bytes: [UInt8]
    let file: String
    let lineOffset: Int

    init(_ source: String, file: String, lineOffset: Int) {
        self.bytes = Array(source.utf8)
        self.file = file
        self.lineOffset = lineOffset
    }

    func tokenize() throws(LiquidError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var position = 0
        var line = 1
        var lineStart = 0
        var trimNextText = false
        let count = bytes.count

        func advanceLines(_ from: Int, _ to: Int) {
            var i = from
            while i < to {
                if bytes[i] == 0x0A {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
        }

        func appendText(_ start: Int, _ end: Int, trimLeading: Bool, trimTrailing: Bool) {
            var s = start
            var e = end
            if trimLeading { while s < e && isSpace(bytes[s]) { s += 1 } }
            if trimTrailing { while e > s && isSpace(bytes[e - 1]) { e -= 1 } }
            if s < e {
                tokens.append(TemplateToken(kind: .text, content: string(s, e), line: line, column: s - lineStart + 1))
            }
        }

        /// The markup between a delimiter's `{{`/`{%` at `open` and its closing `}`/`%` at `close`, without the
        /// `-` whitespace-control marks, and whether the closing one had a `-`.
        func inner(open: Int, close: Int, trimBefore: Bool) -> (start: Int, end: Int, trimAfter: Bool) {
            let start = open + 2 + (trimBefore ? 1 : 0)
            // In `{{-}}` one `-` trims both sides, as in Ruby.
            if close - 1 >= open + 2 && bytes[close - 1] == 0x2D { return (start, max(start, close - 1), true) }
            return (start, close, false)
        }

        while position < count {
            // Find the next `{{` or `{%`.
            var open = position
            var found = false
            while open + 1 < count {
                if bytes[open] == 0x7B && (bytes[open + 1] == 0x7B || bytes[open + 1] == 0x25) {
                    found = true
                    break
                }
                open += 1
            }
            if !found {
                appendText(position, count, trimLeading: trimNextText, trimTrailing: false)
                break
            }
            let trimBefore = open + 2 < count && bytes[open + 2] == 0x2D  // '-'
            // Text before the tag.
            if open > position {
                var s = position
                var e = open
                if trimNextText { while s < e && isSpace(bytes[s]) { s += 1 } }
                if trimBefore { while e > s && isSpace(bytes[e - 1]) { e -= 1 } }
                if s < e {
                    // Line of the text's first kept byte.
                    advanceLines(position, s)
                    tokens.append(
                        TemplateToken(kind: .text, content: string(s, e), line: line, column: s - lineStart + 1))
                    advanceLines(s, open)
                } else {
                    advanceLines(position, open)
                }
            }
            let tokenLine = line
            let tokenColumn = open - lineStart + 1
            let location = LiquidLocation(file: file, line: tokenLine + lineOffset, column: tokenColumn)
            if bytes[open + 1] == 0x7B {
                // Output: ends at the first `}}`, as Ruby's tokenizer (a lone `}` belongs to the markup).
                var close = open + 2
                while close + 1 < count && !(bytes[close] == 0x7D && bytes[close + 1] == 0x7D) { close += 1 }
                if close + 1 >= count { close = count }
                guard close < count else {
                    throw LiquidError.syntax(
                        "Variable '{{' was not properly terminated with regexp: /\\}\\}/", at: location)
                }
                var end = close + 1
                if end < count && bytes[end] == 0x7D { end += 1 }
                let (innerStart, innerEnd, trimAfter) = inner(open: open, close: close, trimBefore: trimBefore)
                tokens.append(
                    TemplateToken(
                        kind: .output, content: string(innerStart, max(innerStart, innerEnd)), line: tokenLine,
                        column: tokenColumn, sourceRange: open..<end))
                advanceLines(open, end)
                position = end
                trimNextText = trimAfter
            } else {
                // Tag: ends at `%}`.
                var close = open + 2
                while close + 1 < count && !(bytes[close] == 0x25 && bytes[close + 1] == 0x7D) { close += 1 }
                guard close + 1 < count else {
                    throw LiquidError.syntax(
                        "Tag '{%' was not properly terminated with regexp: /\\%\\}/", at: location)
                }
                let end = close + 2
                let (innerStart, innerEnd, trimAfter) = inner(open: open, close: close, trimBefore: trimBefore)
                // Name: `#` or a word.
                var s = innerStart
                while s < innerEnd && isSpace(bytes[s]) { s += 1 }
                var nameEnd = s
                if s < innerEnd && bytes[s] == 0x23 {
                    nameEnd = s + 1
                } else {
                    while nameEnd < innerEnd && isWordByte(bytes[nameEnd]) { nameEnd += 1 }
                }
                let name = string(s, nameEnd)
                var markupStart = nameEnd
                while markupStart < innerEnd && isSpace(bytes[markupStart]) { markupStart += 1 }
                var markupEnd = innerEnd
                while markupEnd > markupStart && isSpace(bytes[markupEnd - 1]) { markupEnd -= 1 }
                tokens.append(
                    TemplateToken(
                        kind: .tag, content: string(markupStart, markupEnd), name: name, line: tokenLine,
                        column: tokenColumn, sourceRange: open..<end))
                advanceLines(open, end)
                position = end
                trimNextText = trimAfter
                if name == "raw" || name == "doc" {
                    // The body up to `{% endraw %}` (`{% enddoc %}`) is text, verbatim: whitespace control on the
                    // tags trims outside them only, and anything after the end tag's name is ignored, as in Ruby.
                    guard let (bodyEnd, endTagEnd, _, endTrimAfter) = findEnd(of: name, from: position) else {
                        throw LiquidError.syntax(
                            "'\(name)' tag was never closed", at: location, id: "liquid.unclosed-block")
                    }
                    tokens.append(
                        TemplateToken(
                            kind: .raw, content: string(position, bodyEnd), line: line,
                            column: position - lineStart + 1))
                    advanceLines(position, bodyEnd)
                    let endColumn = bodyEnd - lineStart + 1
                    tokens.append(
                        TemplateToken(
                            kind: .tag, content: "", name: "end" + name, line: line, column: endColumn,
                            sourceRange: bodyEnd..<endTagEnd))
                    advanceLines(bodyEnd, endTagEnd)
                    position = endTagEnd
                    trimNextText = endTrimAfter
                }
            }
        }
        return tokens
    }

    /// Finds `{%-? endNAME … -?%}` from `start`: (start of the end tag, end of it, trims before, trims after).
    private func findEnd(of name: String, from start: Int) -> (Int, Int, Bool, Bool)? {
        var i = start
        let count = bytes.count
        while i + 1 < count {
            if bytes[i] == 0x7B && bytes[i + 1] == 0x25 {
                var j = i + 2
                var trimBefore = false
                if j < count && bytes[j] == 0x2D {
                    trimBefore = true
                    j += 1
                }
                while j < count && isSpace(bytes[j]) { j += 1 }
                let word: [UInt8] = Array(("end" + name).utf8)
                if j + word.count <= count && bytes[j..<j + word.count].elementsEqual(word) {
                    j += word.count
                    if j < count && isWordByte(bytes[j]) {
                        i += 1
                        continue
                    }
                    while j + 1 < count && !(bytes[j] == 0x25 && bytes[j + 1] == 0x7D) { j += 1 }
                    if j + 1 < count {
                        return (i, j + 2, trimBefore, j > 0 && bytes[j - 1] == 0x2D)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

@inline(__always) func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
}

@inline(__always) func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
}
