import DocentMarkdown
import Foundation
import Liquid

/// The GitHub Pages plugins Docent has built in, as the tags they add: `{% seo %}` (jekyll-seo-tag: title,
/// description, canonical URL, Open Graph and Twitter card tags) and `{% feed_meta %}` (jekyll-feed: the feed's
/// `<link>`). A `plugins:` entry Docent does not have is a warning (`config.plugin`), never silence.
enum JekyllPlugins {
    /// Plugins whose effect Docent produces itself.
    static let builtIn: Set<String> = [
        "jekyll-seo-tag", "jekyll-sitemap", "jekyll-feed", "jekyll-redirect-from", "jekyll-include-cache",
        "jekyll-titles-from-headings", "jekyll-optional-front-matter", "jekyll-default-layout",
        "jekyll-relative-links", "jekyll-github-metadata", "jemoji",
    ]

    static func register(in configuration: inout LiquidConfiguration, config: SiteConfig) {
        configuration.registerTag("seo") { call throws(LiquidError) -> String in
            seo(call.environment, config: config)
        }
        configuration.registerTag("feed_meta") { call throws(LiquidError) -> String in
            let title = escape(config.title)
            return
                "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"\(escape(config.url + config.baseURL))/feed.xml\" title=\"\(title)\" />"
        }
    }

    /// What jekyll-seo-tag writes, for the tags a reader's browser and a search engine use (the title, the
    /// description, the canonical URL when the site has a `url`, Open Graph, Twitter and JSON-LD).
    static func seo(_ environment: [String: LiquidValue], config: SiteConfig) -> String {
        var page: [String: LiquidValue] = [:]
        if case .object(let values)? = environment["page"] { page = values }
        func text(_ key: String) -> String? {
            if case .string(let value)? = page[key], !value.isEmpty { return value }
            return nil
        }
        let siteTitle = config.title
        let pageTitle = text("title")
        let path = text("url") ?? "/"
        let home = path == "/" || path == "/index.html"
        var title = pageTitle ?? siteTitle
        if let pageTitle, !siteTitle.isEmpty, pageTitle != siteTitle {
            title = pageTitle + " | " + siteTitle
        } else if pageTitle == nil, home, !config.description.isEmpty {
            title = siteTitle + " | " + config.description
        }
        let headline = pageTitle ?? siteTitle
        let description = text("description") ?? config.description
        let url = config.url + config.baseURL + path
        var out = "<!-- Begin Jekyll SEO tag (Docent) -->\n<title>\(escape(title))</title>\n"
        out += "<meta name=\"generator\" content=\"Docent\" />\n"
        out += "<meta property=\"og:title\" content=\"\(escape(headline))\" />\n"
        out += "<meta property=\"og:locale\" content=\"en_US\" />\n"
        if !description.isEmpty {
            out += "<meta name=\"description\" content=\"\(escape(description))\" />\n"
            out += "<meta property=\"og:description\" content=\"\(escape(description))\" />\n"
        }
        if !config.url.isEmpty {
            out += "<link rel=\"canonical\" href=\"\(escape(url))\" />\n"
            out += "<meta property=\"og:url\" content=\"\(escape(url))\" />\n"
        }
        if !siteTitle.isEmpty { out += "<meta property=\"og:site_name\" content=\"\(escape(siteTitle))\" />\n" }
        out += "<meta property=\"og:type\" content=\"website\" />\n"
        out += "<meta name=\"twitter:card\" content=\"summary\" />\n"
        out += "<meta property=\"twitter:title\" content=\"\(escape(headline))\" />\n"
        // JSON-LD, keys in jekyll-seo-tag's (alphabetical) order.
        var json = "{\"@context\":\"https://schema.org\",\"@type\":\"\(home ? "WebSite" : "WebPage")\""
        if !description.isEmpty { json += ",\"description\":" + jsonString(description) }
        json += ",\"headline\":" + jsonString(headline)
        if home { json += ",\"name\":" + jsonString(siteTitle) }
        json += ",\"url\":" + jsonString(url) + "}"
        out += "<script type=\"application/ld+json\">\n\(json.replacingOccurrences(of: "</", with: "<\\/"))</script>\n"
        out += "<!-- End Jekyll SEO tag -->\n"
        return out
    }

    private static func jsonString(_ text: String) -> String {
        var out = ""
        JSONText.string(text, into: &out)
        return out
    }

    private static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
