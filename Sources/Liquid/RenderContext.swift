import Foundation

/// Counters shared by a render and every partial it renders.
final class RenderBudget {
    var loopIterations = 0
    let maxLoopIterations: Int
    let maxOutputBytes: Int

    init(maxLoopIterations: Int, maxOutputBytes: Int) {
        self.maxLoopIterations = maxLoopIterations
        self.maxOutputBytes = maxOutputBytes
    }
}

enum Interrupt {
    case none
    case breakLoop
    case continueLoop
}

/// Per-render state: scopes, counters, registers, the include chain. Never shared between threads.
final class RenderContext {
    let engine: LiquidEngine
    let configuration: LiquidConfiguration
    /// scopes[0] is the template's own scope (`assign` writes there); the last is the innermost.
    var scopes: [[String: LiquidValue]]
    /// The variables the render was given; `increment`/`decrement` counters live here too.
    var environment: [String: LiquidValue]
    let budget: RenderBudget
    var interrupt: Interrupt = .none
    var file: String
    private(set) var rootFile: String
    /// `increment`/`decrement` counters; separate from variables of the same name set by `assign`.
    var counters: [String: Int] = [:]
    var includeChain: [LiquidLocation] = []
    var includeDepth = 0
    /// Inside `render`: `include` is not allowed.
    var isolated = false
    var cycles: [String: Int] = [:]
    /// What the last `ifchanged` rendered.
    var lastIfChanged: String?
    var forOffsets: [String: Int] = [:]
    var forloops: [ForloopDrop] = []
    /// Records which template line each output line came from, when the caller asked (`render(_:_:origins:)`).
    var origins: OriginRecorder?
    /// Above 0 while nodes render into a buffer that is not the output (`capture`, a host block's body).
    var sideBuffers = 0

    init(engine: LiquidEngine, environment: [String: LiquidValue], file: String, budget: RenderBudget) {
        self.engine = engine
        self.configuration = engine.configuration
        self.scopes = [[:]]
        self.environment = environment
        self.file = file
        self.rootFile = file
        self.budget = budget
    }

    /// A context for `render`: same engine and budget, no variables of the caller.
    func isolatedChild(file: String) -> RenderContext {
        let child = RenderContext(engine: engine, environment: environment, file: file, budget: budget)
        child.rootFile = rootFile
        child.includeChain = includeChain
        child.includeDepth = includeDepth
        child.isolated = true
        return child
    }

    // MARK: - Variables

    @inline(__always) func variable(_ name: String) -> LiquidValue? {
        var i = scopes.count - 1
        while i >= 0 {
            if let value = scopes[i][name] { return value }
            i -= 1
        }
        if !counters.isEmpty, let counter = counters[name] { return .int(counter) }
        if let value = environment[name] { return value }
        return name == "self" ? .drop(selfDrop) : nil
    }

    /// What `self` reads, one per context so that `self == self`.
    private lazy var selfDrop = SelfDrop(self)

    func assign(_ name: String, _ value: LiquidValue) {
        scopes[0][name] = value
    }

    func setLocal(_ name: String, _ value: LiquidValue) {
        scopes[scopes.count - 1][name] = value
    }

    // MARK: - Evaluation

    func evaluate(_ expression: Expression) throws(LiquidError) -> LiquidValue {
        switch expression {
        case .literal(let value):
            return value
        case .variable(let name, let path):
            guard var value = variable(name) else {
                if configuration.strictVariables {
                    throw LiquidError(id: "liquid.undefined-variable", message: "undefined variable \(name)")
                }
                return .nil_
            }
            for lookup in path {
                guard let next = try self.lookup(value, lookup) else {
                    if configuration.strictVariables {
                        throw LiquidError(id: "liquid.undefined-variable", message: "undefined variable \(name)")
                    }
                    return .nil_
                }
                value = next
            }
            return value
        case .dynamicVariable(let nameExpression, let path):
            let name = try evaluate(nameExpression)
            guard var value = variable(name.liquidString) else { return .nil_ }
            for lookup in path {
                guard let next = try self.lookup(value, lookup) else { return .nil_ }
                value = next
            }
            return value
        case .range(let startExpression, let endExpression):
            let start = try rangeBound(try evaluate(startExpression), literal: startExpression.isLiteral)
            let end = try rangeBound(try evaluate(endExpression), literal: endExpression.isLiteral)
            return .drop(RangeDrop(lower: start, upper: end))
        case .empty:
            return .string("")
        case .blank:
            return .string("")
        }
    }

