import Foundation

/// `docent check`'s cache (`.docent-cache/check.json` beside the config, ignored by Git through its own
/// `.gitignore`): the diagnostics of the last check with the fingerprint of everything it read. When nothing
/// changed, the next check prints them without building: the same diagnostics as a cold run, in a fraction of a
/// second. The fingerprint is SHA-256 over every file the site's build reads (path and bytes: in a Docent site its
/// top-level files, content, templates and assets; in a Jekyll site every file but dot-files, the output and the
/// cache; and the screenshots' manifest), the config files and the gem theme wherever they are, the options, the `docent` binary
/// (path, size, time) and the console's WebAssembly, and the environment the build reads. A cache that cannot be
/// read, is truncated, comes from another version or does not match is not used (a warning says why, when it is
/// not simply out of date); it is replaced atomically, so two checks at once leave one whole file.
public struct CheckCache: Sendable {
    public static let folderName = ".docent-cache"
    static let formatVersion = 1

    public let folder: URL
    var file: URL { folder.appendingPathComponent("check.json") }

    public init(root: URL) {
        folder = root.appendingPathComponent(Self.folderName)
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var version: Int
        public var fingerprint: String
        public var pageCount: Int
        public var diagnostics: [Diagnostic]

        public init(fingerprint: String, pageCount: Int, diagnostics: [Diagnostic]) {
            version = CheckCache.formatVersion
            self.fingerprint = fingerprint
            self.pageCount = pageCount
            self.diagnostics = diagnostics
        }
    }

    /// The cached diagnostics when they were made from exactly these inputs; a warning when the cache is
    /// unreadable (it is then rebuilt).
    public func load(fingerprint: String) -> (entry: Entry?, warning: Diagnostic?) {
        guard Self.isSafeFolder(folder), let data = try? Data(contentsOf: file) else { return (nil, nil) }
        guard let entry = try? JSONDecoder().decode(Entry.self, from: data) else {
            return (
                nil,
                .warning(
                    "cache.unreadable", "\(Self.folderName)/check.json is damaged or not Docent's: ignored and rebuilt"
                )
            )
        }
        guard entry.version == Self.formatVersion, entry.fingerprint == fingerprint else { return (nil, nil) }
        return (entry, nil)
    }

    /// Writes the entry (to a temporary file, then renamed over the old one).
    public func store(_ entry: Entry) {
        let fileManager = FileManager.default
        do {
            try Self.createFolder(folder)
            let temporary = folder.appendingPathComponent("check.json.\(ProcessInfo.processInfo.processIdentifier).tmp")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(entry).write(to: temporary)
            if rename(temporary.path, file.path) != 0 { try? fileManager.removeItem(at: temporary) }
        } catch {
            // A cache that cannot be written only costs the next check its speed.
        }
    }

    /// Creates the cache folder with a `.gitignore` that keeps it out of Git; refuses a folder that is not safe.
    static func createFolder(_ folder: URL) throws {
        guard isSafeFolder(folder) else { throw CocoaError(.fileWriteNoPermission) }
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        let ignore = folder.appendingPathComponent(".gitignore")
        if !fileManager.fileExists(atPath: ignore.path) {
            // Written to a temporary file and renamed: a link left at that name is replaced, never written through.
            try Data("# Docent's cache: safe to delete.\n*\n".utf8).write(to: ignore, options: .atomic)
        }
    }

    /// Whether the caches may use `folder`: absent (they make it) or a real folder. A symbolic link is refused: a
    /// site (a pull request) could point `.docent-cache` outside itself, and the caches would write there. The
    /// caches' own files are written to a temporary file and renamed over, so a link inside is replaced.
    static func isSafeFolder(_ folder: URL) -> Bool {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return errno == ENOENT }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The fingerprint of everything a check of this site reads, with these options and this binary.
    public static func fingerprint(options: BuildOptions) -> String {
        var ignored: [Diagnostic] = []
        let root = options.source
        let config = SiteConfig.load(root: root, explicitFile: options.configFile, diagnostics: &ignored)
        var outputs = ["_site"]
        if let destination = options.configFile.flatMap({
            SiteConfig.folder("destination", root: root, explicitFile: $0)
        }),
            destination.deletingLastPathComponent().standardizedFileURL.path == root.standardizedFileURL.path
        {
            outputs.append(destination.lastPathComponent)
        }
        return fingerprint(options: options, config: config, outputFolders: outputs)
    }

