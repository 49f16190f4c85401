import DocentMarkdown

/// The two places a layout gives a walkthrough page's console: `{{ page.walkthrough_html }}` (the console and its
/// static screens, usually after `{{ content }}`) and `{{ page.walkthrough_head }}` (its script and styles, in the
/// `<head>`). A custom layout that leaves one out gets a warning at the line where it belongs.
struct WalkthroughHook: Sendable {
    /// The line of the layout's `{{ content }}`, where the console goes after.
    var contentLine: Int?
    /// The line of its `</head>`, where the runtime goes before.
    var headEndLine: Int?

    /// Finds the places in a layout's body (`lineOffset`: the lines of front matter before it).
    init(body: String, lineOffset: Int) {
        var line = lineOffset
        for text in body.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            if contentLine == nil, text.contains("content }}") || text.contains("content}}") { contentLine = line }
            if headEndLine == nil, text.contains("</head>") { headEndLine = line }
        }
    }

    /// Warnings for a rendered walkthrough page whose layouts (innermost first) left out the console or its runtime.
    static func diagnostics(html: String, layouts: [(sitePath: String, hook: WalkthroughHook)]) -> [Diagnostic] {
        guard let innermost = layouts.first else { return [] }
        var found: [Diagnostic] = []
        if !html.contains("class=\"docent-walkthrough\"") {
            let place = layouts.first { $0.hook.contentLine != nil } ?? innermost
            found.append(
                .warning(
                    "walkthrough.layout-hook",
                    "the layout `\(place.sitePath)` does not show this page's walkthrough",
                    at: SourceLocation(file: place.sitePath, line: place.hook.contentLine ?? 1, column: 1),
                    fixIt: "add `{{ page.walkthrough_html }}` after `{{ content }}`"))
        }
        if !html.contains("/walkthrough.js") {
            let place = layouts.first { $0.hook.headEndLine != nil } ?? layouts[layouts.count - 1]
            found.append(
                .warning(
                    "walkthrough.layout-hook",
                    "the layout `\(place.sitePath)` does not load the walkthrough's console: readers see its static "
                        + "screens only",
                    at: SourceLocation(file: place.sitePath, line: place.hook.headEndLine ?? 1, column: 1),
                    fixIt: "add `{{ page.walkthrough_head }}` before `</head>`"))
        }
        return found
    }
}
