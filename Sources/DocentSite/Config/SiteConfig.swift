import DocentMarkdown
import Foundation
import Liquid

/// The site's configuration: `docent.yml` for a Docent site, `_config.yml` for a site laid out as Jekyll's.
public struct SiteConfig: Sendable {
    public enum Layout: String, Sendable {
        /// `docent.yml`, `content/`, `templates/{layouts,includes,tags}/`, `assets/`, `content/_data/`.
        case docent
        /// `_config.yml`, pages anywhere, `_layouts/`, `_includes/`, `_data/`, collections in `_name/`.
        case jekyll
    }

    public var layout: Layout
    /// The config file relative to the site root ("docent.yml"), or nil when there is none.
    public var file: String?
    public var title: String = "Docs"
    public var description: String = ""
    public var baseURL: String = ""
    /// `relative_urls: true`: every root-absolute URL in a page is written relative to the page, so the built
    /// folder opens from disk and can be served under any path.
    public var relativeURLs = false
    public var url: String = ""
    public var headingIDs: HeadingIDStyleSetting = .github
    /// `pretty` (`/a/b/`), the default, or `none`/`date` (`/a/b.html`), or a pattern with `:path`.
    public var permalink: String = "pretty"
    public var collections: [String: Collection] = [:]
    /// Jekyll's `future`: posts dated after the build are written too (off by default, as in Jekyll).
    public var publishesFuturePosts = false
    /// jekyll-github-metadata's `site.github`, when the site lists the plugin (see `GitHubMetadata`).
    public var github: LiquidValue?
    /// Each file's last commit time, for a page's "Last updated" (`page.last_modified_at`): in a Docent site in
    /// Git, unless `last_updated: false`.
    public var gitDates: GitDates?
    /// Where a post's excerpt ends (Jekyll's `excerpt_separator`, a blank line by default).
    public var excerptSeparator = "\n\n"
    public var exclude: [String] = []
    public var include: [String] = []
    /// Front matter defaults (Jekyll `defaults:`): values applied to pages whose path starts with `scope`.
    public var defaults: [(scope: String, type: String?, values: [String: LiquidValue])] = []
    /// Pages bigger than this are refused with a diagnostic (a Markdown page is text a person wrote).
    public var maxPageBytes: Int = 8 << 20
    /// The whole config as template values (`site.*`).
    public var values: [String: LiquidValue] = [:]
    /// What front matter pages may have, checked by `docent check`; nil when the config declares no `schema:`.
    /// The format (every section optional):
    ///
    ///     schema:
    ///       keys:                      # declared keys: a type, or a type and the values allowed
    ///         title: string            # string, number, integer, bool, list, mapping, date; `string|list`
    ///         tier: {type: string, values: [free, pro, business]}
    ///         products: {type: list, values: [desktop]}      # for a list, each item
    ///         owner:                   # declared with no constraint
    ///       required: [title]          # keys every page must have (config `defaults:` count)
    ///       layouts:                   # extra required keys by layout
    ///         article-detail: {required: [description, breadcrumbs]}
    ///       content_types:             # extra required keys by `content_type`
    ///         how_to: [breadcrumbs]
    ///       callouts: [info, note, warning, danger]   # kramdown callout classes (default: read from the CSS)
    ///
    /// A key that is neither declared nor one Docent reads (`layout`, `title`, `breadcrumbs`, …) is reported as
    /// unknown, with the closest known key.
    var schema: FrontMatterSchema?

    public enum HeadingIDStyleSetting: String, Sendable { case github, kramdown }

    public struct Collection: Sendable {
        public var output: Bool
        public var permalink: String?
    }

    public init(layout: Layout) {
        self.layout = layout
        if layout == .jekyll {
            permalink = "date"
            collections["posts"] = Collection(output: true, permalink: nil)
        }
    }

    /// Docent's own front matter meanings (`breadcrumbs` and `category-url` as page URLs shown with their titles,
    /// `related_resources`, checked as links): in a Docent site, and in a Jekyll site whose config declares a
    /// front matter `schema:`. An ordinary Jekyll site's keys of the same names are its own business.
    public var docentFrontMatter: Bool { layout == .docent || values["schema"] != nil }

