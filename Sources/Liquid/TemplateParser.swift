/// Builds the node tree from template tokens.
final class TemplateParser {
    private var tokens: [TemplateToken]
    private var index = 0
    private var depth = 0
    static let maxNesting = 200
    private let source: [UInt8]
    let file: String
    let lineOffset: Int
    let configuration: LiquidConfiguration
    let filters: FilterTable
    /// What the lax parser read in place of markup the strict one rejected.
    private(set) var warnings: [LiquidError] = []

    init(
        tokens: [TemplateToken], source: [UInt8], file: String, lineOffset: Int,
        configuration: LiquidConfiguration, filters: FilterTable
    ) {
        self.tokens = tokens
        self.source = source
        self.file = file
        self.lineOffset = lineOffset
        self.configuration = configuration
        self.filters = filters
    }

    static func parse(_ text: String, file: String, lineOffset: Int, engine: LiquidEngine) throws(LiquidError)
        -> (nodes: [any Node], warnings: [LiquidError])
    {
        let lexer = TemplateLexer(text, file: file, lineOffset: lineOffset)
        let tokens = try lexer.tokenize()
        let parser = TemplateParser(
            tokens: tokens, source: lexer.bytes, file: file, lineOffset: lineOffset,
            configuration: engine.configuration, filters: engine.filterTable)
        let (nodes, _) = try parser.parseBody(until: [], opener: nil)
        return (nodes, parser.warnings)
    }

    func location(_ token: TemplateToken) -> LiquidLocation {
        LiquidLocation(file: file, line: token.line + lineOffset, column: token.column)
    }

    func expressionParser(_ markup: String, _ token: TemplateToken) throws(LiquidError) -> ExpressionParser {
        var parser = try ExpressionParser(markup, at: location(token), filters: filters)
        parser.allowsBareBrackets = configuration.errorMode != .strict2
        return parser
    }

    func laxParser(_ token: TemplateToken) -> LaxParser { LaxParser(filters: filters, location: location(token)) }

    /// The strict reading of a tag's markup; in the lax and warn error modes, where it is a syntax error, the lax
    /// reading, with the error kept as a warning (Ruby's `parse_with_selected_parser`).
    func tolerant<T>(
        _ strict: () throws(LiquidError) -> T, else lax: () throws(LiquidError) -> T
    ) throws(LiquidError) -> T {
        do {
            return try strict()
        } catch {
            guard configuration.laxParsing, error.id == "liquid.syntax" else { throw error }
            let value = try lax()
            var warning = error
            warning.id = "liquid.lax-syntax"
            warnings.append(warning)
            return value
        }
    }

    func adoptWarnings(of parser: TemplateParser) { warnings += parser.warnings }

    // MARK: - Blocks