    static func fingerprint(options: BuildOptions, config: SiteConfig, outputFolders: [String]) -> String {
        var hash = SHA256()
        hash.update("format=\(formatVersion)\n")
        hashEnvironment(options: options, into: &hash)
        let root = options.source.standardizedFileURL
        if config.layout == .docent {
            // A Docent site reads its top-level files (the config), its content, templates and assets only (each
            // folder once, however the config nests tags and filters in them).
            let folders =
                [config.contentFolder, "templates", config.tagsFolder, config.filtersFolder]
                + config.staticFolders.map(\.source)
            let topFolders = Set(folders.compactMap { $0.split(separator: "/").first.map(String.init) })
            hashFolder(root, relative: "", into: &hash) { name, isFolder in !isFolder || topFolders.contains(name) }
        } else {
            let skipped = Set(outputFolders + [folderName, ".git"])
            hashFolder(root, relative: "", into: &hash) { name, _ in !skipped.contains(name) }
        }
        // The screenshots' fingerprints (`walkthrough.stale-screenshot`).
        hashFile(
            root.appendingPathComponent(Screenshots.manifestName), as: Screenshots.manifestName, into: &hash)
        for name in (options.configFile ?? "").split(separator: ",") where name.hasPrefix("/") {
            hashFile(URL(fileURLWithPath: String(name)), as: String(name), into: &hash)
        }
        if let theme = config.theme { hashFolder(theme.folder, relative: "theme:", into: &hash) }
        // Dot-files a Jekyll config brings back in (`include: [.htaccess]`).
        if case .array(let names)? = config.values["include"] {
            for case .string(let name) in names where name.hasPrefix(".") && !name.contains("..") {
                let url = root.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    hashFolder(url, relative: name + "/", into: &hash)
                } else {
                    hashFile(url, as: name, into: &hash)
                }
            }
        }
        return hash.finalize()
    }

    /// What a build reads besides the site's files: the options, the environment variables it looks at, the
    /// `docent` binary (path, size, time; or `toolVersion` when given) and the console's WebAssembly.
    static func hashEnvironment(options: BuildOptions, toolVersion: String? = nil, into hash: inout SHA256) {
        func field(_ name: String, _ value: String) {
            hash.update("\(name)=\(value.utf8.count):\(value)\n")
        }
        field("config", options.configFile ?? "")
        field("drafts", "\(options.includeDrafts)")
        field("baseurl", options.baseURL ?? "")
        field("simulation", options.simulation.map { String(describing: type(of: $0)) } ?? "")
        for name in ["DOCENT_CONSOLE_WASM", "PAGES_REPO_NWO", "JEKYLL_BUILD_REVISION", "JEKYLL_ENV"] {
            field("env." + name, ProcessInfo.processInfo.environment[name] ?? "")
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if let toolVersion {
            field("tool", toolVersion)
        } else {
            field("binary", executable.path + " " + identity(of: executable.path))
        }
        let wasm = executable.deletingLastPathComponent().appendingPathComponent("ConsoleWasm.wasm")
        field("binary", wasm.path + " " + identity(of: wasm.path))
        if let wasm = ProcessInfo.processInfo.environment["DOCENT_CONSOLE_WASM"] {
            field("wasm", identity(of: wasm))
        }
    }

    /// A file's size and modification time (for the binary: hashing 30 MB on every check would cost more than it
    /// saves).
    private static func identity(of path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "missing" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size) \(time)"
    }

    /// Every file below `folder`, in name order: its path and bytes. Dot-files and dot-folders are left out (no
    /// build reads them), as are the top-level entries `keep` (name, is a folder) turns down; symbolic links are
    /// named with their target.
    static func hashFolder(
        _ folder: URL, relative: String, into hash: inout SHA256,
        keep: (_ name: String, _ isFolder: Bool) -> Bool = { _, _ in true }
    ) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let path = relative + name
            var isFolder: ObjCBool = false
            let exists = fileManager.fileExists(atPath: url.path, isDirectory: &isFolder)
            guard keep(name, isFolder.boolValue) else { continue }
            if let target = try? fileManager.destinationOfSymbolicLink(atPath: url.path) {
                hash.update("link \(path) -> \(target)\n")
                continue
            }
            guard exists else { continue }
            if isFolder.boolValue {
                hashFolder(url, relative: path + "/", into: &hash)
            } else {
                hashFile(url, as: path, into: &hash)
            }
        }
    }

    static func hashFile(_ url: URL, as path: String, into hash: inout SHA256) {
        hashFile(bytes: (try? Data(contentsOf: url, options: .mappedIfSafe)) ?? Data(), as: path, into: &hash)
    }

    /// A file's bytes as `hashFile` hashes them, when they are already read.
    static func hashFile(bytes: Data, as path: String, into hash: inout SHA256) {
        hash.update("file \(path) \(bytes.count)\n")
        hash.update(bytes)
    }
}

extension Diagnostic: Codable {
    enum CodingKeys: String, CodingKey { case severity, id, message, location, includeChain, note, fixIt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Severity.self, forKey: .severity), try container.decode(String.self, forKey: .id),
            try container.decode(String.self, forKey: .message),
            at: try container.decodeIfPresent(Location.self, forKey: .location)?.value,
            includeChain: try container.decode([Location].self, forKey: .includeChain).map(\.value),
            note: try container.decodeIfPresent(String.self, forKey: .note),
            fixIt: try container.decodeIfPresent(String.self, forKey: .fixIt))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(id, forKey: .id)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(location.map(Location.init), forKey: .location)
        try container.encode(includeChain.map(Location.init), forKey: .includeChain)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(fixIt, forKey: .fixIt)
    }

    /// A source location as the cache writes it.
    struct Location: Codable {
        var file: String
        var line: Int
        var column: Int
        init(_ location: SourceLocation) {
            (file, line, column) = (location.file, location.line, location.column)
        }
        var value: SourceLocation { SourceLocation(file: file, line: line, column: column) }
    }
}

extension Diagnostic.Severity: Codable {}