    /// A theme or plugin the site asks for that Docent cannot give it is a warning naming it.
    private func checkThemeAndPlugins(
        _ object: [String: LiquidValue], at: (String) -> SourceLocation, diagnostics: inout [Diagnostic]
    ) {
        if case .string(let name)? = object["theme"], theme == nil {
            diagnostics.append(
                .warning(
                    "config.theme", "theme `\(name)` is not installed: its layouts and includes are missing",
                    at: at("theme"), note: "install its gem (Debian: jekyll-theme-\(name)), or copy its files in"))
        }
        if case .string(let name)? = object["remote_theme"] {
            diagnostics.append(
                .warning(
                    "config.theme", "remote_theme `\(name)` is not fetched: Docent builds offline",
                    at: at("remote_theme"), note: "copy the theme's _layouts, _includes and assets into the site"))
        }
        for key in ["plugins", "gems"] {
            guard case .array(let names)? = object[key] else { continue }
            for (index, value) in names.enumerated() {
                guard case .string(let name) = value, !JekyllPlugins.builtIn.contains(name) else { continue }
                diagnostics.append(
                    .warning(
                        "config.plugin", "plugin `\(name)` is not built into Docent: what it adds is missing",
                        at: at("\(key)[\(index)]")))
            }
        }
    }

    /// Sets the base URL (`baseurl:`, `--baseurl`): `/docs`, `docs` and `/docs/` all mean `/docs`; `/` and ``
    /// mean the root. `site.baseurl` says the same.
    mutating func setBaseURL(_ text: String) {
        var path = Substring(text)
        while path.hasSuffix("/") { path = path.dropLast() }
        baseURL = path.isEmpty || path.hasPrefix("/") ? String(path) : "/" + path
        values["baseurl"] = .string(baseURL)
    }

    /// The plugins the config lists (`plugins:`, or `gems:` as older sites say).
    public var plugins: Set<String> {
        var names: Set<String> = []
        for key in ["plugins", "gems"] {
            guard case .array(let items)? = values[key] else { continue }
            for case .string(let name) in items { names.insert(name) }
        }
        return names
    }

    /// The gem theme the config names (`theme:`), when it is installed (located once, as the config is read;
    /// a theme that is not installed is a warning then).
    public private(set) var theme: JekyllTheme?

    // MARK: - Liquid

    /// The config's `liquid:` settings, as Jekyll reads them.
    private var liquidSettings: [String: LiquidValue] {
        if case .object(let settings)? = values["liquid"] { return settings }
        return [:]
    }

    /// An unknown filter is an error. Jekyll's default (`strict_filters: false`) lets it pass its input through;
    /// a Docent site is strict unless its config says otherwise.
    public var liquidStrictFilters: Bool {
        if case .bool(let strict)? = liquidSettings["strict_filters"] { return strict }
        return layout == .docent
    }

    /// An undefined variable is an error (`strict_variables: true`); off by default, as in Jekyll.
    public var liquidStrictVariables: Bool {
        if case .bool(let strict)? = liquidSettings["strict_variables"] { return strict }
        return false
    }

    /// Jekyll's `liquid: error_mode`: `lax` and `warn` (Jekyll's default) read malformed markup leniently and warn,
    /// `strict` makes it an error. A Docent site parses strictly unless its config says otherwise.
    public var liquidErrorMode: LiquidErrorMode {
        if case .string(let mode)? = liquidSettings["error_mode"], let errorMode = LiquidErrorMode(rawValue: mode) {
            return errorMode
        }
        return layout == .jekyll ? .warn : .strict
    }

    /// Liquid's lax parsing (`error_mode: lax` or `warn`).
    public var liquidLaxParsing: Bool { liquidErrorMode == .lax || liquidErrorMode == .warn }

    // MARK: - Code

    /// How code blocks are written: highlighted at build time in Rouge's markup unless the config says
    /// `highlighter: none` (Jekyll's key); a Jekyll site also gets kramdown's classes on plain blocks and inline
    /// code.
    public var codeMarkup: CodeMarkup {
        switch values["highlighter"] {
        case .string(let name) where name == "none": return .plain
        case .bool(false), .nil_: return .plain
        default: return layout == .jekyll ? .jekyll : .docent
        }
    }

    // MARK: - Folders

    public var contentFolder: String { layout == .docent ? "content" : "" }
    public var layoutsFolder: String { layout == .docent ? "templates/layouts" : "_layouts" }
    public var includesFolder: String { layout == .docent ? "templates/includes" : "_includes" }
    /// Tags written as templates (`tags_dir:` in the config to move them).
    public var tagsFolder: String { folderSetting("tags_dir") ?? (layout == .docent ? "templates/tags" : "_tags") }
    /// Filters written as templates (`filters_dir:`).
    public var filtersFolder: String {
        folderSetting("filters_dir") ?? (layout == .docent ? "templates/filters" : "_filters")
    }

