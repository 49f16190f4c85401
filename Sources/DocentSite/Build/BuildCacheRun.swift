import Dispatch
import Foundation

/// One build's use of the `BuildCache`: a page whose key is the same as its entry's, and whose file in the previous
/// site is still the one an earlier build wrote for that key, is linked from there (neither rendered nor written
/// again); every other page is rendered, written and stored. Safe to call from the parallel render.
final class BuildCacheRun: @unchecked Sendable {
    let cache: BuildCache
    private let keys: PageCacheKeys
    private let model: SiteModel
    private let dependencyContext: DependencyContext
    private let loads: LoadCache
    private let lock = NSLock()
    private var statistics = BuildCache.Statistics()
    /// The last build's entries, and this build's (written as pages finish).
    private let previousPack: CachePack.Reader?
    private let pack: CachePack.Writer
    /// The output files the last build wrote (`OutputRecords`), and those this one wrote.
    private let previousOutputs: OutputRecords.Previous
    private let outputs: CachePack.Writer
    /// Whether the last build's pack was made under this build's world (`PageCacheKeys.world`) by the build whose
    /// records this build's load read: then a page whose file is unchanged since that build keeps its key.
    private let sameWorld: Bool
    /// The page files unchanged since the last build (`LoadCache.unchangedFiles`), read without a lock.
    private let unchangedFiles: Set<String>

    /// The last build's pack and output records, read on another core while the model is made (neither depends on
    /// it).
    struct PreviousFiles: Sendable {
        let outputs: OutputRecords.Previous
        let pack: CachePack.Reader?
        let packDamaged: Bool

        init(cache: BuildCache) {
            outputs = OutputRecords.Previous(url: cache.outputsFile)
            (pack, packDamaged) = CachePack.Reader.open(cache.packFile)
        }
    }

    /// Made only for a build into a staging folder (`LoadCache.isUsable`), after `loads` (the cache's part in this
    /// build's load, which made the cache's folder).
    init(
        cache: BuildCache, loads: LoadCache, root: URL, config: SiteConfig, model: SiteModel,
        templates: TemplateSet, staticFiles: [SourceFile], previous: PreviousFiles? = nil
    ) {
        self.cache = cache
        self.model = model
        self.loads = loads
        unchangedFiles = loads.unchangedFiles
        // What the rendered pages' dependencies are read against is made on the other core while the keys' world
        // is hashed.
        let context = Background {
            let references = ReferenceCache()
            return DependencyContext(
                root: root, config: config, templates: templates,
                tagReferences: DependencyContext.tagReferences(
                    root: root, config: config, templates: templates, cache: references),
                cache: references)
        }
        let keys = PageCacheKeys(
            root: root, config: config, model: model, staticFiles: staticFiles, environment: loads.environment,
            checked: loads.checked)
        self.keys = keys
        let previous = previous ?? PreviousFiles(cache: cache)
        previousOutputs = previous.outputs
        outputs = CachePack.Writer(url: cache.outputsFile)
        let reader = previous.pack
        previousPack = reader
        pack = CachePack.Writer(url: cache.packFile)
        let world = keys.world()
        let previousWorld = reader?.entry(Self.worldEntry).flatMap { try? $0.get() }.flatMap(World.init)
        sameWorld =
            world != nil && loads.previousBuild != 0 && previousWorld == World(build: loads.previousBuild, hash: world!)
        if let world { pack.add(Self.worldEntry, payload: World(build: loads.build, hash: world).encoded) }
        if loads.damaged || previousOutputs.damaged || previous.packDamaged { statistics.unreadable += 1 }
        dependencyContext = context.value
    }

    /// Puts `page` into `sink`: linked from the previous site when its entry and file are still good, else rendered
    /// by `render`, written and stored. The page as the rest of the build needs it (its HTML empty when linked).
    /// `render(lists)` renders the page, its templates seeing the site's lists of pages when `lists` is true. While
    /// no page has needed the lists (made, they make every page's front matter: `PageDetails`), a page is rendered
    /// without them, and again with them when its references show it reads them (`TemplateReferences.readsLists`,
    /// from the references its key trusts as well).
    func page(_ page: Page, into sink: any OutputSink, render: (_ lists: Bool) -> RenderedPage) throws -> RenderedPage {
        if let reused = reuse(page, sink: sink) {
            lock.withLock { statistics.reused += 1 }
            return reused
        }
        let lists = model.siteIsMade
        var rendered = render(lists)
        var dependencies: PageDependencies?
        if !lists || CachedPage.isCacheable(rendered) {
            dependencies = self.dependencies(of: page, rendered: rendered)
            if !lists, dependencies?.references.readsLists == true {
                rendered = render(true)
                dependencies = self.dependencies(of: page, rendered: rendered)
            }
        }
        lock.withLock { statistics.rendered += 1 }
        var key: String?
        if CachedPage.isCacheable(rendered), let dependencies {
            let pageKey = keys.key(of: page, dependencies: dependencies)
            key = pageKey
            pack.add(page.sitePath, payload: CachedPage(rendered, key: pageKey, dependencies: dependencies).encoded)
        }
        try write(rendered, key: key, into: sink)
        return rendered
    }

