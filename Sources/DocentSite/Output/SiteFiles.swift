import Foundation

/// The site-wide files written beside the pages: `sitemap.xml` and the search index `search.json`.
enum SiteFiles {
    /// Each page's searchable text is cut to this many characters to keep the index small on big sites.
    static let searchTextLimit = 2_000

    static func searchIndex(_ pages: [RenderedPage]) -> String {
        var out = "[\n"
        var first = true
        for rendered in pages where !rendered.page.url.hasSuffix("404.html") {
            if !first { out += ",\n" }
            first = false
            out += "{\"title\":"
            JSONText.string(rendered.page.title, into: &out)
            out += ",\"url\":"
            JSONText.string(rendered.page.url, into: &out)
            out += ",\"description\":"
            JSONText.string(rendered.page.meta.description ?? "", into: &out)
            out += ",\"headings\":"
            out += "["
            for (index, heading) in rendered.outline.headings.enumerated() {
                if index > 0 { out += "," }
                out += "{\"id\":"
                JSONText.string(heading.id, into: &out)
                out += ",\"text\":"
                JSONText.string(heading.text, into: &out)
                out += "}"
            }
            out += "]"
            out += ",\"aliases\":"
            JSONText.strings(rendered.page.meta.searchAliases, into: &out)
            out += ",\"text\":"
            JSONText.string(String(rendered.outline.text.prefix(searchTextLimit)), into: &out)
            out += "}"
        }
        out += "\n]\n"
        return out
    }

    static func sitemap(_ pages: [RenderedPage], config: SiteConfig) -> String {
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in pages.map(\.page.url).sorted() where !url.hasSuffix("404.html") {
            out += "  <url><loc>"
            out += xmlEscape(config.url + config.baseURL + url)
            out += "</loc></url>\n"
        }
        out += "</urlset>\n"
        return out
    }

    static func xmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
