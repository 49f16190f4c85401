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
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                return .success(YAMLData(value: .object([:]), positions: [:]))
            }
            var data = YAMLData(value: .nil, positions: [:])
            data.value = data.convert(node, path: "")
            return .success(data)
        } catch let error as YamlError {
            return .failure(Self.describe(error))
        } catch {
            return .failure(ParseError(message: "\(error)", line: 1, column: 1))
        }
    }

    public func position(of path: String) -> (line: Int, column: Int)? {
        positions[path]
    }

    private mutating func convert(_ node: Node, path: String) -> LiquidValue {
        if let mark = node.mark, positions[path] == nil { positions[path] = (mark.line, mark.column) }
        switch node {
        case .scalar(let scalar):
            return Self.scalarValue(scalar, tag: node.tag.rawValue)
        case .sequence(let sequence):
            var items: [LiquidValue] = []
            items.reserveCapacity(sequence.count)
            for (index, item) in sequence.enumerated() { items.append(convert(item, path: "\(path)[\(index)]")) }
            return .array(items)
        case .mapping(let mapping):
            var object: [String: LiquidValue] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if let mark = key.mark { positions[childPath] = (mark.line, mark.column) }
                object[name] = convert(value, path: childPath)
            }
            return .object(object)
        case .alias:
            return .nil
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar, tag: String) -> LiquidValue {
        let text = scalar.string
        switch tag {
        case Tag.Name.null.rawValue: return .nil
        case Tag.Name.bool.rawValue: return Bool.construct(from: scalar).map(LiquidValue.bool) ?? .string(text)
        case Tag.Name.int.rawValue: return Int.construct(from: scalar).map(LiquidValue.int) ?? .string(text)
        case Tag.Name.float.rawValue: return Double.construct(from: scalar).map(LiquidValue.double) ?? .string(text)
        default: return .string(text)
        }
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
