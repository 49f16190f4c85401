/// Finds where a mistake in YAML that Yams refused was most likely made. Yams reports where it noticed the problem,
/// which for the commonest front matter slips is lines later: an unclosed quote or `[` is reported at the closing
/// `---` or at the next key. This looks for those slips (and tabs in indentation) and gives their own position;
/// `YAMLData.parse` uses it only when it points before Yams's position.
enum YAMLMistakes {
    static func locate(_ yaml: String) -> YAMLData.ParseError? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var blockScalarIndent: Int?
        for (number, line) in lines.enumerated() {
            let indent = indentation(line)
            // The text of a `|` or `>` value is not YAML: skip it (its lines are blank or indented deeper).
            if let parent = blockScalarIndent {
                if indent == line.count || indent > parent { continue }
                blockScalarIndent = nil
            }
            if indent < line.count && line[indent] == tab {
                return error(
                    "a tab indents this line; YAML indents with spaces only", line: lines[number], number: number,
                    offset: indent)
            }
            guard let start = valueStart(line, from: indent) else { continue }
            // The column of this line's key (after any `- `): a later key at or left of it ends the value.
            let keyColumn = afterDashes(line, from: indent)
            switch line[start] {
            case quote, apostrophe:
                if let problem = unclosedQuote(lines, number: number, at: start, indent: keyColumn) { return problem }
            case openBracket, openBrace:
                if let problem = unclosedFlow(lines, number: number, at: start, indent: keyColumn) { return problem }
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                blockScalarIndent = indent
            default:
                continue
            }
        }
        return nil
    }

    /// The second of two equal keys in one block mapping, which Yams reports only by name, at the document's start.
    /// Mappings are told apart by their keys' column; a `- ` item starts a new one. Flow mappings are not looked at.
    static func duplicateKey(_ yaml: String) -> YAMLData.ParseError? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        // The open mappings, innermost last: the column of their keys and the keys seen so far.
        var open: [(column: Int, keys: Set<String>)] = []
        var blockScalarIndent: Int?
        for (number, line) in lines.enumerated() {
            let indent = indentation(line)
            if indent == line.count || line[indent] == hash { continue }
            if let parent = blockScalarIndent {
                if indent > parent { continue }
                blockScalarIndent = nil
            }
            let column = afterDashes(line, from: indent)
            let startsItem = column > indent
            while let last = open.last, last.column > column || (startsItem && last.column >= column) {
                open.removeLast()
            }
            guard let colonAt = keyEnd(line, from: column) else { continue }
            if open.last?.column != column { open.append((column, [])) }
            let key = String(decoding: line[column..<colonAt], as: UTF8.self)
            if !open[open.count - 1].keys.insert(key).inserted {
                return error(
                    "`\(key)` is set twice in the same mapping; YAML keys must be unique (keep one)", line: line,
                    number: number, offset: column)
            }
            if let start = valueStart(line, from: indent),
                line[start] == UInt8(ascii: "|") || line[start] == UInt8(ascii: ">")
            {
                blockScalarIndent = indent
            }
        }
        return nil
    }

    // MARK: - Slips

    /// A quoted value whose closing quote is missing, or is only found after a line that starts a new key.
    private static func unclosedQuote(_ lines: [[UInt8]], number: Int, at start: Int, indent: Int)
        -> YAMLData.ParseError?
    {
        let mark = lines[number][start]
        if closingQuote(lines[number], from: start + 1, mark) != nil { return nil }
        let symbol = mark == quote ? "\"" : "'"
        var next = number + 1
        while next < lines.count {
            let line = lines[next]
            if let key = key(startingLine: line, atMost: indent) {
                return error(
                    "this value's opening \(symbol) is not closed on its line, so YAML reads on into `\(key):`",
                    line: lines[number], number: number, offset: start)
            }
            if closingQuote(line, from: 0, mark) != nil { return nil }
            next += 1
        }
        return error(
            "this value's opening \(symbol) is never closed", line: lines[number], number: number, offset: start)
    }

    /// A `[` or `{` value whose closing bracket is missing, or is only found after a line that starts a new key.
    private static func unclosedFlow(_ lines: [[UInt8]], number: Int, at start: Int, indent: Int)
        -> YAMLData.ParseError?
    {
        let symbol = lines[number][start] == openBracket ? "[" : "{"
        var depth = 0
        var next = number
        var from = start
        while next < lines.count {
            let line = lines[next]
            if next > number, let key = key(startingLine: line, atMost: indent) {
                return error(
                    "this value's opening \(symbol) is not closed on its line, so YAML reads on into `\(key):`",
                    line: lines[number], number: number, offset: start)
            }
            var index = from
            while index < line.count {
                switch line[index] {
                case openBracket, openBrace: depth += 1
                case closeBracket, closeBrace:
                    depth -= 1
                    if depth == 0 { return nil }
                case quote, apostrophe:
                    guard let end = closingQuote(line, from: index + 1, line[index]) else {
                        index = line.count; continue
                    }
                    index = end
                case hash where index == 0 || line[index - 1] == space:
                    index = line.count
                    continue
                default: break
                }
                index += 1
            }
            next += 1
            from = 0
        }
        return error(
            "this value's opening \(symbol) is never closed", line: lines[number], number: number, offset: start)
    }

    // MARK: - Reading lines

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let quote = UInt8(ascii: "\"")
    private static let apostrophe = UInt8(ascii: "'")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":")
    private static let dash = UInt8(ascii: "-")

    private static func indentation(_ line: [UInt8]) -> Int {
        var indent = 0
        while indent < line.count && line[indent] == space { indent += 1 }
        return indent
    }

    /// Past the `- ` of sequence items (`- - x`, `- key: x`).
    private static func afterDashes(_ line: [UInt8], from indent: Int) -> Int {
        var index = indent
        while index + 1 < line.count && line[index] == dash && line[index + 1] == space {
            index = skipSpaces(line, from: index + 1)
        }
        return index
    }

    /// Where the value of `key: value`, `- value` or `- key: value` starts; nil for a line with no value.
    private static func valueStart(_ line: [UInt8], from indent: Int) -> Int? {
        var index = afterDashes(line, from: indent)
        if index < line.count && line[index] == dash && index + 1 == line.count { return nil }
        if let colonAt = keyEnd(line, from: index) { index = skipSpaces(line, from: colonAt + 1) }
        guard index < line.count, index > indent || keyEnd(line, from: indent) != nil else { return nil }
        return index
    }

    /// For a line starting (at `start`) with `key:` followed by a space or the line's end, the colon's offset.
    private static func keyEnd(_ line: [UInt8], from start: Int) -> Int? {
        guard start < line.count else { return nil }
        switch line[start] {
        case quote, apostrophe, openBracket, openBrace, hash, dash, colon, space: return nil
        default: break
        }
        var index = start
        while index < line.count {
            switch line[index] {
            case colon where index + 1 == line.count || line[index + 1] == space: return index
            case openBracket, closeBracket, openBrace, closeBrace: return nil
            case hash where line[index - 1] == space: return nil
            default: index += 1
            }
        }
        return nil
    }

    /// The key of a `key:` line indented no deeper than `indent` (a sibling or parent key of the value being read).
    private static func key(startingLine line: [UInt8], atMost indent: Int) -> String? {
        let lineIndent = indentation(line)
        guard lineIndent <= indent, let colonAt = keyEnd(line, from: lineIndent) else { return nil }
        return String(decoding: line[lineIndent..<colonAt], as: UTF8.self)
    }

    /// The offset of the quote closing a quoted scalar whose text starts at `start` (`\"` and `''` are escapes).
    private static func closingQuote(_ line: [UInt8], from start: Int, _ mark: UInt8) -> Int? {
        var index = start
        while index < line.count {
            if mark == quote && line[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if line[index] == mark {
                if mark == apostrophe && index + 1 < line.count && line[index + 1] == apostrophe {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return nil
    }

    private static func skipSpaces(_ line: [UInt8], from start: Int) -> Int {
        var index = start
        while index < line.count && line[index] == space { index += 1 }
        return index
    }

    /// 1-based line, and column in characters (Unicode scalars, as Yams counts them).
    private static func error(_ message: String, line: [UInt8], number: Int, offset: Int) -> YAMLData.ParseError {
        let column = String(decoding: line[..<offset], as: UTF8.self).unicodeScalars.count + 1
        return YAMLData.ParseError(message: message, line: number + 1, column: column)
    }
}
