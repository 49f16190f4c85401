/// Renders a `MarkdownDocument` as HTML, the way cmark-gfm does, with hooks for what a docs site changes:
/// link and image destinations (rewritten `.md` links, resolved relative images) and block attributes
/// (heading ids, callout classes), and how code is written (highlighted at build time, see `CodeMarkup`).
public struct HTMLRenderer {
    /// Rewrites a link destination (for example `sso.md#setup` → `/insomnia/sso/#setup`).
    public var rewriteLink: ((String) -> String)?
    /// Rewrites an image source (for example `../assets/images/x.jpg` → `/assets/images/x.jpg`).
    public var rewriteImage: ((String) -> String)?
    public var code: CodeMarkup
    /// Reads the text as it is rendered (see `RenderedTextReader`).
    public var textReader: (any RenderedTextReader)?

    public init(
        rewriteLink: ((String) -> String)? = nil, rewriteImage: ((String) -> String)? = nil,
        code: CodeMarkup = .docent
    ) {
        self.rewriteLink = rewriteLink
        self.rewriteImage = rewriteImage
        self.code = code
    }

    public func render(_ document: MarkdownDocument) -> String {
        var out = HTMLOutput(capacity: 8192)
        for block in document.blocks { render(block, tight: false, into: &out) }
        return out.string
    }

    public func render(inlines: [MarkdownInline]) -> String {
        var out = HTMLOutput(capacity: 256)
        render(inlines, into: &out)
        return out.string
    }

    // MARK: - Blocks

    private func render(_ block: MarkdownBlock, tight: Bool, into out: inout HTMLOutput) {
        guard let textReader else { return write(block, tight: tight, into: &out) }
        // A block the reader does not want is written without it (a copy of the renderer, when the block has text).
        if textReader.enter(block) || (block.inlines.isEmpty && block.children.isEmpty) {
            write(block, tight: tight, into: &out)
        } else {
            var unread = self
            unread.textReader = nil
            unread.write(block, tight: tight, into: &out)
        }
        textReader.exit(block)
    }

    private func write(_ block: MarkdownBlock, tight: Bool, into out: inout HTMLOutput) {
        switch block.kind {
        case .document:
            for child in block.children { render(child, tight: false, into: &out) }
        case .paragraph:
            if tight {
                render(block.inlines, into: &out)
            } else {
                open("p", block.attributes, into: &out)
                render(block.inlines, into: &out)
                out.write("</p>\n")
            }
        case .heading(let level):
            let tag = Self.headingTags[min(max(level, 1), 6) - 1]
            open(tag, block.attributes, into: &out)
            render(block.inlines, into: &out)
            out.write("</")
            out.write(tag)
            out.write(">\n")
        case .blockQuote:
            open("blockquote", block.attributes, into: &out)
            out.write("\n")
            for child in block.children { render(child, tight: false, into: &out) }
            out.write("</blockquote>\n")
        case .list(let ordered, let start, let isTight):
            var attributes = block.attributes
            if ordered && start != 1 { attributes.pairs.insert(.init(name: "start", value: String(start)), at: 0) }
            open(ordered ? "ol" : "ul", attributes, into: &out)
            out.write("\n")
            for child in block.children { render(child, tight: isTight, into: &out) }
            out.write(ordered ? "</ol>\n" : "</ul>\n")
        case .item(let checked):
            var attributes = block.attributes
            if checked != nil { attributes.classes.insert("task-list-item", at: 0) }
            open("li", attributes, into: &out)
            if let checked {
                out.write(
                    checked ? "<input type=\"checkbox\" disabled checked> " : "<input type=\"checkbox\" disabled> ")
            }
            renderItemChildren(block.children, tight: tight, into: &out)
            out.write("</li>\n")
        case .codeBlock(let info, let literal):
            renderCodeBlock(info: info, literal: literal, attributes: block.attributes, into: &out)
        case .htmlBlock(let html):
            out.write(html)
        case .thematicBreak:
            open("hr", block.attributes, into: &out)
            out.write("\n")
        case .table(let alignments):
            renderTable(block, alignments: alignments, into: &out)
        case .tableRow, .tableCell:
            break  // rendered by renderTable
        }
    }

    private static let headingTags: [StaticString] = ["h1", "h2", "h3", "h4", "h5", "h6"]

