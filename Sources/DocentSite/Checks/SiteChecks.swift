import Foundation

/// The checks `docent check` runs after rendering (links, anchors, images, includes, front matter schema,
/// duplicate ids…). Each rule lives in its own file and conforms to `SiteCheck`.
protocol SiteCheck: Sendable {
    /// A stable id prefix of the diagnostics this rule reports (`link`, `image`, …).
    var id: String { get }
    func run(_ context: CheckContext) -> [Diagnostic]
}

/// What a rule can look at: the site model, every rendered page with its outline, and the link index built once
/// for all rules (page URLs, anchors per page, static files).
struct CheckContext: Sendable {
    let model: SiteModel
    let pages: [RenderedPage]
    /// The site folder, for reading a user's file when a diagnostic needs its exact line.
    let root: URL
    let links: LinkIndex
    /// The layouts, includes and custom tags the pages were rendered with, parsed.
    let templates: TemplateSet

    init(model: SiteModel, pages: [RenderedPage], root: URL, templates: TemplateSet) {
        self.model = model
        self.pages = pages
        self.root = root
        self.templates = templates
        links = LinkIndex(model: model, pages: pages)
    }

    /// Runs `body` for every page on all cores and joins what it reports, in page order.
    func eachPage(_ body: @escaping @Sendable (RenderedPage) -> [Diagnostic]) -> [Diagnostic] {
        SiteBuilder.parallelMap(pages, body).flatMap { $0 }
    }

    func source(of page: Page) -> PageSource {
        PageSource(page: page, root: root)
    }

    /// The page's source with the origin map of its Liquid pass, for positions Markdown reported in the body.
    func source(of rendered: RenderedPage) -> PageSource {
        PageSource(page: rendered.page, root: root, origins: rendered.bodyOrigins)
    }
}

enum SiteChecks {
    /// Every rule, in the order they report.
    static let all: [any SiteCheck] = [
        LinkCheck(), FrontMatterLinkCheck(), ImageCheck(), DuplicateHeadingIDCheck(), CalloutCheck(), TabsCheck(),
        IncludeParameterCheck(), FrontMatterSchemaCheck(), WalkthroughCheck(), ScreenshotCheck(),
    ]

    static func run(model: SiteModel, pages: [RenderedPage], root: URL, templates: TemplateSet) -> [Diagnostic] {
        let timed = ProcessInfo.processInfo.environment["DOCENT_TIMINGS"] == "1"
        var last = ContinuousClock.now
        var timings: [String] = []
        func mark(_ name: String) {
            guard timed else { return }
            let now = ContinuousClock.now
            timings.append("\(name) \((now - last).formatted(.units(allowed: [.milliseconds])))")
            last = now
        }
        let context = CheckContext(model: model, pages: pages, root: root, templates: templates)
        mark("index")
        var diagnostics: [Diagnostic] = []
        for rule in all {
            diagnostics += rule.run(context)
            mark(String(describing: type(of: rule)))
        }
        if timed { FileHandle.standardError.write(Data("check timings: \(timings.joined(separator: ", "))\n".utf8)) }
        return diagnostics
    }
}
