/// A compiled expression: a literal, a variable path, a range.
indirect enum Expression: Sendable {
    case literal(LiquidValue)
    case variable(String, [Lookup])
    /// `[expr]` at the start of a path: the variable whose name the expression gives.
    case dynamicVariable(Expression, [Lookup])
    case range(Expression, Expression)
    /// The `empty` and `blank` literals, which compare specially.
    case empty
    case blank

    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}

enum Lookup: Sendable {
    /// `.name` (command: `size`/`first`/`last` written with a dot) or `["name"]`.
    case key(String, command: Bool)
    case index(Expression)
}

/// A filter call compiled against the engine's filter table.
struct FilterCall: Sendable {
    let name: String
    let function: InternalFilter
    let arguments: [Expression]
    let namedArguments: [(String, Expression)]
}

/// Standard filters see the render context (for `date`'s clock, `where_exp`, the site URLs).
typealias InternalFilter =
    @Sendable (LiquidValue, [LiquidValue], [String: LiquidValue], RenderContext) throws(LiquidError) -> LiquidValue

/// An expression with its filters: what `{{ }}`, `echo` and `assign` evaluate.
struct FilteredExpression: Sendable {
    let expression: Expression
    let filters: [FilterCall]
}

/// A condition of `if`, `unless`, `elsif`: terms joined by `and`/`or`, grouped from the right
/// (`a and b or c` is `a and (b or c)`), kept flat so long chains need no recursion.
struct Condition: Sendable {
    var terms: [ConditionTerm]
    /// `joinsWithAnd[i]` joins `terms[i]` and `terms[i + 1]`: true for `and`, false for `or`.
    var joinsWithAnd: [Bool]
}

enum ConditionTerm: Sendable {
    case value(Expression)
    case comparison(Expression, ComparisonOperator, Expression)
}

enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case greater = ">"
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case contains = "contains"
}
