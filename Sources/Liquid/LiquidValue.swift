import Foundation

/// A value a template can see: the result of an expression, a variable, a filter.
public enum LiquidValue: Sendable {
    case nil_
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([LiquidValue])
    case object([String: LiquidValue])
    case drop(any LiquidDrop)

    /// The nil value, spelled `.nil`.
    public static let `nil`: LiquidValue = .nil_
}

/// An object whose properties are computed when a template reads them (Jekyll's `page`, `site`, `include`).
public protocol LiquidDrop: AnyObject, Sendable {
    /// The property `key`, or nil when the drop has no such property.
    func liquidValue(forKey key: String) -> LiquidValue?
    /// The elements when the drop is iterated (`for`), or nil when it is not a sequence.
    var liquidArray: [LiquidValue]? { get }
    /// How the drop renders in `{{ }}`, or nil to render its materialised value (or nothing).
    var liquidDisplay: String? { get }
    /// The plain value the drop stands for (truthiness, comparisons, numeric filters), or nil.
    var liquidMaterialized: LiquidValue? { get }
    /// The property `key` where reading it can fail; defaults to `liquidValue(forKey:)`.
    func liquidLookup(_ key: String) throws(LiquidError) -> LiquidValue?
}

extension LiquidDrop {
    /// Whether the drop stands for a hash (it materialises to one): filters take it as one item, and it has no
    /// `last`.
    var isHash: Bool {
        if case .object? = liquidMaterialized { return true }
        return false
    }

    public var liquidArray: [LiquidValue]? { nil }
    public var liquidDisplay: String? { nil }
    public var liquidMaterialized: LiquidValue? { nil }
    public func liquidLookup(_ key: String) throws(LiquidError) -> LiquidValue? { liquidValue(forKey: key) }
}

// MARK: - Equality

extension LiquidValue: Equatable {
    /// Structural equality; drops compare by identity, ranges by their bounds. `1 == 1.0` holds, as in Liquid.
    public static func == (lhs: LiquidValue, rhs: LiquidValue) -> Bool {
        switch (lhs, rhs) {
        case (.nil_, .nil_): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        case (.drop(let a as RangeDrop), .drop(let b as RangeDrop)): return a.lower == b.lower && a.upper == b.upper
        case (.drop(let a), .drop(let b)): return a === b
        default: return false
        }
    }
}

// MARK: - Literals

extension LiquidValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: LiquidValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, LiquidValue)...) {
        var object: [String: LiquidValue] = [:]
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
    public init(nilLiteral: ()) { self = .nil_ }
}

// MARK: - Semantics shared by tags and filters

extension LiquidValue {
    /// Liquid truthiness: only nil and false are falsy.
    public var isTruthy: Bool {
        switch self {
        case .nil_: return false
        case .bool(let b): return b
        case .drop(let d):
            if let m = d.liquidMaterialized { return m.isTruthy }
            return true
        default: return true
        }
    }

    public var isNil: Bool {
        if case .nil_ = self { return true }
        if case .drop(let d) = self, let m = d.liquidMaterialized, case .nil_ = m { return true }
        return false
    }

    /// The value a drop stands for, or the value itself.
    var materialized: LiquidValue {
        if case .drop(let d) = self, let m = d.liquidMaterialized { return m }
        return self
    }

    /// The text `{{ value }}` renders.
    public var liquidString: String {
        switch self {
        case .nil_: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return formatDouble(d)
        case .string(let s): return s
        case .array(let a):
            var out = ""
            for element in a { out += element.liquidString }
            return out
        case .object: return inspect
        case .drop(let d):
            if let ordered = d as? LiquidOrderedObject { return ordered.liquidDisplay ?? "" }
            if let text = d.liquidDisplay { return text }
            if let m = d.liquidMaterialized { return m.liquidString }
            return ""
        }
    }

    /// Ruby's `inspect`, used when a hash is rendered or joined.
    public var inspect: String {
        switch self {
        case .nil_: return "nil"
        case .string(let s): return rubyInspectString(s)
        case .array(let a): return "[" + a.map(\.inspect).joined(separator: ", ") + "]"
        case .object(let o):
            if o.isEmpty { return "{}" }
            return "{" + o.keys.sorted().map { "\(rubyInspectString($0))=>\(o[$0]!.inspect)" }.joined(separator: ", ")
                + "}"
        case .drop(let d):
            if let ordered = d as? LiquidOrderedObject { return ordered.liquidDisplay ?? "{}" }
            return liquidString
        default: return liquidString
        }
    }

