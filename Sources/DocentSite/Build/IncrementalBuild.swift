import Foundation
import Liquid

/// A site kept in memory between builds, for `docent serve`: the first `build()` runs the whole pipeline, then
/// `update(changed:)` re-reads only the files that changed and re-renders only the pages they affect, following
/// each page's dependencies (its layouts, includes, data files, and the pages whose titles or URLs it shows).
/// Between two calls the outputs are exactly those of a clean `SiteBuilder` build of the same files.
///
/// Not thread-safe: one owner calls it, one change set at a time.
public final class IncrementalBuild: @unchecked Sendable {
    /// What changed in the output since the previous call.
    public struct Update: Sendable {
        /// Output paths ("guide/index.html", "assets/site.css") with their new bytes.
        public var written: [String: [UInt8]] = [:]
        /// Output paths no longer produced.
        public var removed: Set<String> = []
        /// Every problem of the site as it now is (not only of this change). The check stage's problems are not
        /// among them until `check()` adds them: `serve` publishes the pages first and checks after.
        public var diagnostics: [Diagnostic] = []
        /// The build itself has no errors, so its pages can be shown (the check stage's errors, such as a broken
        /// link or a walkthrough step the simulation cannot do, leave the pages showable).
        public var publishable = true
        /// Pages rendered for this change.
        public var renderedPages = 0
        /// The change needed the whole pipeline (first build, config change).
        public var fullBuild = false
        /// `sitemap.xml` and the search index of the site as it now is, computed when first asked for.
        public var siteFiles: SiteFilesSnapshot
        public var seconds: Double = 0
        /// The site's baseurl ("" or "/docs"): served URLs start with it.
        public var baseURL = ""

        public var succeeded: Bool { diagnostics.errorCount == 0 }
        /// Only stylesheets changed: a browser can swap styles without reloading the page.
        public var stylesOnly: Bool {
            removed.isEmpty && !written.isEmpty && written.keys.allSatisfy(Self.isStyle)
        }

        /// A stylesheet or its source map.
        public static func isStyle(_ outputPath: String) -> Bool {
            let path = outputPath.lowercased()
            return path.hasSuffix(".css") || path.hasSuffix(".css.map")
        }
    }

    public let options: BuildOptions
    private let root: URL
    private var config = SiteConfig(layout: .docent)
    private var configDiagnostics: [Diagnostic] = []
    private var discoveryDiagnostics: [Diagnostic] = []
    private var pageFiles: [String: SourceFile] = [:]
    private var staticFiles: [String: SourceFile] = [:]
    private var loaded: [String: BuildStages.Loaded] = [:]
    /// Site paths of every loaded page file, sorted.
    private var loadedOrder: [String] = []
    /// Site paths of the pages in the site (published, drafts only when asked), in build order.
    private var pageOrder: [String] = []
    private var summaries: [String: PageSummary] = [:]
    private var pageIndex: [String: Int] = [:]
    private var data = BuildStages.SiteData()
    /// Files the build makes beside the pages (redirect pages, the simulation's runtime) now in the output.
    private var generatedFiles: [String: [UInt8]] = [:]
    private var duplicateDiagnostics: [Diagnostic] = []
    private var model: SiteModel?
    private var templates: TemplateSet?
    private var tagReferences = TemplateReferences()
    private var rendered: [String: RenderedPage] = [:]
    private var dependencies: [String: PageDependencies] = [:]
    /// Output path of each source file (page or static) currently in the output.
    private var outputs: [String: String] = [:]
    private let referenceCache = ReferenceCache()
    /// Problems of loading and rendering, only for the pages that have some.
    private var loadProblems: [String: [Diagnostic]] = [:]
    private var renderProblems: [String: [Diagnostic]] = [:]
    /// Both, in order, recomputed only when one of them changed.
    private var pageProblems: [Diagnostic] = []
    private var problemsDirty = true
    /// The rendered pages in page order (for the site files), patched in place when the page list stays.
    private var renderedOrder: [RenderedBox] = []
    private var renderedOrderStale = true
    private var staticFilesRecorded = false
    /// Pages that read a file through include_relative, by that file.
    private var relativeIncluders: [String: Set<String>] = [:]

    public init(options: BuildOptions) {
        self.options = options
        root = options.source.standardizedFileURL
    }

