import Liquid

/// What front matter a site accepts, declared under `schema:` in its config (the format is documented on
/// `SiteConfig.schema`). `docent check` holds every page to it (`FrontMatterSchemaCheck`).
struct FrontMatterSchema: Sendable, Equatable {
    enum ValueType: String, Sendable, CaseIterable {
        case string, number, integer, bool, list, mapping, date
    }

    struct Key: Sendable, Equatable {
        /// Any of these types (empty: any type).
        var types: [ValueType] = []
        /// Allowed values (for a list, of each item); empty: any value.
        var values: [String] = []
    }

    /// Declared keys; a key neither declared nor understood by Docent is reported as unknown.
    var keys: [String: Key] = [:]
    /// Keys every page must have.
    var required: [String] = []
    /// Extra required keys by layout name and by `content_type`.
    var requiredByLayout: [String: [String]] = [:]
    var requiredByContentType: [String: [String]] = [:]
    /// Callout classes (`{:.info}`) the site styles; nil: read from the site's CSS.
    var callouts: [String]?

    /// Keys Docent itself reads from front matter, always known.
    static let builtInKeys: Set<String> = [
        "layout", "title", "description", "content_type", "category", "category-url", "breadcrumbs", "products",
        "tier", "search_aliases", "related_resources", "faqs", "permalink", "published", "draft", "walkthrough",
        "walkthrough_inputs",
        "date", "excerpt", "tags", "categories", "redirect_from", "sitemap", "nav_order", "last_modified_at",
    ]

    var knownKeys: [String] { (Set(keys.keys).union(Self.builtInKeys)).sorted() }

    /// Reads the `schema:` value of a config; problems are reported at their place in the config file.
    init(_ value: LiquidValue, at location: (String) -> SourceLocation, diagnostics: inout [Diagnostic]) {
        guard case .object(let fields) = value else {
            diagnostics.append(.error("config.schema", "`schema` must be a mapping", at: location("schema")))
            return
        }
        func names(_ value: LiquidValue?, _ path: String) -> [String] {
            switch value {
            case nil, .nil_?: return []
            case .string(let text)?: return [text]
            case .array(let items)?:
                return items.compactMap { item in
                    switch item {
                    case .string(let text): return text
                    case .int(let number): return String(number)
                    case .bool(let flag): return String(flag)
                    default:
                        diagnostics.append(
                            .error("config.schema", "`\(path)` must be a list of names", at: location(path)))
                        return nil
                    }
                }
            default:
                diagnostics.append(.error("config.schema", "`\(path)` must be a list of names", at: location(path)))
                return []
            }
        }
        for (name, _) in fields
        where !["keys", "required", "layouts", "content_types", "callouts"].contains(name) {
            diagnostics.append(
                .warning(
                    "config.schema", "unknown schema section `\(name)`", at: location("schema.\(name)"),
                    note: "sections: keys, required, layouts, content_types, callouts"))
        }
        if case .object(let declared)? = fields["keys"] {
            for (name, spec) in declared {
                let path = "schema.keys.\(name)"
                var key = Key()
                var typeNames: [String] = []
                switch spec {
                case .nil_: break
                case .string(let text):
                    typeNames = text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                case .object(let options):
                    if case .string(let text)? = options["type"] {
                        typeNames = text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                    key.values = names(options["values"], "\(path).values")
                default:
                    diagnostics.append(
                        .error(
                            "config.schema", "`\(path)` must be a type name or a mapping with `type` and `values`",
                            at: location(path)))
                }
                for typeName in typeNames {
                    if let type = ValueType(rawValue: typeName == "boolean" ? "bool" : typeName) {
                        key.types.append(type)
                    } else {
                        diagnostics.append(
                            .error(
                                "config.schema", "unknown type `\(typeName)` for `\(name)`", at: location(path),
                                note: "types: \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))"))
                    }
                }
                keys[name] = key
            }
        }
        required = names(fields["required"], "schema.required")
        for (section, field) in [("layouts", \Self.requiredByLayout), ("content_types", \Self.requiredByContentType)] {
            guard case .object(let entries)? = fields[section] else { continue }
            for (name, spec) in entries {
                if case .object(let options) = spec {
                    self[keyPath: field][name] = names(options["required"], "schema.\(section).\(name).required")
                } else {
                    self[keyPath: field][name] = names(spec, "schema.\(section).\(name)")
                }
            }
        }
        if fields["callouts"] != nil { callouts = names(fields["callouts"], "schema.callouts") }
    }
}
