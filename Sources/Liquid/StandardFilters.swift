import Foundation

// MARK: - Coercions shared by filters

/// Ruby's `Utils.to_number`: numbers stay, `"1.5"` is a float, other strings read their leading integer.
func toNumber(_ value: LiquidValue) -> LiquidValue {
    switch value {
    case .int, .double: return value
    case .string(let s): return numberFromString(s)
    case .drop(let d):
        if let m = d.liquidMaterialized { return toNumber(m) }
        return .int(0)
    default: return .int(0)
    }
}

func numberFromString(_ s: String) -> LiquidValue {
    let trimmed = s.trimmingWhitespace
    let bytes = Array(trimmed.utf8)
    var i = 0
    if i < bytes.count && (bytes[i] == 0x2D || bytes[i] == 0x2B) { i += 1 }
    let digitsStart = i
    while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
    let intEnd = i
    if intEnd > digitsStart && i + 1 < bytes.count && bytes[i] == 0x2E && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 {
        i += 1
        while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        if i == bytes.count, let d = Double(trimmed) { return .double(d) }
    }
    if intEnd == digitsStart { return .int(0) }
    let text = String(decoding: bytes[0..<intEnd], as: UTF8.self)
    if let v = Int(text) { return .int(v) }
    return .double(Double(text) ?? 0)
}

func filterError(_ message: String) -> LiquidError {
    LiquidError(id: "liquid.argument", message: message)
}

/// Ruby's `to_s` as filters see it (arrays and hashes inspect).
func stringValue(_ value: LiquidValue) -> String {
    switch value {
    case .string(let s): return s
    case .array, .object: return value.inspect
    default: return value.liquidString
    }
}

/// Liquid's `InputIterator`: arrays flattened, a hash or a scalar as a one-element list, nil as empty.
func inputArray(_ value: LiquidValue) -> [LiquidValue] {
    switch value {
    case .nil_: return []
    case .array(let a):
        if !a.contains(where: { if case .array = $0 { return true } else { return false } }) { return a }
        var flat: [LiquidValue] = []
        func add(_ v: LiquidValue) {
            if case .array(let inner) = v { inner.forEach(add) } else { flat.append(v) }
        }
        a.forEach(add)
        return flat
    case .drop(let d):
        // A drop that stands for a hash has pairs to iterate, but is one item here.
        if let a = d.liquidArray { return d.isHash ? [value] : a }
        return [value]
    default: return [value]
    }
}

func argument(_ arguments: [LiquidValue], _ index: Int) -> LiquidValue {
    index < arguments.count ? arguments[index] : .nil_
}

func decimal(_ value: LiquidValue) -> Decimal {
    switch value {
    case .int(let i): return Decimal(i)
    case .double(let d): return Decimal(string: formatDouble(d)) ?? Decimal(d)
    default: return 0
    }
}

func doubleFromDecimal(_ d: Decimal) -> Double {
    Double(d.description) ?? NSDecimalNumber(decimal: d).doubleValue
}

/// Ruby's `<=>` for sorting: numbers with numbers, strings with strings, nil otherwise.
func spaceship(_ a: LiquidValue, _ b: LiquidValue) -> Int? {
    switch (a.materialized, b.materialized) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.int, .double), (.double, .int), (.double, .double):
        let x = numericDouble(a.materialized)
        let y = numericDouble(b.materialized)
        return x < y ? -1 : (x > y ? 1 : 0)
    case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.bool(let x), .bool(let y)) where x == y: return 0
    case (.nil_, .nil_): return 0
    default: return nil
    }
}

func nilSafeCompare(_ a: LiquidValue, _ b: LiquidValue) throws(LiquidError) -> Int {
    if let result = spaceship(a, b) { return result }
    if a.isNil { return 1 }
    if b.isNil { return -1 }
    throw filterError("comparison of \(a.typeName) with \(b.typeName) failed")
}

