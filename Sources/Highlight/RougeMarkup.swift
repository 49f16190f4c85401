/// Highlighted code in the markup Jekyll writes with Rouge, so a Rouge or Pygments theme stylesheet colours it:
/// a fenced block as kramdown writes it (`<div class="language-js highlighter-rouge"><div class="highlight"><pre
/// class="highlight"><code>…`), Liquid's `{% highlight %}` as Jekyll's tag writes it (`<figure
/// class="highlight"><pre><code class="language-js" data-lang="js">…`), line numbers as Rouge's table.
public enum RougeMarkup {
    /// What goes inside a fenced code block's `<div class="language-js highlighter-rouge">` (written by the
    /// caller, with the block's own attributes): the title, then `<div class="highlight">…</div>`; nil when
    /// Docent has no lexer for the language (the caller writes the block plain).
    public static func fencedBlockContent(_ code: String, info: CodeBlockInfo) -> String? {
        let bytes = Array(code.utf8)
        var lineClass: ((Int) -> String?)?
        let language: Language
        if let diffLanguage = info.diffLanguage {
            guard let inner = Language(named: diffLanguage) else { return nil }
            language = inner
            let markers = lineMarkers(bytes)
            lineClass = { line in
                line <= markers.count ? markers[line - 1] : nil
            }
        } else {
            guard let named = Language(named: info.language) else { return nil }
            language = named
        }
        if !info.highlightedLines.isEmpty || !info.insertedLines.isEmpty || !info.deletedLines.isEmpty {
            let marked = lineClass
            lineClass = { line in
                if info.insertedLines.contains(line) { return "gi" }
                if info.deletedLines.contains(line) { return "gd" }
                if info.highlightedLines.contains(line) { return "hll" }
                return marked?(line)
            }
        }
        var out = TokenHTML(capacity: bytes.count * 3 + 128)
        if let title = info.title {
            out.write("<div class=\"code-title\">")
            out.writeEscaped(title.utf8)
            out.write("</div>")
        }
        out.write("<div class=\"highlight\"><pre class=\"highlight\"><code>")
        write(bytes, language: language, lineNumbers: info.lineNumbers, lineClass: lineClass, into: &out)
        out.write("</code></pre></div>")
        return out.string
    }

    /// Jekyll's `{% highlight LANG [linenos] %}`: the body without its leading and trailing newlines; a language
    /// Docent has no lexer for, or any with `highlights` off (`highlighter: none`), written plain.
    public static func highlightTag(_ code: String, language: String, lineNumbers: Bool, highlights: Bool = true)
        -> String
    {
        var bytes = Array(code.utf8)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        let leading = bytes.prefix { $0 == 0x0A || $0 == 0x0D }.count
        bytes.removeFirst(leading)
        var out = TokenHTML(capacity: bytes.count * 3 + 128)
        out.write("<figure class=\"highlight\"><pre><code class=\"language-")
        out.writeEscaped(language.utf8)
        out.write("\" data-lang=\"")
        out.writeEscaped(language.utf8)
        out.write("\">")
        if lineNumbers { bytes.append(0x0A) }
        let lexer = highlights ? Language(named: language) ?? .plaintext : .plaintext
        write(bytes, language: lexer, lineNumbers: lineNumbers, lineClass: nil, into: &out)
        out.write("</code></pre></figure>")
        return out.string
    }

    // MARK: - Helpers

    private static func write(
        _ bytes: [UInt8], language: Language, lineNumbers: Bool, lineClass: ((Int) -> String?)?,
        into out: inout TokenHTML
    ) {
        var lexing = Lexing(bytes: bytes)
        language.lex(&lexing)
        guard lineNumbers else {
            out.write(lexing.tokens, of: bytes, lineClass: lineClass)
            return
        }
        var lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if let last = bytes.last, last != 0x0A { lines += 1 }
        out.write("<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">")
        for line in 0..<lines { out.write("\(line + 1)\n") }
        out.write("</pre></td><td class=\"code\"><pre>")
        out.write(lexing.tokens, of: bytes, lineClass: lineClass)
        out.write("</pre></td></tr></tbody></table>")
    }

    /// `gi` for each line starting with `+`, `gd` for `-`, nil for the others.
    private static func lineMarkers(_ bytes: [UInt8]) -> [String?] {
        var markers: [String?] = []
        var lineStart = true
        for byte in bytes {
            if lineStart {
                markers.append(byte == UInt8(ascii: "+") ? "gi" : byte == UInt8(ascii: "-") ? "gd" : nil)
            }
            lineStart = byte == 0x0A
        }
        return markers
    }
}
