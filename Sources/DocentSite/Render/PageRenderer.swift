import DocentMarkdown
import Foundation
import Liquid

/// A page after rendering: the HTML to write, what the checks and the search index need, and its problems.
public struct RenderedPage: Sendable {
    public var page: Page
    /// Empty once a build into a staging folder has written it.
    public var html: String
    public var outline: Outline
    /// True when the body went through Liquid, so Markdown positions are those of the rendered text.
    public var bodyHadLiquid: Bool
    /// The file line each line of the rendered body came from, when the body went through Liquid.
    public var bodyOrigins: LiquidOriginMap?
    /// What the body's Liquid refers to (includes and their parameters, variables), from the parse its render
    /// made; nil when the body has no Liquid or does not parse.
    public var bodyReferences: LiquidReferences?
    public var diagnostics: [Diagnostic]
    /// The guide's walkthrough after running its steps, when it has one (out of line: most pages have none).
    @IndirectOptional public var walkthrough: WalkthroughRun?
    /// The page in the search index (nil when search should not find it, and once the index has it; out of line).
    @IndirectOptional public var search: SearchDocument?
    /// The page as Markdown (`MarkdownTwin`), when the site writes LLM files and the page is Markdown.
    public var markdown: String? = nil
    /// A stylesheet's source map, written at its output path + ".map".
    public var sourceMap: String? = nil
    /// The site files a stylesheet's imports read or looked for (`serve` compiles it again when one changes).
    public var stylesheetInputs: Set<String> = []
    /// The site files a walkthrough page's head carries inline (`InlineHead`; `serve` renders it again when one
    /// changes).
    public var inlinedFiles: Set<String> = []
    /// A post's content before its layout, as jekyll-feed's feed shows it (only when the site lists the plugin).
    public var feedContent: String? = nil
    /// True when the page's content has a tab set (`{% tabs %}`), whose script and styles the site then needs.
    public var usesTabs = false

    /// Lets go of what only the check stage and `serve` read (the HTML, the outline, the Liquid maps, the body),
    /// once a build has written the page: a large site then holds a few hundred bytes per page, not its text.
    mutating func keepOnlySummary() {
        html = ""
        outline.headings = []
        outline.links = []
        outline.images = []
        outline.text = ""
        bodyOrigins = nil
        bodyReferences = nil
        page.body = ""
    }
}

extension RenderedPage {
    /// A page that could not be rendered, with why.
    init(unrendered page: Page, problem: Diagnostic) {
        self.init(
            page: page, html: "", outline: Outline(), bodyHadLiquid: false, bodyOrigins: nil, bodyReferences: nil,
            diagnostics: [problem], walkthrough: nil, search: nil)
    }
}

/// Renders one page: Liquid over the body, Markdown to HTML with link rewriting, then the layout chain.
struct PageRenderer {
    let model: SiteModel
    let templates: TemplateSet
    let markdownStyle: MarkdownStyle
    let simulation: (any WalkthroughSimulation)?
    let root: URL
    /// jemoji's image root when the config lists the plugin (read once, not per page).
    let emojiSource: String?
    /// Link the tabs' script and styles from the head of a page with a tab set (`BuildOptions.writesTabsRuntime`).
    let linksTabsRuntime: Bool
    /// Whether templates see the site's lists of pages (`SiteModel.site`), or `site` without them
    /// (`withoutListsOfPages`).
    private(set) var seesListsOfPages = true

    init(model: SiteModel, templates: TemplateSet, options: BuildOptions, root: URL) {
        self.model = model
        self.templates = templates
        markdownStyle = model.config.markdownStyle
        emojiSource = Jemoji.isEnabled(model.config) ? Jemoji.source(model.config) : nil
        simulation = options.simulation
        linksTabsRuntime = options.writesTabsRuntime
        self.root = root
    }

    /// A renderer whose templates see `site` without the lists of pages, for a page that does not read them
    /// (`TemplateReferences.readsLists`): the build cache renders so when no page has needed the lists yet, as
    /// making them makes every page's front matter (`PageDetails`), and renders again with them a page whose
    /// references show it reads them. What a template sees of `site` otherwise is the same.
    var withoutListsOfPages: PageRenderer {
        var renderer = self
        renderer.seesListsOfPages = false
        return renderer
    }

