/// Renders a `MarkdownDocument` as HTML, the way cmark-gfm does, with hooks for what a docs site changes:
/// link and image destinations (rewritten `.md` links, resolved relative images) and block attributes
/// (heading ids, callout classes).
public struct HTMLRenderer {
    /// Rewrites a link destination (for example `sso.md#setup` → `/insomnia/sso/#setup`).
    public var rewriteLink: ((String) -> String)?
    /// Rewrites an image source (for example `../assets/images/x.jpg` → `/assets/images/x.jpg`).
    public var rewriteImage: ((String) -> String)?

    public init(rewriteLink: ((String) -> String)? = nil, rewriteImage: ((String) -> String)? = nil) {
        self.rewriteLink = rewriteLink
        self.rewriteImage = rewriteImage
    }

    public func render(_ document: MarkdownDocument) -> String {
        var out = ""
        out.reserveCapacity(4096)
        for block in document.blocks { render(block, tight: false, into: &out) }
        return out
    }

    public func render(inlines: [MarkdownInline]) -> String {
        var out = ""
        render(inlines, into: &out)
        return out
    }

    // MARK: - Blocks

    private func render(_ block: MarkdownBlock, tight: Bool, into out: inout String) {
        switch block.kind {
        case .document:
            for child in block.children { render(child, tight: false, into: &out) }
        case .paragraph:
            if tight {
                render(block.inlines, into: &out)
            } else {
                open("p", block.attributes, into: &out)
                render(block.inlines, into: &out)
                out += "</p>\n"
            }
        case .heading(let level):
            open("h\(level)", block.attributes, into: &out)
            render(block.inlines, into: &out)
            out += "</h\(level)>\n"
        case .blockQuote:
            open("blockquote", block.attributes, into: &out)
            out += "\n"
            for child in block.children { render(child, tight: false, into: &out) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            var attributes = block.attributes
            if ordered && start != 1 { attributes.pairs.insert(.init(name: "start", value: String(start)), at: 0) }
            open(ordered ? "ol" : "ul", attributes, into: &out)
            out += "\n"
            for child in block.children { render(child, tight: isTight, into: &out) }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item(let checked):
            var attributes = block.attributes
            if checked != nil { attributes.classes.insert("task-list-item", at: 0) }
            open("li", attributes, into: &out)
            if let checked {
                out += checked ? "<input type=\"checkbox\" disabled checked> " : "<input type=\"checkbox\" disabled> "
            }
            renderItemChildren(block.children, tight: tight, into: &out)
            out += "</li>\n"
        case .codeBlock(let info, let literal):
            open("pre", block.attributes, into: &out)
            let language = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
            if language.isEmpty {
                out += "<code>"
            } else {
                out += "<code class=\"language-"
                HTMLEscaping.escape(String(language), into: &out)
                out += "\">"
            }
            HTMLEscaping.escape(literal, into: &out)
            out += "</code></pre>\n"
        case .htmlBlock(let html):
            out += html
        case .thematicBreak:
            open("hr", block.attributes, into: &out)
            out += "\n"
        case .table(let alignments):
            renderTable(block, alignments: alignments, into: &out)
        case .tableRow, .tableCell:
            break  // rendered by renderTable
        }
    }

    private func renderItemChildren(_ children: [MarkdownBlock], tight: Bool, into out: inout String) {
        guard tight else {
            out += "\n"
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
                    out += "\n"
                }
                render(child, tight: true, into: &out)
            }
        }
    }

    private func renderTable(_ table: MarkdownBlock, alignments: [TableAlignment], into out: inout String) {
        open("table", table.attributes, into: &out)
        out += "\n"
        var inBody = false
        for row in table.children {
            guard case .tableRow(let isHeader) = row.kind else { continue }
            if isHeader {
                out += "<thead>\n"
            } else if !inBody {
                out += "<tbody>\n"
                inBody = true
            }
            out += "<tr>\n"
            for (column, cell) in row.children.enumerated() {
                let tag = isHeader ? "th" : "td"
                out += "<\(tag)"
                switch column < alignments.count ? alignments[column] : .none {
                case .left: out += " align=\"left\""
                case .center: out += " align=\"center\""
                case .right: out += " align=\"right\""
                case .none: break
                }
                out += ">"
                render(cell.inlines, into: &out)
                out += "</\(tag)>\n"
            }
            out += "</tr>\n"
            if isHeader { out += "</thead>\n" }
        }
        if inBody { out += "</tbody>\n" }
        out += "</table>\n"
    }

    private func open(_ tag: String, _ attributes: BlockAttributes, into out: inout String) {
        out += "<"
        out += tag
        if let id = attributes.id {
            out += " id=\""
            HTMLEscaping.escape(id, into: &out)
            out += "\""
        }
        if !attributes.classes.isEmpty {
            out += " class=\""
            for (index, name) in attributes.classes.enumerated() {
                if index > 0 { out += " " }
                HTMLEscaping.escape(name, into: &out)
            }
            out += "\""
        }
        for pair in attributes.pairs {
            out += " "
            HTMLEscaping.escape(pair.name, into: &out)
            out += "=\""
            HTMLEscaping.escape(pair.value, into: &out)
            out += "\""
        }
        out += ">"
    }

    // MARK: - Inlines

    private func render(_ inlines: [MarkdownInline], into out: inout String) {
        for inline in inlines { render(inline, into: &out) }
    }

    private func render(_ inline: MarkdownInline, into out: inout String) {
        switch inline.kind {
        case .text(let text):
            HTMLEscaping.escape(text, into: &out)
        case .code(let code):
            out += "<code>"
            HTMLEscaping.escape(code, into: &out)
            out += "</code>"
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br />\n"
        case .html(let html):
            out += html
        case .emphasis:
            wrap("em", inline.children, into: &out)
        case .strong:
            wrap("strong", inline.children, into: &out)
        case .strikethrough:
            wrap("del", inline.children, into: &out)
        case .link(let destination, let title):
            out += "<a href=\""
            HTMLEscaping.escapeURL(rewriteLink?(destination) ?? destination, into: &out)
            out += "\""
            if !title.isEmpty {
                out += " title=\""
                HTMLEscaping.escape(title, into: &out)
                out += "\""
            }
            out += ">"
            render(inline.children, into: &out)
            out += "</a>"
        case .image(let source, let title):
            out += "<img src=\""
            HTMLEscaping.escapeURL(rewriteImage?(source) ?? source, into: &out)
            out += "\" alt=\""
            HTMLEscaping.escape(inline.children.plainText, into: &out)
            out += "\""
            if !title.isEmpty {
                out += " title=\""
                HTMLEscaping.escape(title, into: &out)
                out += "\""
            }
            out += " loading=\"lazy\" />"
        }
    }

    private func wrap(_ tag: String, _ children: [MarkdownInline], into out: inout String) {
        out += "<\(tag)>"
        render(children, into: &out)
        out += "</\(tag)>"
    }
}
