import Liquid

extension SearchDocument {
    /// A rendered page's entry in the search index; nil for a page search should not find (a 404 page, a
    /// redirect, a stylesheet).
    init?(page: Page, html: String, config: SiteConfig) {
        guard !page.url.hasSuffix("404.html"), !page.isStylesheet, page.values["redirect_to"] == nil else {
            return nil
        }
        let filters = config.searchFilterKeys.compactMap { key -> (key: String, values: [String])? in
            let values: [String]
            switch page.values[key] {
            case .string(let value)?: values = [value]
            case .array(let items)?: values = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: return nil
            }
            return (key, values)
        }
        self.init(url: page.url, title: page.title, aliases: page.meta.searchAliases, filters: filters, html: html)
    }
}
