import DocentMarkdown
import Liquid

/// The site's lists as templates see them, as Jekyll has them: `site.pages` (pages outside collections, each with
/// its whole front matter, defaults applied, and `url`, `path`, `name`, `dir`), `site.html_pages`, one list per
/// collection (`site.how-tos`), `site.collections`, `site.documents` and `site.static_files`. A navigation loop
/// such as `site.pages | where: "parent", page.title | sort: "nav_order"` reads them.
enum SiteLists {
    static func values(pages: [Page], staticFiles: [SourceFile], config: SiteConfig) -> [String: LiquidValue] {
        var plain: [LiquidValue] = []
        var html: [LiquidValue] = []
        var documents: [LiquidValue] = []
        var byCollection: [String: [LiquidValue]] = [:]
        plain.reserveCapacity(pages.count)
        // By index: a page's fields read in place (`for page in pages` copied each whole page).
        for index in pages.indices {
            let value = pages[index].listValue
            if let collection = pages[index].collection {
                byCollection[collection, default: []].append(value)
                documents.append(value)
            } else {
                plain.append(value)
                if pages[index].outputPath.hasSuffix(".html") { html.append(value) }
            }
        }
        var lists: [String: LiquidValue] = [
            "pages": .array(plain), "html_pages": .array(html), "documents": .array(documents),
            "static_files": .array(staticFiles.map(staticValue)),
        ]
        if let posts = byCollection["posts"] {
            // Newest first, as Jekyll's `site.posts`; `site.categories` and `site.tags` list them by name.
            let newest = Array(Self.chronological(posts).reversed())
            byCollection["posts"] = newest
            lists["categories"] = Self.grouped(newest, by: "categories")
            lists["tags"] = Self.grouped(newest, by: "tags")
        }
        var collections: [LiquidValue] = []
        for (name, settings) in config.collections.sorted(by: { $0.key < $1.key }) {
            let docs = byCollection[name] ?? []
            // A collection's list never hides a config value of the same name.
            if config.values[name] == nil { lists[name] = .array(docs) }
            collections.append(
                .object([
                    "label": .string(name), "docs": .array(docs), "output": .bool(settings.output),
                    "relative_directory": .string("_" + name),
                ]))
        }
        lists["collections"] = .array(collections)
        return lists
    }

    /// Posts oldest first (by date, then by path), as Jekyll orders them.
    static func chronological(_ posts: [LiquidValue]) -> [LiquidValue] {
        func key(_ post: LiquidValue) -> (String, String) {
            guard case .object(let fields) = post else { return ("", "") }
            if case .string(let date)? = fields["date"], case .string(let path)? = fields["path"] {
                return (date, path)
            }
            return ("", "")
        }
        return posts.sorted { key($0) < key($1) }
    }

    private static func grouped(_ posts: [LiquidValue], by key: String) -> LiquidValue {
        var groups: [String: [LiquidValue]] = [:]
        for post in posts {
            guard case .object(let fields) = post, case .array(let names)? = fields[key] else { continue }
            for case .string(let name) in names { groups[name, default: []].append(post) }
        }
        return .object(groups.mapValues { .array($0) })
    }

    /// What the lists show of a page besides its values: the keys of `PageValues.keys` it sets over them (`title`:
    /// the title templates see, `Page.templateTitle`).
    static func listFields(
        contentPath: String, url: String, title: String?, description: String?, collection: String?
    ) -> [(key: String, value: LiquidValue)] {
        let (name, folder) = Self.nameAndFolder(contentPath)
        var fields: [(key: String, value: LiquidValue)] = []
        fields.reserveCapacity(PageValues.keys.count)
        if let title { fields.append(("title", .string(title))) }
        fields.append(("url", .string(url)))
        fields.append(("path", .string(contentPath)))
        fields.append(("name", .string(name)))
        fields.append(("dir", .string("/" + (folder.isEmpty ? "" : folder + "/"))))
        fields.append(("description", .string(description ?? "")))
        if let collection { fields.append(("collection", .string(collection))) }
        return fields
    }

    /// A content path's last segment and the segments before it ("a/b/c.md" → "c.md", "a/b"), as splitting at
    /// every "/" gives them; a plain path (no empty segment) is cut at its last "/" without an array per page.
    static func nameAndFolder(_ path: String) -> (name: String, folder: String) {
        let plain =
            !path.hasPrefix("/") && !path.hasSuffix("/")
            && !ByteScan.contains(path, UInt8(ascii: "/"), followedBy: UInt8(ascii: "/"), or: UInt8(ascii: "/"))
        guard plain else {
            let segments = path.split(separator: "/")
            return (segments.last.map(String.init) ?? path, segments.dropLast().joined(separator: "/"))
        }
        guard let slash = path.lastIndex(of: "/") else { return (path, "") }
        return (String(path[path.index(after: slash)...]), String(path[..<slash]))
    }

    private static func staticValue(_ file: SourceFile) -> LiquidValue {
        let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
        let ext = Discovery.pathExtension(name)
        return .object([
            "path": .string(file.url), "name": .string(name), "extname": .string(ext.isEmpty ? "" : "." + ext),
            "basename": .string(ext.isEmpty ? name : String(name.dropLast(ext.count + 1))),
        ])
    }
}
