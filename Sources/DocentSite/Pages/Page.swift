import Liquid

/// A page of the site after loading: where it comes from, where it goes, its front matter and its body.
public struct Page: Sendable {
    /// Path relative to the site root ("content/guides/sso.md"): what diagnostics name.
    public var sitePath: String
    /// Path inside the content folder ("guides/sso.md"): what `.md` links and `page.path` use.
    public var contentPath: String
    /// The page's URL without the site's baseurl ("/guides/sso/", "/404.html").
    public var url: String
    /// The file written ("guides/sso/index.html").
    public var outputPath: String
    /// Where each key of the page's own front matter is written (its values, with the config's defaults, are
    /// `values`).
    public var keyPositions: KeyPositions { details.keyPositions }
    public var body: String
    /// Set when a large build let the body go after loading (`PageBodies`): the body's size and fingerprint, which
    /// the file read again must match. Nil while `body` holds the text.
    var bodySetAside: PageBodies.Fingerprint? = nil
    /// Lines of the file above the body (the front matter and its fences).
    public var bodyLineOffset: Int
    public var isMarkdown: Bool
    public var collection: String?
    /// The typed keys, key positions, values and the lists' view of them, held once for the page and its copies
    /// (out of line: the loaded page and the rendered page that holds a copy of it share them); made on first use
    /// for a page the build cache made from its record.
    private var details: PageDetails

    /// The front matter keys Docent understands, typed.
    public var meta: PageMeta { details.meta }
    /// Front matter as template values, with config defaults applied.
    public var values: [String: LiquidValue] { details.values.values }
    /// One front matter value (`values[key]`), without making the dictionary of them all.
    public func value(forKey key: String) -> LiquidValue? {
        details.brief.lacks(key) ? nil : details.values.value(forKey: key)
    }
    /// The page as `site.pages` and the collections' lists show it, made when the page is loaded (on every core)
    /// rather than when the model gathers the lists.
    public var listValue: LiquidValue { details.values.list }
    /// What the build reads of every page, without making its front matter's parts.
    var brief: PageBrief { details.brief }
    /// Whether the front matter's parts are made (a page from the cache's record makes them on first use).
    var detailsAreMade: Bool { details.isMade }

    init(
        sitePath: String, contentPath: String, url: String, outputPath: String, meta: PageMeta,
        keyPositions: KeyPositions, values: [String: LiquidValue], body: String, bodyLineOffset: Int,
        isMarkdown: Bool, collection: String?, config: SiteConfig
    ) {
        self.sitePath = sitePath
        self.contentPath = contentPath
        self.url = url
        self.outputPath = outputPath
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.isMarkdown = isMarkdown
        self.collection = collection
        let fields = SiteLists.listFields(
            contentPath: contentPath, url: url, title: Self.templateTitle(meta.title, contentPath, in: config),
            description: meta.description, collection: collection)
        details = PageDetails(
            .init(meta: meta, keyPositions: keyPositions, values: PageValues(values: values, setting: fields)))
    }

    /// A page whose front matter's parts are made by `make` when first read; `brief` is what they give.
    init(
        sitePath: String, contentPath: String, url: String, outputPath: String, bodyLineOffset: Int,
        isMarkdown: Bool, collection: String?, brief: PageBrief, make: @escaping @Sendable () -> PageDetails.Parts
    ) {
        self.sitePath = sitePath
        self.contentPath = contentPath
        self.url = url
        self.outputPath = outputPath
        body = ""
        self.bodyLineOffset = bodyLineOffset
        self.isMarkdown = isMarkdown
        self.collection = collection
        details = PageDetails(brief: brief, make: make)
    }

    /// The parts of the page's front matter (for a page made on first use from the same front matter).
    var detailParts: PageDetails.Parts { details.parts }

    /// The page title, falling back to the first words of the file name.
    public var title: String { Self.title(brief.title, contentPath) }

    private static func title(_ title: String?, _ contentPath: String) -> String {
        if let title, !title.isEmpty { return title }
        let name = contentPath.split(separator: "/").last.map(String.init) ?? contentPath
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return stem == "index" ? "Home" : stem.replacingOccurrences(of: "-", with: " ").capitalized
    }

    /// Where a front matter key path is written in the file (1-based).
    public func location(ofKey path: String) -> SourceLocation {
        let position = keyPositions.position(of: path) ?? (0, 1)
        return SourceLocation(file: sitePath, line: position.line + 1, column: position.column)
    }

    /// The front matter keys the page itself writes (not from the config's defaults), with their values.
    public var writtenValues: [String: LiquidValue] {
        values.filter { keyPositions.contains($0.key) }
    }

    /// Where a body position (from the Markdown or Liquid pass) is in the file.
    public func location(bodyLine line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: sitePath, line: line + bodyLineOffset, column: column)
    }
}

extension Page {
    /// The title templates see as `page.title`: a Docent site's page always has one (from its file name when the
    /// front matter has none); a Jekyll site's page has its front matter's, as in Jekyll (themes skip untitled
    /// pages).
    func templateTitle(in config: SiteConfig) -> String? {
        Self.templateTitle(brief.title, contentPath, in: config)
    }

    private static func templateTitle(_ title: String?, _ contentPath: String, in config: SiteConfig) -> String? {
        config.layout == .docent || title != nil ? Self.title(title, contentPath) : nil
    }

    /// The page `category-url` names, as a URL without the baseurl: as written when it is absolute or has a
    /// scheme; a bare name is a folder beside the page's own ("admin" on "/guides/sso/" is "/guides/admin/").
    /// Breadcrumbs show it, `check` follows it and `serve` re-renders the page when its title changes.
    public var categoryPageURL: String? {
        guard let categoryURL = meta.categoryURL else { return nil }
        if categoryURL.contains(":") || categoryURL.hasPrefix("/") { return categoryURL }
        let folder = url.split(separator: "/").dropLast().joined(separator: "/")
        return "/" + (folder.isEmpty ? "" : folder + "/") + categoryURL + "/"
    }
}
