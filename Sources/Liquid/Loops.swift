/// `for item in collection reversed limit: n offset: m` … `else` … `endfor`.
struct ForNode: Node {
    let variable: String
    let collection: Expression
    /// `variable-collection markup`: the key of `offset: continue` and the forloop's name.
    let loopName: String
    let reversed: Bool
    let limit: Expression?
    let offset: Expression?
    let offsetContinue: Bool
    let body: [any Node]
    let elseBody: [any Node]?
    var isBlank = false
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let source = try context.evaluate(collection)
        let range = RangeDrop.from(source)
        var elements: [LiquidValue] = range == nil ? source.iterationElements : []
        let total = range?.count ?? elements.count
        let from: Int
        if offsetContinue {
            from = context.forOffsets[loopName] ?? 0
        } else if let offset {
            // An offset that is nil (undefined) is 0.
            let value = try context.evaluate(offset)
            from = value.isNil ? 0 : try integerArgument(value)
        } else {
            from = 0
        }
        var to: Int? = nil
        if let limit {
            let value = try context.evaluate(limit)
            if !value.isNil { to = saturatingAdd(from, try integerArgument(value)) }
        }
        let (start, end) = sliceBounds(from: from, to: to, count: total)
        if let range {
            // Ranges are materialised only after the slice is known to fit the loop budget.
            try context.countIterations(end - start)
            if end > start { elements = (range.lower + start...range.lower + (end - 1)).map { .int($0) } }
        } else {
            if start != 0 || end != elements.count { elements = Array(elements[start..<end]) }
            try context.countIterations(elements.count)
        }
        context.forOffsets[loopName] = saturatingAdd(from, elements.count)
        if reversed { elements.reverse() }
        if elements.isEmpty {
            if let elseBody { try renderNodes(elseBody, context, &output) }
            return
        }
        let forloop = ForloopDrop(name: loopName, length: elements.count, parent: context.forloops.last)
        context.forloops.append(forloop)
        context.scopes.append(["forloop": .drop(forloop)])
        let scope = context.scopes.count - 1
        defer {
            context.scopes.removeLast()
            context.forloops.removeLast()
        }
        for element in elements {
            context.scopes[scope][variable] = element
            try renderNodes(body, context, &output)
            forloop.index += 1
            if context.interrupt != .none {
                let stop = context.interrupt == .breakLoop
                context.interrupt = .none
                if stop { break }
            }
        }
    }
}

/// `tablerow item in collection cols: n limit: n offset: n`.
struct TablerowNode: Node {
    let variable: String
    let collection: Expression
    let cols: Expression?
    let limit: Expression?
    let offset: Expression?
    let body: [any Node]
    let line: Int
    let column: Int

    func render(_ context: RenderContext, _ output: inout String) throws(LiquidError) {
        let source = try context.evaluate(collection)
        // A missing (nil or false) collection renders nothing at all.
        if !source.isTruthy { return }
        if let range = RangeDrop.from(source) { try context.countIterations(range.count) }
        var elements = source.iterationElements
        // Ruby's tablerow reads its attributes with `to_i`: nil and words are 0, `true` is an error.
        let from = try offset.map { (e) throws(LiquidError) in try rubyToInteger(try context.evaluate(e)) } ?? 0
        let to = try limit.map { (e) throws(LiquidError) in
            saturatingAdd(from, try rubyToInteger(try context.evaluate(e)))
        }
        // A string is one item, whatever the offset and limit (Ruby's `slice_collection`).
        if case .string = source.materialized {
        } else {
            let (start, end) = sliceBounds(from: from, to: to, count: elements.count)
            elements = Array(elements[start..<end])
        }
        // Without `cols`, one row; `cols` of 0 or less never wraps.
        let columns =
            try cols.map { (e) throws(LiquidError) in try rubyToInteger(try context.evaluate(e)) } ?? elements.count
        try context.countIterations(elements.count)
        let loop = TablerowloopDrop(length: elements.count, columns: columns)
        context.scopes.append(["tablerowloop": .drop(loop)])
        let scope = context.scopes.count - 1
        defer { context.scopes.removeLast() }
        output += "<tr class=\"row1\">\n"
        for (index, element) in elements.enumerated() {
            loop.index = index
            context.scopes[scope][variable] = element
            output += "<td class=\"col\(loop.col)\">"
            try renderNodes(body, context, &output)
            output += "</td>"
            if context.interrupt != .none {
                let stop = context.interrupt == .breakLoop
                context.interrupt = .none
                if stop { break }
            }
            if columns > 0 && loop.col == columns && index != elements.count - 1 {
                output += "</tr>\n<tr class=\"row\(loop.row + 1)\">"
            }
        }
        output += "</tr>\n"
    }
}

/// The part of a collection `offset`/`limit` select: `from` up to `to` (exclusive), clamped to `0...count`.
func sliceBounds(from: Int, to: Int?, count: Int) -> (Int, Int) {
    let start = min(max(from, 0), count)
    return (start, min(max(to ?? count, start), count))
}

