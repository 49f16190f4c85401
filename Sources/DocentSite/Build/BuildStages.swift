import Foundation
import Liquid

/// The one pipeline's stages: configure → discover → load → model → render → check → emit. Each takes values and
/// returns values (with the diagnostics it found). `SiteBuilder` (`build`, `check`) runs them once over the whole
/// site; `IncrementalBuild` (`serve`) runs the very same functions over what an edit changed and keeps their
/// results between edits. Nothing here writes; the sink does, in `SiteBuilder`'s emit or `serve`'s store.
enum BuildStages {
    // MARK: configure

    static func configure(_ options: BuildOptions, root: URL) -> (SiteConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig.load(root: root, explicitFile: options.configFile, diagnostics: &diagnostics)
        if let baseURL = options.baseURL { config.setBaseURL(baseURL) }
        config.github = GitHubMetadata.value(root: root, config: config)
        if config.layout == .docent, config.values["last_updated"] != .bool(false),
            GitHubMetadata.gitFolder(from: root) != nil
        {
            config.gitDates = GitDates(root: root)
        }
        return (config, diagnostics)
    }

    // MARK: discover

    struct Discovered {
        var pages: [SourceFile] = []
        var staticFiles: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
    }

    /// The site's page and static files, sorted by site path; then a gem theme's assets the site does not
    /// override (those with front matter are pages, as in Jekyll: the theme's `assets/main.scss`).
    static func discover(
        root: URL, config: SiteConfig, outputPath: String?,
        recordedPages: @escaping @Sendable () -> RecordedPages? = {
            nil
        }
    ) -> Discovered {
        var discovery = Discovery(root: root, config: config, outputPath: outputPath, recordedPages: recordedPages)
        let files = discovery.run()
        var result = Discovered(diagnostics: discovery.diagnostics)
        for file in files {
            if file.kind == .page { result.pages.append(file) } else { result.staticFiles.append(file) }
        }
        // A folder with neither a config nor a page is not a site (it used to build "0 pages" and succeed).
        if config.file == nil && result.pages.isEmpty {
            result.diagnostics.append(
                .error(
                    "config.missing",
                    "\(root.lastPathComponent) is not a site: it has no docent.yml or _config.yml, and no pages",
                    note:
                        "a site is a folder with a docent.yml and content/ (`docent init DIR` writes one), or a Jekyll site with a _config.yml or pages; pass its folder with --source"
                ))
        }
        if let theme = config.theme {
            let taken = Set(result.pages.map { $0.relativePath } + result.staticFiles.map(\.outputPath))
            for file in themeAssets(theme)
            where !taken.contains(file.kind == .page ? file.relativePath : file.outputPath) {
                if file.kind == .page { result.pages.append(file) } else { result.staticFiles.append(file) }
            }
        }
        return result
    }

    /// A theme's `assets/` files (pages when they start with front matter) whose site path is their absolute path.
    static func themeAssets(_ theme: JekyllTheme) -> [SourceFile] {
        let folder = theme.folder.appendingPathComponent("assets")
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [SourceFile] = []
        for case let relative as String in walker {
            let full = folder.path + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            files.append(
                SourceFile(
                    kind: Discovery.startsWithFrontMatter(path: full) ? .page : .staticFile, sitePath: full,
                    relativePath: "assets/" + relative, urlPrefix: "/",
                    collection: nil))
        }
        return files.sorted { $0.sitePath < $1.sitePath }
    }

    // MARK: load

    /// One page file after loading: the page (nil when its front matter is unusable) and its problems.
    struct Loaded: Sendable {
        var page: Page?
        var diagnostics: [Diagnostic]
    }

    /// Loads page files, on every core when there are several.
    /// With `bodies`, a page's body is kept or set aside as the page loads.
    static func load(
        _ files: [SourceFile], root: URL, config: SiteConfig, bodies: PageBodies? = nil, cache: LoadCache? = nil
    ) -> [Loaded] {
        let loader = PageLoader.Shared(PageLoader(root: root, config: config))
        let work: @Sendable (SourceFile) -> Loaded = {
            var (page, diagnostics) = cache?.load($0, with: loader) ?? loader.loader.load($0)
            // A page made from the cache's record has its body set aside already.
            if let bodies, page != nil, page?.bodySetAside == nil { bodies.keepOrSetAside(&page!) }
            return Loaded(page: page, diagnostics: diagnostics)
        }
        return files.count > 4 ? SiteBuilder.parallelMap(files, work) : files.map(work)
    }

