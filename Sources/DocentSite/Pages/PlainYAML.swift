import Liquid

/// A fast reader for the plain YAML that front matter is nearly always written in: block mappings and sequences,
/// one-line plain and quoted scalars, flow sequences of scalars (`[a, "b"]`), literal and folded block scalars,
/// comments. It gives exactly the values and key positions Yams gives for such text, and returns nil for anything
/// else (anchors, tags, flow mappings, multi-line plain or quoted scalars, tabs, duplicate keys, errors), which then
/// goes to Yams. Yams costs more than the rest of loading a page together; this reader about a tenth of it.
struct PlainYAML {
    private struct Line {
        /// Byte offsets of the line's text (no newline) in `bytes`.
        var start: Int
        var end: Int
        /// Spaces before the content (for a compact `- key: value`, the content's offset from `start`).
        var indent: Int
        /// 1-based line number.
        var number: Int
    }

    private let bytes: [UInt8]
    private var lines: [Line] = []
    private var current = 0
    private var positions: [String: (line: Int, column: Int)] = [:]

    /// The YAML's value and the position of every key path, or nil when the text is not plain YAML.
    static func parse(_ yaml: String) -> YAMLData? {
        var reader = PlainYAML(bytes: Array(yaml.utf8))
        guard reader.splitLines() else { return nil }
        reader.skipInsignificant()
        guard reader.current < reader.lines.count else { return YAMLData(value: .object([:]), positions: [:]) }
        let line = reader.lines[reader.current]
        guard line.indent == 0, reader.isMappingEntry(line) else { return nil }
        reader.positions[""] = reader.mark(line, line.start + line.indent)
        guard let value = reader.mapping(indent: 0, path: "") else { return nil }
        reader.skipInsignificant()
        guard reader.current == reader.lines.count else { return nil }
        return YAMLData(value: value, positions: reader.positions)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Splits into lines; tabs and carriage returns (which YAML treats in ways this reader does not follow) and
    /// document markers send the text to Yams.
    private mutating func splitLines() -> Bool {
        var start = 0
        var number = 1
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x0A {
                var indent = 0
                while start + indent < index && bytes[start + indent] == 0x20 { indent += 1 }
                if index > start || index < bytes.count {
                    lines.append(Line(start: start, end: index, indent: indent, number: number))
                }
                number += 1
                start = index + 1
            } else if bytes[index] == 0x09 || bytes[index] == 0x0D {
                return false
            }
            index += 1
        }
        for line in lines where line.indent == 0 && line.end - line.start >= 3 {
            let head = bytes[line.start..<line.start + 3]
            if head.elementsEqual("---".utf8) || head.elementsEqual("...".utf8) { return false }
        }
        return true
    }

    // MARK: - Structure

    private func isBlank(_ line: Line) -> Bool { line.start + line.indent == line.end }

    private func isComment(_ line: Line) -> Bool {
        line.start + line.indent < line.end && bytes[line.start + line.indent] == UInt8(ascii: "#")
    }

    private mutating func skipInsignificant() {
        while current < lines.count && (isBlank(lines[current]) || isComment(lines[current])) { current += 1 }
    }

    private var nextLine: Line? {
        mutating get {
            skipInsignificant()
            return current < lines.count ? lines[current] : nil
        }
    }

    private func isSequenceEntry(_ line: Line) -> Bool {
        let at = line.start + line.indent
        return at < line.end && bytes[at] == UInt8(ascii: "-") && (at + 1 == line.end || bytes[at + 1] == 0x20)
    }

    private func isMappingEntry(_ line: Line) -> Bool {
        keyEnd(line) != nil
    }

