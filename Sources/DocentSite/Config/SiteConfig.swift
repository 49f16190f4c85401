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
    public var url: String = ""
    public var headingIDs: HeadingIDStyleSetting = .github
    /// `pretty` (`/a/b/`), the default, or `none`/`date` (`/a/b.html`), or a pattern with `:path`.
    public var permalink: String = "pretty"
    public var collections: [String: Collection] = [:]
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
    ///         tier: {type: string, values: [free, pro, enterprise]}
    ///         products: {type: list, values: [insomnia]}     # for a list, each item
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
        if layout == .jekyll { permalink = "date" }
    }

    // MARK: - Folders

    public var contentFolder: String { layout == .docent ? "content" : "" }
    public var layoutsFolder: String { layout == .docent ? "templates/layouts" : "_layouts" }
    public var includesFolder: String { layout == .docent ? "templates/includes" : "_includes" }
    public var tagsFolder: String { layout == .docent ? "templates/tags" : "_tags" }
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
    /// Finds and reads the config of the site at `root`. `explicitFile` (from `--config`) wins.
    static func load(root: URL, explicitFile: String?, diagnostics: inout [Diagnostic]) -> SiteConfig {
        let fileManager = FileManager.default
        let candidates: [(String, Layout)] =
            explicitFile.map { [($0, $0.hasSuffix("_config.yml") ? .jekyll : .docent)] } ?? [
                ("docent.yml", .docent), ("_config.yml", .jekyll),
            ]
        for (name, layout) in candidates {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : root.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: url.path) else {
                if explicitFile != nil {
                    diagnostics.append(.error("config.missing", "config file \(name) does not exist"))
                }
                continue
            }
            var config = SiteConfig(layout: layout)
            config.file = name
            // The default config files are the site's own and read through its view; `--config` names any file.
            let read =
                explicitFile != nil
                ? Result { try Data(contentsOf: url) }
                : SiteFileView(root: root).contents(name).mapError { $0 as Error }
            if case .failure(let refusal as SiteFileView.Refusal) = read, let diagnostic = refusal.diagnostic {
                diagnostics.append(diagnostic)
                return config
            }
            guard let data = try? read.get(), let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(
                    .error(
                        "config.unreadable", "cannot read \(name) as UTF-8 text",
                        at: .init(file: name, line: 1, column: 1)))
                return config
            }
            config.apply(yaml: text, file: name, diagnostics: &diagnostics)
            return config
        }
        let hasContentFolder = fileManager.fileExists(atPath: root.appendingPathComponent("content").path)
        return SiteConfig(layout: hasContentFolder ? .docent : .jekyll)
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
        values = object
        func at(_ path: String) -> SourceLocation {
            let position = data.position(of: path) ?? (1, 1)
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        if case .string(let text)? = object["title"] { title = text }
        if case .string(let text)? = object["description"] { description = text }
        if case .string(let text)? = object["baseurl"] {
            baseURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        }
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
