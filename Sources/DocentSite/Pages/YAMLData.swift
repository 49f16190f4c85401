import Liquid
import Yams

/// YAML (front matter or a data file) turned into template values, with the source position of every key path
/// so that later stages can point at `breadcrumbs[1]` on its own line.
public struct YAMLData: Sendable {
    public var value: LiquidValue
    /// Positions by key path (`title`, `faqs[1].a`), relative to the YAML text (1-based).
    public var positions: [String: (line: Int, column: Int)]

    public struct ParseError: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    public static func parse(_ yaml: String) -> Result<YAMLData, ParseError> {
        if let plain = PlainYAML.parse(yaml) { return .success(plain) }
        let result = parseWithYams(yaml)
        // Yams names a duplicated key but places it at the document's start: the second one is where to look.
        if case .failure(let error) = result, error.message.contains("duplicated key"),
            let duplicate = YAMLMistakes.duplicateKey(yaml)
        {
            return .failure(duplicate)
        }
        // Yams reports where it noticed a problem; an unclosed quote or bracket is usually lines before that.
        if case .failure(let error) = result, let mistake = YAMLMistakes.locate(yaml),
            (mistake.line, mistake.column) <= (error.line, error.column)
        {
            return .failure(mistake)
        }
        return result
    }

    /// Every YAML through Yams (what `parse` does for text `PlainYAML` does not read).
    static func parseWithYams(_ yaml: String) -> Result<YAMLData, ParseError> {
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                return .success(YAMLData(value: .object([:]), positions: [:]))
            }
            var data = YAMLData(value: .nil, positions: [:])
            var budget = ConversionBudget(values: yaml.utf8.count + ConversionBudget.extraValues)
            data.value = try data.convert(node, path: "", depth: 0, budget: &budget)
            return .success(data)
        } catch let error as ParseError {
            return .failure(error)
        } catch let error as YamlError {
            return .failure(Self.describe(error))
        } catch {
            return .failure(ParseError(message: "\(error)", line: 1, column: 1))
        }
    }

    public func position(of path: String) -> (line: Int, column: Int)? {
        positions[path]
    }

    /// Bounds the work of turning a YAML tree into values. Without aliases a text of n bytes holds at most n
    /// values; aliases (`*name`) repeat a whole subtree, and nine levels of nine make a billion ("billion laughs"),
    /// so the values an alias adds are capped, and so is the nesting depth (conversion recurses).
    struct ConversionBudget {
        static let extraValues = 100_000
        static let maxDepth = 200
        var values: Int
    }

    private mutating func convert(_ node: Node, path: String, depth: Int, budget: inout ConversionBudget)
        throws(ParseError) -> LiquidValue
    {
        budget.values -= 1
        if budget.values < 0 || depth > ConversionBudget.maxDepth {
            let mark = node.mark.map { ($0.line, $0.column) } ?? (1, 1)
            throw ParseError(
                message: budget.values < 0
                    ? "the YAML expands to more than \(ConversionBudget.extraValues) values through its aliases (`*name`), a \"billion laughs\""
                    : "the YAML nests deeper than \(ConversionBudget.maxDepth) levels",
                line: mark.0, column: mark.1)
        }
        if let mark = node.mark, positions[path] == nil { positions[path] = (mark.line, mark.column) }
        switch node {
        case .scalar(let scalar):
            return Self.scalarValue(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            var items: [LiquidValue] = []
            items.reserveCapacity(sequence.count)
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, path: "\(path)[\(index)]", depth: depth + 1, budget: &budget))
            }
            return .array(items)
        case .mapping(let mapping):
            var object: [String: LiquidValue] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if let mark = key.mark { positions[childPath] = (mark.line, mark.column) }
                object[name] = try convert(value, path: childPath, depth: depth + 1, budget: &budget)
            }
            return .object(object)
        case .alias:
            return .nil
        }
    }

    /// Plain scalars resolved as Yams's default resolver (and Jekyll's YAML 1.1) would: null, booleans (also
    /// yes/no/on/off), integers, floats. Done by hand: Yams resolves with regular expressions, which cost more than
    /// the rest of front matter parsing together. Quoted and block scalars stay strings.
    static func scalarValue(_ text: String, plain: Bool) -> LiquidValue {
        guard plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .nil
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string(text) }
        if let number = Int(text) { return .int(number) }
        if text.hasPrefix("0x"), let number = Int(text.dropFirst(2), radix: 16) { return .int(number) }
        if isFloat(text), let number = Double(text) { return .double(number) }
        return .string(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard !integer.isEmpty || fraction > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0 else { return false }
            bytes = bytes.dropFirst(exponent)
        }
        return bytes.isEmpty
    }

    private static func describe(_ error: YamlError) -> ParseError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " (\(context.text))" }
            return ParseError(message: message, line: mark.line, column: mark.column)
        case .reader(let problem, _, _, _):
            return ParseError(message: problem, line: 1, column: 1)
        default:
            return ParseError(message: "\(error)", line: 1, column: 1)
        }
    }
}
