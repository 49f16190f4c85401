import Liquid

/// The config keys for the files Docent writes beside the pages.
extension SiteConfig {
    /// The front matter keys search results can be filtered by (`search: {filters: [tier, products]}`).
    public var searchFilterKeys: [String] {
        guard case .object(let search)? = values["search"], case .array(let keys)? = search["filters"] else {
            return []
        }
        return keys.compactMap { if case .string(let key) = $0 { key } else { nil } }
    }

    /// `llms.txt`, `llms-full.txt` and a Markdown twin of every page (`llms: true/false`): on by default for a
    /// Docent site, off for a Jekyll one.
    public var writesLLMFiles: Bool {
        if case .bool(let on)? = values["llms"] { return on }
        return layout == .docent
    }
}