    /// Ruby's `RangeLookup`: integers, nil and strings (`to_i`); a float only when written in the template.
    private func rangeBound(_ value: LiquidValue, literal: Bool) throws(LiquidError) -> Int {
        switch value.materialized {
        case .int(let i): return i
        case .double(let d) where literal || d == d.rounded(.towardZero): return clampedInt(d)
        case .string, .nil_: return try rubyToInteger(value)  // Ruby's range bounds: `"abc".to_i` is 0
        default: throw LiquidError(id: "liquid.argument", message: "invalid integer")
        }
    }

    func lookup(_ base: LiquidValue, _ lookup: Lookup) throws(LiquidError) -> LiquidValue? {
        switch lookup {
        case .key(let key, let command):
            switch base {
            case .object(let object):
                if let value = object[key] { return value }
                if command {
                    if key == "size" { return .int(object.count) }
                    if key == "first", let k = object.keys.sorted().first { return .array([.string(k), object[k]!]) }
                }
                return nil
            case .array(let array):
                guard command else { return nil }
                switch key {
                case "size": return .int(array.count)
                case "first": return array.first ?? .nil_
                default: return array.last ?? .nil_
                }
            case .string(let string):
                guard command else { return nil }
                // `first` and `last` of a string are its first and last characters (ActiveSupport's, in Ruby).
                switch key {
                case "size": return .int(string.count)
                case "first": return .string(string.first.map { String($0) } ?? "")
                default: return .string(string.last.map { String($0) } ?? "")
                }
            case .drop(let drop):
                if let value = try drop.liquidLookup(key) { return value }
                if command {
                    // A hash has `size` and `first` (its first pair) but no `last`.
                    if key == "last", drop.isHash { return nil }
                    if let array = drop.liquidArray {
                        return try self.lookup(.array(array), lookup)
                    }
                    if let materialized = drop.liquidMaterialized { return try self.lookup(materialized, lookup) }
                }
                return nil
            default:
                return nil
            }
        case .index(let expression):
            let key = try evaluate(expression).materialized
            switch base {
            case .array(let array):
                let index: Int
                switch key {
                case .int(let i): index = i
                case .double(let d) where d.isFinite: index = clampedInt(d)
                default: return nil
                }
                let resolved = index < 0 ? saturatingAdd(array.count, index) : index
                return resolved >= 0 && resolved < array.count ? array[resolved] : nil
            case .object(let object):
                switch key {
                case .string(let s): return object[s]
                case .int, .double, .bool: return object[key.liquidString]
                default: return nil
                }
            case .drop(let drop):
                if case .drop = key { return nil }
                if let value = try drop.liquidLookup(key.liquidString) { return value }
                if let array = drop.liquidArray { return try self.lookup(.array(array), lookup) }
                return nil
            default:
                return nil
            }
        }
    }

    func evaluate(_ filtered: FilteredExpression) throws(LiquidError) -> LiquidValue {
        var value = try evaluate(filtered.expression)
        for call in filtered.filters {
            var arguments: [LiquidValue] = []
            arguments.reserveCapacity(call.arguments.count)
            for argument in call.arguments { arguments.append(try evaluate(argument)) }
            var named: [String: LiquidValue] = [:]
            for (key, argument) in call.namedArguments { named[key] = try evaluate(argument) }
            value = try call.function(value, arguments, named, self)
        }
        return value
    }

    // MARK: - Conditions

    /// `a and rest` is false when `a` is; `a or rest` is true when `a` is; otherwise the value of `rest`.
    func test(_ condition: Condition) throws(LiquidError) -> Bool {
        let last = condition.terms.count - 1
        for index in 0..<last {
            let value = try test(condition.terms[index])
            if condition.joinsWithAnd[index] {
                if !value { return false }
            } else if value {
                return true
            }
        }
        return try test(condition.terms[last])
    }

    func test(_ term: ConditionTerm) throws(LiquidError) -> Bool {
        switch term {
        case .value(let expression):
            return try evaluate(expression).isTruthy
        case .comparison(let left, let op, let right):
            return try compare(left, op, right)
        }
    }