func sortValues(_ values: [LiquidValue], by compare: (LiquidValue, LiquidValue) throws(LiquidError) -> Int)
    throws(LiquidError) -> [LiquidValue]
{
    // A stable merge sort that can throw.
    if values.count < 2 { return values }
    var items = values
    var buffer = values
    var width = 1
    while width < items.count {
        var start = 0
        while start < items.count {
            let mid = min(start + width, items.count)
            let end = min(start + 2 * width, items.count)
            var i = start
            var j = mid
            var k = start
            while i < mid && j < end {
                if try compare(items[j], items[i]) < 0 {
                    buffer[k] = items[j]
                    j += 1
                } else {
                    buffer[k] = items[i]
                    i += 1
                }
                k += 1
            }
            while i < mid {
                buffer[k] = items[i]
                i += 1
                k += 1
            }
            while j < end {
                buffer[k] = items[j]
                j += 1
                k += 1
            }
            start += 2 * width
        }
        swap(&items, &buffer)
        width *= 2
    }
    return items
}

func propertyOf(_ item: LiquidValue, _ property: String) -> LiquidValue {
    switch item {
    case .object(let o): return o[property] ?? .nil_
    case .drop(let d): return d.liquidValue(forKey: property) ?? .nil_
    case .string(let s):
        // Ruby's `String#[]` with a string: the substring when present.
        return !property.isEmpty && s.contains(property) ? .string(property) : .nil_
    default: return .nil_
    }
}

/// Property paths `a.b` as Jekyll's filters read them.
func propertyPath(_ item: LiquidValue, _ path: String) -> LiquidValue {
    if !path.contains(".") { return propertyOf(item, path) }
    var value = item
    for part in path.split(separator: ".") { value = propertyOf(value, String(part)) }
    return value
}

// MARK: - The table

struct FilterRegistry {
    var table: [String: InternalFilter] = [:]
    mutating func add(_ name: String, _ filter: @escaping InternalFilter) { table[name] = filter }
}

