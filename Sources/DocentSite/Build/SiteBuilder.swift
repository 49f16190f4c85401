import Dispatch
import DocentMarkdown
import Foundation
import Liquid

/// What one build did.
public struct BuildResult: Sendable {
    public var pages: [RenderedPage]
    public var staticFileCount: Int
    public var diagnostics: [Diagnostic]
    public var seconds: Double
    public var config: SiteConfig
    /// What the build cache gave, when the build used one.
    public var cache: BuildCache.Statistics? = nil

    public var succeeded: Bool { diagnostics.errorCount == 0 }
}

public struct BuildOptions: Sendable {
    public var source: URL
    public var configFile: String?
    public var includeDrafts: Bool = false
    /// The base URL to build for, over the config's `baseurl` (`--baseurl`).
    public var baseURL: String?
    /// Run every check of `docent check` after rendering (links, anchors, images, front matter schema, …).
    public var runChecks: Bool = false
    /// The simulation guides' walkthroughs run against; without one, a walkthrough page is a plain page.
    public var simulation: (any WalkthroughSimulation)?
    /// Write the simulation's browser runtime (script, styles, WebAssembly) into a site whose pages have a
    /// walkthrough, where the site has no file of its own there. The commands set it; in-memory tests leave it off.
    public var writesSimulationRuntime = false
    /// Bytes of page text a build into a staging folder keeps from load to render; past it, a page's body is
    /// read again from its file when it renders (`PageBodies`).
    public var pageTextBudget = PageBodies.defaultBudget
    /// Reuses the rendered pages of earlier builds whose inputs are unchanged, and stores this build's.
    public var cache: BuildCache?
    /// Write the tabs' script and styles into a site whose pages have a tab set, where the site has no file of its own
    /// there, and link them from those pages' heads. The commands set it; in-memory tests leave it off.
    public var writesTabsRuntime = false
    /// Reports progress as (stage, done, total).
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Given what the build made besides its result (the site model, the templates, the cache's state) when it
    /// ends, for a caller that exits right after to leave to the process's exit instead of freeing object by object
    /// (`ProcessExit`); without it, they are freed as the build returns.
    public var keepsUntilExit: (@Sendable (any Sendable) -> Void)?

    public init(source: URL, configFile: String? = nil, includeDrafts: Bool = false) {
        self.source = source
        self.configFile = configFile
        self.includeDrafts = includeDrafts
    }
}

/// The pipeline: discover → load (parallel) → model → render (parallel) → emit. Problems found on the way are
/// collected as diagnostics; nothing is emitted when there are errors, so the sink's previous site stays.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site into `sink`. Returns the result; the caller commits a directory sink only on success.
    public func build(into sink: any OutputSink, outputPath: String? = nil) -> BuildResult {
        let clock = ContinuousClock.now
        var timings = StageTimings()
        let root = options.source.standardizedFileURL
        var (config, diagnostics) = BuildStages.configure(options, root: root)
        let policy = BuildStages.policy(options, config: config)

        // Discover. The build cache's records (read while the folders are walked) name the page files it need not
        // open.
        let options = options
        let usesLoadCache = LoadCache.isUsable(options: options, sink: sink)
        let pendingLoads = Background { [config] () -> LoadCache? in
            guard usesLoadCache, let cache = options.cache else { return nil }
            return LoadCache(cache: cache, options: options, root: root, config: config)
        }
        let discovered = BuildStages.discover(
            root: root, config: config, outputPath: outputPath, recordedPages: { pendingLoads.value?.recordedPages })
        let loads = pendingLoads.value
        diagnostics += discovered.diagnostics
        timings.mark("discover")
        let staticFiles = discovered.staticFiles

        // Load (parallel). Into a staging folder each page is written as soon as it is rendered (the file system
        // works while the other core renders) and let go of; past a budget, its body is read again when it
        // renders (`PageBodies`); a build with errors discards the folder. Checks need the HTML (heading ids) and
        // the bodies, so they keep them.
        let streaming = sink.isStaged && !options.runChecks
        let bodies = PageBodies(root: root, budget: streaming ? options.pageTextBudget : .max)
        if let cache = options.cache, !CheckCache.isSafeFolder(cache.folder) {
            diagnostics.append(
                .warning(
                    "cache.unusable",
                    "\(CheckCache.folderName) is a symbolic link or not a folder: the build cache is not used",
                    note: "delete it; Docent makes the folder itself"))
        }
        var pages: [Page] = []
        pages.reserveCapacity(discovered.pages.count)
        var loadedPages = BuildStages.load(discovered.pages, root: root, config: config, bodies: bodies, cache: loads)
        // Each page is moved out of its result, not copied (a copy retains every one of its fields, and the
        // results' release lets them go again: at 10,000 pages a few milliseconds each).
        for index in loadedPages.indices {
            diagnostics += loadedPages[index].diagnostics
            if let page = loadedPages[index].page.take(), BuildStages.isInSite(page, options: options) {
                pages.append(page)
            }
        }
        loadedPages = []
        timings.mark("load")

        // Model. What does not depend on it is done on the other core meanwhile: the pages' output paths checked,
        // the redirect pages made, the build cache's files of the last build read.
        let outputChecks = Background { [config, pages] in
            let duplicates = BuildStages.duplicateOutputs(pages, staticFiles: staticFiles)
            let (redirects, problems) = BuildStages.redirects(pages: pages, staticFiles: staticFiles, config: config)
            return (redirects, duplicates + problems)
        }
        let previousCacheFiles = options.cache.flatMap { cache in
            loads.map { _ in Background { BuildCacheRun.PreviousFiles(cache: cache) } }
        }
        let data = BuildStages.loadData(root: root, folder: config.dataFolder)
        // With the build cache, pages may not need the lists, which make the front matter of pages the cache made
        // from their records (`PageDetails`).
        let model = BuildStages.model(
            config: config, pages: pages, staticFiles: staticFiles, data: data, listsWhenFirstRead: loads != nil)
        let templates = BuildStages.templates(root: root, config: config, model: model)
        let (redirects, outputProblems) = outputChecks.value
        diagnostics += outputProblems + data.diagnostics + model.diagnostics + templates.diagnostics
        timings.mark("model")

        // Render (parallel)
        let renderer = PageRenderer(model: model, templates: templates, options: options, root: root)
        let progress = options.progress
        let counter = ProgressCounter(total: pages.count, report: progress)
        let threads = streaming ? ProcessInfo.processInfo.activeProcessorCount * 2 : nil
        // Each page's words go into the search index as soon as it is rendered (no page keeps its word table).
        let searchIndex = SearchIndex()
        let cache = options.cache.flatMap { cache in
            loads.map {
                BuildCacheRun(
                    cache: cache, loads: $0, root: root, config: config, model: model, templates: templates,
                    staticFiles: staticFiles, previous: previousCacheFiles?.value)
            }
        }
        if cache != nil { timings.mark("cache keys") }
        let rendered = Self.parallelMap(pages, threads: threads) { loaded -> RenderedPage in
            defer { counter.tick() }
            // A page the cache has is not rendered, so its body (when set aside) is not read again either.
            let render = { (lists: Bool) -> RenderedPage in
                var page = loaded
                if let problem = bodies.restore(&page) { return RenderedPage(unrendered: loaded, problem: problem) }
                return (lists ? renderer : renderer.withoutListsOfPages).render(page)
            }
            var result: RenderedPage
            do {
                if let cache {
                    result = try cache.page(loaded, into: sink, render: render)
                } else {
                    result = render(true)
                    if streaming { try sink.write(result.html, to: result.page.outputPath) }
                }
            } catch {
                result = RenderedPage(
                    unrendered: loaded, problem: .error("output.write", "\(error)", at: nil))
            }
            if let search = result.search {
                searchIndex.add(search)
                result.search = nil
            }
            if streaming { result.keepOnlySummary() }
            return result
        }
        // The sitemap (every page's URL, sorted) is made on the other core while the rest of the site is gathered.
        let sitemap = Background { [config] in SiteFiles.sitemap(rendered, config: config) }
        for index in rendered.indices {
            diagnostics += BuildStages.problems(of: rendered[index], checking: options.runChecks)
        }
        var (runtime, runtimeProblems) = BuildStages.simulationRuntime(
            options, pages: rendered, staticFiles: staticFiles, redirects: redirects)
        runtime.merge(
            BuildStages.tabsRuntime(options, pages: rendered, staticFiles: staticFiles, redirects: redirects)
        ) { simulation, _ in simulation }
        diagnostics += runtimeProblems
        let (feed, feedProblems) = JekyllFeed.xml(pages: rendered, model: model, templates: templates)
        diagnostics += feedProblems
        diagnostics = policy.apply(diagnostics).mergingRepeats
        timings.mark("render")
        // The build cache's files are written on the other core while the site's own files are emitted.
        let cacheStore = Background { () -> (BuildCache.Statistics, [Diagnostic])? in
            loads?.finish()
            return cache?.finish()
        }
        let cacheDiagnosticsPosition = diagnostics.count
        if options.runChecks {
            diagnostics += BuildStages.check(
                model: model, pages: rendered, root: root, templates: templates, policy: policy)
            timings.mark("check")
        }

        // Emit
        var staticCount = 0
        if diagnostics.errorCount == 0 {
            do {
                if !streaming {
                    let failures = Self.parallelMap(rendered) { page -> String? in
                        do { try sink.write(page.html, to: page.page.outputPath) } catch { return "\(error)" }
                        return nil
                    }
                    if let failure = failures.compactMap({ $0 }).first { throw DirectoryOutput.Failure.io(failure) }
                }
                for redirect in redirects { try sink.write(redirect.html, to: redirect.outputPath) }
                for (path, bytes) in runtime.sorted(by: { $0.key < $1.key }) { try sink.write(bytes, to: path) }
                for (path, text) in BuildStages.sourceMaps(rendered) { try sink.write(text, to: path) }
                for file in staticFiles {
                    try sink.copy(from: file.location(in: root), to: file.outputPath)
                    staticCount += 1
                }
                // The site's own sitemap or search index (a page or a file of it) is kept, never replaced.
                let own = Set(rendered.map(\.page.outputPath) + staticFiles.map(\.outputPath))
                if !own.contains("sitemap.xml") {
                    try sink.write(sitemap.value, to: "sitemap.xml")
                }
                if config.writesSearchIndex {
                    // Each file written as soon as it is made (the whole index is never in memory at once).
                    let failure = searchIndex.write(filterKeys: config.searchFilterKeys) { path, bytes in
                        if !own.contains(path) { try sink.write(bytes, to: path) }
                    }
                    if let failure { throw failure }
                }
                let llmFiles = SiteFiles.llmFiles(rendered, navigation: model.navigation.value, config: config)
                for file in llmFiles where !own.contains(file.path) { try sink.write(file.text, to: file.path) }
                if !own.contains(JekyllFeed.path), let feed {
                    try sink.write(feed, to: JekyllFeed.path)
                }
            } catch {
                diagnostics.append(.error("output.write", "\(error)"))
            }
        }
        timings.mark("emit")
        let cacheResult = cacheStore.value
        diagnostics.insert(contentsOf: cacheResult?.1 ?? [], at: cacheDiagnosticsPosition)
        if cache != nil { timings.mark("cache store") }
        timings.report()
        options.keepsUntilExit?((model, templates, renderer, loads, cache, searchIndex))
        let elapsed = ContinuousClock.now - clock
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return BuildResult(
            pages: rendered, staticFileCount: staticCount, diagnostics: diagnostics, seconds: seconds, config: config,
            cache: cacheResult?.0)
    }

