import DocentMarkdown
import Foundation

/// The tabs' browser runtime in a site: the script and styles a `{% tabs %}` set needs, carried by the binary
/// (`TabsRuntime.generated.swift`, from `assets/`), written into a site whose pages have a tab set where the site
/// has no file of its own at that path, and linked from such a page's `<head>` unless its layout links them already.
enum TabsRuntime {
    static let scriptPath = "assets/js/tabs.js"
    static let stylesheetPath = "assets/css/tabs.css"

    /// True when a page's content has a tab set.
    static func isUsed(in content: String) -> Bool {
        content.containsBytes(TabMarkup.setOpenPrefix)
    }

    /// The runtime's files by output path for a site whose pages have a tab set, the site's own files (`taken`) left
    /// alone.
    static func files(taken: Set<String>) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        if !taken.contains(scriptPath) { files[scriptPath] = Array(script.utf8) }
        if !taken.contains(stylesheetPath) { files[stylesheetPath] = Array(stylesheet.utf8) }
        return files
    }

    /// The page with `<link>` and `<script>` tags for the runtime before its `</head>`, each only when the page does
    /// not load that file already (a layout of this repository's theme links them itself); a page without a head
    /// is left as it is.
    static func linked(_ html: String, baseURL: String) -> String {
        var tags = ""
        if !html.contains("/" + stylesheetPath + "\"") {
            tags += "<link rel=\"stylesheet\" href=\"\(HTMLEscaping.escape(baseURL + "/" + stylesheetPath))\">\n"
        }
        if !html.contains("/" + scriptPath + "\"") {
            tags += "<script src=\"\(HTMLEscaping.escape(baseURL + "/" + scriptPath))\" defer></script>\n"
        }
        guard !tags.isEmpty, let head = html.range(of: "</head>", options: .caseInsensitive) else { return html }
        var out = html
        out.insert(contentsOf: tags, at: head.lowerBound)
        return out
    }
}
