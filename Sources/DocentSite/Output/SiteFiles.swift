import DocentMarkdown
import Foundation
import Liquid

/// The site-wide files written beside the pages: `sitemap.xml` and the search index under `search/`.
enum SiteFiles {
    /// The search index's files (see `SearchIndex`) of pages that still have their search documents, by output
    /// path.
    static func searchIndex(_ pages: [RenderedPage], config: SiteConfig) -> [(path: String, bytes: [UInt8])] {
        guard config.writesSearchIndex else { return [] }
        return SearchIndex.files(pages.compactMap(\.search), filterKeys: config.searchFilterKeys)
    }

    /// `llms.txt`, `llms-full.txt` and the pages' Markdown twins (see `LLMFiles`), by output path.
    static func llmFiles(_ pages: [RenderedPage], navigation: LiquidValue, config: SiteConfig)
        -> [(path: String, text: String)]
    {
        LLMFiles.files(pages, navigation: navigation, config: config)
    }

    static func sitemap(_ pages: [RenderedPage], config: SiteConfig) -> String {
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var urls: [String] = []
        urls.reserveCapacity(pages.count)
        for index in pages.indices where !pages[index].page.isStylesheet { urls.append(pages[index].page.url) }
        for url in urls.sorted() where !url.hasSuffix("404.html") {
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
