import Foundation

/// A file of the site found on disk.
struct SourceFile: Sendable {
    enum Kind: Sendable { case page, staticFile }

    var kind: Kind
    /// Path relative to the site root ("content/guides/sso.md"), used in diagnostics.
    var sitePath: String
    /// Path inside its folder ("guides/sso.md"): what decides the page URL or the static file's URL.
    var relativePath: String
    /// For static files: the URL prefix of the folder they come from ("/", "/assets/").
    var urlPrefix: String
    /// For pages in a Jekyll collection: the collection's name.
    var collection: String?
    /// The file's identity (`SourceIdentities.identity`) when discovery looked at it (to find it a page by its
    /// record, `RecordedPages`): the load takes it instead of looking again.
    var identity: String? = nil
}

/// Finds pages and static files. Hidden files, `_`-prefixed folders (layouts, includes, data, drafts) and the
/// output folder are skipped; symlinks that lead out of the site root are refused.
struct Discovery {
    let root: URL
    let config: SiteConfig
    let outputPath: String?
    let view: SiteFileView
    /// The page files the build cache recorded (their front matter seen), by identity: asked for after the walk
    /// (the records may be read meanwhile).
    let recordedPages: @Sendable () -> RecordedPages?
    var diagnostics: [Diagnostic] = []
    /// Indices (in the walk's list) of files that are pages only if they start with front matter.
    private var frontMatterChecks: [Int] = []
    /// Indices of Markdown files that are pages through jekyll-optional-front-matter (their source may be copied).
    private var optionalPages: [Int] = []
    /// `_posts` folders found below the site's top, walked after it.
    private var nestedPostFolders: [String] = []