    /// The folders and files whose changes matter, relative to the site root: everything but the hidden folders.
    public var configFile: String? { config.file }

    // MARK: - Full build

    /// Builds everything from scratch. The update lists every output file.
    public func build() -> Update {
        let clock = ContinuousClock.now
        (config, configDiagnostics) = BuildStages.configure(options, root: root)
        referenceCache.removeAll()
        discover()
        loaded = [:]
        reload(Set(pageFiles.keys))
        let pages = rebuildPageOrder()
        data = BuildStages.loadData(root: root, folder: config.dataFolder)
        duplicateDiagnostics = BuildStages.duplicateOutputs(pages, staticFiles: orderedStaticFiles)
        let model = BuildStages.model(config: config, pages: pages, staticFiles: orderedStaticFiles, data: data)
        self.model = model
        makeTemplates(model: model)
        let previousOutputs = Set(outputs.values)
        outputs = [:]
        rendered = [:]
        renderProblems = [:]
        loadProblems = [:]
        relativeIncluders = [:]
        renderedOrder = []
        renderedOrderStale = true
        staticFilesRecorded = false
        dependencies = [:]
        var update = Update(siteFiles: SiteFilesSnapshot(pages: [], config: config))
        render(Set(pageOrder), into: &update)
        for sitePath in staticFiles.keys { copyStatic(sitePath, into: &update) }
        update.removed = previousOutputs.subtracting(update.written.keys)
        update.fullBuild = true
        return finish(update, since: clock)
    }

    // MARK: - Incremental update