    /// Parses nodes until one of `endTags` (returned) or the end of the template (an error inside a block).
    func parseBody(until endTags: Set<String>, opener: TemplateToken?) throws(LiquidError) -> (
        [any Node], TemplateToken?
    ) {
        depth += 1
        defer { depth -= 1 }
        if depth > TemplateParser.maxNesting, let opener {
            throw LiquidError.syntax(
                "Nesting too deep: blocks nested more than \(TemplateParser.maxNesting) levels", at: location(opener))
        }
        var nodes: [any Node] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .text, .raw:
                nodes.append(TextNode(text: token.content, line: token.line + lineOffset))
            case .output:
                if let node = try parseOutput(token.content, token) { nodes.append(node) }
            case .tag:
                if endTags.contains(token.name) { return (nodes, token) }
                if let node = try parseTag(token, enclosing: opener) { nodes.append(node) }
            }
        }
        if let opener, !endTags.isEmpty {
            throw LiquidError.syntax(
                "'\(opener.name)' tag was never closed", at: location(opener), id: "liquid.unclosed-block")
        }
        return (nodes, nil)
    }

    func parseOutput(_ markup: String, _ token: TemplateToken) throws(LiquidError) -> (any Node)? {
        let expression = try tolerant { () throws(LiquidError) -> FilteredExpression? in
            var parser = try expressionParser(markup, token)
            if parser.atEnd { return nil }
            let expression = try parser.filteredExpression()
            try parser.expectEnd()
            return expression
        } else: { () throws(LiquidError) -> FilteredExpression? in
            try laxParser(token).filteredExpression(markup)
        }
        guard let expression else { return nil }
        return OutputNode(expression: expression, line: token.line + lineOffset, column: token.column)
    }

    func parseTag(_ token: TemplateToken, enclosing: TemplateToken?) throws(LiquidError) -> (any Node)? {
        let line = token.line + lineOffset
        let column = token.column
        switch token.name {
        case "if", "unless":
            return try parseIf(token)
        case "case":
            return try parseCase(token)
        case "for":
            return try parseFor(token)
        case "tablerow":
            return try parseTablerow(token)
        case "assign":
            return try parseAssign(token)
        case "capture":
            var parser = try expressionParser(token.content, token)
            let name: String
            switch parser.current {
            case .identifier(let n): name = n
            case .string(let s): name = s
            default:
                throw LiquidError.syntax("Syntax Error in 'capture' - Valid syntax: capture [var]", at: location(token))
            }
            parser.advance()
            let (body, _) = try parseBody(until: ["endcapture"], opener: token)
            return CaptureNode(name: name, body: body, line: line, column: column)
        case "echo":
            return try parseOutput(token.content, token)
        case "increment", "decrement":
            let name = token.content.trimmingWhitespace
            return CounterNode(name: name, increments: token.name == "increment", line: line, column: column)
        case "cycle":
            return try parseCycle(token)
        case "break":
            return BreakNode(line: line, column: column)
        case "continue":
            return ContinueNode(line: line, column: column)
        case "comment":
            try skipComment(token)
            return nil
        case "#":
            return nil
        case "raw":
            var text = ""
            var textLine = line
            if index < tokens.count, tokens[index].kind == .raw {
                text = tokens[index].content
                textLine = tokens[index].line + lineOffset
                index += 1
            }
            if index < tokens.count, tokens[index].name == "endraw" { index += 1 }
            return TextNode(text: text, blankable: false, line: textLine)
        case "doc":
            // Documentation for tools: its body, read verbatim by the lexer, renders nothing.
            if index < tokens.count, tokens[index].kind == .raw { index += 1 }
            if index < tokens.count, tokens[index].name == "enddoc" { index += 1 }
            return nil
        case "ifchanged":
            let (body, _) = try parseBody(until: ["endifchanged"], opener: token)
            return IfChangedNode(body: body, line: line, column: column)
        case "liquid":
            return try parseLiquidTag(token)
        case "include", "include_relative", "include_cached":
            // jekyll-include-cache's `include_cached` renders what `include` renders (Docent parses each include
            // once already).
            return try parseInclude(token)
        case "render":
            return try parseRender(token)
        default:
            if let render = configuration.blockTags[token.name] {
                let arguments = try parseTagArguments(token)
                let (body, end) = try parseBody(until: ["end" + token.name], opener: token)
                var rawBody = ""
                if let end, token.sourceRange.upperBound <= end.sourceRange.lowerBound, end.sourceRange.upperBound > 0 {
                    rawBody = String(
                        decoding: source[token.sourceRange.upperBound..<end.sourceRange.lowerBound], as: UTF8.self)
                }
                return HostBlockNode(
                    name: token.name, markup: token.content, arguments: arguments, body: body, rawBody: rawBody,
                    render: render, line: line, column: column)
            }
            if let render = configuration.tags[token.name] {
                return HostTagNode(
                    name: token.name, markup: token.content, arguments: try parseTagArguments(token),
                    render: render, line: line, column: column)
            }
            if let enclosing, ["else", "elsif", "when"].contains(token.name) || token.name.hasPrefix("end") {
                throw LiquidError.syntax(
                    "'\(token.name)' is not a valid delimiter for \(enclosing.name) tags. use end\(enclosing.name)",
                    at: location(token))
            }
            throw LiquidError.syntax("Unknown tag '\(token.name)'", at: location(token), id: "liquid.unknown-tag")
        }
    }

    // MARK: - Tags

    private func parseIf(_ token: TemplateToken) throws(LiquidError) -> any Node {
        let endName = "end" + token.name
        var branches: [(condition: Condition, body: [any Node], line: Int, column: Int)] = []
        var condition = try parseCondition(token.content, token)
        var conditionToken = token
        var elseBody: [any Node]? = nil
        while true {
            let (body, end) = try parseBody(until: ["elsif", "else", endName], opener: token)
            branches.append((condition, body, conditionToken.line + lineOffset, conditionToken.column))
            guard let end else { break }
            if end.name == "elsif" {
                condition = try parseCondition(end.content, end)
                conditionToken = end
                continue
            }
            if end.name == "else" {
                let (body, _) = try parseBody(until: [endName], opener: token)
                elseBody = body
            }
            break
        }
        let blank = branches.allSatisfy { isBlankBody($0.body) } && isBlankBody(elseBody ?? [])
        if blank {
            branches = branches.map { ($0.condition, strippingText($0.body), $0.line, $0.column) }
            elseBody = elseBody.map(strippingText)
        }
        return IfNode(
            branches: branches, elseBody: elseBody, negateFirst: token.name == "unless", isBlank: blank,
            line: token.line + lineOffset, column: token.column)
    }

    private func parseCondition(_ markup: String, _ token: TemplateToken) throws(LiquidError) -> Condition {
        if markup.trimmingWhitespace.isEmpty {
            throw LiquidError.syntax(
                "Syntax Error in tag '\(token.name)' - Valid syntax: \(token.name) [condition]", at: location(token))
        }
        return try tolerant { () throws(LiquidError) -> Condition in
            var parser = try expressionParser(markup, token)
            let condition = try parser.condition()
            try parser.expectEnd()
            return condition
        } else: { () throws(LiquidError) -> Condition in
            try laxParser(token).condition(markup)
        }
    }

    private func parseCase(_ token: TemplateToken) throws(LiquidError) -> any Node {
        let subject = try tolerant { () throws(LiquidError) -> Expression in
            var parser = try expressionParser(token.content, token)
            let subject = try parser.expression()
            try parser.expectEnd()
            return subject
        } else: { () throws(LiquidError) -> Expression in
            laxParser(token).caseSubject(token.content)
        }
        var branches: [CaseNode.Branch] = []
        // Anything before the first `when` is ignored.
        var (_, end) = try parseBody(until: ["when", "else", "endcase"], opener: token)
        while let current = end, current.name != "endcase" {
            let (body, next) = try parseBody(until: ["when", "else", "endcase"], opener: token)
            if current.name == "when" {
                let values = try tolerant { () throws(LiquidError) -> [Expression] in
                    var whenParser = try expressionParser(current.content, current)
                    var values: [Expression] = []
                    repeat {
                        values.append(try whenParser.expression())
                    } while whenParser.consumeIf(.comma) || whenParser.consumeIdentifier("or")
                    try whenParser.expectEnd()
                    return values
                } else: { () throws(LiquidError) -> [Expression] in
                    laxParser(current).whenValues(current.content)
                }
                branches.append(.when(values, body))
            } else {
                branches.append(.otherwise(body))
            }
            end = next
        }
        let blank = branches.allSatisfy { branch in
            switch branch {
            case .when(_, let body), .otherwise(let body): return isBlankBody(body)
            }
        }
        if blank {
            branches = branches.map { branch in
                switch branch {
                case .when(let values, let body): return .when(values, strippingText(body))
                case .otherwise(let body): return .otherwise(strippingText(body))
                }
            }
        }
        return CaseNode(
            subject: subject, branches: branches, isBlank: blank, line: token.line + lineOffset, column: token.column)
    }

    private func parseLoopHeader(_ token: TemplateToken) throws(LiquidError) -> (
        String, Expression, String, Bool, [String: Expression], Bool
    ) {
        try tolerant { () throws(LiquidError) -> (String, Expression, String, Bool, [String: Expression], Bool) in
            try parseStrictLoopHeader(token)
        } else: { () throws(LiquidError) -> (String, Expression, String, Bool, [String: Expression], Bool) in
            let lax = laxParser(token)
            let header = try lax.loopHeader(token.content, tag: token.name)
            var attributes: [String: Expression] = [:]
            var offsetContinue = false
            for (key, value) in header.attributes where key == "limit" || key == "offset" || key == "cols" {
                if key == "offset", value == "continue" {
                    offsetContinue = true
                    attributes[key] = nil
                } else {
                    attributes[key] = lax.expression(value)
                }
            }
            return (
                header.variable, header.collection, "\(header.variable)-\(header.collectionText)", header.reversed,
                attributes, offsetContinue
            )
        }
    }

    private func parseStrictLoopHeader(_ token: TemplateToken) throws(LiquidError) -> (
        String, Expression, String, Bool, [String: Expression], Bool
    ) {
        var parser = try expressionParser(token.content, token)
        let variable = try parser.identifier()
        guard parser.consumeIdentifier("in") else {
            throw LiquidError.syntax(
                "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]", at: location(token))
        }
        let collection = try parser.expression()
        var reversed = false
        var attributes: [String: Expression] = [:]
        var offsetContinue = false
        while !parser.atEnd {
            if parser.consumeIdentifier("reversed") {
                reversed = true
                continue
            }
            if parser.consumeIf(.comma) { continue }
            let key = try parser.identifier()
            try parser.consume(.colon)
            if key == "offset", parser.current == .identifier("continue") {
                parser.advance()
                offsetContinue = true
                continue
            }
            attributes[key] = try parser.expression()
        }
        // The loop's name: variable and collection as written.
        var collectionText = token.content
        if let range = collectionText.range(of: " in ") {
            collectionText = String(collectionText[range.upperBound...]).trimmingWhitespace
        }
        if let space = collectionText.firstIndex(where: { $0 == " " }) {
            collectionText = String(collectionText[..<space])
        }
        return (variable, collection, "\(variable)-\(collectionText)", reversed, attributes, offsetContinue)
    }

    private func parseFor(_ token: TemplateToken) throws(LiquidError) -> any Node {
        let (variable, collection, name, reversed, attributes, offsetContinue) = try parseLoopHeader(token)
        var (body, end) = try parseBody(until: ["else", "endfor"], opener: token)
        var elseBody: [any Node]? = nil
        if end?.name == "else" {
            elseBody = try parseBody(until: ["endfor"], opener: token).0
        }
        let blank = isBlankBody(body) && isBlankBody(elseBody ?? [])
        if blank {
            body = strippingText(body)
            elseBody = elseBody.map(strippingText)
        }
        return ForNode(
            variable: variable, collection: collection, loopName: name, reversed: reversed,
            limit: attributes["limit"], offset: attributes["offset"], offsetContinue: offsetContinue, body: body,
            elseBody: elseBody, isBlank: blank, line: token.line + lineOffset, column: token.column)
    }

    private func parseTablerow(_ token: TemplateToken) throws(LiquidError) -> any Node {
        let (variable, collection, _, _, attributes, _) = try parseLoopHeader(token)
        var (body, _) = try parseBody(until: ["endtablerow"], opener: token)
        if isBlankBody(body) { body = strippingText(body) }
        return TablerowNode(
            variable: variable, collection: collection, cols: attributes["cols"], limit: attributes["limit"],
            offset: attributes["offset"], body: body, line: token.line + lineOffset, column: token.column)
    }

    private func parseAssign(_ token: TemplateToken) throws(LiquidError) -> any Node {
        guard let equals = token.content.firstIndex(of: "=") else {
            throw LiquidError.syntax(
                "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", at: location(token))
        }
        let name = String(token.content[..<equals]).trimmingWhitespace
        guard !name.isEmpty, name.utf8.allSatisfy({ isIdentifierByte($0) || $0 == 0x2E || $0 == 0x3F }) else {
            throw LiquidError.syntax(
                "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", at: location(token))
        }
        let valueMarkup = String(token.content[token.content.index(after: equals)...])
        let value = try tolerant { () throws(LiquidError) -> FilteredExpression in
            var parser = try expressionParser(valueMarkup, token)
            let value = try parser.filteredExpression()
            try parser.expectEnd()
            return value
        } else: { () throws(LiquidError) -> FilteredExpression in
            try laxParser(token).filteredExpression(valueMarkup)
        }
        return AssignNode(name: name, value: value, line: token.line + lineOffset, column: token.column)
    }

    private func parseCycle(_ token: TemplateToken) throws(LiquidError) -> any Node {
        let (key, values) = try tolerant { () throws(LiquidError) -> (Expression?, [Expression]) in
            var parser = try expressionParser(token.content, token)
            var key: Expression? = nil
            var first = try parser.expression()
            if parser.consumeIf(.colon) {
                key = first
                first = try parser.expression()
            }
            var values = [first]
            while parser.consumeIf(.comma) { values.append(try parser.expression()) }
            try parser.expectEnd()
            return (key, values)
        } else: { () throws(LiquidError) -> (Expression?, [Expression]) in
            laxParser(token).cycle(token.content)
        }
        // Ruby keys unnamed cycles by their values: literal lists share a counter, lists with variables do not.
        let keyText =
            values.allSatisfy(\.isLiteral) ? "\(values)" : "\(file):\(token.line):\(token.column):\(index)"
        return CycleNode(
            key: key, keyText: keyText, values: values, line: token.line + lineOffset, column: token.column)
    }

    private func skipComment(_ token: TemplateToken) throws(LiquidError) {
        var depth = 1
        while index < tokens.count {
            let t = tokens[index]
            index += 1
            guard t.kind == .tag else { continue }
            if t.name == "comment" { depth += 1 }
            if t.name == "endcomment" {
                depth -= 1
                if depth == 0 { return }
            }
        }
        throw LiquidError.syntax("'comment' tag was never closed", at: location(token), id: "liquid.unclosed-block")
    }

    /// `{% liquid %}`: one tag per line, without delimiters.
    private func parseLiquidTag(_ token: TemplateToken) throws(LiquidError) -> any Node {
        var lineTokens: [TemplateToken] = []
        // The markup starts after the whitespace that follows `liquid`, which may hold line breaks.
        var lineNumber = token.line
        if token.sourceRange.upperBound <= source.count {
            var at = token.sourceRange.lowerBound + 2
            let end = token.sourceRange.upperBound
            while at < end, source[at] == 0x2D || isSpace(source[at]) { at += 1 }
            while at < end, isWordByte(source[at]) { at += 1 }
            while at < end, isSpace(source[at]) {
                if source[at] == 0x0A { lineNumber += 1 }
                at += 1
            }
        }
        for rawLine in token.content.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            let line = String(rawLine).trimmingWhitespace
            if line.isEmpty { continue }
            var nameEnd = line.startIndex
            if line.first == "#" {
                nameEnd = line.index(after: nameEnd)
            } else {
                while nameEnd < line.endIndex, let a = line[nameEnd].asciiValue, isWordByte(a) {
                    nameEnd = line.index(after: nameEnd)
                }
            }
            let name = String(line[..<nameEnd])
            let markup = String(line[nameEnd...]).trimmingWhitespace
            lineTokens.append(TemplateToken(kind: .tag, content: markup, name: name, line: lineNumber, column: 1))
        }
        let parser = TemplateParser(
            tokens: lineTokens, source: [], file: file, lineOffset: lineOffset, configuration: configuration,
            filters: filters)
        // Nested `liquid` tags count toward the nesting limit like any block: the parser recurses for each.
        parser.depth = depth
        let (nodes, _) = try parser.parseBody(until: [], opener: token)
        adoptWarnings(of: parser)
        return BlockNode(body: nodes, line: token.line + lineOffset, column: token.column)
    }

    // MARK: - Partials

    private func parseInclude(_ token: TemplateToken) throws(LiquidError) -> any Node {
        let relative = token.name == "include_relative"
        let markup = token.content
        let line = token.line + lineOffset
        // Jekyll's dynamic name: `{% include {{ page.kind }}.html a=1 %}`, `{% include note-{{ kind }}.md %}`.
        if markup.contains("{{") && !markup.hasPrefix("'") && !markup.hasPrefix("\"") {
            var nameEnd = markup.startIndex
            while nameEnd < markup.endIndex, !markup[nameEnd].isWhitespace {
                if markup[nameEnd...].hasPrefix("{{") {
                    guard let close = markup.range(of: "}}", range: nameEnd..<markup.endIndex) else {
                        throw LiquidError.syntax("Invalid include name in '\(markup)'", at: location(token))
                    }
                    nameEnd = close.upperBound
                } else {
                    nameEnd = markup.index(after: nameEnd)
                }
            }
            let nameText = String(markup[..<nameEnd])
            let nameNodes = try TemplateParser.parseFragment(nameText, token: token, parser: self)
            let parameters = try parseJekyllParameters(String(markup[nameEnd...]), token)
            return IncludeNode(
                name: .template(nameNodes), variable: nil, alias: nil, attributes: [],
                jekyllParameters: parameters ?? [], relative: relative, line: line, column: token.column)
        }
        let first = markup.first
        if first != "'" && first != "\"" && (configuration.jekyllIncludes || relative) {
            // Jekyll: an unquoted path up to the first space, then `key=value` pairs.
            let nameEnd = markup.firstIndex(where: { $0.isWhitespace }) ?? markup.endIndex
            let path = String(markup[..<nameEnd])
            let rest = String(markup[nameEnd...])
            let restTrimmed = rest.trimmingWhitespace
            let looksShopify =
                restTrimmed.hasPrefix("with ") || restTrimmed.hasPrefix("for ") || restTrimmed.hasPrefix("as ")
                || (restTrimmed.contains(":") && !restTrimmed.contains("="))
            if !looksShopify {
                let parameters = try parseJekyllParameters(rest, token)
                let name: IncludeNode.Name
                if !relative, let expression = variablePath(path, token) {
                    // `footer.html`, `docs/nav.md`: Jekyll paths (unless a variable of that name holds a name);
                    // a bare word is a variable holding the name, as in Shopify's dynamic include.
                    name =
                        path.contains(".") || path.contains("/")
                        ? .variableOrPath(expression, path) : .expression(expression)
                } else {
                    name = .literal(path)
                }
                return IncludeNode(
                    name: name, variable: nil, alias: nil, attributes: [], jekyllParameters: parameters,
                    relative: relative, line: line, column: token.column)
            }
        }
        // Shopify: `include 'name' with x as y, key: value` / `for items as item`.
        let call = try partialCall(token)
        let name: IncludeNode.Name
        if case .literal(.string(let s)) = call.name {
            name = .literal(s)
        } else {
            name = .expression(call.name)
        }
        return IncludeNode(
            name: name, variable: call.variable, alias: call.alias, attributes: call.attributes,
            jekyllParameters: nil, relative: relative, line: line, column: token.column)
    }

    /// `'name' with x as y, key: value` (`for` in place of `with`), strictly or, in the lax modes, as Ruby's lax
    /// parser reads it.
    private func partialCall(_ token: TemplateToken) throws(LiquidError) -> PartialCall {
        try tolerant { () throws(LiquidError) -> PartialCall in
            var parser = try expressionParser(token.content, token)
            var call = PartialCall(name: try parser.expression())
            if parser.consumeIdentifier("with") {
                call.variable = try parser.expression()
            } else if parser.consumeIdentifier("for") {
                call.variable = try parser.expression()
                call.isFor = true
            }
            if parser.consumeIdentifier("as") { call.alias = try parser.identifier() }
            call.attributes = try parseAttributes(&parser)
            return call
        } else: { () throws(LiquidError) -> PartialCall in
            laxParser(token).partialCall(token.content)
        }
    }

    private func parseRender(_ token: TemplateToken) throws(LiquidError) -> any Node {
        guard let first = token.content.utf8.first, first == 0x22 || first == 0x27 else {
            throw LiquidError.syntax(
                "Syntax error in tag 'render' - Template name must be a quoted string", at: location(token))
        }
        let call = try partialCall(token)
        guard case .literal(.string(let name)) = call.name else {
            throw LiquidError.syntax(
                "Syntax error in tag 'render' - Template name must be a quoted string", at: location(token))
        }
        return RenderNode(
            name: name, variable: call.variable, isFor: call.isFor, alias: call.alias, attributes: call.attributes,
            line: token.line + lineOffset, column: token.column)
    }

    /// `path` as a variable lookup (`page.include_name`), or nil when it is not one.
    private func variablePath(_ path: String, _ token: TemplateToken) -> Expression? {
        guard var parser = try? expressionParser(path, token), case .identifier = parser.current,
            let expression = try? parser.expression(), parser.atEnd, case .variable = expression
        else { return nil }
        return expression
    }

    /// `, key: value, key2: value2` until the end.
    private func parseAttributes(_ parser: inout ExpressionParser) throws(LiquidError) -> [(String, Expression)] {
        var attributes: [(String, Expression)] = []
        while !parser.atEnd {
            if parser.consumeIf(.comma) { continue }
            let key = try parser.identifier()
            try parser.consume(.colon)
            attributes.append((key, try parser.expression()))
        }
        return attributes
    }

    /// Jekyll's `key=value key2="x" key3=page.title`; nil when there are none.
    private func parseJekyllParameters(_ text: String, _ token: TemplateToken) throws(LiquidError) -> [(
        String, Expression
    )]? {
        var parser = try expressionParser(text, token)
        if parser.atEnd { return nil }
        var parameters: [(String, Expression)] = []
        while !parser.atEnd {
            if parser.consumeIf(.comma) { continue }
            let key = try parser.identifier()
            if !parser.consumeIf(.equals) { try parser.consume(.colon) }
            parameters.append((key, try parser.expression()))
        }
        return parameters
    }

    /// Arguments of a host tag: positional expressions and `key=value` / `key: value` pairs.
    private func parseTagArguments(_ token: TemplateToken) throws(LiquidError) -> TagArguments {
        var arguments = TagArguments()
        guard var parser = try? expressionParser(token.content, token) else { return arguments }
        while !parser.atEnd {
            if parser.consumeIf(.comma) { continue }
            if case .identifier(let key) = parser.current, parser.peek() == .equals || parser.peek() == .colon {
                parser.advance()
                parser.advance()
                guard let value = try? parser.expression() else { return arguments }
                arguments.named.append((key, value))
            } else {
                guard let value = try? parser.expression() else { return arguments }
                arguments.positional.append(value)
            }
        }
        return arguments
    }

    static func parseFragment(_ text: String, token: TemplateToken, parser: TemplateParser) throws(LiquidError)
        -> [any Node]
    {
        let lexer = TemplateLexer(text, file: parser.file, lineOffset: parser.lineOffset + token.line - 1)
        let fragment = TemplateParser(
            tokens: try lexer.tokenize(), source: lexer.bytes, file: parser.file,
            lineOffset: parser.lineOffset + token.line - 1, configuration: parser.configuration,
            filters: parser.filters)
        let nodes = try fragment.parseBody(until: [], opener: nil).0
        parser.adoptWarnings(of: fragment)
        return nodes
    }
}

/// A list of nodes rendered in place (the `liquid` tag's body).
struct BlockNode: Node {
    let body: [any Node]
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        try renderNodes(body, context, &output)
    }
}