    /// Whether a loaded page is part of the site: published, and not a draft unless drafts are asked for.
    static func isInSite(_ page: Page?, options: BuildOptions) -> Bool {
        guard let page else { return false }
        return page.brief.published && (options.includeDrafts || !page.brief.draft)
    }

    /// Two files writing the same output path.
    static func duplicateOutputs(_ pages: [Page], staticFiles: [SourceFile]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for file in staticFiles { owners[file.outputPath] = file.sitePath }
        for index in pages.indices {
            if let other = owners[pages[index].outputPath] {
                let page = pages[index]
                diagnostics.append(
                    .error(
                        "output.duplicate", "\(page.sitePath) and \(other) both write \(page.outputPath)",
                        at: page.meta.permalink != nil
                            ? page.location(ofKey: "permalink") : .init(file: page.sitePath, line: 1, column: 1)))
            } else {
                owners[pages[index].outputPath] = pages[index].sitePath
            }
        }
        return diagnostics
    }

    // MARK: model

    /// The data folder as `site.data`, with the navigation file when there is one.
    struct SiteData {
        var value: LiquidValue = .object([:])
        var navigation: (sitePath: String, data: YAMLData)?
        var diagnostics: [Diagnostic] = []
    }

    /// Every data file under the data folder, as Jekyll reads them: `.yml`, `.yaml` and `.json` as their value,
    /// `.csv` and `.tsv` as a list of rows keyed by the header; a subfolder is an object of its files
    /// (`_data/products/x.yml` is `site.data.products.x`). Hidden files and folders are skipped.
    /// Read through the site's view: a file or folder linked out of the site is reported, never read.
    static func loadData(root: URL, folder: String) -> SiteData {
        var result = SiteData()
        let view = SiteFileView(root: root)
        result.value = .object(loadDataFolder(view: view, folder: folder, depth: 0, into: &result))
        return result
    }