    /// Files jekyll-optional-front-matter leaves alone without front matter (a repository's own documents).
    static let notOptionalPages: Set<String> = [
        "README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    ]

    static func stem(_ name: String) -> String {
        name.firstIndex(of: ".").map { String(name[..<$0]) } ?? name
    }

    /// Markdown files need no front matter to be pages (jekyll-optional-front-matter).
    private var optionalFrontMatter: Bool { config.plugins.contains("jekyll-optional-front-matter") }

    init(
        root: URL, config: SiteConfig, outputPath: String?,
        recordedPages: @escaping @Sendable () -> RecordedPages? = {
            nil
        }
    ) {
        self.root = root
        self.config = config
        self.outputPath = outputPath
        self.recordedPages = recordedPages
        view = SiteFileView(root: root)
    }

    static let pageExtensions: Set<String> = ["md", "markdown", "html", "htm"]
    static let jekyllExcluded: Set<String> = [
        "Gemfile", "Gemfile.lock", "node_modules", "vendor", "_site", ".sass-cache", ".jekyll-cache", "package.json",
        "package-lock.json",
    ]

    mutating func run() -> [SourceFile] {
        var files: [SourceFile] = []
        frontMatterChecks = []
        optionalPages = []
        switch config.layout {
        case .docent:
            walk(folder: config.contentFolder, urlPrefix: "/", into: &files, pagesAllowed: true, collection: nil)
        case .jekyll:
            walk(folder: "", urlPrefix: "/", into: &files, pagesAllowed: true, collection: nil)
            for (name, collection) in config.collections.sorted(by: { $0.key < $1.key }) where collection.output {
                walk(folder: "_" + name, urlPrefix: "/", into: &files, pagesAllowed: true, collection: name)
            }
            // Posts in `_posts` folders below the top (`news/_posts/`: their folders are the posts' categories).
            while let folder = nestedPostFolders.popLast() {
                walk(folder: folder, urlPrefix: "/", into: &files, pagesAllowed: true, collection: "posts")
            }
        }
        for (folder, prefix) in config.staticFolders {
            walk(folder: folder, urlPrefix: prefix, into: &files, pagesAllowed: false, collection: nil)
        }
        decidePages(&files)
        return files.sorted { $0.sitePath < $1.sitePath }
    }

    /// Files the walk could not classify by name are pages when they start with front matter: reading their first
    /// bytes is one open and read per file, done on every core. A file the build cache recorded as a page, its
    /// identity the same, is one without opening it.
    /// jekyll-optional-front-matter's pages without front matter are also copied as they are (its files are
    /// static files it adds pages for), unless `optional_front_matter: remove_originals: true`.
    private mutating func decidePages(_ files: inout [SourceFile]) {
        let pending = frontMatterChecks + optionalPages
        guard !pending.isEmpty else { return }
        let rootPath = root.path
        let recorded = recordedPages()
        let view = view
        let results = SiteBuilder.parallelMap(pending.map { files[$0].sitePath }) { sitePath -> (Start, String?) in
            let path = rootPath + "/" + sitePath
            guard let recorded, let identity = view.identity(of: sitePath) else { return (Self.start(path: path), nil) }
            return (recorded.contains(sitePath, identity: identity) ? .frontMatter : Self.start(path: path), identity)
        }
        for (position, index) in pending.enumerated() { files[index].identity = results[position].1 }
        var unreadable: Set<Int> = []
        for (position, index) in frontMatterChecks.enumerated() {
            switch results[position].0 {
            case .frontMatter: files[index].kind = .page
            case .other: files[index].kind = .staticFile
            case .unreadable(let code):
                report(.unreadable(files[index].sitePath, reason: String(cString: strerror(code))))
                unreadable.insert(index)
            }
        }
        for (position, index) in optionalPages.enumerated()
        where results[frontMatterChecks.count + position].0 != .frontMatter && !removesOriginals {
            var original = files[index]
            original.kind = .staticFile
            files.append(original)
        }
        if !unreadable.isEmpty {
            files = files.indices.filter { !unreadable.contains($0) }.map { files[$0] }
        }
    }

    private var removesOriginals: Bool {
        guard case .object(let settings)? = config.values["optional_front_matter"],
            case .bool(let remove)? = settings["remove_originals"]
        else { return false }
        return remove
    }

    /// Walks a folder of the site through the site's file view: the folder itself and every symbolic link in it
    /// must resolve inside the site root; a link to a folder already walked (a loop) is refused by device and inode;
    /// an unreadable folder or a special file (FIFO, device) is an error, never a silent skip.
    private mutating func walk(
        folder: String, urlPrefix: String, into files: inout [SourceFile], pagesAllowed: Bool, collection: String?
    ) {
        let basePath = folder.isEmpty ? root.path : root.path + "/" + folder
        if case .failure(let refusal) = view.resolve(folder) {
            report(refusal)
            return
        }
        // Real folders first, linked ones after, so a link to a folder the walk reaches anyway is the one refused.
        var walked = Set([FileIdentity(path: basePath)].compactMap { $0 })
        var linked: [(relative: String, sitePath: String)] = []
        var stack: [String] = [""]
        while let relative = stack.popLast() ?? nextLinkedFolder(&linked, walked: &walked, basePath: basePath) {
            let directory = relative.isEmpty ? basePath : basePath + "/" + relative
            guard let entries = Self.entries(of: directory) else {
                let sitePath = [folder, relative].filter { !$0.isEmpty }.joined(separator: "/")
                report(.unreadable(sitePath, reason: String(cString: strerror(errno))))
                continue
            }
            for (name, type) in entries {
                if name.hasPrefix(".") { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let sitePath = folder.isEmpty ? childRelative : folder + "/" + childRelative
                if name == "_posts", collection == nil, config.layout == .jekyll, !(folder.isEmpty && relative.isEmpty),
                    type == .directory
                {
                    nestedPostFolders.append(sitePath)
                    continue
                }
                if skip(name: name, sitePath: sitePath, atTop: relative.isEmpty, collection: collection) { continue }
                // No file of the output may hold one (OutputPath refuses it), so `check` refuses it as `build` would.
                if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                    let shown = ControlCharacters.visible(sitePath)
                    diagnostics.append(
                        .error(
                            "source.unsafe-name", "\(shown) has a control character in its name",
                            at: .init(file: shown, line: 1, column: 1), note: "rename it"))
                    continue
                }
                let fullPath = directory + "/" + name
                var isDirectory = type == .directory
                // A file system that gives no type (DT_UNKNOWN) may hide a link: resolved alike.
                if type == .symlink || type == .unknown {
                    if case .failure(let refusal) = view.resolve(sitePath) {
                        report(refusal)
                        continue
                    }
                    var info = stat()
                    guard stat(fullPath, &info) == 0 else { continue }
                    isDirectory = info.st_mode & S_IFMT == S_IFDIR
                    if !isDirectory && info.st_mode & S_IFMT != S_IFREG {
                        report(.special(sitePath))
                        continue
                    }
                }
                if isDirectory {
                    if type == .directory {
                        if let identity = FileIdentity(path: fullPath) { walked.insert(identity) }
                        stack.append(childRelative)
                    } else {
                        linked.append((childRelative, sitePath))
                    }
                    continue
                }
                let ext = Self.pathExtension(name)
                // In a Docent site every Markdown file in content/ is a page and HTML files are pages when they
                // start with front matter; in a Jekyll site any file that starts with front matter is a page
                // (`sitemap.xml`, `feed.json`, `robots.txt` with Liquid in them), as in Jekyll.
                // A stylesheet with front matter is a page of either layout, in a static folder too (compiled to CSS).
                let isStylesheet = ext == "scss" || ext == "sass"
                let candidate =
                    isStylesheet || pagesAllowed && (config.layout == .jekyll || Self.pageExtensions.contains(ext))
                // jekyll-optional-front-matter: a Jekyll site's Markdown files are pages without front matter too.
                let markdownIsPage = config.layout == .docent || optionalFrontMatter || collection == "posts"
                let isPage =
                    candidate && markdownIsPage && (ext == "md" || ext == "markdown")
                    && !(config.layout == .jekyll && Self.notOptionalPages.contains(Self.stem(name)))
                // What `build` could not copy fails `check` too, with the same diagnostic (a page's own read reports;
                // a file that may be a page is opened to look at its start, which reports it then).
                if !isPage && !candidate && access(fullPath, R_OK) != 0 {
                    report(.unreadable(sitePath, reason: String(cString: strerror(errno))))
                    continue
                }
                if candidate && !isPage { frontMatterChecks.append(files.count) }
                if isPage && config.layout == .jekyll && optionalFrontMatter && collection != "posts" {
                    optionalPages.append(files.count)
                }
                // A page's URL comes from its relative path alone: a static folder's stylesheet carries the folder's
                // URL in it ("assets/site.scss" under "/"), which leaves its URL as a static file the same.
                let inStaticFolder = isStylesheet && !pagesAllowed
                files.append(
                    SourceFile(
                        kind: isPage ? .page : .staticFile, sitePath: sitePath,
                        relativePath: inStaticFolder ? String(urlPrefix.dropFirst()) + childRelative : childRelative,
                        urlPrefix: inStaticFolder ? "/" : urlPrefix, collection: collection))
            }
        }
    }

    /// The next linked folder to walk, or nil when none is left. A link to a folder already walked (a loop such as
    /// `content/self -> .`, or a second path to a folder) is refused by device and inode: each folder is read once.
    private mutating func nextLinkedFolder(
        _ linked: inout [(relative: String, sitePath: String)], walked: inout Set<FileIdentity>, basePath: String
    ) -> String? {
        while let (relative, sitePath) = linked.popLast() {
            guard let identity = FileIdentity(path: basePath + "/" + relative) else { continue }
            if walked.insert(identity).inserted { return relative }
            diagnostics.append(
                .error(
                    "source.symlink-loop",
                    "\(sitePath) is a symbolic link to a folder the site already reads (a loop or a second path to it)",
                    at: .init(file: sitePath, line: 1, column: 1),
                    note: "each folder is read once; remove the link or add it to `exclude`"))
        }
        return nil
    }

    /// A refused entry as its diagnostic (none for a missing one: a dangling link, a folder the site lacks).
    private mutating func report(_ refusal: SiteFileView.Refusal) {
        if let diagnostic = refusal.diagnostic { diagnostics.append(diagnostic) }
    }

    enum EntryType { case file, directory, symlink, unknown }

    /// A folder's entries with their types, straight from readdir (no stat per file); nil when it cannot be read.
    static func entries(of directory: String) -> [(String, EntryType)]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var result: [(String, EntryType)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .symlink
            default: type = .unknown
            }
            result.append((name, type))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func pathExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private func skip(name: String, sitePath: String, atTop: Bool, collection: String?) -> Bool {
        if let outputPath, sitePath == outputPath || sitePath.hasPrefix(outputPath + "/") { return true }
        if config.include.contains(name) { return false }
        if name.hasPrefix("_") { return true }
        if config.exclude.contains(name) || config.exclude.contains(sitePath) { return true }
        if config.layout == .jekyll && atTop && collection == nil {
            if Self.jekyllExcluded.contains(name) { return true }
            if name == config.file || name == "docent.yml" { return true }
        }
        return false
    }

    static func startsWithFrontMatter(path: String) -> Bool { start(path: path) == .frontMatter }

    /// How a file starts: with front matter (`---`, after a byte order mark too), otherwise, or it cannot be read.
    enum Start: Equatable {
        case frontMatter, other
        case unreadable(Int32)
    }

    /// One open and one read of four bytes.
    static func start(path: String) -> Start {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(errno) }
        defer { close(descriptor) }
        var head: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &head) { buffer in
            let count = read(descriptor, buffer.baseAddress, 4)
            guard count >= 0 else { return .unreadable(errno) }
            return start(of: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// How bytes start: `---`, or a byte order mark and `-`.
    static func start(of bytes: UnsafeRawBufferPointer) -> Start {
        guard bytes.count >= 3 else { return .other }
        let dashes = bytes[0] == 0x2D && bytes[1] == 0x2D && bytes[2] == 0x2D
        let markThenDash =
            bytes.count >= 4 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF && bytes[3] == 0x2D
        return dashes || markThenDash ? .frontMatter : .other
    }
}
