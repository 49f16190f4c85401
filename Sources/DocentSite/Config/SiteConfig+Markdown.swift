import DocentMarkdown

extension SiteConfig {
    /// How the site's Markdown reads: the heading ids it asks for, and in a Jekyll site whose Markdown is
    /// kramdown's (the default) kramdown's typographic quotes, dashes and ellipses.
    var markdownStyle: MarkdownStyle {
        MarkdownStyle(
            headingIDs: headingIDs == .kramdown ? .kramdown : .github,
            smartPunctuation: layout == .jekyll && markdownEngine == "kramdown")
    }

    /// Jekyll's `markdown:` setting, lowercased (`kramdown` unless the config names another).
    var markdownEngine: String {
        if case .string(let name)? = values["markdown"] { return name.lowercased() }
        return "kramdown"
    }
}