    /// Applies a set of changed source paths (relative to the site root; created, modified or deleted files or
    /// folders) and re-renders the pages they affect.
    public func update(changed paths: Set<String>) -> Update {
        guard model != nil else { return build() }
        // The model's parts that do not depend on page contents, kept while the model itself is let go, so that
        // the page list below is changed in place instead of copied (10,000 pages are worth milliseconds).
        let oldShell = SiteModel(reusing: model!, pages: [])
        let oldNavigation = oldShell.navigation
        let clock = ContinuousClock.now
        var timings = StageTimings()
        var layoutsChanged: Set<String> = []
        var includesChanged: Set<String> = []
        var tagsChanged = false
        var dataChanged = false
        var pagesChanged: Set<String> = []
        var staticsChanged: Set<String> = []
        var rediscover = false
        for path in paths {
            if path == config.file || path == "docent.yml" || path == "_config.yml" || path.isEmpty {
                return build()
            }
            if let name = Self.relative(path, under: config.layoutsFolder) {
                layoutsChanged.insert((name as NSString).deletingPathExtension)
                referenceCache.remove(path)
            } else if let name = Self.relative(path, under: config.includesFolder) {
                includesChanged.insert(name)
                referenceCache.remove(prefix: path)
            } else if Self.relative(path, under: config.tagsFolder) != nil
                || Self.relative(path, under: config.filtersFolder) != nil
            {
                tagsChanged = true
            } else if Self.relative(path, under: config.dataFolder) != nil {
                dataChanged = true
            } else if pageFiles[path] != nil, Self.isFile(root, path) {
                pagesChanged.insert(path)
                // A file is a page or a static file by its front matter (outside a Docent content folder's
                // Markdown): when that changed, discovery decides again.
                if frontMatterDecidesKind(path) && !Self.startsWithFrontMatter(root, path) { rediscover = true }
            } else if staticFiles[path] != nil, Self.isFile(root, path) {
                staticsChanged.insert(path)
                let ext = Discovery.pathExtension(path)
                if (Discovery.pageExtensions.contains(ext) || ext == "scss" || ext == "sass")
                    && frontMatterDecidesKind(path)
                    && Self.startsWithFrontMatter(root, path)
                {
                    rediscover = true
                }
            } else {
                rediscover = true
            }
            // A file read through include_relative may be any file.
            referenceCache.remove(path)
        }

        var removedStatics: Set<String> = []
        var addedStatics: Set<String> = []
        if rediscover {
            let oldPages = pageFiles
            let oldStatics = staticFiles
            discover()
            for path in pageFiles.keys where oldPages[path] == nil { pagesChanged.insert(path) }
            for path in oldPages.keys where pageFiles[path] == nil {
                loaded.removeValue(forKey: path)
                loadProblems.removeValue(forKey: path)
                problemsDirty = true
            }
            addedStatics = Set(staticFiles.keys).subtracting(oldStatics.keys)
            removedStatics = Set(oldStatics.keys).subtracting(staticFiles.keys)
            staticsChanged.formUnion(addedStatics)
            staticFilesRecorded = false
        }

        timings.mark("classify")
        // Load the changed pages; see what other pages can see of them.
        let oldOrder = pageOrder
        var oldSummaries: [String: PageSummary] = [:]
        reload(pagesChanged)
        var pages: [Page]
        let candidates: Set<String>
        let samePages =
            !rediscover && pagesChanged.allSatisfy({ pageIndex[$0] != nil && isInSite(loaded[$0]?.page) })
        if samePages {
            // The same pages in the same order: replace the changed ones in place.
            for sitePath in pagesChanged { oldSummaries[sitePath] = summaries[sitePath] }
            pages = takePages()
            for sitePath in pagesChanged {
                guard let index = pageIndex[sitePath], let page = loaded[sitePath]?.page else { continue }
                pages[index] = page
                summaries[sitePath] = PageSummary(page)
            }
            candidates = pagesChanged
        } else {
            oldSummaries = summaries
            pages = rebuildPageOrder()
            candidates = Set(oldOrder).union(pageOrder)
        }
        var changedURLs: Set<String> = []
        var changedContentPaths: Set<String> = []
        for sitePath in candidates where oldSummaries[sitePath] != summaries[sitePath] {
            for summary in [oldSummaries[sitePath], summaries[sitePath]].compactMap({ $0 }) {
                changedURLs.insert(summary.url)
                changedContentPaths.insert(summary.contentPath)
            }
        }
        let summariesChanged = !changedURLs.isEmpty || oldOrder != pageOrder
        let staticSetChanged = !addedStatics.isEmpty || !removedStatics.isEmpty
        var changedDataNames: Set<String> = []
        if dataChanged {
            let oldData = data
            data = BuildStages.loadData(root: root, folder: config.dataFolder)
            if case .object(let old) = oldData.value, case .object(let new) = data.value {
                for key in Set(old.keys).union(new.keys) where old[key] != new[key] { changedDataNames.insert(key) }
            }
            if oldData.navigation?.data.value != data.navigation?.data.value
                || oldData.navigation?.sitePath != data.navigation?.sitePath
            {
                changedDataNames.insert("navigation")
            }
        }
        if summariesChanged || staticSetChanged {
            duplicateDiagnostics = BuildStages.duplicateOutputs(pages, staticFiles: orderedStaticFiles)
        }

        timings.mark("load")
        // The model: rebuilt when what pages see of each other changed, else reused with the new page contents.
        let siteChanged = summariesChanged || staticSetChanged || !changedDataNames.isEmpty
        let model: SiteModel
        if siteChanged {
            model = BuildStages.model(config: config, pages: pages, staticFiles: orderedStaticFiles, data: data)
        } else {
            model = SiteModel(reusing: oldShell, pages: pages)
        }
        self.model = model
        if siteChanged || !layoutsChanged.isEmpty || !includesChanged.isEmpty || tagsChanged {
            makeTemplates(model: model)
        }

        timings.mark("model")
        // The pages to render again: the changed ones and those depending on what changed.
        let listsChanged = summariesChanged || staticSetChanged || changedDataNames.contains("navigation")
        let changedStaticURLs = Set(
            addedStatics.union(removedStatics).compactMap { path -> String? in
                (staticFiles[path] ?? oldStaticFile(path)).map(\.url)
            })
        var toRender = pagesChanged.filter { pageIndex[$0] != nil }
        for path in paths { toRender.formUnion(relativeIncluders[path, default: []].filter { pageIndex[$0] != nil }) }
        // Only page contents changed: no other page can show them (include_relative was handled just above).
        let onlyPagesChanged =
            samePages && !siteChanged && layoutsChanged.isEmpty && includesChanged.isEmpty && !tagsChanged
            && changedDataNames.isEmpty
        for sitePath in pageOrder where !onlyPagesChanged && !toRender.contains(sitePath) {
            guard let dependency = dependencies[sitePath], let previous = rendered[sitePath] else {
                toRender.insert(sitePath)
                continue
            }
            let references = dependency.references
            var affected = tagsChanged && dependency.usesLiquid
            affected = affected || !dependency.layouts.isDisjoint(with: layoutsChanged)
            affected =
                affected
                || (!includesChanged.isEmpty
                    && (references.anyInclude
                        || references.includes.contains { name in
                            includesChanged.contains { name == $0 || name.hasPrefix($0 + "/") }
                        }))
            affected = affected || !dependency.relativeFiles.isDisjoint(with: paths)
            affected =
                affected
                || (!changedDataNames.isEmpty
                    && (references.anyData || !references.data.isDisjoint(with: changedDataNames)))
            affected = affected || (listsChanged && references.sitePages)
            // A post shows its neighbours (`page.previous`, `page.next`) and the feed its content.
            affected = affected || (listsChanged && previous.page.collection == "posts")
            if summariesChanged {
                affected =
                    affected || dependency.showsAny(of: changedURLs)
                    || !dependency.linkedContentPaths.isDisjoint(with: changedContentPaths) || dependency.anyLink
                    || !previous.diagnostics.isEmpty
            }
            if staticSetChanged { affected = affected || dependency.showsAny(of: changedStaticURLs) }
            if siteChanged, !affected {
                let url = previous.page.url
                affected = oldNavigation.sectionByURL[url] != model.navigation.sectionByURL[url]
            }
            if affected { toRender.insert(sitePath) }
        }

        timings.mark("affected")
        var update = Update(siteFiles: SiteFilesSnapshot(pages: [], config: config))
        render(toRender, into: &update)
        timings.mark("render")
        for sitePath in staticsChanged where staticFiles[sitePath] != nil { copyStatic(sitePath, into: &update) }
        // Outputs of files that are gone.
        if !samePages || !removedStatics.isEmpty {
            let produced = Set(pageOrder).union(staticFiles.keys)
            for (sitePath, output) in outputs where !produced.contains(sitePath) {
                outputs.removeValue(forKey: sitePath)
                rendered.removeValue(forKey: sitePath)
                renderProblems.removeValue(forKey: sitePath)
                problemsDirty = true
                dependencies.removeValue(forKey: sitePath)
                update.removed.insert(output)
            }
        }
        if !update.removed.isEmpty {
            let live = Set(outputs.values)
            update.removed = update.removed.subtracting(live)
        }
        let result = finish(update, since: clock)
        timings.mark("finish")
        timings.report()
        return result
    }