    private var site: LiquidValue { seesListsOfPages ? model.site : model.siteWithoutLists }

    func render(_ page: Page) -> RenderedPage {
        var diagnostics: [Diagnostic] = []
        var pageValues = baseValues(for: page)
        let bodyHadLiquid = Self.containsLiquid(page.body)
        var body = page.body
        var bodyTemplate: LiquidTemplate?
        var bodyOrigins: LiquidOriginMap?
        var bodyReferences: LiquidReferences?
        if bodyHadLiquid {
            bodyTemplate = parseLiquid(
                page.body, file: page.sitePath, lineOffset: page.bodyLineOffset, diagnostics: &diagnostics)
            if let bodyTemplate {
                let references = bodyTemplate.references
                bodyReferences = references
                if !model.config.liquidStrictFilters {
                    diagnostics += TemplateSet.unknownFilters(references, engine: templates.engine)
                }
                var origins = LiquidOriginMap()
                if let rendered = renderLiquid(
                    bodyTemplate, page: .object(pageValues), origins: &origins, diagnostics: &diagnostics)
                {
                    body = page.isMarkdown ? TabBodies.dedented(rendered) : rendered
                    bodyOrigins = origins
                }
            }
        }
        if page.isStylesheet {
            let compiled = SassStylesheet.compile(
                page, text: body, origins: bodyOrigins, config: model.config, root: root)
            return RenderedPage(
                page: page, html: compiled.css, outline: Outline(MarkdownDocument(blocks: [])),
                bodyHadLiquid: bodyHadLiquid, bodyOrigins: bodyOrigins, bodyReferences: bodyReferences,
                diagnostics: diagnostics + compiled.diagnostics, walkthrough: nil, search: nil,
                sourceMap: compiled.sourceMap, stylesheetInputs: compiled.inputs)
        }
        let resolver = LinkResolver(model: model, page: page)
        let renderer = HTMLRenderer(
            rewriteLink: resolver.link, rewriteImage: resolver.image, code: model.config.codeMarkup)
        var outline: Outline
        var content: String
        var walkthrough: WalkthroughRun?
        // Headings inside tabs keep their ids but stay out of the contents: only one tab of a set shows at a time.
        var inTabs: Set<SourcePosition> = []
        // The search index reads the page's Markdown body as it renders.
        let searchReader = SearchDocument.textReader(for: page, config: model.config)
        if page.isMarkdown {
            var document = Markdown.parse(body, style: markdownStyle)
            if bodyHadLiquid, body.containsBytes(TabMarkup.tabOpenPrefix) {
                inTabs = TabMarkup.headingsInTabs(document)
            }
            diagnostics += Self.limitDiagnostics(document, page: page)
            if let spec = page.meta.walkthrough {
                walkthrough = bindWalkthrough(
                    spec, page: page, bodyReferences: bodyReferences, bodyOrigins: bodyOrigins, document: &document,
                    resolver: resolver, diagnostics: &diagnostics)
                pageValues["walkthrough_html"] = .string(
                    walkthrough.map { WalkthroughHTML.render($0, baseURL: model.config.baseURL) } ?? "")
                if walkthrough != nil, let simulation {
                    pageValues["walkthrough_head"] = .string(
                        SimulationRuntime.headTags(
                            simulation, baseURL: model.config.baseURL, moduleFirst: walkthrough?.pathJSON == nil))
                }
            }
            outline = Outline(document, textLimit: 0)
            var bodyRenderer = renderer
            bodyRenderer.textReader = searchReader
            content = bodyRenderer.render(document)
            if let walkthrough {
                content = StepPictures.apply(content, run: walkthrough, root: root, image: resolver.image)
                content = WalkthroughHTML.tryItNote + content
            }
        } else {
            outline = Outline(MarkdownDocument(blocks: []))
            content = body
        }
        var tocEntries: [LiquidValue] = outline.headings.filter {
            ($0.level == 2 || $0.level == 3) && !inTabs.contains($0.position)
        }.map {
            .object(["level": .int($0.level), "id": .string($0.id), "text": .string($0.text)])
        }
        if walkthrough != nil {
            tocEntries.append(
                .object(["level": .int(2), "id": .string("walkthrough"), "text": .string(WalkthroughHTML.tocTitle)]))
        }
        pageValues["toc"] = .array(tocEntries)
        if model.config.docentFrontMatter {
            pageValues["breadcrumb_links"] = breadcrumbs(for: page, diagnostics: &diagnostics)
            pageValues["related"] = related(for: page, diagnostics: &diagnostics)
        }
        let writesTwin = page.isMarkdown && model.config.writesLLMFiles && !page.url.hasSuffix("404.html")
        var faqAnswers: [(question: String, answer: String)] = []
        if templates.usesFAQItems {
            faqAnswers = answers(toFAQsOf: page, pageValue: .object(pageValues), diagnostics: &diagnostics)
        } else if writesTwin
            || (!page.meta.faqs.isEmpty && model.config.writesSearchIndex && SearchDocument.indexes(page))
        {
            // Only the twin and the search index show them: their problems are not the page's (no template
            // renders them).
            var unshown: [Diagnostic] = []
            faqAnswers = answers(toFAQsOf: page, pageValue: .object(pageValues), diagnostics: &unshown)
        }
        // The answers' Markdown, parsed once for the page and the search index.
        let faqs = faqDocuments(faqAnswers)
        if templates.usesFAQItems { pageValues["faq_items"] = faqItems(faqs, renderer: renderer) }
        pageValues["content"] = .string(content)
        var html: String
        if faqs.isEmpty {
            html = applyLayouts(page: page, pageValues: pageValues, content: content, diagnostics: &diagnostics)
        } else {
            // A layout's `markdownify` of an answer renders the document parsed here rather than parsing it again.
            let parsed = Dictionary(zip(faqAnswers.map(\.answer), faqs.map(\.answer))) { first, _ in first }
            html = ParsedMarkdown.$known.withValue(parsed) {
                applyLayouts(page: page, pageValues: pageValues, content: content, diagnostics: &diagnostics)
            }
        }
        if walkthrough != nil, simulation != nil,
            let layout = page.meta.layout ?? templates.implicitLayout(for: page, config: model.config)
        {
            let chain = templates.chain(startingAt: layout).layouts.map { ($0.sitePath, $0.walkthroughHook) }
            diagnostics += WalkthroughHook.diagnostics(html: html, layouts: chain)
        }
        // A tab set comes from the tabs' tags (in the body or an include it calls), so only a body with Liquid has one.
        let usesTabs = bodyHadLiquid && TabsRuntime.isUsed(in: content)
        if usesTabs && linksTabsRuntime { html = TabsRuntime.linked(html, baseURL: model.config.baseURL) }
        var inlinedFiles: Set<String> = []
        if walkthrough != nil, let simulation, model.config.inlinesWalkthroughHead {
            // What the console's first screen waits for, inline: one round trip less on a slow network.
            let scripts = Set(simulation.runtimeFiles.filter { $0.kind == .script }.map(\.path))
            (html, inlinedFiles) = InlineHead.inlined(
                html, baseURL: model.config.baseURL, scriptPaths: scripts, file: servedFile)
        }
        if case .string(let target)? = page.value(forKey: "redirect_to"), Redirects.enabled(for: model.config) {
            html = Redirects.html(to: RelativeURLs.relative(target, fromPage: page.url, config: model.config))
        }
        if let emojiSource, page.outputPath.hasSuffix(".html") {
            html = Jemoji.emojify(html, source: emojiSource)
        }
        if RelativeURLs.applies(model.config, outputPath: page.outputPath) {
            html = RelativeURLs.rewrite(html, pageURL: page.url, baseURL: model.config.baseURL)
        }
        var rendered = RenderedPage(
            page: page, html: html, outline: outline, bodyHadLiquid: bodyHadLiquid, bodyOrigins: bodyOrigins,
            bodyReferences: bodyReferences,
            diagnostics: diagnostics,
            walkthrough: walkthrough,
            search: SearchDocument(page: page, config: model.config, reader: searchReader, faqs: faqs, content: content)
        )
        if page.collection == "posts" && JekyllFeed.isEnabled(model.config) { rendered.feedContent = content }
        rendered.usesTabs = usesTabs
        rendered.inlinedFiles = inlinedFiles
        if writesTwin {
            rendered.markdown = MarkdownTwin.text(
                page: page, body: body, origins: bodyOrigins, walkthrough: walkthrough, faqs: faqAnswers)
        }
        return rendered
    }

