import Foundation
import Liquid

/// A page's build cache key: SHA-256 over the page's own file and the content of exactly what it depended on when
/// it was rendered (`PageDependencies`: its layouts, includes, data files, the files it included relatively, what
/// it shows of other pages), plus everything every page depends on (the options, the config files, the theme, the
/// custom tags and filters, Docent's and the simulation's versions). Two builds give a page the same key only when
/// all of that is the same, and then it renders to the same bytes.
///
/// File hashes are computed once per build, when a key first needs them; safe to use from the parallel render.
final class PageCacheKeys: @unchecked Sendable {
    private let root: URL
    private let config: SiteConfig
    private let model: SiteModel
    private let environment: String
    private let pagesByURL: [String: Int]
    private let pagesByContentPath: [String: Int]
    private let staticURLs: Set<String>
    private let layoutFiles: [String: [String]]
    private let dataEntries: [String: [String]]
    /// The page files this build's load checked (`LoadCache.checked`): trusted without looking at them again.
    private let checked: [String: SourceIdentities.Known]
    private let lock = NSLock()
    private var memo: [String: String] = [:]

    /// `environment` is the hash of what every page depends on (`BuildCache.environment`); `checked`, the page files
    /// as this build's load found them.
    init(
        root: URL, config: SiteConfig, model: SiteModel, staticFiles: [SourceFile], environment: String,
        checked: [String: SourceIdentities.Known] = [:]
    ) {
        self.root = root
        self.checked = checked
        self.config = config
        self.model = model
        self.environment = environment
        var byContentPath: [String: Int] = [:]
        let pages = model.pages
        for index in pages.indices where byContentPath[pages[index].contentPath] == nil {
            byContentPath[pages[index].contentPath] = index
        }
        // The first page of each URL, as the model has them.
        pagesByURL = model.pageByURL
        pagesByContentPath = byContentPath
        staticURLs = Set(staticFiles.map(\.url))
        layoutFiles = Self.entries(of: root.appendingPathComponent(config.layoutsFolder), folder: config.layoutsFolder)
        dataEntries = Self.entries(of: root.appendingPathComponent(config.dataFolder), folder: config.dataFolder)
    }

    /// The key of `page` rendered with `dependencies`: SHA-256 over lines naming each input and its hash, fed to
    /// the hash piece by piece (no text of the whole key is built: that string's growth was most of a cached
    /// rebuild's key time).
    func key(of page: Page, dependencies: PageDependencies) -> String {
        var hash = SHA256()
        func line(_ pieces: String...) {
            for (index, piece) in pieces.enumerated() {
                if index > 0 { hash.update(" ") }
                hash.update(piece)
            }
            hash.update("\n")
        }
        line("environment", environment)
        line("page", page.sitePath, sourceHash(of: page.sitePath))
        if config.gitDates != nil {
            line("git", config.gitDates?.lastCommit(of: page.sitePath) ?? "")
        }
        line("section", model.navigation.sectionByURL[page.url] ?? "-")
        for name in dependencies.layouts.sorted() {
            line("layout", name, memoized("layout:" + name) { hashFiles(layoutFiles[name] ?? []) })
        }
        let references = dependencies.references
        if references.anyInclude {
            line("includes", memoized("includes") { hashPath(config.includesFolder) })
        } else {
            for name in references.includes.sorted() {
                let path = config.includesFolder + "/" + name
                line("include", name, memoized("file:" + path) { hashPath(path) })
            }
        }
        if references.anyData {
            line("data", memoized("data") { hashPath(config.dataFolder) })
        } else {
            for name in references.data.sorted() {
                line("data", name, memoized("data:" + name) { hashFiles(dataEntries[name] ?? []) })
            }
        }
        for path in dependencies.relativeFiles.sorted() {
            line("file", path, memoized("file:" + path) { hashPath(path) })
        }
        if references.sitePages || dependencies.anyLink || page.collection == "posts" {
            line("site", memoized("site") { siteListsHash() })
        }
        for url in dependencies.pageURLs.sorted() {
            let shown = pagesByURL[url].map { summaryHash(of: $0) } ?? "-"
            line("url", url, shown, staticURLs.contains(url) ? "true" : "false")
        }
        for path in dependencies.linkedContentPaths.sorted() {
            line("link", path, pagesByContentPath[path].map { summaryHash(of: $0) } ?? "-")
        }
        return hash.finalize()
    }

