/// What a parsed template refers to: the partials it calls, the variables it reads, the tags and filters it uses,
/// each at the position of the `{{ }}` or `{% %}` it is written in, in source order. Read from the node tree, so
/// text inside `raw` and `comment` refers to nothing and a name is known exactly when the parser knows it.
///
/// Only the template itself is walked: a partial's own references are those of the partial's template.
public struct LiquidReferences: Sendable, Equatable {
    /// `include`, `include_relative` and `render` calls.
    public var partials: [Partial] = []
    /// Variable paths read, including those read inside a partial call's name, parameters and arguments.
    public var variables: [Variable] = []
    /// Tags used, by name (`if`, `elsif`, `for`, `include`, a host tag's name). `{{ }}` and `echo` are outputs, not
    /// tags; `else`, `when` and end tags belong to their block, and `raw`, `comment` and `#` leave nothing.
    public var tags: [Tag] = []
    /// Filters applied, by name.
    public var filters: [Filter] = []

    public init() {}

    /// A call of another template.
    public struct Partial: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case include
            case includeRelative
            case render
        }

        public var kind: Kind
        /// The name as written (`nav.html`, `'card'`, Jekyll's unquoted `docs/nav.md`); nil when it is computed
        /// while rendering (`{% include {{ page.kind }}.html %}`, `{% include name_variable %}`).
        public var name: String?
        /// Jekyll's `key=value` parameters, which the partial reads as `include.key`, in call order.
        public var parameters: [String]
        /// Shopify's `key: value` attributes, which the partial reads as plain variables, in call order.
        public var attributes: [String]
        public var location: LiquidLocation

        public init(
            kind: Kind, name: String?, parameters: [String] = [], attributes: [String] = [], location: LiquidLocation
        ) {
            self.kind = kind
            self.name = name
            self.parameters = parameters
            self.attributes = attributes
            self.location = location
        }
    }

    /// A variable read: its path from the root variable as far as the lookups are fixed.
    public struct Variable: Sendable, Equatable {
        /// `site.data.products[0].name` → `["site", "data", "products", "0", "name"]`; `site.data[key]` →
        /// `["site", "data"]` (dynamic); `[name]` → `[]` (dynamic). `size`, `first`, `last` are keys like any other.
        public var path: [String]
        /// The path goes on with a lookup computed while rendering (`site.data[key]`, `[name]`).
        public var isDynamic: Bool
        /// Read by a test: an `if`, `elsif` or `unless` condition, a `case` subject or a `when` value.
        public var inCondition: Bool
        /// Missing is fine here: the input of a filter chain that has a `default` filter
        /// (`{{ include.label | default: "x" }}`), or an argument of `append`/`prepend`, which add nothing for nil.
        public var hasDefault: Bool
        public var location: LiquidLocation

        public init(
            path: [String], isDynamic: Bool = false, inCondition: Bool = false, hasDefault: Bool = false,
            location: LiquidLocation
        ) {
            self.path = path
            self.isDynamic = isDynamic
            self.inCondition = inCondition
            self.hasDefault = hasDefault
            self.location = location
        }

        /// The path joined with dots (`include.css_class`).
        public var name: String { path.joined(separator: ".") }
    }

    /// A tag used (`if`, `elsif`, `for`, `assign`, `include`, a host tag's name).
    public struct Tag: Sendable, Equatable {
        public var name: String
        public var location: LiquidLocation

        public init(name: String, location: LiquidLocation) {
            self.name = name
            self.location = location
        }
    }

    /// A filter applied.
    public struct Filter: Sendable, Equatable {
        public var name: String
        public var location: LiquidLocation

        public init(name: String, location: LiquidLocation) {
            self.name = name
            self.location = location
        }
    }
}

extension LiquidTemplate {
    /// What this template refers to, read from its node tree (without recursion, so any nesting depth is safe).
    public var references: LiquidReferences {
        var walker = ReferenceWalker(file: file)
        walker.walk(root)
        return walker.references
    }
}
