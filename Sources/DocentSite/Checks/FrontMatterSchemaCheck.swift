import Liquid

/// Front matter against the schema the site declares (`schema:` in its config; nothing to check without one):
/// required keys (`frontmatter.missing-key`, for every page, its layout and its `content_type`), types
/// (`frontmatter.type`), allowed values (`frontmatter.value`, with "did you mean"), and keys neither declared
/// nor known to Docent (`frontmatter.unknown-key`, a warning with "did you mean"). A stylesheet's front matter
/// (often the two `---` lines alone) is not a page's: the schema leaves it alone.
struct FrontMatterSchemaCheck: SiteCheck {
    let id = "frontmatter"

    func run(_ context: CheckContext) -> [Diagnostic] {
        guard let schema = context.model.config.schema else { return [] }
        let known = schema.knownKeys
        let knownSet = Set(known)
        return context.eachPage { rendered in
            let page = rendered.page
            guard !page.isStylesheet else { return [] }
            var diagnostics: [Diagnostic] = []
            let values = page.values
            let written = page.writtenValues
            // Required keys (config defaults count: the page has the value).
            var required = schema.required
            // The layout the page renders with: its own, a default's, else the implicit one.
            var layout = page.meta.layout ?? context.templates.implicitLayout(for: page, config: context.model.config)
            if page.meta.layout == nil, case .string(let name)? = values["layout"] { layout = name }
            if let layout { required += schema.requiredByLayout[layout] ?? [] }
            if case .string(let type)? = values["content_type"] { required += schema.requiredByContentType[type] ?? [] }
            var seen = Set<String>()
            for key in required where seen.insert(key).inserted {
                if values[key] == nil || values[key] == .nil_ {
                    diagnostics.append(
                        .error(
                            "frontmatter.missing-key", "front matter has no `\(key)`, which the schema requires",
                            at: SourceLocation(file: page.sitePath, line: 1, column: 1),
                            fixIt: "add `\(key): …` to the front matter"))
                }
            }
            for (key, value) in written.sorted(by: { $0.key < $1.key }) {
                let location = page.location(ofKey: key)
                guard knownSet.contains(key) else {
                    let suggestion = Suggestions.closest(to: key, in: known)
                    diagnostics.append(
                        .warning(
                            "frontmatter.unknown-key", "unknown front matter key `\(key)`", at: location,
                            note: suggestion.map { "did you mean `\($0)`?" },
                            fixIt: suggestion.map { "rename it to `\($0)`" }))
                    continue
                }
                guard let spec = schema.keys[key], value != .nil_ else { continue }
                if !spec.types.isEmpty, !spec.types.contains(where: { Self.matches(value, $0) }) {
                    // Docent's own keys are type-checked while loading; do not report them twice.
                    if !Self.loaderChecksType(of: key, value) {
                        diagnostics.append(
                            .error(
                                "frontmatter.type",
                                "`\(key)` must be \(spec.types.map(\.rawValue).joined(separator: " or ")), found \(PageMetaDecoder.describe(value))",
                                at: location))
                    }
                    continue
                }
                guard !spec.values.isEmpty else { continue }
                let items: [(String, LiquidValue)]
                if case .array(let list) = value {
                    items = list.enumerated().map { ("\(key)[\($0.offset)]", $0.element) }
                } else {
                    items = [(key, value)]
                }
                for (path, item) in items {
                    guard let text = Self.scalarText(item), !spec.values.contains(text) else { continue }
                    let suggestion = Suggestions.closest(to: text, in: spec.values)
                    diagnostics.append(
                        .error(
                            "frontmatter.value", "`\(path)` is `\(text)`, not one of the values the schema allows",
                            at: page.location(ofKey: path), note: "allowed: \(spec.values.joined(separator: ", "))",
                            fixIt: suggestion.map { "use `\($0)`" }))
                }
            }
            return diagnostics
        }
    }

    static func matches(_ value: LiquidValue, _ type: FrontMatterSchema.ValueType) -> Bool {
        switch (type, value) {
        case (.string, .string), (.string, .int), (.string, .double): return true
        case (.number, .int), (.number, .double), (.integer, .int): return true
        case (.bool, .bool): return true
        case (.list, .array): return true
        case (.mapping, .object): return true
        case (.date, .string(let text)):
            return text.count >= 10 && text.prefix(10).allSatisfy { $0.isNumber || $0 == "-" }
        default: return false
        }
    }

    static func scalarText(_ value: LiquidValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): String(flag)
        case .double(let number): String(number)
        default: nil
        }
    }

    /// True when `PageMetaDecoder` already reported this value's type.
    static func loaderChecksType(of key: String, _ value: LiquidValue) -> Bool {
        let stringKeys: Set = [
            "layout", "title", "description", "content_type", "category", "category-url", "tier", "permalink",
        ]
        let listKeys: Set = ["breadcrumbs", "products", "search_aliases", "related_resources", "faqs"]
        switch value {
        case .array, .object: if stringKeys.contains(key) { return true }
        default: break
        }
        if listKeys.contains(key), case .array = value {} else if listKeys.contains(key) { return true }
        if ["published", "draft"].contains(key), case .bool = value {
        } else if ["published", "draft"].contains(key) {
            return true
        }
        return false
    }
}
