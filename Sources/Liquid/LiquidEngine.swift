import Foundation

/// A parsed template: immutable, renderable many times from any thread.
public struct LiquidTemplate: Sendable {
    public let file: String
    let root: [any Node]
    /// Markup the strict parser rejects and the lax or warn error mode read leniently, at its place, with the id
    /// `liquid.lax-syntax` (empty in strict mode, where it is a syntax error).
    public var warnings: [LiquidError] = []
}

/// Parses and renders templates with one configuration. Thread-safe; partials are parsed once and cached.
public final class LiquidEngine: Sendable {
    public let configuration: LiquidConfiguration
    let filterTable: FilterTable
    private let partials = PartialCache()

    public init(_ configuration: LiquidConfiguration = .init()) {
        self.configuration = configuration
        self.filterTable = FilterTable(configuration: configuration)
    }

    /// Parse once. `lineOffset` is added to every reported line (front matter above the body).
    /// Whether a filter of that name exists (standard, Jekyll's or the host's).
    public func hasFilter(_ name: String) -> Bool { filterTable.filters[name] != nil }

    public func parse(_ source: String, file: String, lineOffset: Int = 0) throws(LiquidError) -> LiquidTemplate {
        let (root, warnings) = try TemplateParser.parse(source, file: file, lineOffset: lineOffset, engine: self)
        return LiquidTemplate(file: file, root: root, warnings: warnings)
    }

    /// Renders with the given top-level variables (e.g. "page", "site", "content", "layout").
    public func render(_ template: LiquidTemplate, _ variables: [String: LiquidValue]) throws(LiquidError) -> String {
        let budget = RenderBudget(
            maxLoopIterations: configuration.maxLoopIterations, maxOutputBytes: configuration.maxOutputBytes)
        let context = RenderContext(engine: self, environment: variables, file: template.file, budget: budget)
        var output = ""
        output.reserveCapacity(4096)
        try renderNodes(template.root, context, &output)
        return output
    }

    /// Renders like `render(_:_:)` and records, in `origins`, which line of the template each output line came
    /// from (Markdown positions in the output become positions in the user's file).
    public func render(_ template: LiquidTemplate, _ variables: [String: LiquidValue], origins: inout LiquidOriginMap)
        throws(LiquidError) -> String
    {
        let budget = RenderBudget(
            maxLoopIterations: configuration.maxLoopIterations, maxOutputBytes: configuration.maxOutputBytes)
        let context = RenderContext(engine: self, environment: variables, file: template.file, budget: budget)
        let recorder = OriginRecorder()
        context.origins = recorder
        var output = ""
        output.reserveCapacity(4096)
        try renderNodes(template.root, context, &output)
        origins = LiquidOriginMap(segments: recorder.segments)
        return output
    }

    /// Parses and renders in one step.
    public func render(_ source: String, file: String = "", _ variables: [String: LiquidValue] = [:])
        throws(LiquidError) -> String
    {
        try render(try parse(source, file: file), variables)
    }

    /// Forgets parsed partials (after their files changed).
    public func clearPartialCache() {
        partials.removeAll()
    }

    /// A partial as a render's `include`, `render` or `include_relative` finds it through the file system, parsed
    /// once and kept for later renders (until `clearPartialCache`). Errors are those of reading and parsing it.
    public func partial(_ name: String, kind: LiquidPartialKind = .include) throws(LiquidError) -> LiquidTemplate {
        let key: String
        switch kind {
        case .include: key = "i:" + name
        case .render: key = "r:" + name
        case .includeRelative(let from): key = "ir:" + from + "\u{0}" + name
        }
        if let cached = partials.get(key) { return cached }
        guard let fileSystem = configuration.fileSystem else {
            throw LiquidError(
                id: "liquid.missing-partial",
                message: "Could not find partial '\(name)': this template engine has no file system")
        }
        let source = try fileSystem.readPartial(name, kind: kind)
        let template = try parse(source.text, file: source.file)
        partials.set(key, template)
        return template
    }

    // MARK: - Partials

    func partial(_ name: String, kind: LiquidPartialKind, context: RenderContext, at call: LiquidLocation)
        throws(LiquidError) -> LiquidTemplate
    {
        func located(_ error: LiquidError) -> LiquidError {
            var e = error
            if e.location.line == 0 {
                e.location = call
                e.includeChain = context.includeChain
            } else if e.includeChain.isEmpty {
                e.includeChain = context.includeChain + [call]
            }
            return e
        }
        if context.includeDepth >= configuration.maxIncludeDepth {
            throw located(
                LiquidError(
                    id: "liquid.include-depth",
                    message: "Nesting too deep: includes deeper than \(configuration.maxIncludeDepth) levels"))
        }
        do {
            return try partial(name, kind: kind)
        } catch {
            throw located(error)
        }
    }
}

/// Parsed partials by kind and name, shared by every render of an engine.
private final class PartialCache: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: LiquidTemplate] = [:]

    func get(_ key: String) -> LiquidTemplate? {
        lock.lock()
        defer { lock.unlock() }
        return templates[key]
    }

    func set(_ key: String, _ template: LiquidTemplate) {
        lock.lock()
        defer { lock.unlock() }
        templates[key] = template
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        templates.removeAll()
    }
}

/// Filters by name: the standard ones, Jekyll's, and the host's.
struct FilterTable: Sendable {
    let filters: [String: InternalFilter]
    let strict: Bool
    let lax: Bool

    init(configuration: LiquidConfiguration) {
        var table = standardFilters()
        for (name, filter) in jekyllFilters() { table[name] = filter }
        for (name, filter) in configuration.filters {
            let wrapped: InternalFilter = { (input, arguments, named, context) throws(LiquidError) in
                try filter(input, arguments, named)
            }
            table[name] = wrapped
        }
        for (name, filter) in configuration.environmentFilters {
            let wrapped: InternalFilter = { (input, arguments, named, context) throws(LiquidError) in
                try filter(input, arguments, named, hostEnvironment(context))
            }
            table[name] = wrapped
        }
        self.filters = table
        self.strict = configuration.strictFilters
        self.lax = configuration.laxParsing
    }

    func resolve(_ name: String, at location: LiquidLocation) throws(LiquidError) -> InternalFilter {
        if let filter = filters[name] { return filter }
        if strict {
            throw LiquidError.syntax("Unknown filter '\(name)'", at: location, id: "liquid.unknown-filter")
        }
        let identity: InternalFilter = { (input, arguments, named, context) throws(LiquidError) in input }
        return identity
    }
}
