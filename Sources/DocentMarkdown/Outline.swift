/// What a page contains that the site needs to know, with positions in the Markdown source: headings (for the
/// table of contents and anchors), links and images (for rewriting and checks), and plain text (for search).
public struct Outline: Sendable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
        public var position: SourcePosition
    }

    public struct Link: Sendable, Equatable {
        public var destination: String
        public var text: String
        public var position: SourcePosition
    }

    public struct Image: Sendable, Equatable {
        public var source: String
        public var alt: String
        public var position: SourcePosition
    }

    public var headings: [Heading] = []
    public var links: [Link] = []
    public var images: [Image] = []
    /// The readable text of the page (headings, paragraphs, lists, tables; not code), for the search index: at
    /// least `textLimit` characters of it when the page has that many.
    public var text: String = ""
    private let textLimit: Int

    /// An empty outline (a page written and let go of, or whose render was reused from the build cache).
    public init() {
        textLimit = .max
    }

    public init(_ document: MarkdownDocument, textLimit: Int = .max) {
        self.textLimit = textLimit
        visit(document.blocks)
    }

    /// Each block borrowed where it is (a `for` loop copies each, retaining every string and array in it).
    private mutating func visit(_ blocks: [MarkdownBlock]) {
        blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices { visit(blocks[index]) }
        }
    }

    private mutating func visit(_ block: MarkdownBlock) {
        switch block.kind {
        case .heading(let level):
            let text = block.inlines.plainText
            headings.append(Heading(level: level, text: text, id: block.attributes.id ?? "", position: block.start))
            appendText(text)
            visit(block.inlines, blockStart: block.start)
        case .paragraph, .tableCell:
            appendText(block.inlines)
            visit(block.inlines, blockStart: block.start)
        default:
            visit(block.children)
        }
    }

    private mutating func visit(_ inlines: [MarkdownInline], blockStart: SourcePosition) {
        inlines.withUnsafeBufferPointer { inlines in
            for index in inlines.indices { visit(inlines[index], blockStart: blockStart) }
        }
    }

    private mutating func visit(_ inline: MarkdownInline, blockStart: SourcePosition) {
        let position = inline.start.line > 0 ? inline.start : blockStart
        switch inline.kind {
        case .link(let destination, _):
            links.append(Link(destination: destination, text: inline.children.plainText, position: position))
        case .image(let source, _):
            images.append(Image(source: source, alt: inline.children.plainText, position: position))
        default:
            break
        }
        if !inline.children.isEmpty { visit(inline.children, blockStart: blockStart) }
    }

    /// True once the text holds `textLimit` characters.
    private var textIsFull = false

    private mutating func appendText(_ fragment: String) {
        guard !fragment.isEmpty, !textIsFull else { return }
        if !text.isEmpty { text += " " }
        text += fragment
        updateTextIsFull()
    }

    /// The inlines' plain text appended in place (no string per paragraph).
    private mutating func appendText(_ inlines: [MarkdownInline]) {
        guard !textIsFull else { return }
        let before = text.utf8.count
        if before > 0 { text += " " }
        let separated = text.utf8.count
        for inline in inlines { inline.appendPlainText(to: &text) }
        if text.utf8.count == separated && separated > before { text.removeLast() }
        updateTextIsFull()
    }

    private mutating func updateTextIsFull() {
        // Characters are counted only once there are enough UTF-8 bytes (a character has at least one).
        // ASCII text has as many characters as bytes; only other text needs the (slow) grapheme count.
        guard text.utf8.count >= textLimit else { return }
        textIsFull = ByteScan.isASCII(text) || text.count >= textLimit
    }
}
