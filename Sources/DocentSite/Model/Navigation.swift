import Liquid

/// The sidebar: sections of pages, from `_data/navigation.yml` when the site has one (a list of
/// `{title, pages: [url, …]}`), else one section per top folder. Computed once per site.
struct Navigation: Sendable {
    var value: LiquidValue
    /// The section title of each page URL.
    var sectionByURL: [String: String]
    var diagnostics: [Diagnostic] = []

    init(pages: [Page], pageByURL: [String: Int], file: (sitePath: String, data: YAMLData)?) {
        var sections: [LiquidValue] = []
        var sectionByURL: [String: String] = [:]
        if let file, case .array(let entries) = file.data.value {
            for (sectionIndex, entry) in entries.enumerated() {
                guard case .object(let fields) = entry else { continue }
                let title: String = if case .string(let text)? = fields["title"] { text } else { "" }
                var items: [LiquidValue] = []
                if case .array(let urls)? = fields["pages"] {
                    for (index, item) in urls.enumerated() {
                        guard case .string(let url) = item else { continue }
                        guard let pageIndex = pageByURL[url] ?? pageByURL[url + "/"] else {
                            let path = "[\(sectionIndex)].pages[\(index)]"
                            let position = file.data.position(of: path) ?? (1, 1)
                            diagnostics.append(
                                .error(
                                    "nav.unknown-page", "navigation lists \(url), which is not a page of the site",
                                    at: .init(file: file.sitePath, line: position.line, column: position.column)))
                            continue
                        }
                        let page = pages[pageIndex]
                        items.append(
                            .object(["title": .string(page.brief.title ?? page.title), "url": .string(page.url)]))
                        sectionByURL[page.url] = sectionByURL[page.url] ?? title
                    }
                }
                sections.append(.object(["title": .string(title), "pages": .array(items)]))
            }
        } else {
            var order: [String] = []
            var grouped: [String: [LiquidValue]] = [:]
            // Pages sorted by place (not copied), each folder's title made once (Foundation's `capitalized` per
            // page was most of a cached rebuild's model stage).
            var titles: [Substring: String] = [:]
            let sorted = pages.indices.filter { !pages[$0].url.hasSuffix(".html") }.sorted {
                pages[$0].url < pages[$1].url
            }
            for index in sorted {
                let url = pages[index].url
                let folder = url.drop { $0 == "/" }.prefix { $0 != "/" }
                let title =
                    titles[folder]
                    ?? {
                        let title =
                            folder.isEmpty ? "Overview" : folder.replacingOccurrences(of: "-", with: " ").capitalized
                        titles[folder] = title
                        return title
                    }()
                if grouped[title] == nil { order.append(title) }
                grouped[title, default: []].append(
                    .object(["title": .string(pages[index].title), "url": .string(url)]))
                sectionByURL[url] = title
            }
            sections = order.map { .object(["title": .string($0), "pages": .array(grouped[$0] ?? [])]) }
        }
        value = .array(sections)
        self.sectionByURL = sectionByURL
    }
}
