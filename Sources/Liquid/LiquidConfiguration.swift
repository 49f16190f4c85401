import Foundation

/// A filter: input, positional arguments, named arguments (`key: value`).
public typealias LiquidFilter =
    @Sendable (LiquidValue, [LiquidValue], [String: LiquidValue]) throws(LiquidError) -> LiquidValue

/// A filter that also receives its caller's variables (as `LiquidTagCall.environment`).
public typealias LiquidEnvironmentFilter =
    @Sendable (LiquidValue, [LiquidValue], [String: LiquidValue], [String: LiquidValue]) throws(LiquidError)
    -> LiquidValue

/// What a host-rendered block tag receives.
public struct LiquidBlockCall: Sendable {
    public var name: String
    /// The raw text after the tag name.
    public var markup: String
    /// `key=value` and `key: value` pairs, evaluated.
    public var parameters: [String: LiquidValue]
    public var positional: [LiquidValue]
    /// The body, rendered.
    public var body: String
    /// The body as written.
    public var rawBody: String
    public var location: LiquidLocation
    /// The caller's `page`, `site`, `layout` and `include` (those that exist), read-only: what a tag written as a
    /// template sees of where it is used.
    public var environment: [String: LiquidValue] = [:]
}

/// What a host-rendered simple tag receives.
public struct LiquidTagCall: Sendable {
    public var name: String
    public var markup: String
    public var parameters: [String: LiquidValue]
    public var positional: [LiquidValue]
    public var location: LiquidLocation
    /// The caller's `page`, `site`, `layout` and `include` (those that exist), read-only.
    public var environment: [String: LiquidValue] = [:]
}

/// Ruby Liquid's error modes. In `lax` and `warn`, markup the strict parser rejects is read as Ruby's lax parser
/// reads it (`{{ false 1 }}` is `false`), and each place is recorded in `LiquidTemplate.warnings`; `strict` makes it
/// a syntax error. `strict2` is strict, and also rejects bare brackets (`{{ [name] }}`, use `self[name]`) and writes
/// the inline error text of tags that print nothing.
public enum LiquidErrorMode: String, Sendable, CaseIterable {
    case lax, warn, strict, strict2
}

/// How an engine parses and renders.
public struct LiquidConfiguration: Sendable {
    /// An unknown filter is a parse error (otherwise the filter leaves its input unchanged).
    public var strictFilters: Bool = true
    /// An undefined variable is a render error.
    public var strictVariables: Bool = false
    /// Errors are rendered into the output (`Liquid error (line N): message`) instead of thrown, as Ruby's
    /// `render_errors`. Syntax errors are still thrown by `parse`.
    public var renderErrorsInline: Bool = false
    /// What malformed markup is (Ruby Liquid's `error_mode`, Jekyll's `liquid: error_mode`).
    public var errorMode: LiquidErrorMode = .strict
    /// Ruby's lax error mode: tolerate malformed markup instead of a syntax error (`errorMode` lax or strict).
    public var laxParsing: Bool {
        get { errorMode == .lax || errorMode == .warn }
        set { errorMode = newValue ? .lax : .strict }
    }
    public var fileSystem: (any LiquidFileSystem)?
    public var maxIncludeDepth: Int = 100
    public var maxOutputBytes: Int = 64 << 20
    /// Loop iterations (for, tablerow) per render, partials included.
    public var maxLoopIterations: Int = 10_000_000
    /// Jekyll `site.baseurl`, used by `relative_url`.
    public var baseURL: String = ""
    /// Jekyll `site.url`, used by `absolute_url`.
    public var siteURL: String = ""
    public var markdownify: (@Sendable (String) -> String)?
    /// The instant `'now'` and `'today'` mean in `date`; nil means the wall clock.
    public var now: (@Sendable () -> Date)?
    /// Parse `{% include name %}` with Jekyll's rules (unquoted path, `key=value` into `include.key`) in
    /// addition to Shopify's (`include 'name' with x`). On by default; both syntaxes work together.
    public var jekyllIncludes: Bool = true

    var filters: [String: LiquidFilter] = [:]
    var environmentFilters: [String: LiquidEnvironmentFilter] = [:]
    var blockTags: [String: @Sendable (LiquidBlockCall) throws(LiquidError) -> String] = [:]
    var tags: [String: @Sendable (LiquidTagCall) throws(LiquidError) -> String] = [:]

    public init() {}

    /// Adds (or replaces) a filter. An error it throws gets the position of the filter's output tag.
    public mutating func registerFilter(_ name: String, _ filter: @escaping LiquidFilter) {
        filters[name] = filter
    }

    /// A filter that also sees its caller's `page`, `site`, `layout` and `include` (a filter written as a
    /// template).
    public mutating func registerFilter(_ name: String, withEnvironment filter: @escaping LiquidEnvironmentFilter) {
        environmentFilters[name] = filter
    }

    /// A block tag whose body the engine renders first; the host receives the rendered body and the tag's parameters.
    public mutating func registerBlockTag(
        _ name: String, _ render: @escaping @Sendable (LiquidBlockCall) throws(LiquidError) -> String
    ) {
        blockTags[name] = render
    }

    /// A simple (non-block) tag rendered by the host.
    public mutating func registerTag(
        _ name: String, _ render: @escaping @Sendable (LiquidTagCall) throws(LiquidError) -> String
    ) {
        tags[name] = render
    }
}
