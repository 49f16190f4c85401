/// A compiled piece of a template.
protocol Node: Sendable {
    var line: Int { get }
    var column: Int { get }
    /// Whitespace-only text and tags that print nothing: a block made only of these prints nothing at all.
    var isBlank: Bool { get }
    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError)
}

extension Node {
    var line: Int { 0 }
    var column: Int { 0 }
    var isBlank: Bool { false }
}

/// Ruby Liquid's blank-body rule: when a block holds only whitespace and blank tags, its text is dropped.
func isBlankBody(_ nodes: [any Node]) -> Bool {
    nodes.allSatisfy { $0.isBlank }
}

func strippingText(_ nodes: [any Node]) -> [any Node] {
    nodes.filter { !($0 is TextNode) }
}

/// Renders nodes in order; stops at `break`/`continue`; applies the output limit and inline errors.
func renderNodes(_ nodes: [any Node], _ context: RenderContext, _ output: inout String) throws(LiquidError) {
    for node in nodes {
        if let origins = context.origins, context.includeDepth == 0, context.sideBuffers == 0, node.line > 0 {
            origins.mark(output, line: node.line, verbatim: node is TextNode)
        }
        do {
            try node.render(context, &output)
        } catch {
            let located = context.locate(error, line: node.line, column: node.column)
            if context.configuration.renderErrorsInline && !isFatal(located) {
                // Ruby writes no error text for a tag that prints nothing (a blank `if`, `assign`, `for`), but in
                // strict2.
                if !node.isBlank || node is OutputNode || context.configuration.errorMode == .strict2 {
                    output += inlineErrorText(located, context)
                }
            } else {
                throw located
            }
        }
        if output.utf8.count > context.budget.maxOutputBytes {
            throw context.locate(
                LiquidError(
                    id: "liquid.output-limit",
                    message: "Memory limits exceeded: output is over \(context.budget.maxOutputBytes) bytes"),
                line: node.line, column: node.column)
        }
        if context.interrupt != .none { return }
    }
}

func isFatal(_ error: LiquidError) -> Bool {
    error.id == "liquid.output-limit" || error.id == "liquid.loop-limit"
}

/// Ruby's inline form; the file is named only inside partials, as Ruby names only partials.
func inlineErrorText(_ error: LiquidError, _ context: RenderContext) -> String {
    error.rubyStyleMessage(showingFile: !error.location.file.isEmpty && error.location.file != context.rootFile)
}

@inline(__always) func append(_ value: LiquidValue, to output: inout String) {
    switch value {
    case .string(let s): output += s
    case .int(let i): output += String(i)
    case .nil_: break
    default: output += value.liquidString
    }
}

// MARK: - Text and output

struct TextNode: Node {
    let text: String
    /// False for `raw` bodies, which always print.
    var blankable = true
    /// The line of the text's first byte (0 when unknown).
    var line = 0

    var isBlank: Bool { blankable && text.utf8.allSatisfy(isSpace) }

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        output += text
    }
}

struct OutputNode: Node {
    let expression: FilteredExpression
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        if expression.filters.isEmpty {
            append(try context.evaluate(expression.expression), to: &output)
        } else {
            append(try context.evaluate(expression), to: &output)
        }
    }
}

// MARK: - Variables

struct AssignNode: Node {
    var isBlank: Bool { true }
    let name: String
    let value: FilteredExpression
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let result = try context.evaluate(value)
        try context.checkSize(result)
        context.assign(name, result)
    }
}

struct CaptureNode: Node {
    var isBlank: Bool { true }
    let name: String
    let body: [any Node]
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        var captured = ""
        context.sideBuffers += 1
        defer { context.sideBuffers -= 1 }
        try renderNodes(body, context, &captured)
        try context.checkSize(.string(captured))
        context.assign(name, .string(captured))
    }
}

struct CounterNode: Node {
    let name: String
    let increments: Bool
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        var value = context.counters[name] ?? 0
        if increments {
            output += String(value)
            context.counters[name] = value + 1
        } else {
            value -= 1
            context.counters[name] = value
            output += String(value)
        }
    }
}

struct CycleNode: Node {
    let key: Expression?
    let keyText: String
    let values: [Expression]
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let group = try key.map { (k) throws(LiquidError) in try context.evaluate(k).liquidString } ?? keyText
        let index = context.cycles[group] ?? 0
        context.cycles[group] = (index + 1) % max(values.count, 1)
        if values.isEmpty { return }
        append(try context.evaluate(values[index % values.count]), to: &output)
    }
}