    /// The redirect pages, the stylesheets' source maps and the simulation's and tabs' runtimes for the site as it now is: new or changed ones written,
    /// gone ones removed (unless a page or file now writes that path).
    private func updateGeneratedFiles(_ update: inout Update) -> [Diagnostic] {
        let (redirects, redirectProblems) = BuildStages.redirects(
            pages: model?.pages ?? [], staticFiles: orderedStaticFiles, config: config)
        let (runtime, runtimeProblems) = BuildStages.simulationRuntime(
            options, pages: renderedOrder.map(\.page), staticFiles: orderedStaticFiles, redirects: redirects)
        var now = runtime
        now.merge(
            BuildStages.tabsRuntime(
                options, pages: renderedOrder.map(\.page), staticFiles: orderedStaticFiles, redirects: redirects)
        ) { simulation, _ in simulation }
        for file in redirects { now[file.outputPath] = Array(file.html.utf8) }
        for (path, text) in BuildStages.sourceMaps(renderedOrder.map(\.page)) { now[path] = Array(text.utf8) }
        let live = Set(outputs.values)
        var feedProblems: [Diagnostic] = []
        if let model, let templates, !live.contains(JekyllFeed.path) {
            let (feed, problems) = JekyllFeed.xml(pages: renderedOrder.map(\.page), model: model, templates: templates)
            if let feed { now[JekyllFeed.path] = Array(feed.utf8) }
            feedProblems = problems
        }
        for (path, bytes) in now where generatedFiles[path] != bytes || update.fullBuild {
            update.written[path] = bytes
        }
        for path in generatedFiles.keys where now[path] == nil && !live.contains(path) { update.removed.insert(path) }
        generatedFiles = now
        return redirectProblems + runtimeProblems + feedProblems
    }

    // MARK: - Check

    /// Runs the check stage (every rule of `docent check` but external links) over the site as the last build or
    /// update left it. `serve` calls it after publishing the pages, so the checks never delay a reload. (Any edit
    /// can change what the rules find, an include's parameters with no page rendered again among them, so they run
    /// over the whole site each time.)
    public func check() -> [Diagnostic] {
        guard let model else { return [] }
        return BuildStages.check(
            model: model, pages: renderedOrder.map(\.page), root: root, templates: templates,
            policy: BuildStages.policy(options, config: config))
    }