    /// A folder the config names, relative to the site root, when it stays inside it.
    private func folderSetting(_ key: String) -> String? {
        guard case .string(let text)? = values[key] else { return nil }
        var parts: [Substring] = []
        for part in text.split(separator: "/") where part != "." {
            if part == ".." { return nil }
            parts.append(part)
        }
        return parts.isEmpty || text.hasPrefix("/") ? nil : parts.joined(separator: "/")
    }
    public var dataFolder: String { layout == .docent ? "content/_data" : "_data" }
    /// Folders copied as they are: (source relative to root, URL prefix).
    public var staticFolders: [(source: String, urlPrefix: String)] {
        layout == .docent ? [("assets", "/assets/")] : []
    }

    /// The file, relative to the site root, that the site serves at a local URL (`/assets/a.jpg` →
    /// `assets/a.jpg`).
    public func sourcePath(forURL url: String) -> String {
        var path = url.hasPrefix(baseURL) ? String(url.dropFirst(baseURL.count)) : url
        path = String(path.prefix { $0 != "?" && $0 != "#" })
        for folder in staticFolders where path.hasPrefix(folder.urlPrefix) {
            return folder.source + "/" + path.dropFirst(folder.urlPrefix.count)
        }
        return String(path.drop { $0 == "/" })
    }
}

extension SiteConfig {
    /// Finds and reads the config of the site at `root`. `explicitFile` (from `--config`) wins: one file, or
    /// several separated by commas (`_config.yml,_config.dev.yml`), read in order with later values winning, as
    /// Jekyll reads them. An explicit file is a Docent config when its name starts with `docent`, or when the site
    /// is laid out as Docent's (a `content/` folder and no `_config.yml`); otherwise a Jekyll config.
    static func load(root: URL, explicitFile: String?, diagnostics: inout [Diagnostic]) -> SiteConfig {
        let fileManager = FileManager.default
        guard let explicitFile else {
            for (name, layout) in [("docent.yml", Layout.docent), ("_config.yml", .jekyll)]
            where fileManager.fileExists(atPath: root.appendingPathComponent(name).path) {
                return read([name], layout: layout, root: root, diagnostics: &diagnostics)
            }
            let hasContentFolder = fileManager.fileExists(atPath: root.appendingPathComponent("content").path)
            return SiteConfig(layout: hasContentFolder ? .docent : .jekyll)
        }
        let names = explicitFile.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let first = (names.first as NSString?)?.lastPathComponent ?? ""
        let docentLayout =
            first.hasPrefix("docent")
            || (fileManager.fileExists(atPath: root.appendingPathComponent("content").path)
                && !fileManager.fileExists(atPath: root.appendingPathComponent("_config.yml").path)
                && !first.hasPrefix("_config"))
        return read(names, layout: docentLayout ? .docent : .jekyll, root: root, diagnostics: &diagnostics)
    }

