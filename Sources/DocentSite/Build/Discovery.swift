import Foundation

/// A file of the site found on disk.
struct SourceFile: Sendable {
    enum Kind: Sendable { case page, staticFile }

    var kind: Kind
    /// Path relative to the site root ("content/insomnia/sso.md"), used in diagnostics.
    var sitePath: String
    /// Path inside its folder ("insomnia/sso.md"): what decides the page URL or the static file's URL.
    var relativePath: String
    /// For static files: the URL prefix of the folder they come from ("/", "/assets/").
    var urlPrefix: String
    /// For pages in a Jekyll collection: the collection's name.
    var collection: String?
}

/// Finds pages and static files. Hidden files, `_`-prefixed folders (layouts, includes, data, drafts) and the
/// output folder are skipped; symlinks that lead out of the site root are refused.
struct Discovery {
    let root: URL
    let config: SiteConfig
    let outputPath: String?
    var diagnostics: [Diagnostic] = []

    static let pageExtensions: Set<String> = ["md", "markdown", "html", "htm"]
    static let jekyllExcluded: Set<String> = [
        "Gemfile", "Gemfile.lock", "node_modules", "vendor", "_site", ".sass-cache", ".jekyll-cache", "package.json",
        "package-lock.json",
    ]

    mutating func run() -> [SourceFile] {
        var files: [SourceFile] = []
        switch config.layout {
        case .docent:
            walk(folder: config.contentFolder, urlPrefix: "/", into: &files, pagesAllowed: true, collection: nil)
        case .jekyll:
            walk(folder: "", urlPrefix: "/", into: &files, pagesAllowed: true, collection: nil)
            for (name, collection) in config.collections.sorted(by: { $0.key < $1.key }) where collection.output {
                walk(folder: "_" + name, urlPrefix: "/", into: &files, pagesAllowed: true, collection: name)
            }
        }
        for (folder, prefix) in config.staticFolders {
            walk(folder: folder, urlPrefix: prefix, into: &files, pagesAllowed: false, collection: nil)
        }
        return files.sorted { $0.sitePath < $1.sitePath }
    }

    private mutating func walk(
        folder: String, urlPrefix: String, into files: inout [SourceFile], pagesAllowed: Bool, collection: String?
    ) {
        let base = folder.isEmpty ? root : root.appendingPathComponent(folder)
        let rootPath = root.resolvingSymlinksInPath().path
        var stack: [String] = [""]
        let fileManager = FileManager.default
        while let relative = stack.popLast() {
            let directory = relative.isEmpty ? base : base.appendingPathComponent(relative)
            guard let names = try? fileManager.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() {
                if name.hasPrefix(".") { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let sitePath = folder.isEmpty ? childRelative : folder + "/" + childRelative
                if skip(name: name, sitePath: sitePath, atTop: relative.isEmpty, collection: collection) { continue }
                let url = directory.appendingPathComponent(name)
                let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
                if values?.isSymbolicLink == true {
                    let target = url.resolvingSymlinksInPath().path
                    if !(target == rootPath || target.hasPrefix(rootPath + "/")) {
                        diagnostics.append(
                            .error(
                                "source.symlink-outside",
                                "\(sitePath) is a symbolic link to \(target), outside the site",
                                at: .init(file: sitePath, line: 1, column: 1),
                                note: "Docent never reads files outside the site root"))
                        continue
                    }
                }
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    stack.append(childRelative)
                    continue
                }
                let ext = (name as NSString).pathExtension.lowercased()
                let isPage = pagesAllowed && Self.pageExtensions.contains(ext) && isPageFile(url: url, ext: ext)
                files.append(
                    SourceFile(
                        kind: isPage ? .page : .staticFile, sitePath: sitePath, relativePath: childRelative,
                        urlPrefix: urlPrefix, collection: collection))
            }
        }
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

    /// In a Docent site every Markdown file in content/ is a page; HTML files (and, in a Jekyll site, any file)
    /// are pages only when they start with front matter, as in Jekyll.
    private func isPageFile(url: URL, ext: String) -> Bool {
        if config.layout == .docent && (ext == "md" || ext == "markdown") { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head.starts(with: Array("---".utf8)) || head.starts(with: [0xEF, 0xBB, 0xBF, 0x2D])
    }
}
