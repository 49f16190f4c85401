import Foundation

/// `docent build`'s persistent cache, in `.docent-cache/` beside the config (the folder of `docent check`'s cache,
/// ignored by Git through its own `.gitignore`; `--no-cache` leaves it alone). For each page it keeps the key the
/// page was rendered under (`PageCacheKeys`), what the page depended on, and what the rest of the build takes from a
/// rendered page (its search document, Markdown twin, feed content), in one pack file (`CachePack`); not its HTML,
/// which is the previous site's file (`OutputRecords`). The next build links that file into the new site, without
/// parsing or rendering the page, when the page's key is the same again, and renders (and stores) the page
/// otherwise.
///
/// Every file of the cache is framed (`CacheFile`, `CachePack`): used only when its magic, version, length and
/// checksum hold, so a damaged, truncated or foreign file costs only renders, with one `cache.unreadable` warning
/// for the build. Files are written to a temporary file and renamed into place, so two builds at once each leave
/// whole files.
public struct BuildCache: Sendable {
    public let folder: URL
    /// Docent's version in the keys; nil for the running binary's identity (path, size, time).
    let toolVersion: String?

    /// The pages' entries (`CachePack`).
    var packFile: URL { folder.appendingPathComponent("pages.pack") }
    /// The page files as the last build saw them (`SourceIdentities`).
    var sourcesFile: URL { folder.appendingPathComponent("sources") }
    /// The pages of the output as the last build wrote them (`OutputRecords`).
    var outputsFile: URL { folder.appendingPathComponent("outputs") }
    /// What the last build left in its output folder (`SiteManifest`), for `DirectoryOutput` to update it in place.
    public var siteManifestFile: URL { folder.appendingPathComponent("site") }

    public init(root: URL, toolVersion: String? = nil) {
        folder = root.appendingPathComponent(CheckCache.folderName)
        self.toolVersion = toolVersion
    }

    /// What a build found in the cache.
    public struct Statistics: Sendable, Equatable {
        /// Pages whose stored output was used.
        public var reused = 0
        /// Pages rendered (not in the cache, changed, or not cacheable).
        public var rendered = 0
        /// Entries not used because they are damaged, truncated or not Docent's.
        public var unreadable = 0
        /// Pages made from their file's recorded front matter (the file unchanged), neither read nor parsed.
        public var loadedFromRecords = 0
        /// Pages reused without computing their key again: their files unchanged and the world the same
        /// (`PageCacheKeys.world`).
        public var keysTrusted = 0
    }

    /// The hash of what every page depends on: the options, Docent and the simulation, the config files, the gem
    /// theme, the custom tags and filters.
    func environment(options: BuildOptions, root: URL, config: SiteConfig) -> String {
        var hash = SHA256()
        hash.update("build cache \(CacheFile.formatVersion)\n")
        CheckCache.hashEnvironment(options: options, toolVersion: toolVersion, into: &hash)
        hash.update("runtime \(options.writesSimulationRuntime)\n")
        if let simulation = options.simulation {
            hash.update("simulation \(simulation.name) \(simulation.startingStates) \(simulation.wasmPath)\n")
        }
        var configFiles = ["docent.yml", "_config.yml"] + (config.file.map { [$0] } ?? [])
        configFiles += (options.configFile ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for name in configFiles {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : root.appendingPathComponent(name)
            CheckCache.hashFile(url, as: name, into: &hash)
        }
        if let theme = config.theme { CheckCache.hashFolder(theme.folder, relative: "theme:", into: &hash) }
        for folder in [config.tagsFolder, config.filtersFolder] {
            CheckCache.hashFolder(root.appendingPathComponent(folder), relative: folder + "/", into: &hash)
        }
        return hash.finalize()
    }
}