    /// Maps over all cores, keeping the order.
    /// `transform` over `items` on every core (or on `threads` threads: more than the cores when the work also
    /// waits on the file system), results in the order of `items`.
    static func parallelMap<T: Sendable, R: Sendable>(
        _ items: [T], threads: Int? = nil, _ transform: @escaping @Sendable (T) -> R
    ) -> [R] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunk = max(1, items.count / (max(cores, threads ?? cores) * 8))
        let chunks = (items.count + chunk - 1) / chunk
        // Each result is written straight into the array returned (no second array of them all, which for a
        // site's rendered pages is tens of megabytes).
        return [R](unsafeUninitializedCapacity: items.count) { results, initialized in
            let slots = SendableBuffer(results)
            items.withUnsafeBufferPointer { buffer in
                let input = SendableInput(buffer)
                let work: @Sendable (Int) -> Void = { index in
                    let start = index * chunk
                    for position in start..<min(start + chunk, input.buffer.count) {
                        (slots.buffer.baseAddress! + position).initialize(to: transform(input.buffer[position]))
                    }
                }
                if let threads, threads > cores, chunks > 1 {
                    ChunkThreads(count: min(threads, chunks), chunks: chunks).run(work)
                } else {
                    DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                }
            }
            initialized = items.count
        }
    }
}

