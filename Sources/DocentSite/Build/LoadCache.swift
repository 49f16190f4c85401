import Foundation

/// The build cache's part in loading the pages: a page file whose identity is the one the last build recorded
/// (`SourceIdentities`) is made from its recorded front matter (`FrontMatterRecord`), neither read nor parsed; any
/// other is loaded from the file, its bytes hashed and its front matter recorded as it loads, so the keys
/// (`PageCacheKeys`) never read a page file a second time. Safe to call from the parallel load.
final class LoadCache: @unchecked Sendable {
    /// The hash of what every page depends on (`BuildCache.environment`).
    let environment: String
    /// Whether the last build's records were damaged.
    let damaged: Bool
    private let root: String
    private let known: [String: SourceIdentities.Known]
    private let lock = NSLock()
    private var verified: [String: SourceIdentities.Known] = [:]
    private var fromRecords = 0

    /// The cache serves a build that writes into a staging folder, beside the previous site whose files it links,
    /// and that does not run the checks (they read what only a render gives: outlines, Liquid positions). It keeps
    /// no page's HTML, only what the previous site's file was made from, so an in-memory build (`serve`) renders.
    static func isUsable(options: BuildOptions, sink: any OutputSink) -> Bool {
        guard let cache = options.cache else { return false }
        return sink.isStaged && !options.runChecks && CheckCache.isSafeFolder(cache.folder)
    }

    init(cache: BuildCache, options: BuildOptions, root: URL, config: SiteConfig) {
        environment = cache.environment(options: options, root: root, config: config)
        (known, damaged) = SourceIdentities.load(from: cache.sourcesFile, environment: environment)
        self.root = root.path
    }

    /// Loads a page file, from its record when the file is the one recorded.
    func load(_ file: SourceFile, with loader: PageLoader) -> (page: Page?, diagnostics: [Diagnostic]) {
        let path = file.sitePath.hasPrefix("/") ? file.sitePath : root + "/" + file.sitePath
        let identity = SourceIdentities.identity(of: path)
        let last = known[file.sitePath]
        if let identity, let last, last.identity == identity {
            if let bytes = last.frontMatter, let record = FrontMatterRecord(encoded: bytes),
                let made = loader.load(file, record: record)
            {
                var checked = last
                if checked.summaryHash == nil {
                    checked.summaryHash = FrontMatterRecord.summaryHash(of: bytes, sitePath: file.sitePath)
                }
                lock.withLock {
                    verified[file.sitePath] = checked
                    fromRecords += 1
                }
                return made
            }
        }
        let load = loader.load(file, recording: identity != nil)
        // Recorded only when the file did not change while it was read.
        if let identity, let bytes = load.bytes, SourceIdentities.identity(of: path) == identity {
            let hash = PageCacheKeys.sourceHash(of: bytes, sitePath: file.sitePath)
            let frontMatter = load.record?.encoded
            let record = SourceIdentities.Known(
                identity: identity, sourceHash: hash,
                summaryHash: frontMatter.flatMap { FrontMatterRecord.summaryHash(of: $0, sitePath: file.sitePath) },
                frontMatter: frontMatter)
            lock.withLock { verified[file.sitePath] = record }
        }
        return (load.page, load.diagnostics)
    }

    /// How many pages were made from their records.
    var loadedFromRecords: Int { lock.withLock { fromRecords } }

    /// The page files whose identity this build checked as it loaded them (unchanged since the last build's
    /// record, or read, hashed and recorded now): the keys trust these without looking at the files again.
    var checked: [String: SourceIdentities.Known] { lock.withLock { verified } }

    /// The page files as this build found them: its loads over the last build's records.
    var records: [String: SourceIdentities.Known] {
        lock.withLock { known.merging(verified) { _, new in new } }
    }
}