    /// Reads config files in order into one config.
    private static func read(_ names: [String], layout: Layout, root: URL, diagnostics: inout [Diagnostic])
        -> SiteConfig
    {
        var config = SiteConfig(layout: layout)
        var merged: [String: LiquidValue] = [:]
        for name in names {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                diagnostics.append(.error("config.missing", "config file \(name) does not exist"))
                continue
            }
            config.file = config.file ?? name
            // A config inside the site is read through its view (never through a link out of it); `--config`
            // may name a file anywhere (the command line passes it as an absolute path).
            let read =
                name.hasPrefix("/")
                ? Result { try Data(contentsOf: url) }
                : SiteFileView(root: root).contents(name).mapError { $0 as Error }
            if case .failure(let refusal as SiteFileView.Refusal) = read, let diagnostic = refusal.diagnostic {
                diagnostics.append(diagnostic)
                continue
            }
            guard let data = try? read.get(), let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(
                    .error(
                        "config.unreadable", "cannot read \(name) as UTF-8 text",
                        at: .init(file: name, line: 1, column: 1)))
                continue
            }
            if names.count == 1 {
                config.apply(yaml: text, file: name, diagnostics: &diagnostics)
                return config
            }
            // Several files: each is checked on its own (positions in its own file), then applied merged.
            var single = SiteConfig(layout: layout)
            single.apply(yaml: text, file: name, diagnostics: &diagnostics)
            merged = deepMerge(merged, single.values)
        }
        if names.count > 1 {
            var reported: [Diagnostic] = []  // already reported at their place in each file
            config.apply(values: merged, file: config.file ?? "", diagnostics: &reported)
        }
        return config
    }

    /// Jekyll's deep merge: objects merge key by key, anything else is replaced.
    static func deepMerge(_ base: [String: LiquidValue], _ overlay: [String: LiquidValue]) -> [String: LiquidValue] {
        var result = base
        for (key, value) in overlay {
            if case .object(let old)? = result[key], case .object(let new) = value {
                result[key] = .object(deepMerge(old, new))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// The folder a `--config` file names with `source:` (the site) or `destination:` (the output), relative to
    /// that config file's folder, as Jekyll reads them; the last file that names one wins, nil when none does.
    public static func folder(_ key: String, root: URL, explicitFile: String) -> URL? {
        var found: URL?
        for name in explicitFile.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : root.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                case .success(let data) = YAMLData.parse(text), case .object(let object) = data.value,
                case .string(let folder)? = object[key], !folder.isEmpty
            else { continue }
            found =
                folder.hasPrefix("/")
                ? URL(fileURLWithPath: folder) : url.deletingLastPathComponent().appendingPathComponent(folder)
        }
        return found?.standardizedFileURL
    }

    mutating func apply(yaml: String, file: String, diagnostics: inout [Diagnostic]) {
        let data: YAMLData
        switch YAMLData.parse(yaml) {
        case .success(let parsed): data = parsed
        case .failure(let error):
            diagnostics.append(
                .error("config.yaml", error.message, at: .init(file: file, line: error.line, column: error.column)))
            return
        }
        guard case .object(let object) = data.value else { return }
        apply(values: object, file: file, positions: data, diagnostics: &diagnostics)
    }

    /// Applies a config's values; positions (of the one file they come from) place the diagnostics.
    mutating func apply(
        values object: [String: LiquidValue], file: String, positions data: YAMLData? = nil,
        diagnostics: inout [Diagnostic]
    ) {
        values = object
        if layout == .jekyll, case .string(let name)? = object["theme"] { theme = JekyllTheme.locate(name) }
        func at(_ path: String) -> SourceLocation {
            let position = data?.position(of: path) ?? (1, 1)
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        if case .string(let text)? = object["title"] { title = text }
        if case .string(let text)? = object["description"] { description = text }
        if case .string(let text)? = object["baseurl"] { setBaseURL(text) }
        if case .bool(let flag)? = object["relative_urls"] { relativeURLs = flag }
        if case .string(let text)? = object["url"] { url = text.hasSuffix("/") ? String(text.dropLast()) : text }
        if case .string(let text)? = object["permalink"] { permalink = text }

        if case .int(let number)? = object["max_page_size"] { maxPageBytes = number }
        if case .string(let text)? = object["heading_ids"] {
            if let style = HeadingIDStyleSetting(rawValue: text) {
                headingIDs = style
            } else {
                diagnostics.append(
                    .error(
                        "config.value", "`heading_ids` must be `github` or `kramdown`, found `\(text)`",
                        at: at("heading_ids")))
            }
        }
        if let value = object["schema"] { schema = FrontMatterSchema(value, at: at, diagnostics: &diagnostics) }
        if layout == .jekyll { checkThemeAndPlugins(object, at: at, diagnostics: &diagnostics) }
        if case .array(let items)? = object["exclude"] {
            exclude = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        if case .array(let items)? = object["include"] {
            include = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        if case .object(let entries)? = object["collections"] {
            for (name, settings) in entries {
                var collection = Collection(output: false, permalink: nil)
                if case .object(let fields) = settings {
                    if case .bool(let output)? = fields["output"] { collection.output = output }
                    if case .string(let pattern)? = fields["permalink"] { collection.permalink = pattern }
                }
                collections[name] = collection
            }
        } else if case .array(let names)? = object["collections"] {
            for case .string(let name) in names { collections[name] = Collection(output: false, permalink: nil) }
        }
        // Jekyll's posts are a collection every site has, written out (its settings may be configured like any).
        if layout == .jekyll {
            collections["posts", default: Collection(output: true, permalink: nil)].output = true
            if case .bool(let future)? = object["future"] { publishesFuturePosts = future }
            if case .string(let separator)? = object["excerpt_separator"] { excerptSeparator = separator }
        }
        if case .array(let entries)? = object["defaults"] {
            for entry in entries {
                guard case .object(let fields) = entry, case .object(let values)? = fields["values"] else { continue }
                var scope = ""
                var type: String?
                if case .object(let scopeFields)? = fields["scope"] {
                    if case .string(let path)? = scopeFields["path"] { scope = path }
                    if case .string(let kind)? = scopeFields["type"] { type = kind }
                }
                defaults.append((scope, type, values))
            }
        }
    }
}
