import Foundation

/// One build's use of the `BuildCache`: each page is reused from its entry when its key is the same, else rendered
/// and stored. Safe to call from the parallel render.
final class BuildCacheRun: @unchecked Sendable {
    let cache: BuildCache
    private let keys: PageCacheKeys
    private let environment: String
    private let dependencyContext: DependencyContext
    private let lock = NSLock()
    private var statistics = BuildCache.Statistics()
    /// Each page's key in this build (reused, or rendered and stored).
    private var keysBySitePath: [String: String] = [:]
    /// The output files the last build wrote (`OutputRecords`), and those this one wrote.
    private let previousOutputs: [String: OutputRecords.Record]
    private var outputs: [String: OutputRecords.Record] = [:]
    private var folderReady = false

    /// Nil when the build runs the checks: they read what only a render gives (outlines, Liquid positions).
    init?(
        cache: BuildCache, options: BuildOptions, root: URL, config: SiteConfig, model: SiteModel,
        templates: TemplateSet, staticFiles: [SourceFile]
    ) {
        guard !options.runChecks else { return nil }
        self.cache = cache
        environment = cache.environment(options: options, root: root, config: config)
        let (known, damaged) = SourceIdentities.load(from: cache.sourcesFile, environment: environment)
        keys = PageCacheKeys(
            root: root, config: config, model: model, staticFiles: staticFiles, environment: environment,
            known: known)
        let references = ReferenceCache()
        dependencyContext = DependencyContext(
            root: root, config: config, templates: templates,
            tagReferences: DependencyContext.tagReferences(
                root: root, config: config, templates: templates, cache: references),
            cache: references)
        let (records, recordsDamaged) = OutputRecords.load(from: cache.outputsFile)
        previousOutputs = records
        if damaged || recordsDamaged { statistics.unreadable += 1 }
    }

    /// The page's stored output when its key is the same, else the page rendered by `render` (and stored).
    func render(_ page: Page, _ render: () -> RenderedPage) -> RenderedPage {
        if let reused = reuse(page) {
            lock.withLock { statistics.reused += 1 }
            return reused
        }
        let rendered = render()
        lock.withLock { statistics.rendered += 1 }
        if CachedPage.isCacheable(rendered) {
            var dependencies = dependencyContext.dependencies(of: page, rendered: rendered)
            // Custom tags and filters may be called by a layout as well as by the body.
            dependencies.references.formUnion(dependencyContext.tagReferences)
            let key = keys.key(of: page, dependencies: dependencies)
            lock.withLock { keysBySitePath[page.sitePath] = key }
            store(CachedPage(rendered, key: key, dependencies: dependencies))
        }
        return rendered
    }

    /// Writes the page into `sink`, or (a staged directory) links the previous site's file when that is the one
    /// an earlier build wrote for the same key, unchanged since.
    func write(_ rendered: RenderedPage, into sink: any OutputSink) throws {
        let path = rendered.page.outputPath
        let key = lock.withLock { keysBySitePath[rendered.page.sitePath] }
        if let key, let previous = previousOutputs[path], previous.key == key,
            let identity = sink.reusePrevious(path, identity: previous.identity)
        {
            lock.withLock { outputs[path] = OutputRecords.Record(identity: identity, key: key) }
            return
        }
        try sink.write(rendered.html, to: path)
        if let key, let identity = sink.identity(of: path) {
            lock.withLock { outputs[path] = OutputRecords.Record(identity: identity, key: key) }
        }
    }

    /// What the build found; a warning when entries were damaged or not Docent's. Removes the entries of pages no
    /// longer in the site.
    func finish(sitePaths: [String]) -> (BuildCache.Statistics, [Diagnostic]) {
        let statistics = lock.withLock { self.statistics }
        let live = Set(sitePaths.map(BuildCache.entryName(sitePath:)))
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: cache.pagesFolder.path)) ?? []
        where !name.hasPrefix(".") && !live.contains(name) {
            try? fileManager.removeItem(at: cache.pagesFolder.appendingPathComponent(name))
        }
        let written = lock.withLock { outputs }
        if !written.isEmpty {
            try? prepareFolder()
            try? OutputRecords.store(written, to: cache.outputsFile)
        }
        let sources = keys.sources
        if !sources.isEmpty {
            do {
                try prepareFolder()
                try SourceIdentities.store(sources, environment: environment, to: cache.sourcesFile)
            } catch {
                // The next build then hashes the page files again.
            }
        }
        guard statistics.unreadable > 0 else { return (statistics, []) }
        let warning = Diagnostic.warning(
            "cache.unreadable",
            "\(statistics.unreadable) of the build cache's files in \(CheckCache.folderName) are damaged, truncated or not Docent's: ignored (those pages were rendered again) and rewritten"
        )
        return (statistics, [warning])
    }

    // MARK: - Private

    private func reuse(_ page: Page) -> RenderedPage? {
        guard let data = FileManager.default.contents(atPath: cache.entryURL(sitePath: page.sitePath).path) else {
            return nil
        }
        let entry: CachedPage
        switch CacheFile.payload(of: [UInt8](data)) {
        case .success(let payload):
            guard let decoded = try? CachedPage(decoding: payload), decoded.sitePath == page.sitePath else {
                lock.withLock { statistics.unreadable += 1 }
                return nil
            }
            entry = decoded
        case .failure:
            lock.withLock { statistics.unreadable += 1 }
            return nil
        }
        guard keys.key(of: page, dependencies: entry.dependencies) == entry.key else { return nil }
        lock.withLock { keysBySitePath[page.sitePath] = entry.key }
        return entry.rendered(page)
    }

    private func prepareFolder() throws {
        guard !lock.withLock({ folderReady }) else { return }
        try CheckCache.createFolder(cache.folder)
        try FileManager.default.createDirectory(at: cache.pagesFolder, withIntermediateDirectories: true)
        lock.withLock { folderReady = true }
    }

    private func store(_ entry: CachedPage) {
        do {
            try prepareFolder()
            try CacheFile.write(CacheFile.frame(entry.encoded), to: cache.entryURL(sitePath: entry.sitePath))
        } catch {
            // An entry that cannot be written only costs the next build that page's render.
        }
    }
}
