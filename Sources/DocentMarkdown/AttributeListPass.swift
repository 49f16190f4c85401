/// Applies kramdown attribute lists to the blocks they annotate and removes them from the text, so that no
/// literal `{:` reaches the HTML:
/// - a paragraph that is only an IAL applies to the block right after it (`{:.info}` then `> quote`), or, when it
///   directly follows a block with no block directly after it, to that previous block (a code block or list);
/// - a paragraph's first or last line that is an IAL applies to the paragraph (in a blockquote's last paragraph,
///   a last-line IAL applies to the blockquote, as `> text` + `{:.note}` is meant);
/// - a table's last row holding only an IAL applies to the table;
/// - a heading ending in `{#id}` or `{: .class}` gets that id or class;
/// - any other span IAL left in text is removed.
enum AttributeListPass {
    /// One pass that compacts the kept blocks in place (removing IAL paragraphs one by one was quadratic:
    /// 300,000 `{:.info}` lines took minutes; copying each block out to a new array made its children copy on
    /// write, 3% of a build). Blocks are moved by swapping, so each stays uniquely referenced and is edited in place.
    ///
    /// `source` is the text the blocks were parsed from: a block none of whose lines holds an opener (`{:` or
    /// `{#`, which every attribute list starts with) is passed over without looking at its text, so a document
    /// with a few attribute lists costs a look at those blocks only (the pass over every block's inlines was 4% of
    /// a build).
    static func apply(to blocks: inout [MarkdownBlock], source: String) {
        let openers = OpenerLines(source)
        if !openers.isEmpty { apply(to: &blocks, openers: openers) }
    }

    private static func apply(to blocks: inout [MarkdownBlock], openers: OpenerLines) {
        var write = 0
        // An IAL's attributes for the block right after it.
        var forNext = BlockAttributes()
        for read in blocks.indices {
            let mayHaveList = openers.any(from: blocks[read].start.line, through: blocks[read].end.line)
            if mayHaveList, let attributes = standaloneAttributes(blocks[read]) {
                let ialStart = blocks[read].start.line
                let ialEnd = blocks[read].end.line
                let hasNext = read + 1 < blocks.count
                let nextIsAdjacent = hasNext && blocks[read + 1].start.line == ialEnd + 1
                let previousIsAdjacent = write > 0 && blocks[write - 1].end.line == ialStart - 1
                // What an earlier IAL gave this one is dropped with it.
                forNext = BlockAttributes()
                if hasNext && (nextIsAdjacent || !previousIsAdjacent) {
                    forNext = attributes
                } else if write > 0 {
                    blocks[write - 1].attributes.merge(attributes)
                }
                continue
            }
            if write != read { blocks.swapAt(write, read) }
            if !forNext.isEmpty {
                blocks[write].attributes.merge(forNext)
                forNext = BlockAttributes()
            }
            if mayHaveList { applyInside(&blocks[write], openers: openers) }
            write += 1
        }
        blocks.removeLast(blocks.count - write)
    }

    private static func applyInside(_ block: inout MarkdownBlock, openers: OpenerLines) {
        switch block.kind {
        case .paragraph:
            applyToParagraphLines(&block)
        case .heading:
            applyToHeading(&block)
        case .blockQuote:
            if var last = block.children.last, case .paragraph = last.kind,
                let attributes = takeTrailingLine(of: &last.inlines)
            {
                block.attributes.merge(attributes)
                block.children[block.children.count - 1] = last
            }
            apply(to: &block.children, openers: openers)
        case .table:
            applyToTable(&block)
        case .tableCell:
            removeSpanAttributes(&block.inlines)
        default:
            apply(to: &block.children, openers: openers)
        }
    }

    private static func standaloneAttributes(_ block: MarkdownBlock) -> BlockAttributes? {
        guard case .paragraph = block.kind else { return nil }
        guard let text = textOnly(block.inlines) else { return nil }
        return AttributeList.parse(text)
    }

    private static func applyToParagraphLines(_ block: inout MarkdownBlock) {
        if let attributes = takeLeadingLine(of: &block.inlines) { block.attributes.merge(attributes) }
        if let attributes = takeTrailingLine(of: &block.inlines) { block.attributes.merge(attributes) }
        removeSpanAttributes(&block.inlines)
    }

