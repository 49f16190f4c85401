/// A position in the Markdown text that was parsed (1-based line and column, columns in UTF-8 bytes as cmark counts).
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The HTML attributes a block carries: an id, classes, and other `key="value"` pairs (from kramdown attribute lists).
public struct BlockAttributes: Sendable, Hashable {
    public var id: String?
    public var classes: [String] = []
    public var pairs: [Pair] = []

    public struct Pair: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(id: String? = nil, classes: [String] = [], pairs: [Pair] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }

    public mutating func merge(_ other: BlockAttributes) {
        if let id = other.id { self.id = id }
        for name in other.classes where !classes.contains(name) { classes.append(name) }
        for pair in other.pairs {
            pairs.removeAll { $0.name == pair.name }
            pairs.append(pair)
        }
    }
}

public enum TableAlignment: Sendable, Hashable {
    case none, left, center, right
}

/// A block of a Markdown document, with its children and its position in the source.
public struct MarkdownBlock: Sendable {
    public enum Kind: Sendable {
        case document
        case paragraph
        case heading(level: Int)
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// `checked` is nil for a plain item, true/false for a task-list item.
        case item(checked: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
    }

    public var kind: Kind
    public var children: [MarkdownBlock]
    public var inlines: [MarkdownInline]
    public var start: SourcePosition
    public var end: SourcePosition
    public var attributes: BlockAttributes

    public init(
        kind: Kind, children: [MarkdownBlock] = [], inlines: [MarkdownInline] = [], start: SourcePosition,
        end: SourcePosition, attributes: BlockAttributes = BlockAttributes()
    ) {
        self.kind = kind
        self.children = children
        self.inlines = inlines
        self.start = start
        self.end = end
        self.attributes = attributes
    }
}

/// An inline element of a paragraph, heading or table cell.
public struct MarkdownInline: Sendable {
    public enum Kind: Sendable {
        case text(String)
        case code(String)
        case softBreak
        case lineBreak
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case html(String)
    }

    public var kind: Kind
    public var children: [MarkdownInline]
    public var start: SourcePosition

    public init(kind: Kind, children: [MarkdownInline] = [], start: SourcePosition) {
        self.kind = kind
        self.children = children
        self.start = start
    }
}

extension MarkdownInline {
    /// The plain text of this inline and its children (what a reader sees, without markup).
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let text), .code(let text): out += text
        case .softBreak, .lineBreak: out += " "
        case .html: break
        default: for child in children { child.appendPlainText(to: &out) }
        }
    }
}

extension Array where Element == MarkdownInline {
    /// The plain text of a run of inlines.
    public var plainText: String {
        var out = ""
        for inline in self { inline.appendPlainText(to: &out) }
        return out
    }
}

/// A parsed Markdown document: the tree of blocks, as cmark-gfm parsed it, after the attribute-list pass.
public struct MarkdownDocument: Sendable {
    /// How deep blocks and inlines may nest (`>` in `>`, a list in a list, emphasis in a link…). Every pass over the
    /// tree recurses, so the tree is cut here: 10,000 nested `>` in a 9 KB page would overflow the stack.
    public static let maxNestingDepth = 100

    public var blocks: [MarkdownBlock]
    /// Where the text nests deeper than `maxNestingDepth` (what is deeper was left out), if it does.
    public var tooDeep: SourcePosition?
    /// Where a table passes `TableLimits` (the page's tables were then left as text), if one does.
    public var tableOverLimit: SourcePosition?
    /// Where the page passed `ParseBudget` (it was then not parsed: no blocks), if it did.
    public var overBudget: SourcePosition?

    public init(
        blocks: [MarkdownBlock], tooDeep: SourcePosition? = nil, tableOverLimit: SourcePosition? = nil,
        overBudget: SourcePosition? = nil
    ) {
        self.blocks = blocks
        self.tooDeep = tooDeep
        self.tableOverLimit = tableOverLimit
        self.overBudget = overBudget
    }
}
