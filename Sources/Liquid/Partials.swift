/// `include` (shared scope, Shopify's and Jekyll's syntax) and `include_relative`.
/// What an `include` or `render` call says: the partial, the value passed `with` or `for` (as `alias`), and the
/// `key: value` attributes.
struct PartialCall {
    var name: Expression
    var variable: Expression? = nil
    var isFor = false
    var alias: String? = nil
    var attributes: [(String, Expression)] = []
}

struct IncludeNode: Node {
    enum Name: Sendable {
        /// A quoted name, or Jekyll's unquoted path that is not a variable.
        case literal(String)
        /// An unquoted name: the variable's value when it is a string, else the text as a path (Jekyll).
        case variableOrPath(Expression, String)
        /// Any expression (Shopify's dynamic include).
        case expression(Expression)
        /// Jekyll's `{% include {{ page.kind }}.html %}`.
        case template([any Node])
    }

    let name: Name
    let variable: Expression?
    let alias: String?
    let attributes: [(String, Expression)]
    /// Jekyll's `key=value` parameters, visible as `include.key`; nil when the tag has none.
    let jekyllParameters: [(String, Expression)]?
    let relative: Bool
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let partialName: String
        var quoted = false
        switch name {
        case .literal(let text):
            partialName = text
            quoted = true
        case .variableOrPath(let expression, let text):
            if case .string(let s) = try context.evaluate(expression) { partialName = s } else { partialName = text }
        case .expression(let expression):
            guard case .string(let s) = try context.evaluate(expression).materialized else {
                throw LiquidError(
                    id: "liquid.argument", message: "Argument error in tag 'include' - Illegal template name")
            }
            partialName = s
        case .template(let nodes):
            var text = ""
            context.sideBuffers += 1
            defer { context.sideBuffers -= 1 }
            try renderNodes(nodes, context, &text)
            partialName = text.trimmingWhitespace
        }
        if context.isolated && !relative {
            throw LiquidError(id: "liquid.render", message: "include usage is not allowed in this context")
        }
        let here = LiquidLocation(file: context.file, line: line, column: column)
        let template = try context.engine.partial(
            partialName, kind: relative ? .includeRelative(fromFile: context.file) : .include, context: context,
            at: here)
        var value: LiquidValue = .nil_
        var hasValue = false
        if let variable {
            value = try context.evaluate(variable)
            hasValue = true
        } else if quoted || jekyllParameters == nil, !relative {
            if let found = context.variable(partialName) {
                value = found
                hasValue = true
            }
        }
        var parameters: [String: LiquidValue] = [:]
        if let jekyllParameters {
            for (key, expression) in jekyllParameters { parameters[key] = try context.evaluate(expression) }
        }
        let savedFile = context.file
        context.includeChain.append(here)
        context.includeDepth += 1
        context.file = template.file
        context.scopes.append([:])
        defer {
            context.scopes.removeLast()
            context.file = savedFile
            context.includeDepth -= 1
            context.includeChain.removeLast()
        }
        let scope = context.scopes.count - 1
        if jekyllParameters != nil { context.scopes[scope]["include"] = .object(parameters) }
        // Each attribute sees the ones before it.
        for (key, expression) in attributes { context.scopes[scope][key] = try context.evaluate(expression) }
        let variableName = alias ?? String(partialName.split(separator: "/").last ?? "")
        if hasValue, case .array(let elements) = value {
            for element in elements {
                context.scopes[scope][variableName] = element
                try renderNodes(template.root, context, &output)
            }
        } else {
            if hasValue { context.scopes[scope][variableName] = value }
            try renderNodes(template.root, context, &output)
        }
    }
}

/// `render 'name' with x as y, key: value` / `render 'name' for items as item`: isolated scope.
struct RenderNode: Node {
    let name: String
    let variable: Expression?
    let isFor: Bool
    let alias: String?
    let attributes: [(String, Expression)]
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let here = LiquidLocation(file: context.file, line: line, column: column)
        let template = try context.engine.partial(name, kind: .render, context: context, at: here)
        let value = try variable.map { (v) throws(LiquidError) in try context.evaluate(v) }
        var attributeValues: [(String, LiquidValue)] = []
        for (key, expression) in attributes { attributeValues.append((key, try context.evaluate(expression))) }
        let variableName = alias ?? String(name.split(separator: "/").last ?? "")

        func renderOne(_ item: LiquidValue?, _ forloop: ForloopDrop?) throws(LiquidError) {
            let child = context.isolatedChild(file: template.file)
            child.includeChain.append(here)
            child.includeDepth += 1
            if let forloop { child.scopes[0]["forloop"] = .drop(forloop) }
            for (key, attribute) in attributeValues { child.scopes[0][key] = attribute }
            if let item, !item.isNil || forloop != nil { child.scopes[0][variableName] = item }
            try renderNodes(template.root, child, &output)
        }

        if isFor, let value {
            var elements: [LiquidValue]? = nil
            switch value {
            case .array(let a): elements = a
            case .object: elements = value.iterationElements
            case .drop(let d): elements = d.liquidArray
            default: break
            }
            if let elements {
                try context.countIterations(elements.count)
                let forloop = ForloopDrop(name: name, length: elements.count, parent: nil)
                for element in elements {
                    try renderOne(element, forloop)
                    forloop.index += 1
                }
                return
            }
        }
        try renderOne(value, nil)
    }
}