    private func dependencies(of page: Page, rendered: RenderedPage) -> PageDependencies {
        var dependencies = dependencyContext.dependencies(of: page, rendered: rendered)
        // Custom tags and filters may be called by a layout as well as by the body.
        dependencies.references.formUnion(dependencyContext.tagReferences)
        return dependencies
    }

    /// What the build found; a warning when the cache's files were damaged or not Docent's. Puts the new pack and
    /// records in place.
    func finish() -> (BuildCache.Statistics, [Diagnostic]) {
        var statistics = lock.withLock { self.statistics }
        statistics.loadedFromRecords = loads.loadedFromRecords
        // The entry files of format 2 (one per page) gave way to the pack.
        try? FileManager.default.removeItem(at: cache.folder.appendingPathComponent("pages"))
        // Both files at once (each was written as the pages were, and is renamed into place now; a file that
        // cannot be written only costs the next build work).
        DispatchQueue.concurrentPerform(iterations: 2) { file in
            if file == 0 { pack.finish() } else { outputs.finish() }
        }
        guard statistics.unreadable > 0 else { return (statistics, []) }
        let warning = Diagnostic.warning(
            "cache.unreadable",
            "\(statistics.unreadable) of the build cache's files in \(CheckCache.folderName) are damaged, truncated or not Docent's: ignored (those pages were rendered again) and rewritten"
        )
        return (statistics, [warning])
    }

    // MARK: - Private

    /// The pack's entry with the world its pages' keys were made or checked under (no page's path is empty).
    private static let worldEntry = ""

    /// A pack's world: its hash, and the build that wrote the pack (whose records the next build's load reads).
    private struct World: Equatable {
        var build: UInt64
        var hash: String

        init(build: UInt64, hash: String) {
            self.build = build
            self.hash = hash
        }

        init?(_ payload: ArraySlice<UInt8>) {
            var reader = CacheReader(payload)
            guard let build = try? reader.integer(width: 8), let hash = try? reader.string(), reader.isAtEnd else {
                return nil
            }
            self.init(build: build, hash: hash)
        }

        var encoded: [UInt8] {
            var writer = CacheWriter()
            writer.append(build, width: 8)
            writer.append(hash)
            return writer.bytes
        }
    }

    /// The page from its entry, its file linked from the previous site, when the entry is whole, its key is the
    /// page's key now, and the previous site's file is the one written for that key.
    private func reuse(_ page: Page, sink: any OutputSink) -> RenderedPage? {
        guard let found = previousPack?.entry(page.sitePath) else { return nil }
        guard case .success(let payload) = found, let entry = try? CachedPage(decoding: payload),
            entry.sitePath == page.sitePath
        else {
            lock.withLock { statistics.unreadable += 1 }
            return nil
        }
        let path = page.outputPath
        let trusted = sameWorld && !entry.readsRelativeFiles && unchangedFiles.contains(page.sitePath)
        guard trusted || (try? entry.dependencies()).map({ keys.key(of: page, dependencies: $0) }) == entry.key,
            let previous = previousOutputs.record(path), previous.key == entry.key,
            let identity = sink.reusePrevious(path, identity: previous.identity, checksum: previous.checksum)
        else { return nil }
        recordReused(path, identity: identity, previous: previous)
        previousPack?.withFramedEntry(page.sitePath) { pack.add(page.sitePath, framed: $0) }
        if trusted { lock.withLock { statistics.keysTrusted += 1 } }
        return entry.rendered(page)
    }

    /// Writes a rendered page, or links the previous site's file when it is the one an earlier build wrote for the
    /// same key (a page rendered again because its entry was damaged).
    /// Records a previous site's file kept for this build (its key the recorded one): the last build's record as it is
    /// when the file is the one recorded, else the record with the identity found.
    private func recordReused(_ path: String, identity: String, previous: OutputRecords.Record) {
        if identity == previous.identity, previousOutputs.copy(path, into: outputs) { return }
        outputs.add(
            path,
            payload: OutputRecords.Record(identity: identity, key: previous.key, checksum: previous.checksum).encoded)
    }

    private func write(_ rendered: RenderedPage, key: String?, into sink: any OutputSink) throws {
        let path = rendered.page.outputPath
        if let key, let previous = previousOutputs.record(path), previous.key == key,
            let identity = sink.reusePrevious(path, identity: previous.identity, checksum: previous.checksum)
        {
            recordReused(path, identity: identity, previous: previous)
            return
        }
        var html = rendered.html
        let checksum = try html.withUTF8 { buffer -> UInt64 in
            let bytes = UnsafeRawBufferPointer(buffer)
            try sink.write(bytes, to: path)
            return CacheFile.checksum(bytes)
        }
        if let key, let identity = sink.identity(of: path) {
            outputs.add(path, payload: OutputRecords.Record(identity: identity, key: key, checksum: checksum).encoded)
        }
    }
}
