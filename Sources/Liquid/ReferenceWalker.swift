/// Collects a template's `LiquidReferences` from its node tree. Nodes and expressions are walked with explicit
/// stacks, not recursion, so a template nested as deep as the parser allows (or a host's hostile input) cannot
/// exhaust the call stack.
struct ReferenceWalker {
    let file: String
    private(set) var references = LiquidReferences()
    private var work: [Work] = []

    private enum Work {
        case node(any Node)
        /// An `elsif` (or the first test of an `if`): its tag and the variables its condition reads.
        case branch(Condition, tag: String, line: Int, column: Int)
    }

    init(file: String) {
        self.file = file
    }

    mutating func walk(_ nodes: [any Node]) {
        push(nodes)
        while let item = work.popLast() {
            switch item {
            case .node(let node):
                visit(node)
            case .branch(let condition, let name, let line, let column):
                let location = LiquidLocation(file: file, line: line, column: column)
                tag(name, location)
                read(condition, location)
            }
        }
    }

    // MARK: - Nodes

    /// Schedules `nodes` so that they are visited in source order.
    private mutating func push(_ nodes: [any Node]) {
        for node in nodes.reversed() { work.append(.node(node)) }
    }

    private mutating func visit(_ node: any Node) {
        let location = LiquidLocation(file: file, line: node.line, column: node.column)
        switch node {
        case let output as OutputNode:
            read(output.expression, location)
        case let assign as AssignNode:
            tag("assign", location)
            read(assign.value, location)
        case let capture as CaptureNode:
            tag("capture", location)
            push(capture.body)
        case let counter as CounterNode:
            tag(counter.increments ? "increment" : "decrement", location)
        case let cycle as CycleNode:
            tag("cycle", location)
            if let key = cycle.key { read(key, location) }
            for value in cycle.values { read(value, location) }
        case let node as IfNode:
            visitIf(node)
        case let node as CaseNode:
            visitCase(node, location)
        case let loop as ForNode:
            tag("for", location)
            read(loop.collection, location)
            if let limit = loop.limit { read(limit, location) }
            if let offset = loop.offset { read(offset, location) }
            if let elseBody = loop.elseBody { push(elseBody) }
            push(loop.body)
        case let table as TablerowNode:
            tag("tablerow", location)
            read(table.collection, location)
            for attribute in [table.cols, table.limit, table.offset] {
                if let attribute { read(attribute, location) }
            }
            push(table.body)
        case let include as IncludeNode:
            visitInclude(include, location)
        case let render as RenderNode:
            tag("render", location)
            references.partials.append(
                LiquidReferences.Partial(
                    kind: .render, name: render.name, attributes: render.attributes.map(\.0), location: location))
            if let variable = render.variable { read(variable, location) }
            for (_, value) in render.attributes { read(value, location) }
        case let host as HostTagNode:
            tag(host.name, location)
            read(host.arguments, location)
        case let host as HostBlockNode:
            tag(host.name, location)
            read(host.arguments, location)
            push(host.body)
        case let block as BlockNode:
            tag("liquid", location)
            push(block.body)
        case is BreakNode:
            tag("break", location)
        case is ContinueNode:
            tag("continue", location)
        default:
            break
        }
    }

    private mutating func visitIf(_ node: IfNode) {
        if let elseBody = node.elseBody { push(elseBody) }
        for (index, branch) in node.branches.enumerated().reversed() {
            push(branch.body)
            let name = index > 0 ? "elsif" : node.negateFirst ? "unless" : "if"
            work.append(.branch(branch.condition, tag: name, line: branch.line, column: branch.column))
        }
    }

    /// `when` values are placed at their `case` tag: the tree keeps no position for `when`.
    private mutating func visitCase(_ node: CaseNode, _ location: LiquidLocation) {
        tag("case", location)
        read(node.subject, location, inCondition: true)
        for branch in node.branches {
            if case .when(let values, _) = branch {
                for value in values { read(value, location, inCondition: true) }
            }
        }
        for branch in node.branches.reversed() {
            switch branch {
            case .when(_, let body), .otherwise(let body): push(body)
            }
        }
    }

