import Foundation
import Liquid

/// Everything known about the site after loading, computed once and shared (read-only) by the page renders:
/// pages by URL and by path, static files, data files, the navigation and the `site` template value.
final class SiteModel: Sendable {
    let config: SiteConfig
    let pages: [Page]
    let pageByURL: [String: Int]
    let pageByContentPath: [String: Int]
    let staticFiles: [SourceFile]
    let staticURLs: Set<String>
    let data: LiquidValue
    let navigation: Navigation
    /// The `site` templates see, without the lists of pages (`SiteLists`: `site.pages`, the collections, …).
    let siteWithoutLists: LiquidValue
    /// With them: made when first read (`listsWhenFirstRead`: they read every page's front matter, which a page
    /// made from the build cache's record makes on first use, `PageDetails`), else while the model is made.
    private let fullSite: OnDemand<LiquidValue>
    let diagnostics: [Diagnostic]
    /// A Jekyll post's `page.previous` and `page.next` (the posts before and after it by date), by URL.
    let postNeighbours: [String: (previous: LiquidValue, next: LiquidValue)]

    init(
        config: SiteConfig, pages: [Page], staticFiles: [SourceFile], data: LiquidValue,
        navigationFile: (sitePath: String, data: YAMLData)?, listsWhenFirstRead: Bool = false
    ) {
        self.config = config
        self.pages = pages
        var byURL: [String: Int] = [:]
        var byPath: [String: Int] = [:]
        for index in pages.indices {
            let url = pages[index].url
            if byURL[url] == nil { byURL[url] = index }
            byPath[pages[index].contentPath] = index
        }
        pageByURL = byURL
        pageByContentPath = byPath
        self.staticFiles = staticFiles
        staticURLs = Set(staticFiles.map(\.url))
        self.data = data
        // Lists every render will read are made on the other core while the navigation is.
        let pendingLists =
            listsWhenFirstRead
            ? nil : Background { SiteLists.values(pages: pages, staticFiles: staticFiles, config: config) }
        let navigation = Navigation(pages: pages, pageByURL: byURL, file: navigationFile)
        self.navigation = navigation
        diagnostics = navigation.diagnostics
        var site = config.values
        site["title"] = .string(config.title)
        site["description"] = .string(config.description)
        site["baseurl"] = .string(config.baseURL)
        site["url"] = .string(config.url)
        site["generator"] = "Docent"
        site["data"] = data
        site["nav"] = navigation.value
        if let github = config.github { site["github"] = github }
        siteWithoutLists = .object(site)
        fullSite = OnDemand { [site] in
            let lists = pendingLists?.value ?? SiteLists.values(pages: pages, staticFiles: staticFiles, config: config)
            return .object(site.merging(lists) { $1 })
        }
        postNeighbours = Self.neighbours(ofPosts: pages.filter { $0.collection == "posts" }.map(\.listValue))
    }

    /// The `site` templates see: `siteWithoutLists` with the lists of pages.
    var site: LiquidValue { fullSite.value }

    /// Whether `site` has been made (its lists read every page's front matter).
    var siteIsMade: Bool { fullSite.isMade }

    private static func neighbours(ofPosts posts: [LiquidValue]) -> [String: (previous: LiquidValue, next: LiquidValue)]
    {
        let ordered = SiteLists.chronological(posts)
        var result: [String: (previous: LiquidValue, next: LiquidValue)] = [:]
        for (index, post) in ordered.enumerated() {
            guard case .object(let fields) = post, case .string(let url)? = fields["url"] else { continue }
            result[url] = (
                index > 0 ? ordered[index - 1] : .nil_, index + 1 < ordered.count ? ordered[index + 1] : .nil_
            )
        }
        return result
    }

    /// The same site with some pages' contents replaced (same URLs, titles and order): everything derived from
    /// the page list is reused. For the incremental build of `docent serve`.
    init(reusing previous: SiteModel, pages: [Page]) {
        config = previous.config
        self.pages = pages
        pageByURL = previous.pageByURL
        pageByContentPath = previous.pageByContentPath
        staticFiles = previous.staticFiles
        staticURLs = previous.staticURLs
        data = previous.data
        navigation = previous.navigation
        siteWithoutLists = previous.siteWithoutLists
        fullSite = previous.fullSite
        diagnostics = previous.diagnostics
        postNeighbours = previous.postNeighbours
    }

    /// Resolves a site URL as written in front matter or a link ("/guides/sso/", "/guides/sso", "sso/") to the
    /// index of its page in `pages` (with or without the baseurl, `index.html`, a fragment or a query). An index,
    /// not a `Page`: callers need one field or only the page's existence, and copying a page retains all its parts.
    func pageIndex(forURL url: String) -> Int? {
        var path = url
        if let end = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            path = String(path[..<end])
        }
        if !config.baseURL.isEmpty, path.hasPrefix(config.baseURL + "/") { path.removeFirst(config.baseURL.count) }
        return pageByURL[path] ?? pageByURL[path + "/"]
            ?? pageByURL[path.hasSuffix("/index.html") ? String(path.dropLast(10)) : path]
    }
}
