import Liquid

/// A page's front matter as the build uses it (typed keys, where each key is written, the values with the config's
/// defaults and the lists' view of them), held once for the page and its copies. A page made by the build cache from
/// its file's record (`PageStub`) makes them only when something first reads them: a rebuild after a one-page edit
/// renders one page, and most pages' front matter is never looked at (decoding and assembling it was half of such a
/// rebuild). What the build reads of every page is in `brief`, known without them.
final class PageDetails: Sendable {
    struct Parts: Sendable {
        var meta: PageMeta
        var keyPositions: KeyPositions
        var values: PageValues
    }

    /// What the build reads of every page, made with the page.
    let brief: PageBrief
    /// The parts of a page made from its front matter; nil for one made on first use.
    private let ready: Parts?
    /// A page made on first use: its parts when first read (a second object, only for such a page: most pages of a
    /// build without the cache hold none).
    private let later: OnDemand<Parts>?

    init(_ parts: Parts) {
        ready = parts
        brief = PageBrief(parts)
        later = nil
    }

    /// Parts made by `make` when first read (once, whichever thread reads them first); `brief` must be what they give.
    init(brief: PageBrief, make: @escaping @Sendable () -> Parts) {
        ready = nil
        self.brief = brief
        later = OnDemand(make)
    }

    var parts: Parts { ready ?? later!.value }

    var meta: PageMeta { ready?.meta ?? parts.meta }
    var keyPositions: KeyPositions { ready?.keyPositions ?? parts.keyPositions }
    var values: PageValues { ready?.values ?? parts.values }

    /// Whether the parts exist yet (for tests).
    var isMade: Bool { ready != nil || later!.isMade }
}

/// What the build reads of every page besides its paths (the navigation, the drafts filter, the redirects, the
/// LLM index), known for a page whose front matter is made on first use (`PageDetails`).
struct PageBrief: Sendable, Equatable {
    /// The front matter's `title` and `description` (`PageMeta`).
    var title: String?
    var description: String?
    var published: Bool
    var draft: Bool
    /// Whether the values (with the config's defaults) have `redirect_to` and `redirect_from`.
    var redirectsTo: Bool
    var redirectsFrom: Bool

    init(
        title: String?, description: String?, published: Bool, draft: Bool, redirectsTo: Bool, redirectsFrom: Bool
    ) {
        self.title = title
        self.description = description
        self.published = published
        self.draft = draft
        self.redirectsTo = redirectsTo
        self.redirectsFrom = redirectsFrom
    }

    init(_ parts: PageDetails.Parts) {
        self.init(
            title: parts.meta.title, description: parts.meta.description, published: parts.meta.published,
            draft: parts.meta.draft, redirectsTo: parts.values.value(forKey: "redirect_to") != nil,
            redirectsFrom: parts.values.value(forKey: "redirect_from") != nil)
    }

    /// Whether `value(forKey: key)` is nil, when the brief can tell.
    func lacks(_ key: String) -> Bool {
        switch key {
        case "redirect_to": !redirectsTo
        case "redirect_from": !redirectsFrom
        default: false
        }
    }
}