    /// The elements a `for` loop or an array filter walks over.
    var iterationElements: [LiquidValue] {
        switch self {
        case .nil_: return []
        case .array(let a): return a
        case .object(let o):
            return o.keys.sorted().map { .array([.string($0), o[$0]!]) }
        case .string(let s): return s.isEmpty ? [] : [self]
        case .drop(let d):
            if let a = d.liquidArray { return a }
            if let m = d.liquidMaterialized { return m.iterationElements }
            return [self]
        default: return [self]
        }
    }

    var isEmptyValue: Bool {
        switch self {
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        case .drop(let d):
            if let a = d.liquidArray { return a.isEmpty }
            if let m = d.liquidMaterialized { return m.isEmptyValue }
            return false
        default: return false
        }
    }

    var isBlankValue: Bool {
        switch self {
        case .nil_: return true
        case .bool(let b): return !b
        case .string(let s): return s.allSatisfy { $0.isWhitespace }
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        case .drop(let d):
            if let m = d.liquidMaterialized { return m.isBlankValue }
            if let a = d.liquidArray { return a.isEmpty }
            return false
        default: return false
        }
    }

    /// The property lookup `value.key` / `value["key"]`.
    func property(_ key: String) -> LiquidValue? {
        switch self {
        case .object(let o): return o[key]
        case .drop(let d): return d.liquidValue(forKey: key)
        default: return nil
        }
    }

    var typeName: String {
        switch self {
        case .nil_: return "NilClass"
        case .bool(let b): return b ? "TrueClass" : "FalseClass"
        case .int: return "Integer"
        case .double: return "Float"
        case .string: return "String"
        case .array: return "Array"
        case .object: return "Hash"
        case .drop: return "Drop"
        }
    }
}

func rubyInspectString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// Ruby's Float#to_s: shortest round-trip digits, exponent form outside 1e-4 ..< 1e16.
func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    let text = "\(d)"
    // Split Swift's shortest representation into sign, digits and decimal exponent.
    var negative = false
    var mantissa = Substring(text)
    if mantissa.hasPrefix("-") {
        negative = true
        mantissa = mantissa.dropFirst()
    }
    var exponent = 0
    if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(mantissa[mantissa.index(after: e)...]) ?? 0
        mantissa = mantissa[..<e]
    }
    var digits = ""
    var pointPosition = mantissa.count
    if let dot = mantissa.firstIndex(of: ".") {
        pointPosition = mantissa.distance(from: mantissa.startIndex, to: dot)
        digits = String(mantissa[..<dot]) + String(mantissa[mantissa.index(after: dot)...])
    } else {
        digits = String(mantissa)
    }
    // Normalise: strip leading zeros (adjusting the point), trailing zeros.
    var leading = 0
    for c in digits {
        if c == "0" { leading += 1 } else { break }
    }
    digits.removeFirst(leading)
    pointPosition -= leading
    while digits.hasSuffix("0") { digits.removeLast() }
    if digits.isEmpty { return negative ? "-0.0" : "0.0" }
    let decimalExponent = pointPosition + exponent  // value = 0.digits × 10^decimalExponent
    var out = negative ? "-" : ""
    let e = decimalExponent - 1
    if e >= 16 || e < -4 {
        out.append(digits.first!)
        out += "."
        let rest = digits.dropFirst()
        out += rest.isEmpty ? "0" : String(rest)
        out += e < 0 ? "e-" : "e+"
        let magnitude = abs(e)
        out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        return out
    }
    if decimalExponent <= 0 {
        out += "0." + String(repeating: "0", count: -decimalExponent) + digits
    } else if decimalExponent >= digits.count {
        out += digits + String(repeating: "0", count: decimalExponent - digits.count) + ".0"
    } else {
        let i = digits.index(digits.startIndex, offsetBy: decimalExponent)
        out += digits[..<i] + "." + digits[i...]
    }
    return out
}
