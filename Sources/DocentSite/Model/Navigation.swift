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
                            .object(["title": .string(page.meta.title ?? page.title), "url": .string(page.url)]))
                        sectionByURL[page.url] = sectionByURL[page.url] ?? title
                    }
                }
                sections.append(.object(["title": .string(title), "pages": .array(items)]))
            }
        } else {
            var order: [String] = []
            var grouped: [String: [LiquidValue]] = [:]
            for page in pages.sorted(by: { $0.url < $1.url }) where !page.url.hasSuffix(".html") {
                let folder = page.url.split(separator: "/").first.map(String.init) ?? ""
                let title = folder.isEmpty ? "Overview" : folder.replacingOccurrences(of: "-", with: " ").capitalized
                if grouped[title] == nil { order.append(title) }
                grouped[title, default: []].append(.object(["title": .string(page.title), "url": .string(page.url)]))
                sectionByURL[page.url] = title
            }
            sections = order.map { .object(["title": .string($0), "pages": .array(grouped[$0] ?? [])]) }
        }
        value = .array(sections)
        self.sectionByURL = sectionByURL
    }
}