    /// The file the site serves at an output path, for `InlineHead`: a static file of the site, else the
    /// simulation's or the tabs' own file the build writes there; nil for a page's output (a stylesheet compiled
    /// from Sass is not there yet) and for what the build does not write.
    private func servedFile(_ outputPath: String) -> InlineHead.ServedFile? {
        if let file = model.staticFiles.first(where: { $0.outputPath == outputPath }) {
            if file.sitePath.hasPrefix("/") {
                // A theme's file, outside the site.
                return (try? Data(contentsOf: URL(fileURLWithPath: file.sitePath))).map { .init(bytes: Array($0)) }
            }
            guard case .success(let data) = SiteFileView(root: root).contents(file.sitePath) else { return nil }
            return .init(bytes: Array(data), sitePath: file.sitePath)
        }
        guard !model.pages.contains(where: { $0.outputPath == outputPath }) else { return nil }
        if let bytes = simulation?.runtimeFiles.first(where: { $0.path == outputPath })?.bytes {
            return .init(bytes: bytes)
        }
        if linksTabsRuntime, outputPath == TabsRuntime.stylesheetPath {
            return .init(bytes: Array(TabsRuntime.stylesheet.utf8))
        }
        return nil
    }

    /// Runs the guide's steps against the simulation and marks each step's list item for the page's script.
    private func bindWalkthrough(
        _ spec: WalkthroughSpec, page: Page, bodyReferences: LiquidReferences?, bodyOrigins: LiquidOriginMap?,
        document: inout MarkdownDocument, resolver: LinkResolver, diagnostics: inout [Diagnostic]
    ) -> WalkthroughRun? {
        guard let simulation else {
            diagnostics.append(
                .warning(
                    "walkthrough.unavailable", "this build has no simulation, so the walkthrough is not embedded",
                    at: page.location(ofKey: "walkthrough")))
            return nil
        }
        var runner = WalkthroughRunner(
            simulation: simulation, spec: spec, page: page,
            source: PageSource(page: page, root: root, origins: bodyOrigins),
            includesFolder: model.config.includesFolder,
            bodyIncludes: bodyReferences.map { TemplateReferences($0).includes.sorted() } ?? [])
        var run = runner.run(WrittenSteps.lists(in: document))
        for procedure in run.procedures {
            for step in procedure.steps {
                document.blocks.setAttribute("data-walkthrough-step", step.id, at: step.path[...])
            }
        }
        run.resolveImages { model.config.sourcePath(forURL: resolver.image($0)) }
        run.pathJSON = WalkthroughPath.json(run, simulation: simulation)
        return run
    }