func standardFilters() -> [String: InternalFilter] {
    var f = FilterRegistry()

    // Strings
    f.add("append") { input, args, named, context throws(LiquidError) in
        .string(stringValue(input) + stringValue(argument(args, 0)))
    }
    f.add("prepend") { input, args, named, context throws(LiquidError) in
        .string(stringValue(argument(args, 0)) + stringValue(input))
    }
    f.add("upcase") { input, args, named, context throws(LiquidError) in .string(stringValue(input).uppercased()) }
    f.add("downcase") { input, args, named, context throws(LiquidError) in .string(stringValue(input).lowercased()) }
    f.add("capitalize") { input, args, named, context throws(LiquidError) in
        let s = stringValue(input)
        guard let first = s.first else { return .string("") }
        return .string(first.uppercased() + s.dropFirst().lowercased())
    }
    f.add("strip") { input, args, named, context throws(LiquidError) in .string(stringValue(input).trimmingWhitespace) }
    f.add("lstrip") { input, args, named, context throws(LiquidError) in
        .string(String(stringValue(input).drop(while: { $0.isWhitespace })))
    }
    f.add("rstrip") { input, args, named, context throws(LiquidError) in
        var s = Substring(stringValue(input))
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return .string(String(s))
    }
    f.add("strip_newlines") { input, args, named, context throws(LiquidError) in
        .string(stringValue(input).replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: "\n", with: ""))
    }
    f.add("newline_to_br") { input, args, named, context throws(LiquidError) in
        .string(
            stringValue(input).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                of: "\n", with: "<br />\n"))
    }
    f.add("replace") { input, args, named, context throws(LiquidError) in
        let target = stringValue(argument(args, 0))
        let replacement = stringValue(argument(args, 1))
        let s = stringValue(input)
        if target.isEmpty { return .string(insertEverywhere(s, replacement)) }
        return .string(s.replacingOccurrences(of: target, with: replacement))
    }
    f.add("replace_first") { input, args, named, context throws(LiquidError) in
        .string(replaceFirst(stringValue(input), stringValue(argument(args, 0)), stringValue(argument(args, 1))))
    }
    f.add("replace_last") { input, args, named, context throws(LiquidError) in
        .string(replaceLast(stringValue(input), stringValue(argument(args, 0)), stringValue(argument(args, 1))))
    }
    f.add("remove") { input, args, named, context throws(LiquidError) in
        let target = stringValue(argument(args, 0))
        if target.isEmpty { return .string(stringValue(input)) }
        return .string(stringValue(input).replacingOccurrences(of: target, with: ""))
    }
    f.add("remove_first") { input, args, named, context throws(LiquidError) in
        .string(replaceFirst(stringValue(input), stringValue(argument(args, 0)), ""))
    }
    f.add("remove_last") { input, args, named, context throws(LiquidError) in
        .string(replaceLast(stringValue(input), stringValue(argument(args, 0)), ""))
    }
    f.add("truncate") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        let s = stringValue(input)
        let length = args.isEmpty ? 50 : try integerArgument(args[0])
        let ellipsis = args.count > 1 ? stringValue(args[1]) : "..."
        let characters = Array(s)
        if characters.count <= length { return .string(s) }
        let keep = max(saturatingSubtract(length, ellipsis.count), 0)
        return .string(String(characters[0..<min(keep, characters.count)]) + ellipsis)
    }
    f.add("truncatewords") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        let s = stringValue(input)
        var count = args.isEmpty ? 15 : try integerArgument(args[0])
        if count <= 0 { count = 1 }
        let ellipsis = args.count > 1 ? stringValue(args[1]) : "..."
        let words = asciiWords(s)
        if words.count <= count { return .string(s) }
        return .string(words.prefix(count).joined(separator: " ") + ellipsis)
    }
    f.add("split") { input, args, named, context throws(LiquidError) in
        .array(rubySplit(stringValue(input), stringValue(argument(args, 0))).map { .string($0) })
    }
    f.add("escape") { input, args, named, context throws(LiquidError) in
        input.isNil ? .nil_ : .string(escapeHTML(stringValue(input)))
    }
    f.table["h"] = f.table["escape"]
    f.add("escape_once") { input, args, named, context throws(LiquidError) in .string(escapeOnce(stringValue(input))) }
    f.add("url_encode") { input, args, named, context throws(LiquidError) in
        input.isNil ? .nil_ : .string(cgiEscape(stringValue(input)))
    }
    f.add("url_decode") { input, args, named, context throws(LiquidError) in
        if input.isNil { return .nil_ }
        return .string(percentDecode(stringValue(input).replacingOccurrences(of: "+", with: " ")))
    }
    f.add("strip_html") { input, args, named, context throws(LiquidError) in .string(stripHTML(stringValue(input))) }
    f.add("base64_encode") { input, args, named, context throws(LiquidError) in
        .string(Data(stringValue(input).utf8).base64EncodedString())
    }
    f.add("base64_decode") { input, args, named, context throws(LiquidError) in
        try base64Decode(stringValue(input), urlSafe: false)
    }
    f.add("base64_url_safe_encode") { input, args, named, context throws(LiquidError) in
        .string(
            Data(stringValue(input).utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_"))
    }
    f.add("base64_url_safe_decode") { input, args, named, context throws(LiquidError) in
        try base64Decode(stringValue(input), urlSafe: true)
    }
    f.add("slice") { input, args, named, context throws(LiquidError) in
        let offset = try integerArgument(argument(args, 0))
        let length = args.count > 1 ? try integerArgument(args[1]) : 1
        if case .array(let array) = input {
            return .array(rubySlice(array, offset, length) ?? [])
        }
        let characters = Array(stringValue(input))
        return .string(String(rubySlice(characters, offset, length) ?? []))
    }

    // Numbers
    f.add("plus") { input, args, named, context throws(LiquidError) in arithmetic(input, argument(args, 0), .add) }
    f.add("minus") { input, args, named, context throws(LiquidError) in arithmetic(input, argument(args, 0), .subtract)
    }
    f.add("times") { input, args, named, context throws(LiquidError) in arithmetic(input, argument(args, 0), .multiply)
    }
    f.add("divided_by") { input, args, named, context throws(LiquidError) in
        let a = toNumber(input)
        let b = toNumber(argument(args, 0))
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw filterError("divided by 0") }
            if x == Int.min && y == -1 { return .double(-Double(x)) }
            return .int(floorDivide(x, y))
        default:
            return .double(numericDouble(a) / numericDouble(b))
        }
    }
    f.add("modulo") { input, args, named, context throws(LiquidError) in
        let a = toNumber(input)
        let b = toNumber(argument(args, 0))
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw filterError("divided by 0") }
            if y == -1 { return .int(0) }
            let r = x % y
            return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        default:
            let x = decimal(a)
            let y = decimal(b)
            if y == 0 { return .double(.nan) }
            let xd = numericDouble(a)
            let yd = numericDouble(b)
            var q = (x / y)
            var floored = Decimal()
            NSDecimalRound(&floored, &q, 0, .down)
            if (xd / yd) < 0 && floored != q { floored -= 1 }
            return .double(doubleFromDecimal(x - y * floored))
        }
    }
    f.add("abs") { input, args, named, context throws(LiquidError) in
        switch toNumber(input) {
        case .int(let i): return .int(i == Int.min ? i : abs(i))
        case .double(let d): return .double(abs(d))
        default: return .int(0)
        }
    }
    f.add("ceil") { input, args, named, context throws(LiquidError) in roundToInteger(toNumber(input), .up) }
    f.add("floor") { input, args, named, context throws(LiquidError) in roundToInteger(toNumber(input), .down) }
    f.add("round") { input, args, named, context throws(LiquidError) in
        let number = toNumber(input)
        // A Decimal's exponent stays within ±128 and its digits within 38, so more places than that change nothing;
        // clamped, since Foundation's rounding traps on a scale beyond Int16 and loops over a huge one.
        let places = args.isEmpty ? 0 : min(max(try integerArgument(args[0]), -200), 200)
        if places == 0 || args.isEmpty { return roundToInteger(number, .plain) }
        guard case .double(let d) = number else { return number }
        if !d.isFinite { return number }
        var value = decimal(number)
        var result = Decimal()
        NSDecimalRound(&result, &value, places, .plain)
        return .double(doubleFromDecimal(result))
    }
    f.add("at_least") { input, args, named, context throws(LiquidError) in
        let a = toNumber(input)
        let b = toNumber(argument(args, 0))
        return numericDouble(a) < numericDouble(b) ? b : a
    }
    f.add("at_most") { input, args, named, context throws(LiquidError) in
        let a = toNumber(input)
        let b = toNumber(argument(args, 0))
        return numericDouble(a) > numericDouble(b) ? b : a
    }

    // Arrays
    f.add("size") { input, args, named, context throws(LiquidError) in
        // Ruby's `respond_to?(:size)`: a drop has a size only as a sequence or a hash.
        if case .drop(let d) = input {
            if let a = d.liquidArray { return .int(a.count) }
            if case .object(let o)? = d.liquidMaterialized { return .int(o.count) }
            return .int(0)
        }
        switch input {
        case .string(let s): return .int(s.count)
        case .array(let a): return .int(a.count)
        case .object(let o): return .int(o.count)
        case .drop(let d): return .int(d.liquidArray?.count ?? 0)
        case .int: return .int(8)
        default: return .int(0)
        }
    }
    f.add("first") { input, args, named, context throws(LiquidError) in
        switch input {
        case .string(let s): return .string(s.first.map { String($0) } ?? "")
        case .array(let a): return a.first ?? .nil_
        case .drop(let d): return d.liquidArray?.first ?? .nil_
        case .object(let o):
            guard let k = o.keys.sorted().first else { return .nil_ }
            return .array([.string(k), o[k]!])
        default: return .nil_
        }
    }
    f.add("last") { input, args, named, context throws(LiquidError) in
        switch input {
        case .string(let s): return .string(s.last.map { String($0) } ?? "")
        case .array(let a): return a.last ?? .nil_
        case .drop(let d): return d.isHash ? .nil_ : d.liquidArray?.last ?? .nil_
        default: return .nil_
        }
    }
    f.add("join") { input, args, named, context throws(LiquidError) in
        let glue = args.isEmpty ? " " : stringValue(args[0])
        if case .string = input { return input }
        return .string(inputArray(input).map { joinString($0) }.joined(separator: glue))
    }
    f.add("reverse") { input, args, named, context throws(LiquidError) in .array(inputArray(input).reversed()) }
    f.add("compact") { input, args, named, context throws(LiquidError) in
        let items = inputArray(input)
        if args.isEmpty || args[0].isNil { return .array(items.filter { !$0.isNil }) }
        let property = stringValue(args[0])
        return .array(items.filter { !propertyOf($0, property).isNil })
    }
    f.add("uniq") { input, args, named, context throws(LiquidError) in
        var seen: [LiquidValue] = []
        var keys: [LiquidValue] = []
        let property = args.isEmpty ? nil : stringValue(args[0])
        for item in inputArray(input) {
            let key = property.map { propertyOf(item, $0) } ?? item
            if !keys.contains(where: { $0 == key && $0.typeName == key.typeName }) {
                keys.append(key)
                seen.append(item)
            }
        }
        return .array(seen)
    }
    f.add("concat") { input, args, named, context throws(LiquidError) in
        guard case .array(let other) = argument(args, 0) else {
            throw filterError("concat filter requires an array argument")
        }
        return .array(inputArray(input) + inputArray(.array(other)))
    }
    f.add("map") { input, args, named, context throws(LiquidError) in
        let property = stringValue(argument(args, 0))
        var result: [LiquidValue] = []
        for item in inputArray(input) {
            switch item {
            case .object, .drop: result.append(propertyOf(item, property))
            case .nil_: result.append(.nil_)
            case .string: result.append(.nil_)
            default:
                throw filterError("cannot select the property '\(property)'")
            }
        }
        return .array(result)
    }
    f.add("sort") { input, args, named, context throws(LiquidError) in
        let items = inputArray(input)
        if args.isEmpty || args[0].isNil {
            do throws(LiquidError) {
                return .array(try sortValues(items, by: nilSafeCompare))
            } catch {
                throw filterError("cannot sort values: \(error.message)")
            }
        }
        let property = stringValue(args[0])
        return .array(
            try sortValues(items) { (a, b) throws(LiquidError) in
                try nilSafeCompare(propertyPath(a, property), propertyPath(b, property))
            })
    }
    f.add("sort_natural") { input, args, named, context throws(LiquidError) in
        let items = inputArray(input)
        let property = args.isEmpty || args[0].isNil ? nil : stringValue(args[0])
        return .array(
            try sortValues(items) { (a, b) throws(LiquidError) in
                let x = property.map { propertyPath(a, $0) } ?? a
                let y = property.map { propertyPath(b, $0) } ?? b
                if x.isNil && y.isNil { return 0 }
                if x.isNil { return 1 }
                if y.isNil { return -1 }
                let l = stringValue(x).lowercased()
                let r = stringValue(y).lowercased()
                return l < r ? -1 : (l > r ? 1 : 0)
            })
    }
    f.add("sum") { input, args, named, context throws(LiquidError) in
        let property = args.isEmpty || args[0].isNil ? nil : stringValue(args[0])
        var total: LiquidValue = .int(0)
        for item in inputArray(input) {
            let value = property.map { propertyOf(item, $0) } ?? item
            let number: LiquidValue
            switch value.materialized {
            case .int, .double: number = value.materialized
            case .string: number = toNumber(value)
            default: number = .int(0)
            }
            total = arithmetic(total, number, .add)
        }
        return total
    }
    f.add("where") { input, args, named, context throws(LiquidError) in
        let property = stringValue(argument(args, 0))
        let items = inputArray(input)
        if args.count < 2 { return .array(items.filter { propertyOf($0, property).isTruthy }) }
        let target = args[1]
        return .array(items.filter { whereMatches(propertyOf($0, property), target) })
    }
    f.add("reject") { input, args, named, context throws(LiquidError) in
        let property = stringValue(argument(args, 0))
        let items = inputArray(input)
        if args.count < 2 { return .array(items.filter { !propertyOf($0, property).isTruthy }) }
        let target = args[1]
        return .array(items.filter { !whereMatches(propertyOf($0, property), target) })
    }
    f.add("find") { input, args, named, context throws(LiquidError) in
        let property = stringValue(argument(args, 0))
        for item in inputArray(input) {
            let value = propertyOf(item, property)
            if args.count < 2 ? value.isTruthy : whereMatches(value, args[1]) { return item }
        }
        return .nil_
    }
    f.add("find_index") { input, args, named, context throws(LiquidError) in
        let property = stringValue(argument(args, 0))
        for (index, item) in inputArray(input).enumerated() {
            let value = propertyOf(item, property)
            if args.count < 2 ? value.isTruthy : whereMatches(value, args[1]) { return .int(index) }
        }
        return .nil_
    }
    f.add("has") { input, args, named, context throws(LiquidError) in
        let property = stringValue(argument(args, 0))
        for item in inputArray(input) {
            let value = propertyOf(item, property)
            if args.count < 2 ? value.isTruthy : whereMatches(value, args[1]) { return .bool(true) }
        }
        return .bool(false)
    }

    // Other
    f.add("default") { input, args, named, context throws(LiquidError) in
        let allowFalse = named["allow_false"]?.isTruthy ?? false
        let fallback = argument(args, 0)
        let value = input.materialized
        if allowFalse {
            if value.isNil { return fallback }
        } else if !value.isTruthy {
            return fallback
        }
        if value.isEmptyValue { return fallback }
        return input
    }
    f.add("date") { input, args, named, context throws(LiquidError) in
        let format = stringValue(argument(args, 0))
        if format.isEmpty { return input }
        guard let time = toTime(input, now: context.now) else { return input }
        return .string(strftime(format, time))
    }
    return f.table
}