    /// For `key: …` or `key:`, the offset of the colon. A key starts with a letter, a digit, `_` or non-ASCII
    /// text, and holds no flow indicators (`[]{},`) and no comment.
    private func keyEnd(_ line: Line) -> Int? {
        let start = line.start + line.indent
        guard start < line.end, Self.isKeyStart(bytes[start]) else { return nil }
        var index = start + 1
        while index < line.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                guard index + 1 == line.end || bytes[index + 1] == 0x20 else { return nil }
                return bytes[index - 1] == 0x20 ? nil : index
            }
            if byte == UInt8(ascii: "#") && bytes[index - 1] == 0x20 { return nil }
            guard byte >= 0x20, !"[]{},".utf8.contains(byte) else { return nil }
            index += 1
        }
        return nil
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// A block mapping whose keys sit at `indent`.
    private mutating func mapping(indent: Int, path: String) -> LiquidValue? {
        var object: [String: LiquidValue] = [:]
        while let line = nextLine, line.indent == indent {
            guard let colon = keyEnd(line) else { return nil }
            let keyStart = line.start + line.indent
            let name = String(decoding: bytes[keyStart..<colon], as: UTF8.self)
            guard object[name] == nil else { return nil }  // Yams reports duplicate keys
            let childPath = path.isEmpty ? name : path + "." + name
            positions[childPath] = mark(line, keyStart)
            current += 1
            let rest = skipSpaces(from: colon + 1, to: line.end)
            let value: LiquidValue?
            if rest == line.end || bytes[rest] == UInt8(ascii: "#") {
                value = nestedBlock(parentIndent: indent, path: childPath, allowSequenceAtParent: true)
            } else {
                value = inlineValue(line, from: rest, parentIndent: indent, path: childPath)
            }
            guard let value else { return nil }
            object[name] = value
        }
        if let line = nextLine, line.indent > indent { return nil }
        return .object(object)
    }

    /// A block sequence whose dashes sit at `indent`.
    private mutating func sequence(indent: Int, path: String) -> LiquidValue? {
        var items: [LiquidValue] = []
        while let line = nextLine, line.indent == indent, isSequenceEntry(line) {
            let itemPath = "\(path)[\(items.count)]"
            let dash = line.start + line.indent
            let rest = skipSpaces(from: dash + 1, to: line.end)
            let item: LiquidValue?
            if rest == line.end || bytes[rest] == UInt8(ascii: "#") {
                current += 1
                guard let next = nextLine, next.indent > indent else { return nil }  // an empty item: Yams
                item = nestedBlock(parentIndent: indent, path: itemPath, allowSequenceAtParent: false)
            } else {
                // A compact collection (`- key: value`, `- - x`) continues at the column of its content.
                var compact = line
                compact.indent = rest - line.start
                if isMappingEntry(compact) || isSequenceEntry(compact) {
                    lines[current] = compact
                    item = block(at: compact, path: itemPath)
                } else {
                    current += 1
                    item = inlineValue(line, from: rest, parentIndent: indent, path: itemPath)
                }
            }
            guard let item else { return nil }
            items.append(item)
        }
        if let line = nextLine, line.indent > indent { return nil }
        return .array(items)
    }

    /// The block collection starting at `line` (the current line).
    private mutating func block(at line: Line, path: String) -> LiquidValue? {
        if positions[path] == nil { positions[path] = mark(line, line.start + line.indent) }
        if isSequenceEntry(line) { return sequence(indent: line.indent, path: path) }
        if isMappingEntry(line) { return mapping(indent: line.indent, path: path) }
        return nil
    }

    /// The value of `key:` or `-` with nothing after it: a collection on the following lines, or null.
    private mutating func nestedBlock(parentIndent: Int, path: String, allowSequenceAtParent: Bool) -> LiquidValue? {
        guard let line = nextLine else { return .nil }
        if line.indent > parentIndent { return block(at: line, path: path) }
        if allowSequenceAtParent && line.indent == parentIndent && isSequenceEntry(line) {
            return block(at: line, path: path)
        }
        return .nil
    }

    // MARK: - Scalars

    /// The value written after `key: ` or `- ` on `line`, from byte `start`; the current line is the next one.
    private mutating func inlineValue(_ line: Line, from start: Int, parentIndent: Int, path: String) -> LiquidValue? {
        if positions[path] == nil { positions[path] = mark(line, start) }
        let value: LiquidValue?
        switch bytes[start] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            value = quoted(line, from: start)
        case UInt8(ascii: "["):
            value = flowSequence(line, from: start, path: path)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return blockScalar(line, from: start, parentIndent: parentIndent)
        case UInt8(ascii: "{"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return nil
        default:
            value = plain(line, from: start)
        }
        // A plain scalar continued on the next line, or text after the value: Yams.
        if let next = nextLine, next.indent > parentIndent { return nil }
        return value
    }

    private func plain(_ line: Line, from start: Int) -> LiquidValue? {
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":") {
            guard start + 1 < line.end, bytes[start + 1] != 0x20 else { return nil }
        }
        var end = start
        var index = start
        while index < line.end {
            let byte = bytes[index]
            if byte == 0x20 {
                if index + 1 < line.end && bytes[index + 1] == UInt8(ascii: "#") { break }
            } else {
                if byte == UInt8(ascii: ":") && (index + 1 == line.end || bytes[index + 1] == 0x20) { return nil }
                end = index + 1
            }
            index += 1
        }
        return YAMLData.scalarValue(String(decoding: bytes[start..<end], as: UTF8.self), plain: true)
    }

    /// After a quoted scalar or a flow sequence: only spaces and a comment may follow on the line.
    private func onlyCommentAfter(_ index: Int, in line: Line) -> Bool {
        let rest = skipSpaces(from: index, to: line.end)
        return rest == line.end || (rest > index && bytes[rest] == UInt8(ascii: "#"))
    }

    /// A one-line quoted scalar (`'…'` or `"…"`), followed by nothing but a comment.
    private func quoted(_ line: Line, from start: Int) -> LiquidValue? {
        let read =
            bytes[start] == UInt8(ascii: "'")
            ? singleQuotedText(line, from: start) : doubleQuotedText(line, from: start)
        guard let (text, end) = read, onlyCommentAfter(end, in: line) else { return nil }
        return .string(text)
    }

    private func singleQuotedText(_ line: Line, from start: Int) -> (String, Int)? {
        var out: [UInt8] = []
        var index = start + 1
        while index < line.end {
            if bytes[index] == UInt8(ascii: "'") {
                guard index + 1 < line.end, bytes[index + 1] == UInt8(ascii: "'") else {
                    return (String(decoding: out, as: UTF8.self), index + 1)
                }
                index += 1
            }
            out.append(bytes[index])
            index += 1
        }
        return nil
    }

    private func doubleQuotedText(_ line: Line, from start: Int) -> (String, Int)? {
        var out: [UInt8] = []
        var index = start + 1
        while index < line.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return (String(decoding: out, as: UTF8.self), index + 1) }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < line.end else { return nil }
                index += 1
                switch bytes[index] {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "/"), 0x20: out.append(bytes[index])
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "0"): out.append(0x00)
                case UInt8(ascii: "u"):
                    guard index + 4 < line.end,
                        let code = UInt32(String(decoding: bytes[index + 1...index + 4], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { return nil }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    index += 4
                default: return nil
                }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return nil
    }

    /// `[a, "b", 'c']` on one line: scalars only.
    private mutating func flowSequence(_ line: Line, from start: Int, path: String) -> LiquidValue? {
        var items: [LiquidValue] = []
        var index = skipSpaces(from: start + 1, to: line.end)
        if index < line.end && bytes[index] == UInt8(ascii: "]") {
            return onlyCommentAfter(index + 1, in: line) ? .array([]) : nil
        }
        while index < line.end {
            let itemPath = "\(path)[\(items.count)]"
            if positions[itemPath] == nil { positions[itemPath] = mark(line, index) }
            let item: LiquidValue
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let (text, end) = doubleQuotedText(line, from: index) else { return nil }
                item = .string(text)
                index = end
            case UInt8(ascii: "'"):
                guard let (text, end) = singleQuotedText(line, from: index) else { return nil }
                item = .string(text)
                index = end
            default:
                var end = index
                while end < line.end && !Self.endsFlowScalar(bytes[end]) { end += 1 }
                var last = end
                while last > index && bytes[last - 1] == 0x20 { last -= 1 }
                guard last > index, !Self.startsSpecialFlowScalar(bytes[index]) else { return nil }
                let text = String(decoding: bytes[index..<last], as: UTF8.self)
                guard !text.utf8.contains(UInt8(ascii: "#")) && !text.contains(": ") else { return nil }
                item = YAMLData.scalarValue(text, plain: true)
                index = end
            }
            items.append(item)
            index = skipSpaces(from: index, to: line.end)
            guard index < line.end else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return onlyCommentAfter(index + 1, in: line) ? .array(items) : nil }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(from: index + 1, to: line.end)
            guard index < line.end, bytes[index] != UInt8(ascii: "]") else { return nil }
        }
        return nil
    }

    private static func endsFlowScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    private static func startsSpecialFlowScalar(_ byte: UInt8) -> Bool {
        "-?:&*!|>%@`#".utf8.contains(byte)
    }

    /// `|`, `|-`, `|+`, `>`, `>-`, `>+` and the lines indented under it.
    private mutating func blockScalar(_ line: Line, from start: Int, parentIndent: Int) -> LiquidValue? {
        let literal = bytes[start] == UInt8(ascii: "|")
        var index = start + 1
        var chomp: UInt8 = 0
        if index < line.end && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            chomp = bytes[index]
            index += 1
        }
        guard onlyCommentAfter(index, in: line) else { return nil }
        // Content lines: blank lines, and lines indented more than the parent (the first one sets the indent).
        var contentIndent: Int?
        var contents: [Line] = []
        while current < lines.count {
            let next = lines[current]
            if isBlank(next) {
                if let contentIndent, next.end - next.start > contentIndent { return nil }
                contents.append(next)
            } else {
                if next.indent <= parentIndent { break }
                if let contentIndent {
                    if next.indent < contentIndent { return nil }  // under the content, above the parent: Yams
                } else {
                    if contents.contains(where: { $0.end - $0.start > next.indent }) { return nil }
                    contentIndent = next.indent
                }
                contents.append(next)
            }
            current += 1
        }
        guard let contentIndent else { return nil }
        var trailingBlank = 0
        while let last = contents.last, isBlank(last) {
            contents.removeLast()
            trailingBlank += 1
        }
        var out: [UInt8] = []
        var previousWasText = false
        var pendingBlank = 0
        for content in contents {
            if isBlank(content) {
                pendingBlank += 1
                continue
            }
            if !literal && content.indent > contentIndent { return nil }  // more-indented folded lines: Yams
            if previousWasText {
                if literal {
                    out.append(0x0A)
                } else if pendingBlank == 0 {
                    out.append(0x20)
                }
            }
            for _ in 0..<pendingBlank { out.append(0x0A) }
            out.append(contentsOf: bytes[(content.start + contentIndent)..<content.end])
            previousWasText = true
            pendingBlank = 0
        }
        switch chomp {
        case UInt8(ascii: "-"): break
        case UInt8(ascii: "+"): out.append(contentsOf: repeatElement(0x0A, count: 1 + trailingBlank))
        default: out.append(0x0A)
        }
        return .string(String(decoding: out, as: UTF8.self))
    }

    // MARK: - Positions

    private func skipSpaces(from index: Int, to end: Int) -> Int {
        var index = index
        while index < end && bytes[index] == 0x20 { index += 1 }
        return index
    }

    /// Yams's mark: 1-based line, and column in characters (Unicode scalars) from 1.
    private func mark(_ line: Line, _ offset: Int) -> (line: Int, column: Int) {
        var column = 1
        var index = line.start
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line.number, column)
    }
}
