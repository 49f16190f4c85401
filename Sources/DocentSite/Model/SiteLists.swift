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
        for page in pages {
            let value = page.listValue
            if let collection = page.collection {
                byCollection[collection, default: []].append(value)
                documents.append(value)
            } else {
                plain.append(value)
                if page.outputPath.hasSuffix(".html") { html.append(value) }
            }
        }
        var lists: [String: LiquidValue] = [
            "pages": .array(plain), "html_pages": .array(html), "documents": .array(documents),
            "static_files": .array(staticFiles.map(staticValue)),
        ]
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

    /// A page as the lists show it.
    static func pageValue(_ page: Page, config: SiteConfig) -> LiquidValue {
        var value = page.values
        value.reserveCapacity(value.count + 7)
        let name = page.contentPath.split(separator: "/").last.map(String.init) ?? page.contentPath
        let folder = page.contentPath.split(separator: "/").dropLast().joined(separator: "/")
        if let title = page.templateTitle(in: config) { value["title"] = .string(title) }
        value["url"] = .string(page.url)
        value["path"] = .string(page.contentPath)
        value["name"] = .string(name)
        value["dir"] = .string("/" + (folder.isEmpty ? "" : folder + "/"))
        value["description"] = .string(page.meta.description ?? "")
        if let collection = page.collection { value["collection"] = .string(collection) }
        return .object(value)
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
