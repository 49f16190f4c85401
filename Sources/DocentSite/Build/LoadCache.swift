import Foundation

/// The build cache's part in loading the pages: a page file whose identity is the one the last build recorded
/// (`SourceIdentities`) is made from its recorded front matter (`FrontMatterRecord`), neither read nor parsed; any
/// other is loaded from the file, its bytes hashed and its front matter recorded as it loads, so the keys
/// (`PageCacheKeys`) never read a page file a second time. The records are written as the pages load (to a pack that
/// `finish` puts in place) and only their hashes kept, so even a site of 100,000 pages holds no record for long.
/// Safe to call from the parallel load.
final class LoadCache: @unchecked Sendable {
    /// The hash of what every page depends on (`BuildCache.environment`).
    let environment: String
    /// Whether the last build's records were damaged.
    let damaged: Bool
    private let root: String
    private let previous: SourceIdentities.Records
    private let records: CachePack.Writer
    private let lock = NSLock()
    private var verified: [String: SourceIdentities.Known] = [:]
    private var fromRecords = 0
    /// The page files made from the last build's records (their files unchanged since that build read them).
    private var unchanged: Set<String> = []
    /// This build's number, in its records and in its pages' pack (`BuildCacheRun`): a pack and records of one build.
    let build = UInt64.random(in: 1...UInt64.max)
    /// The number of the build that wrote the records this build read (0: none).
    let previousBuild: UInt64
    /// The page files the last build recorded, for discovery (`RecordedPages`); and those this build records.
    let recordedPages: RecordedPages
    private var recording = RecordedPages()

    /// The cache serves a build that writes into a staging folder, beside the previous site whose files it links,
    /// and that does not run the checks (they read what only a render gives: outlines, Liquid positions). It keeps
    /// no page's HTML, only what the previous site's file was made from, so an in-memory build (`serve`) renders.
    static func isUsable(options: BuildOptions, sink: any OutputSink) -> Bool {
        guard let cache = options.cache else { return false }
        return sink.isStaged && !options.runChecks && CheckCache.isSafeFolder(cache.folder)
    }

    /// Nil when the cache's folder cannot be made.
    init?(cache: BuildCache, options: BuildOptions, root: URL, config: SiteConfig) {
        guard (try? CheckCache.createFolder(cache.folder)) != nil else { return nil }
        environment = cache.environment(options: options, root: root, config: config)
        previous = SourceIdentities.Records(url: cache.sourcesFile, environment: environment)
        damaged = previous.damaged
        previousBuild = previous.build
        recordedPages = previous.pages
        records = CachePack.Writer(url: cache.sourcesFile)
        records.add(SourceIdentities.environmentEntry, payload: Array(environment.utf8))
        records.add(SourceIdentities.buildEntry, payload: SourceIdentities.encode(build: build))
        self.root = root.path
    }