    private mutating func visitInclude(_ include: IncludeNode, _ location: LiquidLocation) {
        tag(include.relative ? "include_relative" : "include", location)
        var name: String?
        var nameNodes: [any Node] = []
        switch include.name {
        case .literal(let text), .variableOrPath(_, let text):
            name = text
        case .expression(let expression):
            read(expression, location)
        case .template(let nodes):
            nameNodes = nodes
        }
        references.partials.append(
            LiquidReferences.Partial(
                kind: include.relative ? .includeRelative : .include, name: name,
                parameters: include.jekyllParameters?.map(\.0) ?? [], attributes: include.attributes.map(\.0),
                location: location))
        if let variable = include.variable { read(variable, location) }
        for (_, value) in include.jekyllParameters ?? [] { read(value, location) }
        for (_, value) in include.attributes { read(value, location) }
        // The name's `{{ }}` were parsed as a fragment with columns of their own: place what they read at the tag.
        // A fragment holds outputs only (a `{%` inside it would end the include tag), so this recursion is one deep.
        var fragment = ReferenceWalker(file: file)
        fragment.walk(nameNodes)
        for var variable in fragment.references.variables {
            variable.location = location
            references.variables.append(variable)
        }
        for var filter in fragment.references.filters {
            filter.location = location
            references.filters.append(filter)
        }
    }

    private mutating func tag(_ name: String, _ location: LiquidLocation) {
        references.tags.append(LiquidReferences.Tag(name: name, location: location))
    }

    // MARK: - Expressions

    private mutating func read(_ condition: Condition, _ location: LiquidLocation) {
        for term in condition.terms {
            switch term {
            case .value(let value):
                read(value, location, inCondition: true)
            case .comparison(let left, _, let right):
                read(left, location, inCondition: true)
                read(right, location, inCondition: true)
            }
        }
    }

    private mutating func read(_ filtered: FilteredExpression, _ location: LiquidLocation) {
        let hasDefault = filtered.filters.contains { $0.name == "default" }
        read(filtered.expression, location, hasDefault: hasDefault)
        for filter in filtered.filters {
            references.filters.append(LiquidReferences.Filter(name: filter.name, location: location))
            // `append`/`prepend` add nothing for a missing value: their argument is as optional as a defaulted one
            // (`"badge " | append: include.css_class`).
            let optionalArguments = filter.name == "append" || filter.name == "prepend"
            for argument in filter.arguments { read(argument, location, hasDefault: optionalArguments) }
            for (_, argument) in filter.namedArguments { read(argument, location) }
        }
    }

    private mutating func read(_ arguments: TagArguments, _ location: LiquidLocation) {
        for value in arguments.positional { read(value, location) }
        for (_, value) in arguments.named { read(value, location) }
    }

    /// Records every variable `expression` reads, the outer one first, then those inside its computed lookups.
    /// `hasDefault` applies to the outer expression only: a lookup's index is not what the default stands in for.
    private mutating func read(
        _ expression: Expression, _ location: LiquidLocation, inCondition: Bool = false, hasDefault: Bool = false
    ) {
        var pending: [(Expression, Bool)] = [(expression, hasDefault)]
        while let (current, withDefault) = pending.popLast() {
            var path: [String] = []
            let lookups: [Lookup]
            var nested: [Expression] = []
            switch current {
            case .literal, .empty, .blank:
                continue
            case .range(let lower, let upper):
                pending.append((upper, false))
                pending.append((lower, false))
                continue
            case .variable(let name, let rest):
                path = [name]
                lookups = rest
            case .dynamicVariable(let name, let rest):
                nested.append(name)
                lookups = rest
            }
            var isDynamic = !nested.isEmpty
            for lookup in lookups {
                switch lookup {
                case .key(let key, _):
                    if !isDynamic { path.append(key) }
                case .index(.literal(.string(let key))):
                    if !isDynamic { path.append(key) }
                case .index(.literal(.int(let index))):
                    if !isDynamic { path.append(String(index)) }
                case .index(let index):
                    isDynamic = true
                    nested.append(index)
                }
            }
            references.variables.append(
                LiquidReferences.Variable(
                    path: path, isDynamic: isDynamic, inCondition: inCondition, hasDefault: withDefault,
                    location: location))
            for inner in nested.reversed() { pending.append((inner, false)) }
        }
    }
}
