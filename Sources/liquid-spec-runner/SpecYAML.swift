import Foundation
import Liquid
import Yams

/// The suite's YAML read as node trees, so that nothing Ruby's YAML accepts is lost: keys that are mappings,
/// booleans, numbers or symbols (`? {…} : 0.4`, `true: 1`, `:key: 1`) and anchors used inside themselves (`&1 … *1`).
enum SpecYAML {
    /// The text a recursive alias is replaced with before the file is composed again.
    static let recursiveMarker = "<recursive alias: docent spec runner>"

    /// The document's root. Yams cannot compose an alias to an anchor that is still open (a recursive hash), so such
    /// an alias is replaced with a marker scalar, one at a time, at the place the composer reports (bounded by the
    /// number of `*` in the text).
    static func compose(_ text: String) throws -> Node? {
        var text = text
        var attempts = text.utf8.filter { $0 == UInt8(ascii: "*") }.count
        while true {
            do {
                return try Yams.compose(yaml: text)
            } catch let YamlError.composer(_, problem, mark, _) where problem == "found undefined alias" && attempts > 0
            {
                attempts -= 1
                guard let replaced = replacingAlias(in: text, line: mark.line, column: mark.column) else {
                    throw YamlError.composer(context: nil, problem: problem, mark, yaml: text)
                }
                text = replaced
            }
        }
    }

    /// `*name` at the 1-based line and column (Yams's mark) replaced with the quoted marker.
    static func replacingAlias(in text: String, line: Int, column: Int) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line >= 1, line <= lines.count else { return nil }
        var characters = Array(lines[line - 1])
        var start = max(0, min(column - 1, characters.count - 1))
        while start < characters.count, characters[start] != "*" { start += 1 }
        guard start < characters.count else { return nil }
        var end = start + 1
        while end < characters.count, !characters[end].isWhitespace, characters[end] != ",", characters[end] != "]",
            characters[end] != "}"
        {
            end += 1
        }
        characters.replaceSubrange(start..<end, with: Array("'\(recursiveMarker)'"))
        lines[line - 1] = String(characters)
        return lines.joined(separator: "\n")
    }

    /// A plain Swift value for the spec's own fields (name, template, errors…); mapping keys as text.
    static func plain(_ node: Node) -> Any? {
        switch node {
        case .scalar: return node.any
        case .sequence(let sequence): return sequence.map { plain($0) ?? NSNull() }
        case .mapping(let mapping):
            var result: [String: Any] = [:]
            for (key, value) in mapping { result[key.string ?? rubyInspect(key)] = plain(value) ?? NSNull() }
            return result
        case .alias: return nil
        }
    }

    /// A value of a spec's environment, as Ruby's YAML loader builds it: hashes keep their order and their keys'
    /// types (`:sym`, `1`, `true`, a hash), which show when a hash is rendered.
    static func environmentValue(_ node: Node) -> LiquidValue {
        switch node {
        case .mapping(let mapping):
            if mapping.count == 1, let key = mapping.first?.key.string, key.hasPrefix("instantiate:") {
                // Constructor arguments: named fields, or a list under the empty name (`Range: [1, 5]`).
                let arguments = plain(mapping.first!.value)
                let fields = arguments as? [String: Any] ?? ["": arguments ?? NSNull()]
                return TestDrops.make(String(key.dropFirst("instantiate:".count)), fields)
            }
            return .drop(RubyHash(mapping.map { (RubyHash.Key($0.key), environmentValue($0.value)) }))
        case .sequence(let sequence):
            return .array(sequence.map(environmentValue))
        case .scalar(let scalar):
            if scalar.string == recursiveMarker { return .drop(RecursiveReference()) }
            // Ruby's YAML reads a plain `:name` as a symbol, which renders as its name.
            if scalar.style == .plain, scalar.string.hasPrefix(":"), scalar.string.count > 1,
                scalar.string.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            {
                return .string(String(scalar.string.dropFirst()))
            }
            return SpecRunner.liquidValue(node.any)
        case .alias:
            return .nil_
        }
    }

    /// Ruby's `inspect` of a YAML node used as a hash key.
    static func rubyInspect(_ node: Node) -> String {
        switch node {
        case .scalar:
            switch node.any {
            case let string as String:
                if string.hasPrefix(":"), string.count > 1 { return string }
                return "\""
                    + string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            case let bool as Bool: return bool ? "true" : "false"
            case let int as Int: return String(int)
            case let double as Double: return String(double)
            case is NSNull: return "nil"
            default: return node.string ?? "nil"
            }
        case .sequence(let sequence): return "[" + sequence.map(rubyInspect).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            if mapping.count == 0 { return "{}" }
            return "{" + mapping.map { rubyInspect($0.key) + "=>" + rubyInspect($0.value) }.joined(separator: ", ")
                + "}"
        case .alias: return "nil"
        }
    }
}

/// A Ruby hash from the spec's YAML: insertion order, and keys that are not all strings. Liquid reads a property by
/// its string name, so only string keys can be read from templates; every key shows when the hash is rendered.
final class RubyHash: LiquidDrop {
    struct Key {
        /// The key as Liquid looks it up, nil for a key that is not a string (a symbol, number, hash…).
        var name: String?
        var inspect: String

        init(_ node: Node) {
            let isString = node.any is String && !(node.string ?? "").hasPrefix(":") && node.isScalar
            name = isString ? node.string : nil
            inspect = SpecYAML.rubyInspect(node)
        }
    }

    let pairs: [(key: Key, value: LiquidValue)]
    let ordered: LiquidOrderedObject

    init(_ pairs: [(Key, LiquidValue)]) {
        self.pairs = pairs.map { (key: $0.0, value: $0.1) }
        ordered = LiquidOrderedObject(pairs.compactMap { pair in pair.0.name.map { ($0, pair.1) } })
    }

    /// A string key by name; a number or boolean key by how it is written (`hash[1]` reaches the key `1`).
    func liquidValue(forKey key: String) -> LiquidValue? {
        if let value = ordered.liquidValue(forKey: key) { return value }
        return pairs.first { $0.key.name == nil && $0.key.inspect == key }?.value
    }
    /// Every pair; a key that is not a string shows as Ruby inspects it.
    var liquidArray: [LiquidValue]? { pairs.map { .array([.string($0.key.name ?? $0.key.inspect), $0.value]) } }
    var liquidMaterialized: LiquidValue? {
        var object: [String: LiquidValue] = [:]
        for pair in pairs { object[pair.key.name ?? pair.key.inspect] = pair.value }
        return .object(object)
    }
    var liquidDisplay: String? {
        if pairs.allSatisfy({ $0.key.name != nil }) { return ordered.liquidDisplay }
        return "{" + pairs.map { "\($0.key.inspect)=>\($0.value.inspect)" }.joined(separator: ", ") + "}"
    }
}

/// The place a recursive YAML alias pointed back at its own hash: Ruby prints it as `{...}`.
final class RecursiveReference: LiquidDrop {
    func liquidValue(forKey key: String) -> LiquidValue? { nil }
    var liquidDisplay: String? { "{...}" }
}

extension Node {
    fileprivate var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }
}