    /// Loads a page file, from its record when the file is the one recorded: from its stub alone (`PageStub`, its
    /// front matter's parts made on first use) when the record was made under this environment.
    func load(_ file: SourceFile, with shared: PageLoader.Shared) -> (page: Page?, diagnostics: [Diagnostic]) {
        let loader = shared.loader
        let path = { file.sitePath.hasPrefix("/") ? file.sitePath : self.root + "/" + file.sitePath }
        let identity = file.identity ?? SourceIdentities.identity(of: path())
        let found = identity == nil ? nil : previous.record(file.sitePath)
        if let identity, let found, found.known.identity == identity, let bytes = found.known.frontMatter {
            // The same bytes as when the last build read them, so it starts as it started then.
            let opens = recordedPages.contains(file.sitePath, identity: identity)
            if found.known.summaryHash != nil, !file.sitePath.hasPrefix("/"), let stubBytes = found.known.stub,
                let stub = PageStub(encoded: stubBytes)
            {
                // The record as it was: its bytes go to the next build's records without being encoded again.
                found.framed.withUnsafeBytes { records.add(file.sitePath, framed: $0) }
                keep(found.known, of: file.sitePath, fromRecord: true, store: false, opensWithFrontMatter: opens)
                return (PageLoader.load(file, stub: stub, record: bytes, with: shared), [])
            }
            if let record = FrontMatterRecord(encoded: bytes), let made = loader.load(file, record: record) {
                if found.known.summaryHash != nil {
                    found.framed.withUnsafeBytes { records.add(file.sitePath, framed: $0) }
                    keep(found.known, of: file.sitePath, fromRecord: true, store: false, opensWithFrontMatter: opens)
                } else {
                    // Made under another config: what other pages see of it is hashed again, and its stub made
                    // again.
                    var known = found.known
                    known.summaryHash = FrontMatterRecord.summaryHash(of: bytes, sitePath: file.sitePath)
                    known.stub = Self.stub(of: made.page, diagnostics: made.diagnostics, body: record.body)
                    keep(known, of: file.sitePath, fromRecord: true, store: true, opensWithFrontMatter: opens)
                }
                return made
            }
        }
        let load = loader.load(file, recording: true)
        guard let bytes = load.bytes else { return (load.page, load.diagnostics) }
        let frontMatter = load.record?.encoded?[...]
        let known = SourceIdentities.Known(
            identity: identity ?? "", sourceHash: PageCacheKeys.sourceHash(of: bytes, sitePath: file.sitePath),
            summaryHash: frontMatter.flatMap { FrontMatterRecord.summaryHash(of: $0, sitePath: file.sitePath) },
            frontMatter: frontMatter,
            stub: frontMatter == nil
                ? nil : load.record.flatMap { Self.stub(of: load.page, diagnostics: load.diagnostics, body: $0.body) })
        // Recorded for the next build only when the file did not change while it was read (and not too recently to
        // tell its next change); the keys of this build use the bytes read either way, so a page's key does not
        // depend on how long ago its file or the files of the pages it shows were saved.
        let stable = identity != nil && SourceIdentities.identity(of: path()) == identity
        let opens = bytes.withUnsafeBytes { Discovery.start(of: $0) == .frontMatter }
        keep(known, of: file.sitePath, fromRecord: false, store: stable, opensWithFrontMatter: opens)
        return (load.page, load.diagnostics)
    }

    /// A page's stub, when its making reported nothing.
    private static func stub(of page: Page?, diagnostics: [Diagnostic], body: PageBodies.Fingerprint)
        -> ArraySlice<UInt8>?
    {
        guard diagnostics.isEmpty, let page else { return nil }
        return PageStub(page, body: body).encoded[...]
    }

    /// The page files made from the last build's records: the files that build read, unchanged (complete once the
    /// load is).
    var unchangedFiles: Set<String> { lock.withLock { unchanged } }

    /// How many pages were made from their records.
    var loadedFromRecords: Int { lock.withLock { fromRecords } }

    /// The page files as this build loaded them (unchanged since the last build's record, or read and hashed now),
    /// without their front matter and identity: the keys trust these without looking at the files again.
    var checked: [String: SourceIdentities.Known] { lock.withLock { verified } }

    /// Puts this build's records in place (the records of page files that are gone are not carried over).
    func finish() {
        records.add(SourceIdentities.pagesEntry, payload: lock.withLock { recording.encoded })
        records.finish()
    }

    /// Keeps a page file's hashes for this build's keys; `store`: and writes its record for the next build (false for
    /// a record already written as it was, or a file that changed as it was read). A recorded file that starts with
    /// front matter is in the next build's `recordedPages`.
    private func keep(
        _ record: SourceIdentities.Known, of sitePath: String, fromRecord: Bool, store: Bool,
        opensWithFrontMatter: Bool
    ) {
        if store { records.add(sitePath, payload: SourceIdentities.encode(record)) }
        let recorded = opensWithFrontMatter && !record.identity.isEmpty && (store || fromRecord)
        // The keys read only the hashes: neither the front matter nor the identity (a string per page, 10 MB at
        // 100,000 pages) is held.
        var light = record
        light.frontMatter = nil
        light.stub = nil
        light.identity = ""
        lock.withLock {
            if recorded { recording.insert(sitePath, identity: record.identity) }
            verified[sitePath] = light
            if fromRecord {
                fromRecords += 1
                unchanged.insert(sitePath)
            }
        }
    }
}