    func compare(_ leftExpression: Expression, _ op: ComparisonOperator, _ rightExpression: Expression)
        throws(LiquidError) -> Bool
    {
        if op == .equal || op == .notEqual {
            var special: Expression?
            var other: Expression = rightExpression
            if case .empty = leftExpression {
                special = leftExpression
            } else if case .blank = leftExpression {
                special = leftExpression
            } else if case .empty = rightExpression {
                special = rightExpression
                other = leftExpression
            } else if case .blank = rightExpression {
                special = rightExpression
                other = leftExpression
            }
            if let special {
                let value = try evaluate(other).materialized
                let result: Bool
                // `blank == blank`, `empty == empty` and `blank == empty` are false in Ruby: neither literal has
                // the other's `blank?`/`empty?`.
                switch (special, other) {
                case (_, .empty), (_, .blank): result = false
                case (.empty, _): result = value.isEmptyValue
                default: result = value.isBlankValue
                }
                return op == .equal ? result : !result
            }
        }
        let left = try evaluate(leftExpression).materialized
        let right = try evaluate(rightExpression).materialized
        return try compareValues(left, op, right)
    }

    func compareValues(_ left: LiquidValue, _ op: ComparisonOperator, _ right: LiquidValue) throws(LiquidError)
        -> Bool
    {
        switch op {
        case .equal: return left == right
        case .notEqual: return left != right
        case .contains:
            switch left {
            case .string(let s):
                if case .nil_ = right { return false }
                let needle = right.liquidString
                return needle.isEmpty || s.contains(needle)
            case .array(let a):
                if case .nil_ = right { return false }
                return a.contains(right)
            case .object(let o):
                if case .nil_ = right { return false }
                return o[right.liquidString] != nil
            case .drop(let d):
                if let a = d.liquidArray { return a.contains(right) }
                return false
            default: return false
            }
        default:
            let ordering: Int
            switch (left, right) {
            case (.int(let a), .int(let b)): ordering = a < b ? -1 : (a > b ? 1 : 0)
            case (.int, .double), (.double, .int), (.double, .double):
                let a = numericDouble(left)
                let b = numericDouble(right)
                ordering = a < b ? -1 : (a > b ? 1 : 0)
            case (.string(let a), .string(let b)): ordering = a < b ? -1 : (a > b ? 1 : 0)
            case (.int, .string), (.double, .string), (.string, .int), (.string, .double):
                throw LiquidError(
                    id: "liquid.argument",
                    message: "comparison of \(left.typeName) with \(rubyComparand(right)) failed")
            default:
                return false
            }
            switch op {
            case .less: return ordering < 0
            case .greater: return ordering > 0
            case .lessOrEqual: return ordering <= 0
            default: return ordering >= 0
            }
        }
    }

    private func rubyComparand(_ value: LiquidValue) -> String {
        switch value {
        case .int, .double: return value.liquidString
        default: return value.typeName
        }
    }

    // MARK: - Limits

    @inline(__always) func countIterations(_ n: Int) throws(LiquidError) {
        budget.loopIterations = saturatingAdd(budget.loopIterations, n)
        if budget.loopIterations > budget.maxLoopIterations {
            throw LiquidError(
                id: "liquid.loop-limit",
                message: "Loop iteration limit of \(budget.maxLoopIterations) exceeded")
        }
    }

    /// Values kept in variables count against the output limit too, so doubling a string in a loop stops.
    func checkSize(_ value: LiquidValue) throws(LiquidError) {
        let size: Int
        switch value {
        case .string(let s): size = s.utf8.count
        case .array(let a): size = a.count
        default: return
        }
        if size > budget.maxOutputBytes {
            throw LiquidError(
                id: "liquid.output-limit",
                message: "Memory limits exceeded: a variable is over \(budget.maxOutputBytes) bytes")
        }
    }

    /// Fills in position and include chain of an error raised without them.
    func locate(_ error: LiquidError, line: Int, column: Int) -> LiquidError {
        guard error.location.line == 0 else { return error }
        var located = error
        located.location = LiquidLocation(file: file, line: line, column: column)
        located.includeChain = includeChain
        return located
    }
}

func numericDouble(_ value: LiquidValue) -> Double {
    switch value {
    case .int(let i): return Double(i)
    case .double(let d): return d
    default: return 0
    }
}
