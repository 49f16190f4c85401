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

    /// The search index under `search/` (`search: false`, or `search: {index: false}`, to leave it out): on by
    /// default for a Docent site, whose theme's search box reads it; off for a Jekyll one (Jekyll writes none and
    /// its themes do not read it; `search: {index: true}` turns it on).
    public var writesSearchIndex: Bool {
        switch values["search"] {
        case .bool(let on)?: return on
        case .object(let search)?: if case .bool(let on)? = search["index"] { return on }
        default: break
        }
        return layout == .docent
    }

    /// Whether a walkthrough page carries its head's stylesheets and the console's script inline (`InlineHead`; on
    /// by default). `walkthrough: {inline_head: false}` keeps them linked, for a site whose Content-Security-Policy
    /// forbids inline styles and scripts (the console is then ready one round trip later on a slow network).
    public var inlinesWalkthroughHead: Bool {
        if case .object(let settings)? = values["walkthrough"], case .bool(let on)? = settings["inline_head"] {
            return on
        }
        return true
    }

    /// `llms.txt`, `llms-full.txt` and a Markdown twin of every page (`llms: true/false`): on by default for a
    /// Docent site, off for a Jekyll one.
    public var writesLLMFiles: Bool {
        if case .bool(let on)? = values["llms"] { return on }
        return layout == .docent
    }
}
