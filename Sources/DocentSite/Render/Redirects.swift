import DocentMarkdown
import Liquid

/// jekyll-redirect-from, built in: a page's `redirect_from` URLs each get a small page that sends the reader on
/// to it (meta refresh, script, canonical link and a plain link), and a page with `redirect_to` is itself such a
/// page. In a Jekyll site when the config lists the plugin; always in a Docent site.
enum Redirects {
    /// A redirect page to write: where, and to which page.
    struct File: Sendable, Equatable {
        var outputPath: String
        var html: String
        var sitePath: String
    }

    static func enabled(for config: SiteConfig) -> Bool {
        config.layout == .docent || config.plugins.contains("jekyll-redirect-from")
    }

    /// The redirect pages of the site's pages, and a warning for each one a page or file of the site already
    /// writes (the site's own file wins).
    static func files(for pages: [Page], taken: Set<String>, config: SiteConfig) -> ([File], [Diagnostic]) {
        guard enabled(for: config) else { return ([], []) }
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        var written = taken
        // `redirects.json`, as the plugin writes it: every redirect's URL and where it leads.
        var map: [String: String] = [:]
        for page in pages {
            if case .string(let target)? = page.value(forKey: "redirect_to") { map[config.baseURL + page.url] = target }
            let sources: [String]
            var isList = false
            switch page.value(forKey: "redirect_from") {
            case .string(let url)?: sources = [url]
            case .array(let items)?:
                sources = items.compactMap { if case .string(let url) = $0 { url } else { nil } }
                isList = true
            default: continue
            }
            let target = config.url + config.baseURL + page.url
            for (index, source) in sources.enumerated() {
                let key = isList ? "redirect_from[\(index)]" : "redirect_from"
                var url = source.hasPrefix("/") ? source : "/" + source
                if !url.hasSuffix("/") && !(url.split(separator: "/").last?.contains(".") ?? false) { url += "/" }
                guard let output = try? OutputPath(confining: Permalink.outputPath(forURL: url)) else {
                    diagnostics.append(
                        .error(
                            "permalink.unsafe", "redirect_from `\(source)` would be written outside the output folder",
                            at: page.location(ofKey: key)))
                    continue
                }
                guard written.insert(output.path).inserted else {
                    diagnostics.append(
                        .warning(
                            "redirect.conflict", "redirect_from `\(source)` is already a page or file of the site",
                            at: page.location(ofKey: key)))
                    continue
                }
                files.append(
                    File(
                        outputPath: output.path,
                        html: html(to: RelativeURLs.relative(target, fromPage: url, config: config)),
                        sitePath: page.sitePath))
                map[config.baseURL + url] = target
            }
        }
        if !map.isEmpty, written.insert("redirects.json").inserted {
            var json = "{"
            for (index, key) in map.keys.sorted().enumerated() {
                if index > 0 { json += "," }
                JSONText.string(key, into: &json)
                json += ":"
                JSONText.string(map[key] ?? "", into: &json)
            }
            json += "}"
            files.append(File(outputPath: "redirects.json", html: json, sitePath: config.file ?? ""))
        }
        return (files, diagnostics)
    }

    /// The page jekyll-redirect-from writes.
    static func html(to url: String) -> String {
        let href = HTMLEscaping.escape(url)
        return """
            <!DOCTYPE html>
            <html lang="en-US">
              <meta charset="utf-8">
              <title>Redirecting&hellip;</title>
              <link rel="canonical" href="\(href)">
              <script>location="\(href.replacingOccurrences(of: "\"", with: "%22"))"</script>
              <meta http-equiv="refresh" content="0; url=\(href)">
              <meta name="robots" content="noindex">
              <h1>Redirecting&hellip;</h1>
              <a href="\(href)">Click here if you are not redirected.</a>
            </html>

            """
    }
}
