import Liquid

/// What a piece of Liquid text (a page body, a layout, an include, a custom tag) refers to, summarised from what
/// Liquid reads in its parsed template (`LiquidTemplate.references`): the includes it names, the data files and
/// site-wide lists it reads. Used by the incremental build to decide which pages an edit affects. The summary is
/// conservative: a reference that cannot be pinned down (an include name made of a variable, `site.data[key]`,
/// `site` passed around whole) counts as "any", and a template that does not parse may refer to anything.
struct TemplateReferences: Sendable, Equatable {
    /// Include names as written (`nav.html`, `guides/callout.md`), relative to the includes folder.
    var includes: Set<String> = []
    /// `{% include_relative %}` names, relative to the including file.
    var relativeIncludes: Set<String> = []
    /// An include whose name is computed.
    var anyInclude = false
    /// `site.data.<name>` names.
    var data: Set<String> = []
    /// `site.data` read in a way that may reach any data file.
    var anyData = false
    /// Reads the site's lists of pages (`site.pages`, `site.nav`, a collection's list, …) or `site` as a whole.
    var sitePages = false
    /// Reads a list of pages that `SiteModel.siteWithoutLists` leaves out: what `sitePages` says, but for
    /// `site.nav` (made with the model, whose titles a page's key still depends on through `sitePages`).
    var readsLists = false
    /// The other keys of `site` read (`site.title`, `site.how-tos`): a collection's list is `site.<its name>`, which
    /// only the config tells (`readingCollections`).
    var siteKeys: Set<String> = []

    static let siteListKeys: Set<String> = [
        "pages", "nav", "html_pages", "documents", "posts", "collections", "static_files", "categories", "tags",
    ]

    /// Reads the site's lists of pages when a key of `site` it reads is a collection's list; the keys are not kept
    /// past this.
    mutating func readingCollections(_ names: some Collection<String>) {
        if names.contains(where: siteKeys.contains) {
            sitePages = true
            readsLists = true
        }
        siteKeys = []
    }

    init() {}

    /// Refers to anything: what a template that does not parse gets.
    static let anything: TemplateReferences = {
        var references = TemplateReferences()
        references.anyInclude = true
        references.anyData = true
        references.sitePages = true
        references.readsLists = true
        return references
    }()

    /// The references of Liquid source text, parsed with the site's engine. Text without `{{` or `{%` refers to
    /// nothing; text that does not parse may refer to anything (rendering reports why it does not parse).
    init(liquid text: String, file: String, engine: LiquidEngine) {
        guard PageRenderer.containsLiquid(text) else {
            self.init()
            return
        }
        guard let template = try? engine.parse(text, file: file) else {
            self = .anything
            return
        }
        self.init(template.references)
    }

    /// A rendered page body's references, from the parse its render made: anything when it had Liquid that did
    /// not parse.
    init(bodyOf rendered: RenderedPage) {
        if let references = rendered.bodyReferences {
            self.init(references)
        } else {
            self.init()
            if rendered.bodyHadLiquid { self = .anything }
        }
    }

    init(_ liquid: LiquidReferences) {
        for partial in liquid.partials {
            guard let name = partial.name, !name.isEmpty else {
                anyInclude = true
                continue
            }
            switch partial.kind {
            case .includeRelative: relativeIncludes.insert(name)
            case .include: includes.insert(name)
            case .render:
                includes.insert(name)
                includes.insert(name + ".liquid")
            }
        }
        for variable in liquid.variables { read(variable) }
    }

    mutating func formUnion(_ other: TemplateReferences) {
        includes.formUnion(other.includes)
        relativeIncludes.formUnion(other.relativeIncludes)
        anyInclude = anyInclude || other.anyInclude
        data.formUnion(other.data)
        anyData = anyData || other.anyData
        sitePages = sitePages || other.sitePages
        readsLists = readsLists || other.readsLists
        siteKeys.formUnion(other.siteKeys)
    }

    // MARK: - Reading variables

    /// Which part of the site value a variable path reads.
    private mutating func read(_ variable: LiquidReferences.Variable) {
        let path = variable.path
        guard let root = path.first else {
            // `[name]`: a variable whose name is computed may be `site` itself.
            sitePages = true
            readsLists = true
            anyData = true
            return
        }
        guard root == "site" else { return }
        guard path.count > 1 else {
            // `site` on its own (assigned, passed, looped over) or `site[key]`: it may reach anything.
            sitePages = true
            readsLists = true
            anyData = true
            return
        }
        if Self.siteListKeys.contains(path[1]) {
            sitePages = true
            readsLists = readsLists || path[1] != "nav"
        } else if path[1] != "data" {
            siteKeys.insert(path[1])
        } else {
            if path.count > 2 {
                data.insert(path[2])
            } else {
                anyData = true
            }
        }
    }
}