    // MARK: - Stages

    private var orderedStaticFiles: [SourceFile] {
        staticFiles.values.sorted { $0.sitePath < $1.sitePath }
    }

    private var removedStaticCache: [String: SourceFile] = [:]

    private func oldStaticFile(_ path: String) -> SourceFile? { removedStaticCache[path] }

    private func reload(_ sitePaths: Set<String>) {
        let files = sitePaths.compactMap { pageFiles[$0] }
        for (file, result) in zip(files, BuildStages.load(files, root: root, config: config)) {
            loaded[file.sitePath] = result
            if loadProblems[file.sitePath] != nil || !result.diagnostics.isEmpty { problemsDirty = true }
            loadProblems[file.sitePath] = result.diagnostics.isEmpty ? nil : result.diagnostics
        }
    }

    /// The pages of the site in build order (by site path), and their summaries.
    private func rebuildPageOrder() -> [Page] {
        var pages: [Page] = []
        pageOrder = []
        summaries = [:]
        pageIndex = [:]
        renderedOrderStale = true
        problemsDirty = true
        loadedOrder = loaded.keys.sorted()
        for sitePath in loadedOrder {
            guard let page = loaded[sitePath]?.page, isInSite(page) else { continue }
            pageIndex[sitePath] = pages.count
            pages.append(page)
            pageOrder.append(sitePath)
            summaries[sitePath] = PageSummary(page)
        }
        return pages
    }

    /// The current model's page list, with the model let go so that the list is not shared.
    private func takePages() -> [Page] {
        let pages = model?.pages ?? []
        model = nil
        return pages
    }

    private func isInSite(_ page: Page?) -> Bool {
        BuildStages.isInSite(page, options: options)
    }

