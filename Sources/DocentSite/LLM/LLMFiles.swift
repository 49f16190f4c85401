import Liquid

/// The files for language models (llmstxt.org): `llms.txt`, the site's sections and pages from the navigation with
/// their descriptions, each linking the page's Markdown twin; `llms-full.txt`, every twin one after the other; and
/// the twins themselves.
enum LLMFiles {
    static func files(_ pages: [RenderedPage], navigation: LiquidValue, config: SiteConfig)
        -> [(path: String, text: String)]
    {
        guard config.writesLLMFiles else { return [] }
        var twins: [String: (page: Page, path: String, text: String)] = [:]
        for rendered in pages {
            guard let text = rendered.markdown, let path = MarkdownTwin.outputPath(ofPage: rendered.page.outputPath)
            else { continue }
            twins[rendered.page.url] = (rendered.page, path, text)
        }
        guard !twins.isEmpty else { return [] }
        var sections: [(title: String, urls: [String])] = []
        var listed: Set<String> = []
        if case .array(let entries) = navigation {
            for case .object(let section) in entries {
                guard case .string(let title)? = section["title"], case .array(let items)? = section["pages"] else {
                    continue
                }
                let urls = items.compactMap { item -> String? in
                    guard case .object(let fields) = item, case .string(let url)? = fields["url"], twins[url] != nil,
                        listed.insert(url).inserted
                    else { return nil }
                    return url
                }
                if !urls.isEmpty { sections.append((title, urls)) }
            }
        }
        let others = twins.keys.filter { !listed.contains($0) }.sorted()
        if !others.isEmpty { sections.append((sections.isEmpty ? "Pages" : "Optional", others)) }

        var index = "# \(config.title)\n"
        if !config.description.isEmpty { index += "\n> \(config.description)\n" }
        var full = ""
        for section in sections {
            index += "\n## \(section.title)\n\n"
            for url in section.urls {
                let twin = twins[url]!
                index += "- [\(twin.page.title)](\(config.url + config.baseURL)/\(twin.path))"
                if let description = twin.page.brief.description, !description.isEmpty { index += ": \(description)" }
                index += "\n"
                if !full.isEmpty { full += "\n" }
                full += twin.text
            }
        }
        var files = [("llms.txt", index), ("llms-full.txt", full)]
        files += twins.values.map { ($0.path, $0.text) }
        return files.sorted { $0.0 < $1.0 }
    }
}
