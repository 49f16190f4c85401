import DocentMarkdown
import Foundation

/// The site-wide files written beside the pages: `sitemap.xml` and the search index `search.json`.
enum SiteFiles {
    /// Each page's searchable text is cut to this many characters to keep the index small on big sites.
    static let searchTextLimit = 2_000

    static func searchIndex(_ pages: [RenderedPage]) -> String {
        var out = "[\n"
        out.reserveCapacity(pages.reduce(16) { $0 + $1.searchEntry.utf8.count + 2 })
        var first = true
        for rendered in pages where !rendered.searchEntry.isEmpty {
            if !first { out += ",\n" }
            first = false
            out += rendered.searchEntry
        }
        out += "\n]\n"
        return out
    }

    /// A page's object in the search index (made as each page renders, on every core), or "" for a 404 page.
    static func searchEntry(for page: Page, outline: Outline) -> String {
        guard !page.url.hasSuffix("404.html") else { return "" }
        var out = "{\"title\":"
        JSONText.string(page.title, into: &out)
        out += ",\"url\":"
        JSONText.string(page.url, into: &out)
        out += ",\"description\":"
        JSONText.string(page.meta.description ?? "", into: &out)
        out += ",\"headings\":["
        for (index, heading) in outline.headings.enumerated() {
            if index > 0 { out += "," }
            out += "{\"id\":"
            JSONText.string(heading.id, into: &out)
            out += ",\"text\":"
            JSONText.string(heading.text, into: &out)
            out += "}"
        }
        out += "],\"aliases\":"
        JSONText.strings(page.meta.searchAliases, into: &out)
        out += ",\"text\":"
        JSONText.string(searchText(outline.text), into: &out)
        out += "}"
        return out
    }

    /// The first `searchTextLimit` characters (counted without grapheme breaking when the text is ASCII).
    static func searchText(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.count <= searchTextLimit { return text }
        let isASCII =
            utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
        if isASCII { return String(Substring(utf8.prefix(searchTextLimit))) }
        return String(text.prefix(searchTextLimit))
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
        guard
            text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
