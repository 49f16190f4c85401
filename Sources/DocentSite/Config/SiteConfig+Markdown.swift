import DocentMarkdown

extension SiteConfig {
    /// How the site's Markdown reads: the heading ids it asks for, and in a Jekyll site whose Markdown is
    /// kramdown's (the default) kramdown's typographic quotes, dashes and ellipses, and no links from bare URLs.
    var markdownStyle: MarkdownStyle {
        let ids: HeadingIDStyle = headingIDs == .kramdown ? .kramdown : .github
        return layout == .jekyll && markdownEngine == "kramdown"
            ? .kramdown(headingIDs: ids) : MarkdownStyle(headingIDs: ids)
    }

    /// Jekyll's `markdown:` setting, lowercased (`kramdown` unless the config names another).
    var markdownEngine: String {
        if case .string(let name)? = values["markdown"] { return name.lowercased() }
        return "kramdown"
    }
}