// MARK: - Conditions

struct IfNode: Node {
    /// `unless` negates the first condition only. Each branch's position is that of its `if`, `unless` or `elsif`.
    let branches: [(condition: Condition, body: [any Node], line: Int, column: Int)]
    let elseBody: [any Node]?
    let negateFirst: Bool
    var isBlank = false
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        for (index, branch) in branches.enumerated() {
            var passes = try context.test(branch.condition)
            if index == 0 && negateFirst { passes = !passes }
            if passes {
                try renderNodes(branch.body, context, &output)
                return
            }
        }
        if let elseBody { try renderNodes(elseBody, context, &output) }
    }
}

struct CaseNode: Node {
    enum Branch {
        case when([Expression], [any Node])
        case otherwise([any Node])
    }

    let subject: Expression
    let branches: [Branch]
    var isBlank = false
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        var matched = false
        for branch in branches {
            switch branch {
            case .when(let values, let body):
                // Ruby makes one condition per value, so the body renders once for each value that matches.
                for value in values where context.interrupt == .none {
                    if try context.compare(subject, .equal, value) {
                        matched = true
                        try renderNodes(body, context, &output)
                    }
                }
            case .otherwise(let body):
                if !matched { try renderNodes(body, context, &output) }
            }
            if context.interrupt != .none { return }
        }
    }
}

// MARK: - Interrupts

struct BreakNode: Node {
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        context.interrupt = .breakLoop
    }
}

struct ContinueNode: Node {
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        context.interrupt = .continueLoop
    }
}

// MARK: - Host tags

struct HostTagNode: Node {
    let name: String
    let markup: String
    let arguments: TagArguments
    let render: @Sendable (LiquidTagCall) throws(LiquidError) -> String
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let site = try HostCallSite(arguments: arguments, line: line, column: column, context: context)
        let call = LiquidTagCall(
            name: name, markup: markup, parameters: site.parameters, positional: site.positional,
            location: site.location, environment: site.environment)
        output += try render(call)
    }
}

struct HostBlockNode: Node {
    let name: String
    let markup: String
    let arguments: TagArguments
    let body: [any Node]
    let rawBody: String
    let render: @Sendable (LiquidBlockCall) throws(LiquidError) -> String
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let site = try HostCallSite(arguments: arguments, line: line, column: column, context: context)
        var rendered = ""
        context.sideBuffers += 1
        defer { context.sideBuffers -= 1 }
        try renderNodes(body, context, &rendered)
        let call = LiquidBlockCall(
            name: name, markup: markup, parameters: site.parameters, positional: site.positional, body: rendered,
            rawBody: rawBody, location: site.location, environment: site.environment)
        output += try render(call)
    }
}

/// What a host tag or block receives from where it is used: its evaluated arguments, its place, and the caller's
/// variables it may read.
struct HostCallSite {
    let positional: [LiquidValue]
    let parameters: [String: LiquidValue]
    let location: LiquidLocation
    let environment: [String: LiquidValue]

    init(arguments: TagArguments, line: Int, column: Int, context: RenderContext) throws(LiquidError) {
        (positional, parameters) = try arguments.evaluate(context)
        location = LiquidLocation(file: context.file, line: line, column: column)
        environment = hostEnvironment(context)
    }
}

/// What a host tag sees of its caller's variables.
func hostEnvironment(_ context: RenderContext) -> [String: LiquidValue] {
    var environment: [String: LiquidValue] = [:]
    for name in ["page", "site", "layout", "include"] {
        if let value = context.variable(name) { environment[name] = value }
    }
    return environment
}

/// Positional values and `key=value` / `key: value` pairs of a host tag, compiled.
struct TagArguments: Sendable {
    var positional: [Expression] = []
    var named: [(String, Expression)] = []

    func evaluate(_ context: RenderContext) throws(LiquidError) -> ([LiquidValue], [String: LiquidValue]) {
        var values: [LiquidValue] = []
        for expression in positional { values.append(try context.evaluate(expression)) }
        var parameters: [String: LiquidValue] = [:]
        for (key, expression) in named { parameters[key] = try context.evaluate(expression) }
        return (values, parameters)
    }
}
