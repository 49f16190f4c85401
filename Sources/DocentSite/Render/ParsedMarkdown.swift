import DocentMarkdown

/// Markdown the page being rendered has parsed already, by its text: its FAQ answers, parsed for the search index
/// (and the Markdown twin) before the layouts run. The layouts' `markdownify` of the same text (a layout that shows
/// `faq.a | markdownify`) renders the parsed document rather than parsing the text a second time; the HTML is the same,
/// since `Markdown.html` is the render of the parse with the same style. Bound for the current thread while a page's
/// layouts render (`PageRenderer`), read by the `markdownify` filter (`TemplateSet`).
enum ParsedMarkdown {
    @TaskLocal static var known: [String: MarkdownDocument] = [:]
}
