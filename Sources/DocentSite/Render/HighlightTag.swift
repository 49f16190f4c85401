import DocentMarkdown
import Highlight
import Liquid

/// Jekyll's `{% highlight js linenos %}…{% endhighlight %}`, written as Jekyll writes it (`<figure
/// class="highlight"><pre><code class="language-js" data-lang="js">…`, line numbers as Rouge's table).
enum HighlightTag {
    static func register(in configuration: inout LiquidConfiguration, code: CodeMarkup) {
        configuration.registerBlockTag("highlight") { call throws(LiquidError) -> String in
            let words = call.markup.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            let language = words.first.map(String.init) ?? "plaintext"
            let lineNumbers = words.dropFirst().contains { $0 == "linenos" || $0.hasPrefix("linenos=") }
            let html = RougeMarkup.highlightTag(
                call.body, language: language, lineNumbers: lineNumbers, highlights: code.highlights)
            return keepingBlankLines(html)
        }
    }

    /// The tag's output usually lands in Markdown, where a blank line would end the HTML block in the middle of
    /// the code: each line break that would leave a line blank is written as `&#10;` (the same text).
    static func keepingBlankLines(_ html: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var lineIsBlank = false
        for byte in html.utf8 {
            if byte == 0x0A {
                if lineIsBlank {
                    out.append(contentsOf: "&#10;".utf8)
                    continue
                }
                lineIsBlank = true
            } else if byte != 0x20 && byte != 0x09 {
                lineIsBlank = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