    /// The Markdown limits a page passed (nesting depth, table size), as errors at their lines.
    private static func limitDiagnostics(_ document: MarkdownDocument, page: Page) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let deep = document.tooDeep {
            diagnostics.append(
                .error(
                    "markdown.too-deep",
                    "the Markdown nests deeper than \(MarkdownDocument.maxNestingDepth) levels here (quotes, lists or emphasis inside each other); what is deeper was left out",
                    at: page.location(bodyLine: deep.line, column: deep.column)))
        }
        if let over = document.overBudget {
            diagnostics.append(
                .error(
                    "markdown.too-complex",
                    "by here the page holds more Markdown than one page may (about \(ParseBudget.maxBytes >> 20) MB of parser memory, from its lines and its `*`, `_`, `[`, `` ` ``, `<` and `&`); the page was not rendered",
                    at: page.location(bodyLine: over.line, column: over.column),
                    note: "split the page, or move generated data to a data file"))
        }
        if let table = document.tableOverLimit {
            diagnostics.append(
                .error(
                    "markdown.table-too-large",
                    "this table passes the limits of a page (\(TableLimits.maxColumns) columns, \(TableLimits.maxCells) cells in all); the page's tables were left as text",
                    at: page.location(bodyLine: table.line, column: table.column),
                    note: "split the table, or move the data to a data file"))
        }
        return diagnostics
    }

    // MARK: - Page values

    private func baseValues(for page: Page) -> [String: LiquidValue] {
        var values = page.values
        // A Docent page always has a title (from its file name when the front matter has none); a Jekyll page has
        // the front matter's, as in Jekyll.
        if let title = page.templateTitle(in: model.config) { values["title"] = .string(title) }
        values["url"] = .string(page.url)
        values["path"] = .string(page.contentPath)
        values["edit_path"] = .string(page.sitePath)
        if case .string(let base)? = model.config.values["edit_url"], !base.isEmpty {
            let path = page.sitePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? page.sitePath
            values["edit_url"] = .string(base + (base.hasSuffix("/") ? "" : "/") + path)
        }
        if values["last_modified_at"] == nil, let text = model.config.gitDates?.lastCommit(of: page.sitePath) {
            values["last_modified_at"] = .string(text)
        }
        values["section"] = .string(model.navigation.sectionByURL[page.url] ?? "")
        if values["layout"] == nil { values["layout"] = .string(page.meta.layout ?? "") }
        if let neighbours = model.postNeighbours[page.url] {
            values["previous"] = neighbours.previous
            values["next"] = neighbours.next
        }
        return values
    }

    private func breadcrumbs(for page: Page, diagnostics: inout [Diagnostic]) -> LiquidValue {
        var links: [LiquidValue] = []
        for (index, url) in page.meta.breadcrumbs.enumerated() {
            guard let index = model.pageIndex(forURL: url) else {
                diagnostics.append(
                    .error(
                        "frontmatter.breadcrumb", "breadcrumb \(url) is not a page of the site",
                        at: page.location(ofKey: "breadcrumbs[\(index)]"),
                        note: suggestion(for: url)))
                continue
            }
            links.append(.object(["title": .string(model.pages[index].title), "url": .string(model.pages[index].url)]))
        }
        if page.meta.breadcrumbs.isEmpty, let category = page.meta.category, let url = page.categoryPageURL {
            links.append(
                .object([
                    "title": .string(category),
                    "url": .string(model.pageIndex(forURL: url).map { model.pages[$0].url } ?? url),
                ]))
        }
        return .array(links)
    }

    private func related(for page: Page, diagnostics: inout [Diagnostic]) -> LiquidValue {
        .array(
            page.meta.relatedResources.map { link in
                let external = !LinkResolver.isLocal(link.url)
                if !external, link.url.hasPrefix("/"), model.pageIndex(forURL: link.url) == nil,
                    !model.staticURLs.contains(link.url)
                {
                    diagnostics.append(
                        .error(
                            "frontmatter.related", "related resource \(link.url) is not a page of the site",
                            at: page.location(ofKey: link.keyPath), note: suggestion(for: link.url)))
                }
                return .object(["text": .string(link.text), "url": .string(link.url), "external": .bool(external)])
            })
    }

    /// Each FAQ's question and its answer after Liquid (Markdown still).
    private func answers(toFAQsOf page: Page, pageValue: LiquidValue, diagnostics: inout [Diagnostic])
        -> [(question: String, answer: String)]
    {
        page.meta.faqs.map { faq in
            var answer = faq.answer
            if Self.containsLiquid(answer) {
                let position = page.keyPositions.position(of: faq.keyPath) ?? (0, 1)
                answer =
                    parseLiquid(answer, file: page.sitePath, lineOffset: position.line, diagnostics: &diagnostics)
                    .flatMap { renderLiquid($0, page: pageValue, diagnostics: &diagnostics) } ?? answer
            }
            return (faq.question, answer)
        }
    }

    /// Each FAQ's id, question and answer parsed.
    private func faqDocuments(_ answers: [(question: String, answer: String)])
        -> [(id: String, question: String, answer: MarkdownDocument)]
    {
        var generator = HeadingIDGenerator(style: .github)
        return answers.map { faq in
            (
                "faq-" + generator.makeID(for: faq.question), faq.question,
                Markdown.parse(faq.answer, style: markdownStyle)
            )
        }
    }

    /// The FAQs as template values (`faq_items`), each with its id and its answer as HTML.
    private func faqItems(
        _ faqs: [(id: String, question: String, answer: MarkdownDocument)], renderer: HTMLRenderer
    ) -> LiquidValue {
        .array(
            faqs.map { faq in
                .object([
                    "id": .string(faq.id), "question": .string(faq.question),
                    "answer": .string(renderer.render(faq.answer)),
                ])
            })
    }

    // MARK: - Liquid and layouts

    private func parseLiquid(_ text: String, file: String, lineOffset: Int, diagnostics: inout [Diagnostic])
        -> LiquidTemplate?
    {
        do {
            let template = try templates.engine.parse(text, file: file, lineOffset: lineOffset)
            diagnostics += template.warnings.map(Diagnostic.init(liquid:))
            return template
        } catch {
            diagnostics.append(Diagnostic(liquid: error))
            return nil
        }
    }

    private func renderLiquid(_ template: LiquidTemplate, page: LiquidValue, diagnostics: inout [Diagnostic])
        -> String?
    {
        do {
            return try templates.engine.render(template, ["page": page, "site": site])
        } catch {
            diagnostics.append(Diagnostic(liquid: error))
            return nil
        }
    }

    /// The body's render, recording which file line each output line came from.
    private func renderLiquid(
        _ template: LiquidTemplate, page: LiquidValue, origins: inout LiquidOriginMap, diagnostics: inout [Diagnostic]
    ) -> String? {
        do {
            return try templates.engine.render(template, ["page": page, "site": site], origins: &origins)
        } catch {
            diagnostics.append(Diagnostic(liquid: error))
            return nil
        }
    }

    private func applyLayouts(
        page: Page, pageValues: [String: LiquidValue], content: String, diagnostics: inout [Diagnostic]
    ) -> String {
        guard let name = page.meta.layout ?? templates.implicitLayout(for: page, config: model.config), !name.isEmpty,
            name != "none", name != "null"
        else {
            return content
        }
        let (chain, missing) = templates.chain(startingAt: name)
        if let missing {
            let known = templates.layouts.keys.sorted()
            let location =
                page.meta.layout == nil
                ? SourceLocation(file: page.sitePath, line: 1, column: 1) : page.location(ofKey: "layout")
            // The implicit `default` is only a convenience: a Jekyll site without one renders the page bare, as
            // Jekyll does (a Docent site with layouts but no default is told).
            let implicit = page.meta.layout == nil
            if !(implicit && (known.isEmpty || model.config.layout == .jekyll)) {
                diagnostics.append(
                    .error(
                        "layout.missing", "layout `\(missing)` does not exist", at: location,
                        note: known.isEmpty ? nil : "layouts: \(known.joined(separator: ", "))",
                        fixIt: Suggestions.closest(to: missing, in: known).map { "use `layout: \($0)`" }))
            }
        }
        let pageValue = LiquidValue.object(pageValues)
        var output = content
        for layout in chain {
            do {
                output = try templates.engine.render(
                    layout.template,
                    [
                        "page": pageValue, "site": site, "content": .string(output),
                        "layout": .object(layout.values),
                    ])
            } catch {
                diagnostics.append(Diagnostic(liquid: error))
                break
            }
        }
        return output
    }

    private func suggestion(for url: String) -> String? {
        Suggestions.closest(to: url, in: model.pages.map(\.url)).map { "did you mean \($0)?" }
    }

    static func containsLiquid(_ text: String) -> Bool {
        ByteScan.contains(text, UInt8(ascii: "{"), followedBy: UInt8(ascii: "{"), or: UInt8(ascii: "%"))
    }
}
