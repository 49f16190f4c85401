import DocentMarkdown
import Foundation

/// The site-wide files written beside the pages: `sitemap.xml` and the search index `search.json`.
enum SiteFiles {
    /// Each page's searchable text is cut to this many characters to keep the index small on big sites.
    static let searchTextLimit = 2_000

    static func searchIndex(_ pages: [RenderedPage]) -> String {
        searchIndexPieces(pages).joined()
    }

    /// `search.json` as the pieces to write one after the other (each page's entry was made as the page rendered),
    /// so a big site's index is not first copied into one string.
    static func searchIndexPieces(_ pages: [RenderedPage]) -> [String] {
        var pieces = ["[\n"]
        pieces.reserveCapacity(pages.count * 2 + 2)
        for index in pages.indices where !pages[index].searchEntry.isEmpty {
            if pieces.count > 1 { pieces.append(",\n") }
            pieces.append(pages[index].searchEntry)
        }
        pieces.append("\n]\n")
        return pieces
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
        if ByteScan.isASCII(text) { return String(Substring(utf8.prefix(searchTextLimit))) }
        return String(text.prefix(searchTextLimit))
    }

    static func sitemap(_ pages: [RenderedPage], config: SiteConfig) -> String {
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in pages.filter({ !$0.page.isStylesheet }).map(\.page.url).sorted() where !url.hasSuffix("404.html") {
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