    private static func loadDataFolder(view: SiteFileView, folder: String, depth: Int, into result: inout SiteData)
        -> [String: LiquidValue]
    {
        var values: [String: LiquidValue] = [:]
        var names: [String] = []
        switch view.folderEntries(folder) {
        case .success(let found): names = found.sorted()
        case .failure(let refusal): result.diagnostics += [refusal.diagnostic].compactMap { $0 }
        }
        for name in names where !name.hasPrefix(".") {
            let sitePath = folder + "/" + name
            guard case .success(let real) = view.resolve(sitePath) else {
                if case .failure(let refusal) = view.resolve(sitePath), let diagnostic = refusal.diagnostic {
                    result.diagnostics.append(diagnostic)
                }
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                // Deep enough for any real data tree, and a bound on a folder linked into itself.
                guard depth < 32 else { continue }
                let nested = loadDataFolder(view: view, folder: sitePath, depth: depth + 1, into: &result)
                if case .object(var existing)? = values[name] {
                    existing.merge(nested) { old, _ in old }
                    values[name] = .object(existing)
                } else if values[name] == nil {
                    values[name] = .object(nested)
                }
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard ["yml", "yaml", "json", "csv", "tsv"].contains(ext) else { continue }
            let key = (name as NSString).deletingPathExtension
            let read = view.contents(sitePath)
            if case .failure(let refusal) = read, let diagnostic = refusal.diagnostic {
                result.diagnostics.append(diagnostic)
                continue
            }
            guard let data = try? read.get(), let text = String(validating: data, as: UTF8.self) else {
                result.diagnostics.append(
                    .error(
                        "data.unreadable", "cannot read \(sitePath) as UTF-8 text",
                        at: .init(file: sitePath, line: 1, column: 1)))
                continue
            }
            if ext == "csv" || ext == "tsv" {
                values[key] = DelimitedData.rows(text, separator: ext == "csv" ? "," : "\t")
                continue
            }
            switch YAMLData.parse(text) {
            case .success(let parsed):
                values[key] = parsed.value
                if depth == 0, key == "navigation" { result.navigation = (sitePath, parsed) }
            case .failure(let error):
                result.diagnostics.append(
                    .error(
                        "data.yaml", "invalid data file: \(error.message)",
                        at: .init(file: sitePath, line: error.line, column: error.column)))
            }
        }
        return values
    }

    static func model(
        config: SiteConfig, pages: [Page], staticFiles: [SourceFile], data: SiteData, listsWhenFirstRead: Bool = false
    ) -> SiteModel {
        SiteModel(
            config: config, pages: pages, staticFiles: staticFiles, data: data.value,
            navigationFile: data.navigation, listsWhenFirstRead: listsWhenFirstRead)
    }

    /// The layouts, includes and tags, seeing the model's `site`.
    static func templates(root: URL, config: SiteConfig, model: SiteModel) -> TemplateSet {
        TemplateSet(root: root, config: config, siteValues: { model.site })
    }

    // MARK: render

    /// What a rendered page reports. A walkthrough's failed steps are reported by the check stage
    /// (`WalkthroughCheck`) when it runs, else here (the run's `SeverityPolicy` then makes them warnings, so the
    /// page is still written, up to the failing step).
    static func problems(of page: RenderedPage, checking: Bool) -> [Diagnostic] {
        guard !checking, let walkthrough = page.walkthrough, !walkthrough.diagnostics.isEmpty else {
            return page.diagnostics
        }
        return page.diagnostics + walkthrough.diagnostics
    }

    /// The redirect pages (`redirect_from`) the site's pages ask for, never over a page or file of the site.
    static func redirects(pages: [Page], staticFiles: [SourceFile], config: SiteConfig) -> (
        [Redirects.File], [Diagnostic]
    ) {
        let taken = Set(pages.map(\.outputPath) + staticFiles.map(\.outputPath))
        return Redirects.files(for: pages, taken: taken, config: config)
    }

    /// The simulation's browser runtime files for a site whose pages have walkthroughs, when the options ask for
    /// them, never over a page or file of the site.
    static func simulationRuntime(
        _ options: BuildOptions, pages: [RenderedPage], staticFiles: [SourceFile], redirects: [Redirects.File]
    ) -> ([String: [UInt8]], [Diagnostic]) {
        guard options.writesSimulationRuntime, let simulation = options.simulation,
            pages.contains(where: { $0.walkthrough != nil })
        else { return ([:], []) }
        return SimulationRuntime.files(
            simulation, taken: outputPaths(pages: pages, staticFiles: staticFiles, redirects: redirects))
    }

    /// The tabs' script and styles for a site whose pages have a tab set, when the options ask for them, never over a
    /// page or file of the site.
    static func tabsRuntime(
        _ options: BuildOptions, pages: [RenderedPage], staticFiles: [SourceFile], redirects: [Redirects.File]
    ) -> [String: [UInt8]] {
        guard options.writesTabsRuntime, pages.contains(where: \.usesTabs) else { return [:] }
        return TabsRuntime.files(taken: outputPaths(pages: pages, staticFiles: staticFiles, redirects: redirects))
    }

    /// Every path the site's own pages, files and redirect pages write (made only for a site that needs a runtime's
    /// files: at 10,000 pages a set of 10,000 paths).
    private static func outputPaths(pages: [RenderedPage], staticFiles: [SourceFile], redirects: [Redirects.File])
        -> Set<String>
    {
        Set(pages.map(\.page.outputPath) + staticFiles.map(\.outputPath) + redirects.map(\.outputPath))
    }

    /// The stylesheets' source maps, by output path, in page order.
    static func sourceMaps(_ pages: [RenderedPage]) -> [(path: String, text: String)] {
        pages.compactMap { page in page.sourceMap.map { (page.page.outputPath + ".map", $0) } }
    }

    // MARK: check

    /// Every rule of `docent check` over the rendered site (external links aside: the command runs those).
    /// `templates` are the render's, whose parsed layouts and includes the checks read; without them the checks
    /// parse the templates again.
    static func check(
        model: SiteModel, pages: [RenderedPage], root: URL, templates: TemplateSet?, policy: SeverityPolicy
    ) -> [Diagnostic] {
        policy.apply(
            SiteChecks.run(
                model: model, pages: pages, root: root,
                templates: templates ?? BuildStages.templates(root: root, config: model.config, model: model))
        ).mergingRepeats
    }

    /// The run's severity policy: with or without the check stage, for a site of this layout.
    static func policy(_ options: BuildOptions, config: SiteConfig) -> SeverityPolicy {
        SeverityPolicy.pipeline(checking: options.runChecks, config: config)
    }
}

extension SourceFile {
    /// The file to read: inside the site, or a theme's file (whose site path is absolute).
    func location(in root: URL) -> URL {
        sitePath.hasPrefix("/") ? URL(fileURLWithPath: sitePath) : root.appendingPathComponent(sitePath)
    }

    /// Where a static file is written ("assets/site.css"); pages have `Page.outputPath`.
    var outputPath: String { String(url.dropFirst()) }

    /// A static file's URL without the baseurl ("/assets/site.css").
    var url: String { urlPrefix + relativePath }
}