/// Ruby's `to_integer` for loop and filter arguments.
func integerArgument(_ value: LiquidValue) throws(LiquidError) -> Int {
    switch value.materialized {
    case .int(let i): return i
    case .double(let d) where d.isFinite: return clampedInt(d)
    case .string(let s):
        let trimmed = s.trimmingWhitespace
        if let i = Int(trimmed) { return i }
        // Ruby's integers have no bounds: past Int's, the nearest bound.
        let signed = trimmed.hasPrefix("-") || trimmed.hasPrefix("+")
        let digits = signed ? trimmed.utf8.dropFirst() : trimmed.utf8[...]
        if !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return trimmed.hasPrefix("-") ? Int.min : Int.max
        }
        if let d = Double(trimmed), d.isFinite, trimmed.contains(".") { return clampedInt(d) }
        throw LiquidError(id: "liquid.argument", message: "invalid integer")
    case .nil_: throw LiquidError(id: "liquid.argument", message: "invalid integer")
    default: throw LiquidError(id: "liquid.argument", message: "invalid integer")
    }
}

/// Ruby's `to_i`: the leading integer of a string (0 when there is none), a float truncated, nil 0; anything
/// else has no `to_i` ("invalid integer").
func rubyToInteger(_ value: LiquidValue) throws(LiquidError) -> Int {
    switch value.materialized {
    case .int(let i): return i
    case .double(let d): return d.isFinite ? clampedInt(d) : 0
    case .string(let s):
        let bytes = Array(s.utf8.drop(while: isSpace))
        var at = 0
        if at < bytes.count, bytes[at] == 0x2D || bytes[at] == 0x2B { at += 1 }
        let start = at
        while at < bytes.count, bytes[at] >= 0x30 && bytes[at] <= 0x39 { at += 1 }
        guard at > start else { return 0 }
        let text = String(decoding: bytes[0..<at], as: UTF8.self)
        return Int(text) ?? (bytes[0] == 0x2D ? Int.min : Int.max)
    case .nil_: return 0
    default: throw LiquidError(id: "liquid.argument", message: "invalid integer")
    }
}

/// The `forloop` object. Mutable, but lives only inside one render.
final class ForloopDrop: LiquidDrop, @unchecked Sendable {
    let name: String
    let length: Int
    let parent: ForloopDrop?
    var index = 0

    init(name: String, length: Int, parent: ForloopDrop?) {
        self.name = name
        self.length = length
        self.parent = parent
    }

    func liquidValue(forKey key: String) -> LiquidValue? {
        switch key {
        case "name": return .string(name)
        case "parentloop": return parent.map { .drop($0) } ?? .nil_
        default: return loopPositionValue(key, index: index, length: length)
        }
    }
}

/// The position properties `forloop` and `tablerowloop` share (`index`, `index0`, `rindex`, `rindex0`, `first`,
/// `last`, `length`); nil for any other key.
func loopPositionValue(_ key: String, index: Int, length: Int) -> LiquidValue? {
    switch key {
    case "index": return .int(index + 1)
    case "index0": return .int(index)
    case "rindex": return .int(length - index)
    case "rindex0": return .int(length - index - 1)
    case "first": return .bool(index == 0)
    case "last": return .bool(index == length - 1)
    case "length": return .int(length)
    default: return nil
    }
}

/// The `tablerowloop` object.
final class TablerowloopDrop: LiquidDrop, @unchecked Sendable {
    let length: Int
    let columns: Int
    var index = 0

    init(length: Int, columns: Int) {
        self.length = length
        self.columns = columns
    }

    var col: Int { columns > 0 ? index % columns + 1 : index + 1 }
    var row: Int { columns > 0 ? index / columns + 1 : 1 }

    func liquidValue(forKey key: String) -> LiquidValue? {
        if let position = loopPositionValue(key, index: index, length: length) { return position }
        switch key {
        case "col": return .int(col)
        case "col0": return .int(col - 1)
        case "col_first": return .bool(col == 1)
        case "col_last": return .bool(col == columns)
        case "row": return .int(row)
        default: return nil
        }
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace (Ruby's `strip`).
    var trimmingWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }
}

/// A range literal `(a..b)`: iterates its integers, renders as `a..b`.
extension LiquidValue {
    /// The range `(lower..upper)`, as a template's range literal makes it.
    public static func range(_ lower: Int, _ upper: Int) -> LiquidValue { .drop(RangeDrop(lower: lower, upper: upper)) }
}

final class RangeDrop: LiquidDrop {
    let lower: Int
    let upper: Int

    init(lower: Int, upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    static func from(_ value: LiquidValue) -> RangeDrop? {
        if case .drop(let drop) = value { return drop as? RangeDrop }
        return nil
    }

    var count: Int { upper >= lower ? saturatingAdd(saturatingSubtract(upper, lower), 1) : 0 }

    func liquidValue(forKey key: String) -> LiquidValue? {
        switch key {
        case "first": return .int(lower)
        case "last": return .int(upper)
        case "size": return .int(count)
        default: return nil
        }
    }

    /// Empty beyond a million elements: loops check their budget before asking.
    var liquidArray: [LiquidValue]? { count > 1_000_000 || count == 0 ? [] : (lower...upper).map { .int($0) } }
    var liquidDisplay: String? { "\(lower)..\(upper)" }
}
