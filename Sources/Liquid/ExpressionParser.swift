/// Parses expression tokens into `Expression`, `FilteredExpression` and `Condition`.
struct ExpressionParser {
    var tokens: [ExpressionToken]
    var position = 0
    var depth = 0
    let markup: String
    let location: LiquidLocation
    let filters: FilterTable
    /// `[name]` as a variable (off in strict2, which wants `self[name]`).
    var allowsBareBrackets = true

    init(_ markup: String, at location: LiquidLocation, filters: FilterTable) throws(LiquidError) {
        self.markup = markup
        self.location = location
        self.filters = filters
        self.tokens = try tokenizeExpression(markup, at: location)
    }

    var current: ExpressionToken { tokens[position] }
    var atEnd: Bool { tokens[position] == .end }

    func peek(_ offset: Int = 1) -> ExpressionToken {
        position + offset < tokens.count ? tokens[position + offset] : .end
    }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    func error(_ message: String) -> LiquidError {
        LiquidError.syntax(message, at: location)
    }

    func unexpected() -> LiquidError {
        error("Unexpected token \(describe(current)) in \"\(markup)\"")
    }

    mutating func consume(_ token: ExpressionToken) throws(LiquidError) {
        guard current == token else {
            throw error("Expected \(describe(token)) but found \(describe(current)) in \"\(markup)\"")
        }
        advance()
    }

    mutating func consumeIf(_ token: ExpressionToken) -> Bool {
        if current == token {
            advance()
            return true
        }
        return false
    }

    mutating func identifier() throws(LiquidError) -> String {
        guard case .identifier(let name) = current else {
            throw error("Expected id but found \(describe(current)) in \"\(markup)\"")
        }
        advance()
        return name
    }

    mutating func consumeIdentifier(_ word: String) -> Bool {
        if case .identifier(let name) = current, name == word {
            advance()
            return true
        }
        return false
    }

    func expectEnd() throws(LiquidError) {
        guard atEnd else { throw unexpected() }
    }

    // MARK: - Expressions

    mutating func expression() throws(LiquidError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > 64 { throw error("Expression nested too deeply in \"\(markup)\"") }
        switch current {
        case .string(let s):
            advance()
            return .literal(.string(s))
        case .integer(let i):
            advance()
            return .literal(.int(i))
        case .float(let d):
            advance()
            return .literal(.double(d))
        case .openParen:
            advance()
            let start = try expression()
            try consume(.dotDot)
            let end = try expression()
            try consume(.closeParen)
            return .range(start, end)
        case .openSquare:
            guard allowsBareBrackets else {
                throw error("Bare bracket access is not allowed in \"\(markup)\"; use self[...] instead")
            }
            advance()
            let name = try expression()
            try consume(.closeSquare)
            return .dynamicVariable(name, try lookups())
        case .identifier(let name):
            advance()
            let path = try lookups()
            if path.isEmpty {
                switch name {
                case "nil", "null": return .literal(.nil_)
                case "true": return .literal(.bool(true))
                case "false": return .literal(.bool(false))
                case "empty": return .empty
                case "blank": return .blank
                default: break
                }
            }
            return .variable(name, path)
        default:
            throw error("Expected an expression but found \(describe(current)) in \"\(markup)\"")
        }
    }

    mutating func lookups() throws(LiquidError) -> [Lookup] {
        var path: [Lookup] = []
        while true {
            if current == .dot {
                advance()
                switch current {
                case .identifier(let key):
                    advance()
                    path.append(.key(key, command: key == "size" || key == "first" || key == "last"))
                case .integer(let i):
                    // `a.0`: Ruby reads the key "0", which indexes arrays.
                    advance()
                    path.append(.index(.literal(.int(i))))
                default:
                    throw error("Expected an identifier after '.' in \"\(markup)\"")
                }
            } else if current == .openSquare {
                advance()
                let key = try expression()
                try consume(.closeSquare)
                if case .literal(.string(let s)) = key {
                    path.append(.key(s, command: false))
                } else {
                    path.append(.index(key))
                }
            } else {
                return path
            }
        }
    }

    // MARK: - Filters

    mutating func filteredExpression() throws(LiquidError) -> FilteredExpression {
        let base = try expression()
        return FilteredExpression(expression: base, filters: try filterChain())
    }

    mutating func filterChain() throws(LiquidError) -> [FilterCall] {
        var calls: [FilterCall] = []
        while current == .pipe {
            advance()
            while current == .pipe { advance() }  // `||`: lax, as Ruby
            if atEnd && filters.lax { break }
            let name = try identifier()
            var arguments: [Expression] = []
            var named: [(String, Expression)] = []
            // A trailing `:` or `,` before the next filter or the end is allowed, as Ruby's strict parser.
            if consumeIf(.colon), current != .pipe, !atEnd {
                repeat {
                    if current == .pipe || atEnd { break }
                    if case .identifier(let key) = current, peek() == .colon {
                        advance()
                        advance()
                        named.append((key, try expression()))
                    } else {
                        arguments.append(try expression())
                    }
                } while consumeIf(.comma)
            }
            calls.append(
                FilterCall(
                    name: name, function: try filters.resolve(name, at: location), arguments: arguments,
                    namedArguments: named))
        }
        return calls
    }

    // MARK: - Conditions

    /// `a == b and c or d`: Liquid groups from the right, without precedence.
    mutating func condition() throws(LiquidError) -> Condition {
        var condition = Condition(terms: [try comparison()], joinsWithAnd: [])
        while true {
            if consumeIdentifier("and") {
                condition.joinsWithAnd.append(true)
            } else if consumeIdentifier("or") {
                condition.joinsWithAnd.append(false)
            } else {
                return condition
            }
            condition.terms.append(try comparison())
        }
    }

    mutating func comparison() throws(LiquidError) -> ConditionTerm {
        let left = try expression()
        if case .comparison(let op) = current {
            advance()
            let right = try expression()
            let comparisonOperator: ComparisonOperator
            switch op {
            case "==": comparisonOperator = .equal
            case "!=", "<>": comparisonOperator = .notEqual
            case "<": comparisonOperator = .less
            case ">": comparisonOperator = .greater
            case "<=": comparisonOperator = .lessOrEqual
            case ">=": comparisonOperator = .greaterOrEqual
            default: comparisonOperator = .contains
            }
            return .comparison(left, comparisonOperator, right)
        }
        return .value(left)
    }
}

func describe(_ token: ExpressionToken) -> String {
    switch token {
    case .identifier(let s): return "'\(s)'"
    case .string(let s): return "'\"\(s)\"'"
    case .integer(let i): return "'\(i)'"
    case .float(let d): return "'\(d)'"
    case .comparison(let s): return "'\(s)'"
    case .dot: return "'.'"
    case .dotDot: return "'..'"
    case .openSquare: return "'['"
    case .closeSquare: return "']'"
    case .openParen: return "'('"
    case .closeParen: return "')'"
    case .pipe: return "'|'"
    case .colon: return "':'"
    case .comma: return "','"
    case .equals: return "'='"
    case .question: return "'?'"
    case .end: return "end of expression"
    }
}
