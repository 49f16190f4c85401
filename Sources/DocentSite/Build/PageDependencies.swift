import Liquid

/// What one rendered page depends on besides its own file: the edges of the incremental build's dependency graph.
/// A page is rendered again when one of these changes; everything else keeps its last output.
struct PageDependencies: Sendable {
    /// Layout names of its chain, innermost first, including a missing one (so creating it re-renders the page).
    var layouts: Set<String> = []
    /// Includes, layouts and the page body together: includes (transitively), data files, site lists.
    var references = TemplateReferences()
    /// Files read through `{% include_relative %}`, and the files a stylesheet imports (or looked for), relative
    /// to the site root.
    var relativeFiles: Set<String> = []
    /// URLs of other pages whose title or existence the page shows (breadcrumbs, category, related resources).
    var pageURLs: Set<String> = []
    /// Content paths of pages its `.md` links point to.
    var linkedContentPaths: Set<String> = []
    /// A link the outline does not show (in an FAQ answer) may point to any page.
    var anyLink = false
    /// The body went through Liquid (custom tags may read anything of `site`).
    var usesLiquid = false

    /// Whether a page with these dependencies shows one of `urls` (old or new URLs of pages that changed).
    func showsAny(of urls: Set<String>) -> Bool {
        !pageURLs.isDisjoint(with: urls)
    }

    /// The forms of a URL written in front matter that `SiteModel.pageIndex(forURL:)` would resolve to the same page.
    static func urlForms(_ url: String, baseURL: String) -> [String] {
        var path = url
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if !baseURL.isEmpty, path.hasPrefix(baseURL + "/") { path.removeFirst(baseURL.count) }
        var forms = [path, path + "/"]
        if path.hasSuffix("/index.html") { forms.append(String(path.dropLast(10))) }
        return forms
    }
}

/// What other pages can see of a page: when none of this changes, an edit re-renders only the page itself.
struct PageSummary: Equatable, Sendable {
    var url: String
    var title: String
    var navigationTitle: String
    var description: String
    var contentPath: String
    var outputPath: String
    /// The front matter other pages see in `site.pages` (`nav_order`, `parent`, …).
    var values: [String: LiquidValue]

    init(_ page: Page) {
        url = page.url
        title = page.title
        navigationTitle = page.meta.title ?? page.title
        description = page.meta.description ?? ""
        contentPath = page.contentPath
        outputPath = page.outputPath
        values = page.values
    }
}