    private func renderItemChildren(_ children: [MarkdownBlock], tight: Bool, into out: inout HTMLOutput) {
        guard tight else {
            out.write("\n")
            for child in children { render(child, tight: false, into: &out) }
            return
        }
        for (index, child) in children.enumerated() {
            if case .paragraph = child.kind {
                render(child, tight: true, into: &out)
            } else {
                if index == 0
                    || {
                        if case .paragraph = children[index - 1].kind { return true }; return false
                    }()
                {
                    out.write("\n")
                }
                render(child, tight: true, into: &out)
            }
        }
    }

    private func renderTable(_ table: MarkdownBlock, alignments: [TableAlignment], into out: inout HTMLOutput) {
        open("table", table.attributes, into: &out)
        out.write("\n")
        var inBody = false
        for row in table.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            _ = textReader?.enter(row)
            defer { textReader?.exit(row) }
            if isHeader {
                out.write("<thead>\n")
            } else if !inBody {
                out.write("<tbody>\n")
                inBody = true
            }
            out.write("<tr>\n")
            for (column, cell) in row.children.enumerated() {
                _ = textReader?.enter(cell)
                defer { textReader?.exit(cell) }
                out.write(isHeader ? "<th" : "<td")
                switch column < alignments.count ? alignments[column] : .none {
                case .left: out.write(" align=\"left\"")
                case .center: out.write(" align=\"center\"")
                case .right: out.write(" align=\"right\"")
                case .none: break
                }
                out.write(">")
                render(cell.inlines, into: &out)
                out.write(isHeader ? "</th>\n" : "</td>\n")
            }
            out.write("</tr>\n")
            if isHeader { out.write("</thead>\n") }
        }
        if inBody { out.write("</tbody>\n") }
        out.write("</table>\n")
    }

    func open(_ tag: StaticString, _ attributes: BlockAttributes, into out: inout HTMLOutput) {
        out.write("<")
        out.write(tag)
        if let id = attributes.id {
            out.write(" id=\"")
            out.writeEscaped(id)
            out.write("\"")
        }
        if !attributes.classes.isEmpty {
            out.write(" class=\"")
            for (index, name) in attributes.classes.enumerated() {
                if index > 0 { out.write(" ") }
                out.writeEscaped(name)
            }
            out.write("\"")
        }
        for pair in attributes.pairs {
            out.write(" ")
            out.writeEscaped(pair.name)
            out.write("=\"")
            out.writeEscaped(pair.value)
            out.write("\"")
        }
        out.write(">")
    }

    // MARK: - Inlines

    private func render(_ inlines: [MarkdownInline], into out: inout HTMLOutput) {
        for inline in inlines { render(inline, into: &out) }
    }

    private func render(_ inline: MarkdownInline, into out: inout HTMLOutput) {
        switch inline.kind {
        case .text(let text):
            textReader?.text(text)
            out.writeEscaped(text)
        case .code(let text):
            textReader?.text(text)
            renderInlineCode(text, into: &out)
        case .softBreak:
            textReader?.lineBreak()
            out.write("\n")
        case .lineBreak:
            textReader?.lineBreak()
            out.write("<br />\n")
        case .html(let html):
            out.write(html)
        case .emphasis:
            wrap("<em>", inline.children, "</em>", into: &out)
        case .strong:
            wrap("<strong>", inline.children, "</strong>", into: &out)
        case .strikethrough:
            wrap("<del>", inline.children, "</del>", into: &out)
        case .link(let destination, let title):
            out.write("<a href=\"")
            out.writeURL(rewriteLink?(destination) ?? destination)
            out.write("\"")
            if !title.isEmpty {
                out.write(" title=\"")
                out.writeEscaped(title)
                out.write("\"")
            }
            out.write(">")
            render(inline.children, into: &out)
            out.write("</a>")
        case .image(let source, let title):
            textReader?.image(inline.children)
            out.write("<img src=\"")
            out.writeURL(rewriteImage?(source) ?? source)
            out.write("\" alt=\"")
            out.writeEscaped(inline.children.plainText)
            out.write("\"")
            if !title.isEmpty {
                out.write(" title=\"")
                out.writeEscaped(title)
                out.write("\"")
            }
            out.write(" loading=\"lazy\" />")
        }
    }

    private func wrap(
        _ open: StaticString, _ children: [MarkdownInline], _ close: StaticString, into out: inout HTMLOutput
    ) {
        out.write(open)
        render(children, into: &out)
        out.write(close)
    }
}
