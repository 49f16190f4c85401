import Liquid

/// The front matter keys Docent understands, decoded with types. Every other key stays available to templates
/// as written (`page.<key>`).
public struct PageMeta: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public var text: String
        public var url: String
        /// The link's place in `related_resources`.
        public var index: Int
        /// Key path of the `url` value, for diagnostics (`related_resources[2].url`): made when a diagnostic needs
        /// it, not held by every page (at 100,000 pages the strings alone were 19 MB).
        public var keyPath: String { "related_resources[\(index)].url" }
    }

    public struct FAQ: Sendable, Equatable {
        public var question: String
        public var answer: String
        /// The FAQ's place in `faqs`.
        public var index: Int
        /// Key path of the answer (`faqs[1].a`).
        public var keyPath: String { "faqs[\(index)].a" }
    }

    public var layout: String?
    public var title: String?
    public var description: String?
    public var contentType: String?
    public var category: String?
    public var categoryURL: String?
    public var breadcrumbs: [String] = []
    public var products: [String] = []
    public var tier: String?
    public var searchAliases: [String] = []
    public var relatedResources: [Link] = []
    public var faqs: [FAQ] = []
    public var permalink: String?
    public var published: Bool = true
    public var draft: Bool = false
    public var walkthrough: WalkthroughSpec?

    public init() {}
}

/// Decodes `PageMeta` from front matter, reporting each type mismatch at its key path and line.
struct PageMetaDecoder {
    let data: YAMLData
    let location: (String) -> SourceLocation
    private(set) var diagnostics: [Diagnostic] = []

    init(data: YAMLData, location: @escaping (String) -> SourceLocation) {
        self.data = data
        self.location = location
    }

    mutating func decode() -> PageMeta {
        var meta = PageMeta()
        guard case .object(let object) = data.value else {
            if !data.value.isNil {
                diagnostics.append(
                    .error("frontmatter.type", "front matter must be a mapping of keys to values", at: location("")))
            }
            return meta
        }
        meta.layout = string(object, "layout")
        // `layout: null` (or `~`) asks for no layout at all, as in Jekyll.
        if case .nil_? = object["layout"] { meta.layout = "none" }
        meta.title = string(object, "title")
        meta.description = string(object, "description")
        meta.contentType = string(object, "content_type")
        meta.category = string(object, "category")
        meta.categoryURL = string(object, "category-url")
        meta.breadcrumbs = strings(object, "breadcrumbs")
        meta.products = strings(object, "products")
        meta.tier = string(object, "tier")
        meta.searchAliases = strings(object, "search_aliases")
        meta.permalink = string(object, "permalink")
        meta.walkthrough = walkthrough(object)
        meta.published = bool(object, "published") ?? true
        meta.draft = bool(object, "draft") ?? false
        // Key paths are written only for a diagnostic.
        for (index, item) in list(object, "related_resources").enumerated() {
            func path() -> String { "related_resources[\(index)]" }
            guard case .object(let fields) = item else {
                typeError(path(), expected: "a mapping with `text` and `url`", found: item)
                continue
            }
            guard let url = string(fields, "url", path: "\(path()).url") else {
                diagnostics.append(.error("frontmatter.missing-key", "`\(path())` has no `url`", at: location(path())))
                continue
            }
            meta.relatedResources.append(
                .init(text: string(fields, "text", path: "\(path()).text") ?? url, url: url, index: index))
        }
        for (index, item) in list(object, "faqs").enumerated() {
            func path() -> String { "faqs[\(index)]" }
            guard case .object(let fields) = item else {
                typeError(path(), expected: "a mapping with `q` and `a`", found: item)
                continue
            }
            guard let question = string(fields, "q", path: "\(path()).q"),
                let answer = string(fields, "a", path: "\(path()).a")
            else {
                diagnostics.append(
                    .error("frontmatter.missing-key", "`\(path())` needs both `q` and `a`", at: location(path())))
                continue
            }
            meta.faqs.append(.init(question: question, answer: answer, index: index))
        }
        return meta
    }

    private mutating func walkthrough(_ object: [String: LiquidValue]) -> WalkthroughSpec? {
        var spec: WalkthroughSpec
        switch object["walkthrough"] {
        case nil, .nil_?: return nil
        case .object(let fields)?:
            guard let state = string(fields, "state", path: "walkthrough.state") else {
                diagnostics.append(
                    .error(
                        "frontmatter.missing-key", "`walkthrough` needs a `state` (the simulation's starting state)",
                        at: location("walkthrough")))
                return nil
            }
            spec = WalkthroughSpec(state: state)
            switch string(fields, "restart", path: "walkthrough.restart") {
            case nil, "never": break
            case "each-list": spec.restartEachList = true
            case let other?:
                diagnostics.append(
                    .error(
                        "frontmatter.value", "`walkthrough.restart` must be `each-list` or `never`, not `\(other)`",
                        at: location("walkthrough.restart")))
            }
        default:
            guard let state = string(object, "walkthrough") else { return nil }
            spec = WalkthroughSpec(state: state)
        }
        switch object["walkthrough_inputs"] {
        case nil, .nil_?: break
        case .object(let fields)?:
            for key in fields.keys.sorted() {
                if let value = string(fields, key, path: "walkthrough_inputs.\(key)") { spec.inputs[key] = value }
            }
        case let value?:
            typeError("walkthrough_inputs", expected: "a mapping of labels to sample values", found: value)
        }
        return spec
    }

    // MARK: - Typed accessors

    /// `path`: the value's key path for a diagnostic (the key when nil), made only for one.
    private mutating func string(
        _ object: [String: LiquidValue], _ key: String, path: @autoclosure () -> String? = nil
    ) -> String? {
        switch object[key] {
        case nil, .nil_?: return nil
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .double(let number)?: return String(number)
        case .bool(let flag)?: return String(flag)
        case let value?:
            typeError(path() ?? key, expected: "a string", found: value)
            return nil
        }
    }

    private mutating func bool(_ object: [String: LiquidValue], _ key: String) -> Bool? {
        switch object[key] {
        case nil, .nil_?: return nil
        case .bool(let flag)?: return flag
        case let value?:
            typeError(key, expected: "true or false", found: value)
            return nil
        }
    }

    private mutating func list(_ object: [String: LiquidValue], _ key: String) -> [LiquidValue] {
        switch object[key] {
        case nil, .nil_?: return []
        case .array(let items)?: return items
        case let value?:
            typeError(key, expected: "a list", found: value)
            return []
        }
    }

    private mutating func strings(_ object: [String: LiquidValue], _ key: String) -> [String] {
        var result: [String] = []
        for (index, item) in list(object, key).enumerated() {
            switch item {
            case .string(let text): result.append(text)
            case .int(let number): result.append(String(number))
            default: typeError("\(key)[\(index)]", expected: "a string", found: item)
            }
        }
        return result
    }

    private mutating func typeError(_ path: String, expected: String, found: LiquidValue) {
        diagnostics.append(
            .error(
                "frontmatter.type", "`\(path)` must be \(expected), found \(Self.describe(found))", at: location(path)))
    }

    static func describe(_ value: LiquidValue) -> String {
        switch value {
        case .nil_: "nothing"
        case .bool: "true/false"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "a mapping"
        case .drop: "an object"
        }
    }
}
