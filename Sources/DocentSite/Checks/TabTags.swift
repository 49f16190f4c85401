/// The tabs tags (`tabs`, `tab`, `endtab`, `endtabs`) of a page or include as written, with their positions: what
/// `TabsCheck` reads. A byte scan of `{% … %}`, skipping `raw` and `comment` blocks as Liquid does; one pass, no
/// recursion, whatever the nesting.
struct TabTags {
    struct Tag: Equatable {
        var name: String
        /// The text after the name, trimmed.
        var markup: String
        var line: Int
        /// 1-based, in UTF-8 bytes.
        var column: Int
        /// Byte offsets of the tag's `{%` and just after its `%}`.
        var start: Int
        var end: Int
    }

    var tags: [Tag] = []
    private let bytes: [UInt8]

    /// True when only whitespace is written between the end of `first` and the start of `second`.
    func isBlank(between first: Tag, and second: Tag) -> Bool {
        guard first.end <= second.start else { return true }
        return bytes[first.end..<second.start].allSatisfy(Self.isSpace)
    }

    /// True when `tag` is indented under a list item: the nearest line above it that is not blank and is less
    /// indented starts with a list marker (`-`, `*`, `+`, `1.`, `1)`). The tag's HTML would end the list there.
    func isInListItem(_ tag: Tag) -> Bool {
        var lineStart = tag.start
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        guard bytes[lineStart..<tag.start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }), tag.start > lineStart else {
            return false
        }
        let indent = tag.start - lineStart
        var end = lineStart - 1  // the newline before the tag's line
        while end > 0 {
            var start = end
            while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
            let line = bytes[start..<end]
            end = start - 1
            guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            guard first - start < indent else { continue }
            return Self.startsWithListMarker(line[first...])
        }
        return false
    }

    private static func startsWithListMarker(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        let rest = line.dropFirst()
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return rest.first.map { $0 == 0x20 || $0 == 0x09 } ?? true
        }
        let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let after = line.dropFirst(digits.count)
        guard let marker = after.first, marker == UInt8(ascii: ".") || marker == UInt8(ascii: ")") else { return false }
        return after.dropFirst().first.map { $0 == 0x20 || $0 == 0x09 } ?? true
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        // The end tag that closes the `raw` or `comment` block being skipped.
        var skippingUntil: String?
        var commentDepth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "%") else {
                index += 1
                continue
            }
            let start = index
            let startLine = line
            let column = start - lineStart + 1
            // The tag's end; its lines still count.
            var cursor = index + 2
            while cursor + 1 < bytes.count,
                !(bytes[cursor] == UInt8(ascii: "%") && bytes[cursor + 1] == UInt8(ascii: "}"))
            {
                if bytes[cursor] == 0x0A {
                    line += 1
                    lineStart = cursor + 1
                }
                cursor += 1
            }
            guard cursor + 1 < bytes.count else { break }  // an unterminated `{%`: Liquid reports it
            let end = cursor + 2
            index = end
            var inner = bytes[(start + 2)..<cursor]
            if inner.first == UInt8(ascii: "-") { inner = inner.dropFirst() }
            if inner.last == UInt8(ascii: "-") { inner = inner.dropLast() }
            let words = inner.drop { Self.isSpace($0) }
            let nameBytes = words.prefix { !Self.isSpace($0) }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if let until = skippingUntil {
                if name == "comment" && until == "endcomment" { commentDepth += 1 }
                if name == until {
                    if commentDepth > 0 {
                        commentDepth -= 1
                    } else {
                        skippingUntil = nil
                    }
                }
                continue
            }
            switch name {
            case "raw": skippingUntil = "endraw"
            case "comment": skippingUntil = "endcomment"
            case "tabs", "endtabs", "tab", "endtab":
                let markup = String(decoding: words.dropFirst(nameBytes.count), as: UTF8.self).trimmingSpaces
                tags.append(
                    Tag(name: name, markup: markup, line: startLine, column: column, start: start, end: end))
            default: break
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
