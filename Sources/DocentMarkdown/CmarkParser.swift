import CCmarkGFM
import CCmarkGFMNodes
import CCmarkGFMThreadSafety

/// The one place that calls cmark-gfm: parses Markdown (CommonMark + GFM tables, strikethrough, autolinks, task
/// lists; raw HTML kept) and turns every node into a Swift value with its source position, then frees the C tree.
public enum CmarkParser {
    /// The GFM extensions Docent enables, in the order cmark-gfm's CLI attaches them.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// - Parameters:
    ///   - smartPunctuation: cmark's typographic quotes, dashes and ellipses (kramdown's default).
    ///   - bareURLLinks: GFM's autolink extension (kramdown has none).
    public static func parse(_ markdown: String, smartPunctuation: Bool = false, bareURLLinks: Bool = true)
        -> MarkdownDocument
    {
        let budget = ParseBudget(markdown)
        if let over = budget.overLimit { return MarkdownDocument(blocks: [], overBudget: over) }
        return budget.run {
            parseWithinBudget(markdown, smartPunctuation: smartPunctuation, bareURLLinks: bareURLLinks)
        }
    }

    private static func parseWithinBudget(_ markdown: String, smartPunctuation: Bool, bareURLLinks: Bool)
        -> MarkdownDocument
    {
        registerExtensionsOnce
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | (smartPunctuation ? CMARK_OPT_SMART : 0)
        guard let parser = cmark_parser_new(options) else { return MarkdownDocument(blocks: []) }
        defer { cmark_parser_free(parser) }
        let tableOverLimit = TableLimits.firstViolation(in: markdown)
        for name in extensionNames
        where (tableOverLimit == nil || name != "table") && (bareURLLinks || name != "autolink") {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        var converter = Converter()
        let blocks = converter.blocks(under: root)
        return MarkdownDocument(blocks: blocks, tooDeep: converter.tooDeep, tableOverLimit: tableOverLimit)
    }

    private static let registerExtensionsOnce: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// True when cmark-gfm calls Docent's thread-safe special-character handling (checked after a parse).
    public static var isThreadSafe: Bool { docent_cmark_special_characters_are_shared() == 1 }
}

// MARK: - Conversion

/// Walks the C tree once. Extension node types (table, strikethrough, task items) are registered at run time, so
/// their numeric type is learned from the type string the first time it is met.
private struct Converter {
    private var extensionKinds: [UInt32: String] = [:]
    private var depth = 0
    /// The first node whose children lie deeper than `MarkdownDocument.maxNestingDepth` (they are left out).
    private(set) var tooDeep: SourcePosition?

    mutating func blocks(under parent: OpaquePointer) -> [MarkdownBlock] {
        guard enter(parent) else { return [] }
        defer { depth -= 1 }
        var result: [MarkdownBlock] = []
        result.reserveCapacity(Self.childCount(parent))
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = block(node) { result.append(block) }
            child = cmark_node_next(node)
        }
        return result
    }

