import Highlight

/// How code is written: fenced blocks highlighted at build time in Rouge's markup (`<div class="language-js
/// highlighter-rouge">…`, see `Highlight.RougeMarkup`), and, in a Jekyll site, what kramdown adds (a block
/// without a language is Rouge's `plaintext`, inline code `<code class="language-plaintext
/// highlighter-rouge">`). With `highlighter: none` blocks are `<pre><code class="language-js">` as before.
public struct CodeMarkup: Sendable, Equatable {
    /// Fenced blocks in a language Docent has a lexer for are highlighted.
    public var highlights: Bool
    /// kramdown's `plaintext` default for blocks without a language and its classes on inline code.
    public var kramdownClasses: Bool

    public init(highlights: Bool, kramdownClasses: Bool) {
        self.highlights = highlights
        self.kramdownClasses = kramdownClasses
    }

    /// Docent's own sites.
    public static let docent = CodeMarkup(highlights: true, kramdownClasses: false)
    /// Sites laid out as Jekyll's, highlighting as Jekyll's default (Rouge) does.
    public static let jekyll = CodeMarkup(highlights: true, kramdownClasses: true)
    /// `highlighter: none`.
    public static let plain = CodeMarkup(highlights: false, kramdownClasses: false)
}

extension HTMLRenderer {
    /// A fenced or indented code block.
    func renderCodeBlock(info: String, literal: String, attributes: BlockAttributes, into out: inout HTMLOutput) {
        var parsed = CodeBlockInfo(parsing: info)
        if parsed.language.isEmpty && code.kramdownClasses { parsed.language = "plaintext" }
        if code.highlights, !parsed.language.isEmpty,
            let content = RougeMarkup.fencedBlockContent(literal, info: parsed)
        {
            var outer = attributes
            outer.classes.insert(contentsOf: ["language-" + parsed.language, "highlighter-rouge"], at: 0)
            open("div", outer, into: &out)
            out.write(content)
            out.write("</div>\n")
            return
        }
        open("pre", attributes, into: &out)
        let language = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
        if language.isEmpty {
            out.write("<code>")
        } else {
            out.write("<code class=\"language-")
            out.writeEscaped(String(language))
            out.write("\">")
        }
        out.writeEscaped(literal)
        out.write("</code></pre>\n")
    }

    /// An inline code span.
    func renderInlineCode(_ text: String, into out: inout HTMLOutput) {
        out.write(code.kramdownClasses ? "<code class=\"language-plaintext highlighter-rouge\">" : "<code>")
        out.writeEscaped(text)
        out.write("</code>")
    }
}