    /// Everything a page's key reads besides the page's own file, its relative files and the git dates, as one hash:
    /// the environment, the layouts', includes' and data folders' files, the site's lists (what each page shows
    /// others, the static files, the navigation file) and each page's section. Under the same world, a page whose
    /// file is unchanged and that reads no relative file has the key it had (`BuildCacheRun` then skips computing
    /// it). Nil when the site takes dates from git (a commit moves them without a file changing).
    func world() -> String? {
        guard config.gitDates == nil else { return nil }
        var hash = SHA256()
        hash.update("world 1\n")
        hash.update("environment \(environment)\n")
        for folder in [config.layoutsFolder, config.includesFolder, config.dataFolder] {
            hash.update("folder \(folder.utf8.count):\(folder) \(hashPath(folder))\n")
        }
        hash.update("site \(memoized("site") { siteListsHash() })\n")
        let sections = model.navigation.sectionByURL
        // "section <length>:<url> <section>\n" per page, fed in pieces (no line made per page).
        for index in model.pages.indices {
            let url = model.pages[index].url
            hash.update("section ")
            hash.update(String(url.utf8.count))
            hash.update(":")
            hash.update(url)
            hash.update(" ")
            hash.update(sections[url] ?? "-")
            hash.update("\n")
        }
        return hash.finalize()
    }

    // MARK: - Hashes

    /// The page file's bytes: the last build's hash when the file's identity is the same, else computed.
    /// The page file's bytes: as the load checked them (`LoadCache.checked`), else hashed now.
    private func sourceHash(of sitePath: String) -> String {
        if let record = checked[sitePath] { return record.sourceHash }
        return memoized("source:" + sitePath) { hashPath(sitePath) }
    }

    /// What other pages see of a page (`PageSummary`): its title, URL and front matter.
    private func summaryHash(of index: Int) -> String {
        let sitePath = model.pages[index].sitePath
        // What other pages see of a page follows from its front matter and the environment (`FrontMatterRecord`).
        if let summary = checked[sitePath]?.summaryHash { return summary }
        return memoized("summary:" + sitePath) {
            let page = model.pages[index]
            let summary = PageSummary(page)
            var text = [
                summary.url, summary.title, summary.navigationTitle, summary.description, summary.contentPath,
                summary.outputPath,
            ].map { "\($0.utf8.count):\($0)" }.joined()
            // A value that is not plain data (a drop) is vouched for by the file it came from.
            if !Self.canonical(.object(summary.values), into: &text) { text += sourceHash(of: page.sitePath) }
            var hash = SHA256()
            hash.update(text)
            return hash.finalize()
        }
    }

    /// The site's lists of pages and files, and the navigation file: what `site.pages` and its kin show.
    private func siteListsHash() -> String {
        var hash = SHA256()
        for index in model.pages.indices {
            hash.update(summaryHash(of: index))
            hash.update("\n")
        }
        for url in staticURLs.sorted() { hash.update("static \(url)\n") }
        hash.update("navigation " + memoized("data:navigation") { hashFiles(dataEntries["navigation"] ?? []) })
        return hash.finalize()
    }

    /// A page file's hash from its bytes (as `sourceHash` computes it from the file).
    static func sourceHash(of bytes: Data, sitePath: String) -> String {
        var hash = SHA256()
        CheckCache.hashFile(bytes: bytes, as: sitePath, into: &hash)
        return hash.finalize()
    }

    /// A file's or a folder's bytes by site path (absolute for a theme's file); "-" when there is none.
    private func hashPath(_ path: String) -> String {
        hashFiles([path])
    }

    private func hashFiles(_ paths: [String]) -> String {
        var hash = SHA256()
        for path in paths {
            let url = url(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                hash.update("missing \(path)\n")
                continue
            }
            if isFolder.boolValue {
                CheckCache.hashFolder(url, relative: path + "/", into: &hash)
            } else {
                CheckCache.hashFile(url, as: path, into: &hash)
            }
        }
        return hash.finalize()
    }

    private func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }

    private func memoized(_ name: String, _ compute: () -> String) -> String {
        if let known = lock.withLock({ memo[name] }) { return known }
        let value = compute()
        lock.withLock { memo[name] = value }
        return value
    }

    /// A folder's entries by name without extension (`default` → `_layouts/default.html`), as site paths.
    private static func entries(of folder: URL, folder sitePath: String) -> [String: [String]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var entries: [String: [String]] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            entries[(name as NSString).deletingPathExtension, default: []].append(sitePath + "/" + name)
        }
        return entries
    }

    /// Appends a Liquid value as text that is the same for equal values (objects in key order); false when the value
    /// holds a drop, whose content this cannot see.
    private static func canonical(_ value: LiquidValue, into text: inout String) -> Bool {
        switch value {
        case .nil_: text += "n"
        case .bool(let value): text += value ? "t" : "f"
        case .int(let value): text += "i\(value);"
        case .double(let value): text += "d\(value.bitPattern);"
        case .string(let value): text += "s\(value.utf8.count):\(value)"
        case .array(let values):
            text += "a\(values.count)["
            for value in values where !canonical(value, into: &text) { return false }
            text += "]"
        case .object(let values):
            text += "o\(values.count){"
            for key in values.keys.sorted() {
                text += "\(key.utf8.count):\(key)"
                if !canonical(values[key]!, into: &text) { return false }
            }
            text += "}"
        case .drop: return false
        }
        return true
    }
}