    private mutating func block(_ node: OpaquePointer) -> MarkdownBlock? {
        let start = SourcePosition(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let end = SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            return MarkdownBlock(kind: .paragraph, inlines: inlines(under: node), start: start, end: end)
        case CMARK_NODE_HEADING:
            return MarkdownBlock(
                kind: .heading(level: Int(cmark_node_get_heading_level(node))), inlines: inlines(under: node),
                start: start, end: end)
        case CMARK_NODE_BLOCK_QUOTE:
            return MarkdownBlock(kind: .blockQuote, children: blocks(under: node), start: start, end: end)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            return MarkdownBlock(
                kind: .list(
                    ordered: ordered, start: Int(cmark_node_get_list_start(node)),
                    tight: cmark_node_get_list_tight(node) != 0),
                children: blocks(under: node), start: start, end: end)
        case CMARK_NODE_ITEM:
            // The tasklist extension marks its items by attaching itself to them.
            let checked: Bool? =
                cmark_node_get_syntax_extension(node) == nil
                ? nil : cmark_gfm_extensions_get_tasklist_item_checked(node)
            return MarkdownBlock(kind: .item(checked: checked), children: blocks(under: node), start: start, end: end)
        case CMARK_NODE_CODE_BLOCK:
            return MarkdownBlock(
                kind: .codeBlock(info: text(node, DOCENT_CMARK_INFO), literal: literal(node)),
                start: start, end: end)
        case CMARK_NODE_HTML_BLOCK:
            return MarkdownBlock(kind: .htmlBlock(literal(node)), start: start, end: end)
        case CMARK_NODE_THEMATIC_BREAK:
            return MarkdownBlock(kind: .thematicBreak, start: start, end: end)
        default:
            switch extensionKind(node, type: type) {
            case "table":
                return MarkdownBlock(
                    kind: .table(alignments: alignments(node)), children: blocks(under: node), start: start, end: end)
            case "table_row", "table_header":
                return MarkdownBlock(
                    kind: .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0),
                    children: blocks(under: node), start: start, end: end)
            case "table_cell":
                return MarkdownBlock(kind: .tableCell, inlines: inlines(under: node), start: start, end: end)
            case "tasklist":
                return MarkdownBlock(
                    kind: .item(checked: cmark_gfm_extensions_get_tasklist_item_checked(node)),
                    children: blocks(under: node), start: start, end: end)
            default:
                // Footnote definitions and unknown custom blocks: keep their content as plain blocks.
                let children = blocks(under: node)
                return children.isEmpty
                    ? nil : MarkdownBlock(kind: .blockQuote, children: children, start: start, end: end)
            }
        }
    }

    private mutating func inlines(under parent: OpaquePointer) -> [MarkdownInline] {
        guard enter(parent) else { return [] }
        defer { depth -= 1 }
        var result: [MarkdownInline] = []
        result.reserveCapacity(Self.childCount(parent))
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let inline = inline(node) { result.append(inline) }
            child = cmark_node_next(node)
        }
        return result
    }

    private mutating func inline(_ node: OpaquePointer) -> MarkdownInline? {
        let start = SourcePosition(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT: return MarkdownInline(kind: .text(literal(node)), start: start)
        case CMARK_NODE_CODE: return MarkdownInline(kind: .code(literal(node)), start: start)
        case CMARK_NODE_SOFTBREAK: return MarkdownInline(kind: .softBreak, start: start)
        case CMARK_NODE_LINEBREAK: return MarkdownInline(kind: .lineBreak, start: start)
        case CMARK_NODE_HTML_INLINE: return MarkdownInline(kind: .html(literal(node)), start: start)
        case CMARK_NODE_EMPH: return MarkdownInline(kind: .emphasis, children: inlines(under: node), start: start)
        case CMARK_NODE_STRONG: return MarkdownInline(kind: .strong, children: inlines(under: node), start: start)
        case CMARK_NODE_LINK:
            return MarkdownInline(
                kind: .link(destination: text(node, DOCENT_CMARK_URL), title: text(node, DOCENT_CMARK_TITLE)),
                children: inlines(under: node), start: start)
        case CMARK_NODE_IMAGE:
            return MarkdownInline(
                kind: .image(source: text(node, DOCENT_CMARK_URL), title: text(node, DOCENT_CMARK_TITLE)),
                children: inlines(under: node), start: start)
        default:
            if extensionKind(node, type: type) == "strikethrough" {
                return MarkdownInline(kind: .strikethrough, children: inlines(under: node), start: start)
            }
            let children = inlines(under: node)
            return children.isEmpty ? nil : MarkdownInline(kind: .emphasis, children: children, start: start)
        }
    }

    /// One level down into `parent`'s children; false (and the place noted) past the depth limit.
    private mutating func enter(_ parent: OpaquePointer) -> Bool {
        guard depth < MarkdownDocument.maxNestingDepth else {
            if tooDeep == nil {
                tooDeep = SourcePosition(
                    line: Int(cmark_node_get_start_line(parent)), column: Int(cmark_node_get_start_column(parent)))
            }
            return false
        }
        depth += 1
        return true
    }

    /// Counted first so that each array is allocated once at its size (growing them was 2% of a build).
    private static func childCount(_ parent: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(parent)
        while let node = child {
            count += 1
            child = cmark_node_next(node)
        }
        return count
    }

    private mutating func extensionKind(_ node: OpaquePointer, type: cmark_node_type) -> String {
        let key = type.rawValue
        if let known = extensionKinds[key] { return known }
        let name = string(cmark_node_get_type_string(node))
        extensionKinds[key] = name
        return name
    }

    private func alignments(_ node: OpaquePointer) -> [TableAlignment] {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        guard let raw = cmark_gfm_extensions_get_table_alignments(node) else {
            return Array(repeating: .none, count: columns)
        }
        return (0..<columns).map { index in
            switch UInt8(raw[index]) {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
    }

    private func literal(_ node: OpaquePointer) -> String {
        text(node, DOCENT_CMARK_LITERAL)
    }

    /// A node's text, read in place (see CCmarkGFMNodes.h).
    private func text(_ node: OpaquePointer, _ which: docent_cmark_text) -> String {
        var length: Int32 = 0
        guard let bytes = docent_cmark_node_text(node, which, &length), length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