private struct SendableBuffer<R>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<R>
    init(_ buffer: UnsafeMutableBufferPointer<R>) { self.buffer = buffer }
}

private struct SendableInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}

/// Counts finished pages for the progress bar, reporting at most every 1%.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (String, Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func tick() {
        guard let report else { return }
        let value = lock.withLock {
            done += 1; return done
        }
        if value == total || value % max(1, total / 100) == 0 { report("render", value, total) }
    }
}

/// Stage durations and the memory in use after each stage, printed to standard error when `DOCENT_TIMINGS=1`
/// (for profiling and the benchmarks).
struct StageTimings {
    private var last = ContinuousClock.now
    private var stages: [(name: String, duration: Duration, residentMB: Int)] = []
    private let enabled = ProcessInfo.processInfo.environment["DOCENT_TIMINGS"] == "1"

    mutating func mark(_ stage: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        stages.append((stage, now - last, Self.residentMegabytes()))
        last = now
    }

    func report() {
        guard enabled else { return }
        let text = stages.map {
            "\($0.name) \($0.duration.formatted(.units(allowed: [.milliseconds]))) (\($0.residentMB) MB)"
        }.joined(separator: ", ")
        FileHandle.standardError.write(Data("timings: \(text)\n".utf8))
    }

    /// The resident set size now, from /proc/self/statm (0 where there is none).
    private static func residentMegabytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