// MARK: - Helpers

func whereMatches(_ value: LiquidValue, _ target: LiquidValue) -> Bool {
    let v = value.materialized
    let t = target.materialized
    if v == t { return true }
    if case .array(let a) = v { return a.contains(t) }
    return false
}

func joinString(_ value: LiquidValue) -> String {
    switch value {
    case .object: return value.inspect
    default: return value.liquidString
    }
}

func floorDivide(_ x: Int, _ y: Int) -> Int {
    let q = x / y
    return (x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q
}

enum ArithmeticOperation {
    case add, subtract, multiply
}

/// `plus`, `minus`, `times`: integers stay integers; floats are computed in decimal, as Ruby's BigDecimal.
func arithmetic(_ left: LiquidValue, _ right: LiquidValue, _ operation: ArithmeticOperation) -> LiquidValue {
    let a = toNumber(left)
    let b = toNumber(right)
    if case .int(let x) = a, case .int(let y) = b {
        let (result, overflow): (Int, Bool)
        switch operation {
        case .add: (result, overflow) = x.addingReportingOverflow(y)
        case .subtract: (result, overflow) = x.subtractingReportingOverflow(y)
        case .multiply: (result, overflow) = x.multipliedReportingOverflow(by: y)
        }
        if !overflow { return .int(result) }
    }
    let xd = numericDouble(a)
    let yd = numericDouble(b)
    if !xd.isFinite || !yd.isFinite || abs(xd) > 1e30 || abs(yd) > 1e30 {
        switch operation {
        case .add: return .double(xd + yd)
        case .subtract: return .double(xd - yd)
        case .multiply: return .double(xd * yd)
        }
    }
    let x = decimal(a)
    let y = decimal(b)
    switch operation {
    case .add: return .double(doubleFromDecimal(x + y))
    case .subtract: return .double(doubleFromDecimal(x - y))
    case .multiply: return .double(doubleFromDecimal(x * y))
    }
}

func roundToInteger(_ number: LiquidValue, _ mode: NSDecimalNumber.RoundingMode) -> LiquidValue {
    switch number {
    case .int: return number
    case .double(let d):
        if !d.isFinite { return number }
        switch mode {
        case .up: return .int(Int(exactly: d.rounded(.up)) ?? 0)
        case .down: return .int(Int(exactly: d.rounded(.down)) ?? 0)
        default:
            var value = decimal(number)
            var result = Decimal()
            NSDecimalRound(&result, &value, 0, .plain)
            return .int(NSDecimalNumber(decimal: result).intValue)
        }
    default: return .int(0)
    }
}

func rubySlice<T>(_ items: [T], _ offset: Int, _ length: Int) -> [T]? {
    let count = items.count
    let start = offset < 0 ? saturatingAdd(count, offset) : offset
    if start < 0 || start > count || length < 0 { return nil }
    let end = min(saturatingAdd(start, length), count)
    return Array(items[start..<end])
}

func rubySplit(_ s: String, _ pattern: String) -> [String] {
    if s.isEmpty { return [] }
    var parts: [String]
    if pattern == " " {
        return asciiWords(s).map(String.init)
    } else if pattern.isEmpty {
        return s.map { String($0) }
    } else {
        parts = s.components(separatedBy: pattern)
    }
    while let last = parts.last, last.isEmpty { parts.removeLast() }
    return parts
}

func replaceFirst(_ s: String, _ target: String, _ replacement: String) -> String {
    if target.isEmpty { return replacement + s }
    guard let range = s.range(of: target) else { return s }
    return s.replacingCharacters(in: range, with: replacement)
}

func replaceLast(_ s: String, _ target: String, _ replacement: String) -> String {
    if target.isEmpty { return s + replacement }
    guard let range = s.range(of: target, options: .backwards) else { return s }
    return s.replacingCharacters(in: range, with: replacement)
}

func insertEverywhere(_ s: String, _ insert: String) -> String {
    var out = insert
    for c in s {
        out.append(c)
        out += insert
    }
    return out
}

func escapeHTML(_ s: String) -> String {
    var needs = false
    for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 {
        needs = true
        break
    }
    if !needs { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// Escapes, leaving existing entities (`&amp;`, `&#39;`) as they are.
func escapeOnce(_ s: String) -> String {
    let chars = Array(s.unicodeScalars)
    var out = ""
    var i = 0
    while i < chars.count {
        let c = chars[i]
        switch c {
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "&":
            var j = i + 1
            var isEntity = false
            if j < chars.count && chars[j] == "#" {
                j += 1
                let start = j
                while j < chars.count && chars[j].properties.numericType != nil && chars[j].isASCII { j += 1 }
                isEntity = j > start && j < chars.count && chars[j] == ";"
            } else {
                let start = j
                while j < chars.count && chars[j].isASCII && chars[j].properties.isAlphabetic { j += 1 }
                isEntity = j > start && j < chars.count && chars[j] == ";"
            }
            out += isEntity ? "&" : "&amp;"
        default: out.unicodeScalars.append(c)
        }
        i += 1
    }
    return out
}

/// Ruby's `CGI.escape`: space as `+`, unreserved characters kept.
func cgiEscape(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
        switch b {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2E, 0x2D, 0x7E:
            out.unicodeScalars.append(Unicode.Scalar(b))
        case 0x20: out += "+"
        default: out += percentByte(b)
        }
    }
    return out
}

func percentByte(_ b: UInt8) -> String {
    let hex: [Character] = Array("0123456789ABCDEF")
    return "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0x0F)])
}

func percentDecode(_ s: String) -> String {
    var bytes: [UInt8] = []
    let input = Array(s.utf8)
    var i = 0
    func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
    while i < input.count {
        if input[i] == 0x25, i + 2 < input.count, let h = hexValue(input[i + 1]), let l = hexValue(input[i + 2]) {
            bytes.append(h << 4 | l)
            i += 3
        } else {
            bytes.append(input[i])
            i += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

func stripHTML(_ s: String) -> String {
    var out = ""
    var rest = Substring(s)
    func skipBlock(_ open: String, _ close: String) -> Bool {
        if rest.lowercased().hasPrefix(open), let end = rest.range(of: close, options: .caseInsensitive) {
            rest = rest[end.upperBound...]
            return true
        }
        return false
    }
    while let lt = rest.firstIndex(of: "<") {
        out += rest[..<lt]
        rest = rest[lt...]
        if skipBlock("<script", "</script>") || skipBlock("<style", "</style>") || skipBlock("<!--", "-->") { continue }
        if let gt = rest.firstIndex(of: ">") {
            rest = rest[rest.index(after: gt)...]
        } else {
            break
        }
    }
    out += rest
    return out
}

func base64Decode(_ s: String, urlSafe: Bool) throws(LiquidError) -> LiquidValue {
    var text = s
    if urlSafe {
        text = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.utf8.count % 4 != 0 { text += "=" }
    }
    guard let data = Data(base64Encoded: text) else { throw filterError("invalid base64 provided to base64_decode") }
    return .string(String(decoding: data, as: UTF8.self))
}

/// Ruby's `split` without a pattern: runs of ASCII whitespace separate words.
func asciiWords(_ s: String) -> [Substring] {
    var words: [Substring] = []
    let utf8 = s.utf8
    var index = utf8.startIndex
    var wordStart: String.Index? = nil
    while index != utf8.endIndex {
        if isSpace(utf8[index]) {
            if let start = wordStart {
                words.append(s[start..<index])
                wordStart = nil
            }
        } else if wordStart == nil {
            wordStart = index
        }
        index = utf8.index(after: index)
    }
    if let start = wordStart { words.append(s[start...]) }
    return words
}

// MARK: - Overflow-safe integer helpers (templates can hold any number)

/// A double as an Int, saturating at the bounds; NaN is 0.
func clampedInt(_ d: Double) -> Int {
    if d.isNaN { return 0 }
    if d >= 9.2e18 { return Int.max }
    if d <= -9.2e18 { return Int.min }
    return Int(d)
}

func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int.max : Int.min) : sum
}

func saturatingSubtract(_ a: Int, _ b: Int) -> Int {
    let (difference, overflow) = a.subtractingReportingOverflow(b)
    return overflow ? (b < 0 ? Int.max : Int.min) : difference
}
