import Foundation

/// Turns a page's path inside the content folder into its URL and output file, as Jekyll does with
/// `permalink: pretty` (Docent's default) or with `.html` URLs.
enum Permalink {
    /// - Parameters:
    ///   - contentPath: "guides/sso.md", "index.md", "_how-tos/x.md" stripped of its collection folder.
    ///   - explicit: the page's `permalink` front matter, if any.
    ///   - style: the site's `permalink` setting.
    static func url(contentPath: String, explicit: String?, style: String, collection: String?) -> String {
        if let explicit, !explicit.isEmpty {
            var url = explicit.hasPrefix("/") ? explicit : "/" + explicit
            if !url.hasSuffix("/") && !hasExtension(url) { url += "/" }
            return url
        }
        var stem = contentPath
        if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
        let isHTMLSource = contentPath.hasSuffix(".html") || contentPath.hasSuffix(".htm")
        if let collection { stem = collection + "/" + stem }
        if stem == "index" { return "/" }
        if stem.hasSuffix("/index") { return "/" + stem.dropLast("index".count) }
        if style == "pretty" || style.hasSuffix("/") {
            return isHTMLSource && stem == "404" ? "/404.html" : "/" + stem + "/"
        }
        return "/" + stem + ".html"
    }

    /// The file for a URL: "/a/b/" → "a/b/index.html", "/404.html" → "404.html", "/release%20notes/" →
    /// "release notes/index.html" (percent-escapes decoded, as Jekyll writes them; `OutputPath` then confines it).
    static func outputPath(forURL url: String) -> String {
        // Decoded only when there is something to decode (Foundation's decoding costs a cached rebuild 2%).
        let decoded = url.utf8.contains(UInt8(ascii: "%")) ? (url.removingPercentEncoding ?? url) : url
        var path = String(decoded.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    private static func hasExtension(_ url: String) -> Bool {
        guard let last = url.split(separator: "/").last else { return false }
        return last.contains(".")
    }
}