    /// Discovery again: the page and static files by site path.
    private func discover() {
        let discovered = BuildStages.discover(root: root, config: config, outputPath: nil)
        discoveryDiagnostics = discovered.diagnostics
        pageFiles = Dictionary(discovered.pages.map { ($0.sitePath, $0) }, uniquingKeysWith: { first, _ in first })
        staticFiles = Dictionary(
            discovered.staticFiles.map { ($0.sitePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func makeTemplates(model: SiteModel) {
        let templates = BuildStages.templates(root: root, config: config, model: model)
        self.templates = templates
        tagReferences = DependencyContext.tagReferences(
            root: root, config: config, templates: templates, cache: referenceCache)
    }

    /// Renders pages (in parallel), records their dependencies and the outputs whose bytes changed.
    private func render(_ sitePaths: Set<String>, into update: inout Update) {
        guard let model, let templates else { return }
        let renderer = PageRenderer(model: model, templates: templates, options: options, root: root)
        let pages = sitePaths.compactMap { pageIndex[$0] }.sorted().compactMap { loaded[pageOrder[$0]]?.page }
        let context = DependencyContext(
            root: root, config: config, templates: templates, tagReferences: tagReferences, cache: referenceCache)
        let work: @Sendable (Page) -> (RenderedPage, PageDependencies) = { page in
            let result = renderer.render(page)
            return (result, context.dependencies(of: page, rendered: result))
        }
        let results = pages.count > 1 ? SiteBuilder.parallelMap(pages, work) : pages.map(work)
        for (result, dependency) in results {
            let sitePath = result.page.sitePath
            let previous = rendered[sitePath]
            rendered[sitePath] = result
            let problems = BuildStages.problems(of: result, checking: options.runChecks)
            if renderProblems[sitePath] != nil || !problems.isEmpty { problemsDirty = true }
            renderProblems[sitePath] = problems.isEmpty ? nil : problems
            if let index = pageIndex[sitePath], index < renderedOrder.count {
                renderedOrder[index] = RenderedBox(result)
            }
            for file in dependency.relativeFiles { relativeIncluders[file, default: []].insert(sitePath) }
            dependencies[sitePath] = dependency
            let output = result.page.outputPath
            if let old = outputs[sitePath], old != output { update.removed.insert(old) }
            outputs[sitePath] = output
            if previous?.html != result.html || previous?.page.outputPath != output {
                update.written[output] = Array(result.html.utf8)
            }
        }
        update.renderedPages += results.count
    }

    private func copyStatic(_ sitePath: String, into update: inout Update) {
        guard let file = staticFiles[sitePath] else { return }
        removedStaticCache[sitePath] = file
        let output = file.outputPath
        outputs[sitePath] = output
        if let data = FileManager.default.contents(atPath: file.location(in: root).path) {
            update.written[output] = [UInt8](data)
        }
    }

    private func finish(_ update: Update, since clock: ContinuousClock.Instant) -> Update {
        var update = update
        var diagnostics = configDiagnostics + discoveryDiagnostics
        if problemsDirty {
            var problems: [Diagnostic] = []
            for sitePath in loadProblems.keys.sorted() { problems += loadProblems[sitePath] ?? [] }
            for sitePath in renderProblems.keys.sorted() where pageIndex[sitePath] != nil {
                problems += renderProblems[sitePath] ?? []
            }
            pageProblems = problems
            problemsDirty = false
        }
        diagnostics += pageProblems
        diagnostics += duplicateDiagnostics + data.diagnostics
        diagnostics += model?.diagnostics ?? []
        diagnostics += templates?.diagnostics ?? []
        if renderedOrder.count != pageOrder.count || renderedOrderStale {
            renderedOrder = pageOrder.compactMap { rendered[$0].map(RenderedBox.init) }
            renderedOrderStale = false
        }
        diagnostics += updateGeneratedFiles(&update)
        diagnostics = BuildStages.policy(options, config: config).apply(diagnostics).mergingRepeats
        update.publishable = diagnostics.errorCount == 0
        update.baseURL = config.baseURL
        update.diagnostics = diagnostics
        update.siteFiles = SiteFilesSnapshot(
            pages: renderedOrder, config: config, navigation: model?.navigation.value ?? .array([]))
        if !staticFilesRecorded {
            for (sitePath, file) in staticFiles { removedStaticCache[sitePath] = file }
            staticFilesRecorded = true
        }
        let elapsed = ContinuousClock.now - clock
        update.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return update
    }

    // MARK: - Paths

    static func relative(_ path: String, under folder: String) -> String? {
        guard !folder.isEmpty, path.hasPrefix(folder + "/") else { return nil }
        return String(path.dropFirst(folder.count + 1))
    }

    private func frontMatterDecidesKind(_ path: String) -> Bool {
        config.layout == .jekyll || !["md", "markdown"].contains(Discovery.pathExtension(path))
    }

    /// The test discovery applies to decide whether a file is a page: it starts with `---`.
    static func startsWithFrontMatter(_ root: URL, _ path: String) -> Bool {
        Discovery.startsWithFrontMatter(path: root.appendingPathComponent(path).path)
    }

    static func isFile(_ root: URL, _ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }
}

/// `sitemap.xml`, the search index's files and the LLM files for a set of rendered pages, computed once when first asked for (the
/// search index of a big site is large, and most edits are followed by no request for it).
public final class SiteFilesSnapshot: @unchecked Sendable {
    private let pages: [RenderedBox]
    private let config: SiteConfig
    private let navigation: LiquidValue
    private let lock = NSLock()
    private var cache: [String: [UInt8]]?

    init(pages: [RenderedBox], config: SiteConfig, navigation: LiquidValue = .array([])) {
        self.pages = pages
        self.config = config
        self.navigation = navigation
    }

    /// The bytes of `sitemap.xml`, a search index file or an LLM file; nil for any other path.
    public func file(_ path: String) -> [UInt8]? { files[path] }

    /// Every file's output path.
    public var paths: [String] { Array(files.keys) }

    private var files: [String: [UInt8]] {
        lock.withLock {
            if let cache { return cache }
            let values = pages.map(\.page)
            var files = ["sitemap.xml": Array(SiteFiles.sitemap(values, config: config).utf8)]
            for file in SiteFiles.searchIndex(values, config: config) { files[file.path] = file.bytes }
            for file in SiteFiles.llmFiles(values, navigation: navigation, config: config) {
                files[file.path] = Array(file.text.utf8)
            }
            cache = files
            return files
        }
    }
}

/// A rendered page shared by reference between the build and the snapshots of its site files.
final class RenderedBox: Sendable {
    let page: RenderedPage
    init(_ page: RenderedPage) { self.page = page }
}