    private static func applyToHeading(_ block: inout MarkdownBlock) {
        guard case .text(let text)? = block.inlines.last?.kind, let open = text.lastIndex(of: "{"),
            text.hasSuffix("}"), let attributes = AttributeList.parse(text[open...])
        else {
            removeSpanAttributes(&block.inlines)
            return
        }
        var kept = String(text[..<open])
        while kept.last == " " { kept.removeLast() }
        if kept.isEmpty {
            block.inlines.removeLast()
        } else {
            block.inlines[block.inlines.count - 1].kind = .text(kept)
        }
        block.attributes.merge(attributes)
    }

    private static func applyToTable(_ block: inout MarkdownBlock) {
        guard let lastRow = block.children.last, block.children.count > 1 else { return }
        let cells = lastRow.children
        guard let first = cells.first, let text = textOnly(first.inlines), let attributes = AttributeList.parse(text),
            cells.dropFirst().allSatisfy({ $0.inlines.isEmpty })
        else { return }
        block.children.removeLast()
        block.attributes.merge(attributes)
    }

    /// `{:.x}` + soft break + text: the first line is an IAL for the paragraph.
    private static func takeLeadingLine(of inlines: inout [MarkdownInline]) -> BlockAttributes? {
        guard inlines.count >= 2, case .softBreak = inlines[1].kind, case .text(let text) = inlines[0].kind,
            let attributes = AttributeList.parse(text)
        else { return nil }
        inlines.removeFirst(2)
        return attributes
    }

    /// text + soft break + `{:.x}`: the last line is an IAL for the enclosing block.
    private static func takeTrailingLine(of inlines: inout [MarkdownInline]) -> BlockAttributes? {
        let count = inlines.count
        guard count >= 2, case .softBreak = inlines[count - 2].kind, case .text(let text) = inlines[count - 1].kind,
            let attributes = AttributeList.parse(text)
        else { return nil }
        inlines.removeLast(2)
        return attributes
    }

    /// Span IALs (`**bold**{:.x}`) have no element to attach to in Docent's output: they are dropped from the text.
    private static func removeSpanAttributes(_ inlines: inout [MarkdownInline]) {
        for index in inlines.indices {
            switch inlines[index].kind {
            case .text(let text) where containsAttributeListOpener(text):
                inlines[index].kind = .text(strippingSpanAttributes(text))
            default:
                if !inlines[index].children.isEmpty { removeSpanAttributes(&inlines[index].children) }
            }
        }
    }

    private static func containsAttributeListOpener(_ text: String) -> Bool {
        ByteScan.contains(text, UInt8(ascii: "{"), followedBy: UInt8(ascii: ":"), or: UInt8(ascii: ":"))
    }

    private static func strippingSpanAttributes(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard afterOpen < rest.endIndex, rest[afterOpen] == ":",
                let close = rest[afterOpen...].firstIndex(of: "}"),
                AttributeList.parse(rest[open...close]) != nil
            else {
                out += rest[..<afterOpen]
                rest = rest[afterOpen...]
                continue
            }
            out += rest[..<open]
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private static func textOnly(_ inlines: [MarkdownInline]) -> String? {
        guard !inlines.isEmpty else { return nil }
        var text = ""
        for inline in inlines {
            guard case .text(let part) = inline.kind else { return nil }
            text += part
        }
        return text
    }
}

/// The lines of a text (1-based, as blocks' positions count them) that hold an attribute list's opener, `{:` or
/// `{#`, in order.
struct OpenerLines {
    private var lines: [Int] = []

    init(_ text: String) {
        var text = text
        lines = text.withUTF8 { bytes in
            // To each `{`, and to the newlines before an opener only (a byte loop over every page's text cost more
            // than the pass it spares).
            var found: [Int] = []
            var line = 1
            var counted = 0
            var position = 0
            while let index = ByteScan.firstIndex(of: UInt8(ascii: "{"), in: bytes, from: position, to: bytes.count) {
                position = index + 1
                guard position < bytes.count,
                    bytes[position] == UInt8(ascii: ":") || bytes[position] == UInt8(ascii: "#")
                else { continue }
                while let newline = ByteScan.firstIndex(of: 0x0A, in: bytes, from: counted, to: index) {
                    line += 1
                    counted = newline + 1
                }
                counted = index
                if found.last != line { found.append(line) }
            }
            return found
        }
    }

    var isEmpty: Bool { lines.isEmpty }

    /// True when a line from `first` through `last` holds an opener; true as well when the range is unknown (a
    /// block whose end is before its start).
    func any(from first: Int, through last: Int) -> Bool {
        guard last >= first else { return true }
        // The first opener line at or after `first`.
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] < first { low = middle + 1 } else { high = middle }
        }
        return low < lines.count && lines[low] <= last
    }
}
